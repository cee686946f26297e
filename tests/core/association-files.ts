import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { OpOutput } from '../../electron/contract';
import type { Db } from '../../electron/core/db/database';
import { databaseKey, PRESIDENT_PASSWORD, testCore, withDb, type TestCore } from './helpers';

/** A real association file, created and signed in by its president: one side of an exchange. */
export interface AssociationFile {
  core: TestCore;
  path: string;
  userId: string;
  key: Buffer;
  card: OpOutput<'identity.card'>;
  /** Every row of every table, as one digest: what must not change when a file is refused. */
  content(): string;
}

function digestOfEveryRow(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name: table } of tables) hash.update(`${table}:${JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all())}`);
  return hash.digest('hex');
}

export async function associationFile(dir: string, name: string, city: string, now: () => Date): Promise<AssociationFile> {
  const core = testCore(dir, now);
  const { session } = await core.must('file.create', {
    associationName: name,
    city,
    directory: join(dir, 'documents'),
    displayName: 'Nadia Bennani',
    password: PRESIDENT_PASSWORD,
  });
  const key = await databaseKey(session.path, session.user.id, PRESIDENT_PASSWORD);
  return {
    core,
    path: session.path,
    userId: session.user.id,
    key,
    card: await core.must('identity.card', {}),
    content: () => withDb(session.path, key, digestOfEveryRow),
  };
}

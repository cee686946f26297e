// `npm run bench`: the speed targets of the issues, measured on this machine (never in tests).
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { beneficiaryInputSchema, beneficiarySearchSchema, type BeneficiaryInput, type OpInput, type OpName, type OpOutput } from '../electron/contract';
import { createBeneficiary } from '../electron/core/beneficiaries/service';
import { benchAttendance } from './bench-attendance';
import { benchBackups } from './bench-backups';
import { benchDuplicates } from './bench-duplicates';
import { benchGrants } from './bench-grants';
import { benchImport } from './bench-import';
import { benchMembers } from './bench-members';
import { benchSearch, typedQueries } from './bench-search';
import { benchReports } from './bench-reports';
import { benchSheets } from './bench-sheets';
import { benchStartup } from './bench-startup';
import { benchTreasury } from './bench-treasury';
import { benchTyping, typedNames } from './bench-typing';
import type { WriteTx } from '../electron/core/context';
import { closeFile, createAssociationFile } from '../electron/core/db/association-file';
import type { Db } from '../electron/core/db/database';
import { DEFAULT_KDF } from '../electron/core/db/keyslots';
import { deriveKey, newKdfParams } from '../electron/core/db/slot-crypto';
import { migrate } from '../electron/core/db/migrate';
import { fictitiousBeneficiary } from '../electron/core/demo/beneficiaries';
import { seededRandom } from '../electron/core/demo/random';
import { createCore, type Core } from '../electron/core/dispatcher';
import { percentile, timed } from './bench-stats';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const KDF = `${DEFAULT_KDF.name} N=${DEFAULT_KDF.N} r=${DEFAULT_KDF.r} p=${DEFAULT_KDF.p}`;

interface Result {
  name: string;
  value: number;
  unit: string;
  target: number;
}

async function must<K extends OpName>(core: Core, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await core.dispatch(op, input);
  if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
  return result.value as OpOutput<K>;
}

/**
 * Sign-in as a person feels it, on `path`: one scrypt, the file's checks, the session, and the
 * data of the first screen (the list of people, newest first).
 */
async function unlockTime(dir: string, path: string, userId: string, password: string): Promise<number> {
  const core = createCore({ dataDir: join(dir, 'data'), documentsDir: join(dir, 'docs') });
  const times: number[] = [];
  const firstScreen = beneficiarySearchSchema.parse({ offset: 0, limit: 100 });
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await must(core, 'file.open', { path, userId, password });
    await must(core, 'beneficiaries.search', firstScreen);
    times.push(performance.now() - start);
    // The whole-file check that follows each sign-in would otherwise run into the next one's scrypt.
    while ((await must(core, 'file.integrity', {})) === 'checking') await new Promise((r) => setTimeout(r, 20));
    await must(core, 'session.lock', {});
  }
  core.close();
  // The password's key derivation is most of it, and its cost is set by security, not by us: shown
  // beside the total so the rest can be read.
  const kdf: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await deriveKey(password, newKdfParams());
    kdf.push(performance.now() - start);
  }
  const median = percentile(times, 50);
  console.log(`sign-in: median ${median.toFixed(0)} ms, of which the KDF alone (${KDF}) ${percentile(kdf, 50).toFixed(0)} ms`);
  return median;
}

/** Everyone, created one after the other over five years, so "newest first" walks a real index. */
function fill(db: Db, people: BeneficiaryInput[], now: Date): void {
  const span = 5 * 365 * 24 * 3600 * 1000;
  const user = { id: 'bench', displayName: 'Bench', role: 'president', locale: 'fr', mustChangePassword: false, createdAt: '' } as const;
  db.transaction(() =>
    people.forEach((p, i) => {
      const at = new Date(now.getTime() - span + (span * i) / people.length).toISOString();
      const tx: WriteTx = { db, user, at, audit: () => undefined };
      createBeneficiary(p)(tx);
    }),
  )();
}

const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-'));
const results: Result[] = [];
try {
  const now = new Date();
  const random = seededRandom(42);
  const people = Array.from({ length: PEOPLE }, () => beneficiaryInputSchema.parse(fictitiousBeneficiary(random, now)));
  const queries = typedQueries(people, seededRandom(7), 300);

  const { file, user: president } = await createAssociationFile(
    { directory: join(dir, 'docs'), associationName: 'Bench 50k', city: 'Oujda', president: { displayName: 'P', password: 'bench password 2026', locale: 'fr' } },
    { now },
  );
  const fillMs = timed(() => fill(file.db, people, now));
  console.log(`filled ${PEOPLE} people (encrypted) in ${(fillMs / 1000).toFixed(1)} s`);
  const plain = new Database(join(dir, 'plain.sqlite'));
  plain.pragma('journal_mode = WAL');
  plain.pragma('cache_size = -65536');
  migrate(plain);
  fill(plain, people, now);

  results.push(...benchSearch(file.db, plain, queries, PEOPLE, now));
  plain.close();
  results.push(...benchDuplicates(file.db, PEOPLE));
  results.push(...(await benchBackups(file, president.id, 'bench password 2026'))); // (closes the file)
  closeFile(file);
  results.push({
    name: `sign-in to the first screen's data (KDF included) on the ${PEOPLE}-person file, median`,
    value: await unlockTime(dir, file.path, president.id, 'bench password 2026'),
    unit: 'ms',
    target: 600,
  });
  results.push(...(await benchAttendance(dir, now)));
  results.push(...(await benchGrants(dir, now)));
  results.push(...(await benchMembers(dir, now)));
  results.push(...(await benchTreasury(dir, now)));
  results.push(...(await benchImport(dir, now)));
  results.push(...(await benchReports(dir, now)));
  results.push(...(await benchSheets()));
  results.push(...(await benchTyping(file.path, president.id, 'bench password 2026', typedNames(people))));
  results.push(...(await benchStartup()));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`KDF: ${KDF}`);
let failed = false;
for (const r of results) {
  const pass = r.value <= r.target;
  failed ||= !pass;
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.value.toFixed(r.unit === '×' ? 2 : 1)} ${r.unit} (target ≤ ${r.target} ${r.unit})`);
}
process.exitCode = failed ? 1 : 0;

import { copyFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { createdFile, PRESIDENT_PASSWORD, testCore, useTempDir } from '../helpers';

const tmp = useTempDir();
it('explore', async () => {
  const dir = tmp(); const core = testCore(dir);
  const a = await createdFile(core, dir, 'Assoc A');
  console.log(readdirSync(join(dir, 'documents')).map(f => [f, statSync(join(dir,'documents',f)).size]));
  await core.must('session.lock', {});
  console.log(readdirSync(join(dir, 'documents')).map(f => [f, statSync(join(dir,'documents',f)).size]));
  const b = await createdFile(core, dir, 'Assoc B');
  await core.must('session.lock', {});
  console.log(readFileSync(a.session.path).subarray(0, 32).toString('hex'));
  console.log(readFileSync(b.session.path).subarray(0, 32).toString('hex'));
  copyFileSync(b.session.path + '.keys', a.session.path + '.keys');
  console.log(await core.call('file.open', { path: a.session.path, userId: b.session.user.id, password: PRESIDENT_PASSWORD }));
  console.log(readdirSync(join(dir, 'documents')));
});

// A process that works on a real file through the real core until it is killed: the parent
// (crash-safety.test.ts) bundles it with esbuild, runs it with node and sends SIGKILL at random.
// Every line it prints is written synchronously, after the operation it reports has returned ok.
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { closeFile, openUnlocked, unlockKeys } from '../../../electron/core/db/association-file';
import { userSlot } from '../../../electron/core/db/keyslots';
import { rekeyOpenFile, type RekeyStep } from '../../../electron/core/db/rekey';
import { createCore } from '../../../electron/core/dispatcher';
import { person } from '../builders';

const [mode, path, userId, password, dataDir, target] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);

async function must(core: ReturnType<typeof createCore>, op: string, input: unknown): Promise<unknown> {
  const result = await core.dispatch(op, input);
  if (!result.ok) throw new Error(`${op}: ${result.error.code}`);
  return result.value;
}

async function main(): Promise<void> {
  if (mode === 'rekey-step') {
    // The procedure itself, reporting each point reached; killed at `target` (or by the parent).
    const unlocked = await unlockKeys(path, (k) => ({ slot: userSlot(k, userId), secret: password }), 'wrong_password');
    const file = openUnlocked(path, unlocked, { now: new Date() });
    unlocked.unlocked.dispose();
    say('ready');
    for (;;) {
      rekeyOpenFile(file, new Date(), (step: RekeyStep) => {
        say(`step ${step}`);
        if (step === target) process.kill(process.pid, 'SIGKILL');
      });
      say(`rekeyed ${file.keyGeneration}`);
      if (target === 'none') break;
    }
    closeFile(file);
    return;
  }

  const core = createCore({ dataDir, documentsDir: join(dataDir, 'documents') });
  await must(core, 'file.open', { path, userId, password });
  say('ready');
  for (let i = 0; ; i++) {
    if (mode === 'writes' || mode === 'backups') {
      const created = (await must(core, 'beneficiaries.create', person({ firstName: 'Crash', lastName: `Test ${i}` }))) as { id: string };
      say(`committed ${created.id}`);
    }
    if (mode === 'backups') {
      const { backup } = (await must(core, 'backups.create', {})) as { backup: { fileName: string } };
      say(`backup ${backup.fileName}`);
    }
    if (mode === 'rekeys') {
      const { keyGeneration } = (await must(core, 'security.rekey', { password })) as { keyGeneration: number };
      say(`rekeyed ${keyGeneration}`);
    }
  }
}

main().catch((error: unknown) => {
  say(`error ${(error as Error).message}`);
  process.exit(1);
});

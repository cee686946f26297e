// `npm run bench`: the speed targets of the issues, measured on this machine (never in tests).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { OpInput, OpName, OpOutput } from '../electron/contract';
import { createCore, type Core } from '../electron/core/dispatcher';
import { DEFAULT_KDF } from '../electron/core/db/keyslots';

interface Measure {
  name: string;
  target: string;
  ms: number[];
  limitMs: number;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function must<K extends OpName>(core: Core, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await core.dispatch(op, input);
  if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
  return result.value as OpOutput<K>;
}

const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-'));
const core = createCore({ dataDir: join(dir, 'data'), documentsDir: join(dir, 'docs') });
const measures: Measure[] = [];
try {
  const password = 'bench password 2026';
  const created = await must(core, 'file.create', {
    associationName: 'Bench',
    city: 'Rabat',
    directory: join(dir, 'docs'),
    displayName: 'Bench President',
    password,
  });
  const { path, user } = created.session;
  const unlock: Measure = { name: 'unlock (file.open)', target: '≤ 1 s', ms: [], limitMs: 1000 };
  for (let i = 0; i < 5; i++) {
    await core.dispatch('session.lock', {});
    unlock.ms.push(await time(() => must(core, 'file.open', { path, userId: user.id, password })));
  }
  measures.push(unlock);
} finally {
  core.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`KDF: scrypt N=${DEFAULT_KDF.N} r=${DEFAULT_KDF.r} p=${DEFAULT_KDF.p}`);
let failed = false;
for (const m of measures) {
  const sorted = [...m.ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const pass = median <= m.limitMs;
  failed ||= !pass;
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${m.name}: median ${median.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms (target ${m.target})`);
}
process.exitCode = failed ? 1 : 0;

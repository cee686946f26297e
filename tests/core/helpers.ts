import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { OpName, OpInput, OpOutput, Result } from '../../electron/contract';
import { createCore, type Core } from '../../electron/core/dispatcher';

/** A fresh temp folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-test-'));
    dirs.push(dir);
    return dir;
  };
}

export interface TestCore extends Core {
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  /** Same as call, but fails the test on an error result. */
  must<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
}

export function testCore(dir: string, now?: () => Date): TestCore {
  const core = createCore({ dataDir: join(dir, 'data'), documentsDir: join(dir, 'documents'), now });
  return {
    ...core,
    call: (op, input) => core.dispatch(op, input) as never,
    async must(op, input) {
      const result = await core.dispatch(op, input);
      if (!result.ok) throw new Error(`${op} failed with ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
  };
}

export const PRESIDENT_PASSWORD = 'correct horse battery';

export async function createdFile(core: TestCore, dir: string, associationName = 'Association Amal') {
  return core.must('file.create', {
    associationName,
    city: 'Oujda',
    directory: join(dir, 'documents'),
    displayName: 'Nadia Bennani',
    password: PRESIDENT_PASSWORD,
  });
}

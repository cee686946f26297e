import { render, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import type { AppStatus, ErrorCode, OpInput, OpName, OpOutput, Result, SessionInfo } from '../../electron/contract';
import { App } from '../../renderer/app/App';
import { createQueryClient } from '../../renderer/app/queryClient';
import { invoke } from '../../renderer/transport';

type Handler<K extends OpName> = (input: OpInput<K>) => Result<OpOutput<K>> | Promise<Result<OpOutput<K>>>;
export type FakeCore = { [K in OpName]?: Handler<K> };

export const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode): Result<never> => ({ ok: false, error: { code } });

export const FILE_PATH = '/home/amal/Documents/Association Amal.tadamon';

export function status(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    session: null,
    recentFiles: [],
    defaultDirectory: '/home/amal/Documents',
    locale: 'fr',
    canBrowse: false,
    ...overrides,
  };
}

export function session(overrides: Partial<SessionInfo['user']> = {}): SessionInfo {
  return {
    path: FILE_PATH,
    keysPath: `${FILE_PATH}.keys`,
    association: { name: 'Association Amal', city: 'Oujda' },
    user: {
      id: 'u-nadia',
      displayName: 'Nadia Bennani',
      role: 'president',
      locale: 'fr',
      mustChangePassword: false,
      ...overrides,
    },
    autoLockMinutes: 10,
  };
}

/**
 * Answers `invoke` (the transport, mocked with vi.mock in each test file) from the handlers given;
 * an operation without a handler answers `not_supported`, so a stray call shows up in the UI.
 */
export function fakeCore(core: FakeCore) {
  const mocked = vi.mocked(invoke);
  mocked.mockImplementation(async (op, input) => {
    const handler = core[op] as Handler<typeof op> | undefined;
    return handler ? handler(input as never) : fail('not_supported');
  });
  return {
    calls: (op: OpName) => mocked.mock.calls.filter(([name]) => name === op).map(([, input]) => input),
    /** Every operation asked for, in order, except the status the app reads on its own. */
    asked: () => mocked.mock.calls.map(([name]) => name).filter((name) => name !== 'app.status'),
  };
}

export async function renderApp(hash = '#/') {
  window.location.hash = hash;
  render(<App queryClient={createQueryClient()} env="test" />);
  await screen.findAllByRole('radiogroup', { name: /Langue|اللغة|Language/ });
}

/** Opens the export menu and picks one of its items. */
export async function chooseExport(user: UserEvent, item: string): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Exporter' }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
}

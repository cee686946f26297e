import { createContext, useContext, useState, type ReactNode } from 'react';
import { useAppStatus } from './session';

export interface PendingRecovery {
  code: string;
  associationName: string;
  path: string;
  createdAt: Date;
}

export interface SignInTarget {
  path: string;
  userId: string;
}

interface SessionMemoryValue {
  /** A just-created file's recovery code: the shell stays closed until it has been confirmed. */
  pendingRecovery: PendingRecovery | null;
  setPendingRecovery: (pending: PendingRecovery | null) => void;
  /** Where to send the person back after a lock: same file, same user. */
  lastSignIn: SignInTarget | null;
  demoPaths: ReadonlySet<string>;
  rememberDemo: (path: string) => void;
}

const SessionMemoryContext = createContext<SessionMemoryValue | null>(null);

/** What the screens need to remember between sessions: the core only ever describes the current one. */
export function SessionMemoryProvider({ children }: { children: ReactNode }) {
  const session = useAppStatus().data?.session;
  const [pendingRecovery, setPendingRecovery] = useState<PendingRecovery | null>(null);
  const [lastSignIn, setLastSignIn] = useState<SignInTarget | null>(null);
  const [demoPaths, setDemoPaths] = useState<ReadonlySet<string>>(new Set());

  if (session && (lastSignIn?.path !== session.path || lastSignIn.userId !== session.user.id)) {
    setLastSignIn({ path: session.path, userId: session.user.id });
  }

  const rememberDemo = (path: string) => setDemoPaths((paths) => new Set(paths).add(path));

  return (
    <SessionMemoryContext.Provider value={{ pendingRecovery, setPendingRecovery, lastSignIn, demoPaths, rememberDemo }}>
      {children}
    </SessionMemoryContext.Provider>
  );
}

export function useSessionMemory(): SessionMemoryValue {
  const value = useContext(SessionMemoryContext);
  if (!value) throw new Error('useSessionMemory needs SessionMemoryProvider');
  return value;
}

import { useEffect } from 'react';
import { Navigate, Outlet } from 'react-router';
import { loadHomePage } from '../features/home/routes';
import { ChoosePasswordPage } from '../features/settings/ChoosePasswordPage';
import { RecoveryCodePage } from '../features/welcome/RecoveryCodePage';
import { homePath, signInPath } from './paths';
import { PublicFrame } from './PublicFrame';
import { useAppStatus } from './session';
import { useSessionMemory } from './SessionMemory';
import { Shell } from './Shell';

/** Welcome and sign-in screens: once signed in, only a just-created file's recovery code stays in the way. */
export function PublicOnly() {
  const session = useAppStatus().data?.session;
  const { pendingRecovery, setPendingRecovery } = useSessionMemory();
  useEffect(() => whenIdle(loadHomePage), []);
  if (session && pendingRecovery?.path === session.path) {
    return (
      <PublicFrame>
        <RecoveryCodePage pending={pendingRecovery} onConfirmed={() => setPendingRecovery(null)} />
      </PublicFrame>
    );
  }
  if (session) return <Navigate to={homePath} replace />;
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}

/**
 * The home page everyone lands on after signing in is fetched ahead, but only once the first screen is
 * painted and the page is idle: fetched earlier, it would compete with that screen.
 */
function whenIdle(task: () => unknown): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined;
  const handle = requestIdleCallback(() => void task(), { timeout: 2000 });
  return () => cancelIdleCallback(handle);
}

/** The areas: without a session, back to the sign-in of the file and person last signed in. */
export function SignedInOnly() {
  const session = useAppStatus().data?.session;
  const { lastSignIn, pendingRecovery } = useSessionMemory();
  if (!session) return <Navigate to={lastSignIn ? signInPath(lastSignIn.path, lastSignIn.userId) : '/'} replace />;
  if (pendingRecovery?.path === session.path) return <Navigate to="/" replace />;
  if (session.user.mustChangePassword) {
    return (
      <PublicFrame>
        <ChoosePasswordPage />
      </PublicFrame>
    );
  }
  return (
    <Shell session={session}>
      <Outlet />
    </Shell>
  );
}

import { useEffect } from 'react';
import { Navigate, Outlet } from 'react-router';
import { loadBeneficiaryList } from '../features/beneficiaries/routes';
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
  useEffect(() => void loadBeneficiaryList(), []);
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

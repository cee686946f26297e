import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { losesNothing } from './after-save';
import { LeaveConfirm } from './LeaveConfirm';
import { useOpenDraft } from './open-drafts';

export { afterSave } from './after-save';

/**
 * Put in a form or the attendance screen: while it holds changes not saved, leaving for another
 * page asks first, and the shell asks before locking. Signing out by the automatic lock is never
 * held back (the form is gone before the sign-in screen is asked for).
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  useOpenDraft(dirty);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname && !losesNothing(nextLocation),
  );
  return (
    <LeaveConfirm
      opened={blocker.state === 'blocked'}
      leaveLabel={t('unsaved.leave')}
      onStay={() => blocker.reset?.()}
      onLeave={() => blocker.proceed?.()}
    />
  );
}

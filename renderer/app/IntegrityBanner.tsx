import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionInfo } from '../../electron/contract';
import { useOp } from './ops';

/**
 * The whole-file check runs just after sign-in, in the background (the first screen does not wait
 * for it). Damage it finds is said at once, on every screen, with the way out: a backup.
 */
export function IntegrityBanner({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const check = useOp('file.integrity', {}, { refetchInterval: (query) => (query.state.data === 'checking' ? 1000 : false) });
  if (check.data !== 'damaged') return null;
  return (
    <Alert color="red" variant="filled" mb="md" title={t('integrity.damagedTitle')}>
      {t('integrity.damaged')}{' '}
      {session.user.role === 'president' ? (
        <Anchor component={Link} to="/settings/backups" c="white" fw={700} underline="always">
          {t('integrity.restore')}
        </Anchor>
      ) : (
        t('integrity.askPresident')
      )}
    </Alert>
  );
}

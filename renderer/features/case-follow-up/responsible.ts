import { useTranslation } from 'react-i18next';
import { useOp } from '../../app/ops';
import { useAppStatus } from '../../app/session';

/**
 * Who may be made responsible for a procedure. Only presidents may list the users (the core
 * refuses others), so a volunteer or treasurer chooses between nobody, themself, and whoever is
 * already responsible.
 */
export function useResponsibleOptions(current?: { id: string | null; name: string | null }) {
  const { t } = useTranslation();
  const status = useAppStatus();
  const user = status.data?.session?.user;
  const isPresident = user?.role === 'president';
  const users = useOp('users.list', {}, { enabled: isPresident, staleTime: 60_000 });

  const options = [{ value: '', label: t('followUp.procedures.nobody') }];
  if (isPresident && users.data) {
    options.push(...users.data.map((u) => ({ value: u.id, label: u.displayName })));
  } else if (user) {
    options.push({ value: user.id, label: t('followUp.procedures.me', { name: user.displayName }) });
  }
  if (current?.id && !options.some((o) => o.value === current.id)) {
    options.push({ value: current.id, label: current.name ?? current.id });
  }
  return { options, loading: status.isPending || (isPresident && users.isPending), currentUserId: user?.id ?? null };
}

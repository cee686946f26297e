import { Alert } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ERASURES_REAPPLIED_KEY, REMOVED_KEY_SLOTS_KEY } from './session';

type NoticeKey = typeof REMOVED_KEY_SLOTS_KEY | typeof ERASURES_REAPPLIED_KEY;

function Notice({ queryKey, color, text }: { queryKey: NoticeKey; color: string; text: (count: number) => string }) {
  const client = useQueryClient();
  const { data: count = 0 } = useQuery({ queryKey, queryFn: () => 0, staleTime: Infinity });
  if (count === 0) return null;
  return (
    <Alert color={color} variant="light" mb="md" withCloseButton onClose={() => client.setQueryData(queryKey, 0)}>
      {text(count)}
    </Alert>
  );
}

/**
 * Said once, after the sign-in they concern: key slots planted in the keys file that the core
 * removed (someone edited the file: whoever signs in should know), and the erasures a restore made
 * again (the restored backup predates them).
 */
export function SignInNotices() {
  const { t } = useTranslation();
  return (
    <>
      <Notice queryKey={REMOVED_KEY_SLOTS_KEY} color="red" text={(count) => t('security.removedKeySlots', { count })} />
      <Notice queryKey={ERASURES_REAPPLIED_KEY} color="blue" text={(count) => t('backups.restore.erasuresReapplied', { count })} />
    </>
  );
}

import { Alert } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REMOVED_KEY_SLOTS_KEY } from './session';

/**
 * Said once, after the sign-in that found key slots planted in the keys file (the core removed
 * them and wrote an audit row): whoever signs in should know someone edited the file.
 */
export function KeySlotsNotice() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { data: count = 0 } = useQuery({ queryKey: REMOVED_KEY_SLOTS_KEY, queryFn: () => 0, staleTime: Infinity });
  if (count === 0) return null;
  return (
    <Alert color="red" variant="light" mb="md" withCloseButton onClose={() => client.setQueryData(REMOVED_KEY_SLOTS_KEY, 0)}>
      {t('security.removedKeySlots', { count })}
    </Alert>
  );
}

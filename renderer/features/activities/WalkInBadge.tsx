import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantRow } from '../../../electron/contract';

/** "Came without registering", agreeing with the person's sex in French and Arabic. */
export function WalkInBadge({ sex }: { sex: ParticipantRow['sex'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="light">
      {t('activities.participants.walkIn', { context: sex })}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a list says beside a person's name: a record without consent, an archived record. */
export function PersonBadges({ pseudonymous, archived }: { pseudonymous: boolean; archived: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {pseudonymous && (
        <Badge size="xs" variant="outline" color="gray" tt="none">
          {t('beneficiaries.badge.pseudonymous')}
        </Badge>
      )}
      {archived && (
        <Badge size="xs" variant="light" color="gray" tt="none">
          {t('beneficiaries.badge.archived')}
        </Badge>
      )}
    </>
  );
}

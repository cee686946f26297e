import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOp } from '../../app/ops';
import { memberPath } from './paths';

/** On a beneficiary's page: the person is also a member of the association (one record linked, not copied). */
export function LinkedMemberNotice({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const linked = useOp('members.byBeneficiary', { beneficiaryId });
  const m = linked.data;
  if (!m) return null;
  return (
    <Group gap="xs">
      <Text size="sm">{t('members.linked.alsoMember')}</Text>
      <Anchor component={Link} to={memberPath(m.id)} size="sm">
        {t('members.linked.link', { name: `${m.firstName} ${m.lastName}`, number: m.number })}
      </Anchor>
      {m.archivedAt && (
        <Badge variant="light" color="gray" tt="none">
          {t('members.linked.archived')}
        </Badge>
      )}
    </Group>
  );
}

import { Anchor, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { call, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { activityPath } from '../activities/paths';
import { useFormatDate } from '../beneficiaries/format';
import { Attachments } from './Attachments';
import { membersPath } from './paths';

/**
 * General assemblies are activities of type "general assembly": their attendance comes from the
 * activities area (members linked to a beneficiary), the quorum from members in good standing.
 */
export function AssembliesPage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const assemblies = useOp('members.assemblies', {});
  const attach = useOpMutation('members.attachMinutes', {
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('members.') }),
  });
  return (
    <Stack gap="md">
      <Anchor component={Link} to={membersPath} size="sm">
        {t('members.dues.back')}
      </Anchor>
      <Title order={1}>{t('members.assemblies.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('members.assemblies.help')}
      </Text>
      <OpErrorAlert error={assemblies.error} />
      {assemblies.isPending && <Loader />}
      {assemblies.data && assemblies.data.length === 0 && <Text c="dimmed">{t('members.assemblies.none')}</Text>}
      {assemblies.data && assemblies.data.length > 0 && (
        <Table striped aria-label={t('members.assemblies.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.assemblies.assembly')}</Table.Th>
              <Table.Th>{t('members.assemblies.date')}</Table.Th>
              <Table.Th>{t('members.assemblies.goodStanding')}</Table.Th>
              <Table.Th>{t('members.assemblies.required')}</Table.Th>
              <Table.Th>{t('members.assemblies.present')}</Table.Th>
              <Table.Th>{t('members.assemblies.quorum')}</Table.Th>
              <Table.Th>{t('members.assemblies.minutes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assemblies.data.map((a) => (
              <Table.Tr key={a.activityId}>
                <Table.Td>
                  <Anchor component={Link} to={activityPath(a.activityId)}>
                    {a.title}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {a.reference}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDate(a.date)}</Table.Td>
                <Table.Td>{a.inGoodStanding}</Table.Td>
                <Table.Td>{t('members.assemblies.requiredOf', { count: a.required, percent: a.quorumPercent })}</Table.Td>
                <Table.Td>
                  {a.present.length}
                  {a.present.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {a.present.map((p) => `${p.name} (${p.number})`).join(', ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={a.reached ? 'green' : 'red'} variant="light">
                    {a.reached ? t('members.assemblies.reached') : t('members.assemblies.notReached')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Attachments
                    files={a.minutes}
                    read={(id) => call('members.minutes', { id })}
                    upload={(file) => attach.mutate({ activityId: a.activityId, file })}
                    uploading={attach.isPending && attach.variables?.activityId === a.activityId}
                    error={attach.variables?.activityId === a.activityId ? attach.error : null}
                    canAdd
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

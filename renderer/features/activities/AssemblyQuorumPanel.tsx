import { Anchor, Badge, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { assembliesPath, memberPath } from '../members/paths';

/**
 * The quorum of a general assembly, computed by the members area: members in good standing, and
 * those of them whose beneficiary record was marked present at a session of this activity.
 */
export function AssemblyQuorumPanel({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const quorum = useOp('members.quorum', { activityId });
  if (quorum.isPending) return <Loader size="sm" />;
  if (quorum.error) return <OpErrorAlert error={quorum.error} />;
  const q = quorum.data;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('activities.assembly.title')}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('activities.assembly.title')}
          </Title>
          <Badge color={q.reached ? 'green' : 'red'} variant="light">
            {q.reached ? t('members.assemblies.reached') : t('members.assemblies.notReached')}
          </Badge>
        </Group>
        <Text size="sm">
          {t('activities.assembly.summary', { present: q.present.length, required: q.required, percent: q.quorumPercent, count: q.inGoodStanding, year: q.year })}
        </Text>
        {q.present.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('activities.assembly.nonePresent')}
          </Text>
        ) : (
          <List size="sm" aria-label={t('activities.assembly.presentList')}>
            {q.present.map((m) => (
              <List.Item key={m.memberId}>
                <Anchor component={Link} to={memberPath(m.memberId)} size="sm">
                  {t('activities.assembly.member', { name: m.name, number: m.number })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
        <Text size="xs" c="dimmed">
          {t('activities.assembly.help')}
        </Text>
        <Anchor component={Link} to={assembliesPath} size="sm">
          {t('activities.assembly.link')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

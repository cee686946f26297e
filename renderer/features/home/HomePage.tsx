import { Anchor, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeSession, HomeSummary, Role } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { attendancePath } from '../activities/paths';
import { canSeeArea } from '../areas/areas';
import { beneficiaryPath } from '../beneficiaries/paths';
import { useDates } from '../case-follow-up/format';
import { useLookup } from '../case-follow-up/lookups';
import { Checklist } from './Checklist';
import { CountLink } from './CountLink';
import { LateGrants } from './LateGrants';
import { myFollowUpPath } from './paths';
import { PresidentOverview } from './PresidentOverview';

/** Where everyone lands after signing in: what their role has to do now, each count leading to its list. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useAppStatus().data?.session?.user;
  const summary = useOp('home.summary', {}, { refetchOnMount: 'always' });
  if (!user) return null;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('home.title', { name: user.displayName })}</Title>
        <Text c="dimmed">{t(`home.intro.${user.role}`)}</Text>
      </Stack>
      {summary.isPending ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : summary.error ? (
        <OpErrorAlert error={summary.error} />
      ) : (
        <RoleHome role={user.role} summary={summary.data} />
      )}
    </Stack>
  );
}

function RoleHome({ role, summary }: { role: Role; summary: HomeSummary }) {
  if (role === 'volunteer') return <MyWeek summary={summary} />;
  if (role === 'treasurer') return canSeeArea('grants', role) ? <LateGrants /> : null;
  return (
    <Stack gap="lg">
      {Object.values(summary.checklist).includes(false) && <Checklist checklist={summary.checklist} />}
      <PresidentOverview summary={summary} />
      <LateGrants />
    </Stack>
  );
}

function MyWeek({ summary }: { summary: HomeSummary }) {
  const { t } = useTranslation();
  const dates = useDates();
  const types = useLookup('procedureType');
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <CountLink label={t('home.week.nextSteps')} count={summary.myNextSteps.length} to={myFollowUpPath} />
        <CountLink label={t('home.week.overdue')} count={summary.overdueNextSteps} to="/follow-up" alert={summary.overdueNextSteps > 0} />
        <CountLink label={t('home.week.notSeen')} count={summary.notSeen} to="/follow-up" />
      </SimpleGrid>
      <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="home-next-steps">
        <Stack gap="sm">
          <Title order={2} size="h4" id="home-next-steps">
            {t('home.week.nextStepsTitle')}
          </Title>
          {summary.myNextSteps.length === 0 ? (
            <Text c="dimmed">{t('home.week.nextStepsEmpty')}</Text>
          ) : (
            <Table aria-labelledby="home-next-steps" verticalSpacing="xs">
              <Table.Tbody>
                {summary.myNextSteps.map((step) => (
                  <Table.Tr key={step.procedureId}>
                    <Table.Td>{dates.day(step.nextStepDue)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={beneficiaryPath(step.beneficiaryId)}>
                        <bdi>{step.displayName}</bdi>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{types.label(step.procedureType)}</Table.Td>
                    <Table.Td>{step.nextStep ? <bdi>{step.nextStep}</bdi> : null}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Sessions id="home-today" title={t('home.week.today')} sessions={summary.sessionsToday} />
        <Sessions id="home-tomorrow" title={t('home.week.tomorrow')} sessions={summary.sessionsTomorrow} />
      </SimpleGrid>
    </Stack>
  );
}

function Sessions({ id, title, sessions }: { id: string; title: string; sessions: HomeSession[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {sessions.length === 0 ? (
          <Text c="dimmed">{t('home.week.noSession')}</Text>
        ) : (
          sessions.map((s) => (
            <Stack key={s.sessionId} gap={0}>
              <Anchor component={Link} to={attendancePath(s.activityId, s.sessionId)}>
                <bdi>{s.activityTitle}</bdi>
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('home.week.sessionTime', { start: s.startTime, end: s.endTime })}
                {s.place ? <> · <bdi>{s.place}</bdi></> : null}
              </Text>
            </Stack>
          ))
        )}
      </Stack>
    </Paper>
  );
}

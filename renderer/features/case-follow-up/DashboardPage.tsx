import { Badge, Group, Loader, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpDashboard } from '../../../electron/contract';
import { COMING_UP_DAYS, DOCUMENT_EXPIRY_WARNING_DAYS, NOT_SEEN_DAYS } from '../../../electron/contract';
import { useSearchParams } from 'react-router';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ProcedureStatusBadge } from './badges';
import { useDates } from './format';
import { useLookup } from './lookups';
import { PersonLink } from './PersonLink';
import { PageHeader } from '../../ui/PageHeader';
import { EmploymentFollowUpRows } from '../employment/FollowUpRows';

/** "Suivi": the people whose file needs someone's attention now; `?mine=1` keeps to one's own cases. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') === '1';
  const dashboard = useOp('followUp.dashboard', { mine }, { refetchOnMount: 'always' });

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('followUp.dashboard.title')}
        intro={t('followUp.dashboard.intro')}
        links={[{ to: '/follow-up/referrals', label: t('followUp.referralsList.link') }, { to: '/follow-up/received', label: t('referralFiles.received.link') }, { to: '/partners', label: t('followUp.dashboard.partnersLink') }]}
      />
      <Switch
        label={t('followUp.dashboard.mine')}
        checked={mine}
        onChange={(event) => setParams(event.currentTarget.checked ? { mine: '1' } : {}, { replace: true })}
      />
      {dashboard.isPending ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : dashboard.error ? (
        <OpErrorAlert error={dashboard.error} />
      ) : (
        <DashboardSections data={dashboard.data} />
      )}
    </Stack>
  );
}

function Section({
  id,
  title,
  count,
  empty,
  head,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  head: string[];
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <Badge variant={count > 0 ? 'filled' : 'light'} color={count > 0 ? 'orange' : 'gray'} radius="sm">
            {count}
          </Badge>
        </Group>
        {count === 0 ? (
          <Text c="dimmed">{empty}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby={id}>
              <Table.Thead>
                <Table.Tr>
                  {head.map((label) => (
                    <Table.Th key={label}>{label}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{children}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function DashboardSections({ data }: { data: FollowUpDashboard }) {
  const { t } = useTranslation();
  const dates = useDates();
  const types = useLookup('procedureType');
  const legal = useLookup('legalStatus');

  return (
    <Stack gap="lg">
      <Section
        id="dashboard-overdue"
        title={t('followUp.dashboard.overdue')}
        count={data.overdueNextSteps.length}
        empty={t('followUp.dashboard.overdueEmpty')}
        head={[
          t('followUp.dashboard.person'),
          t('followUp.dashboard.procedure'),
          t('followUp.dashboard.nextStep'),
          t('followUp.dashboard.due'),
          t('followUp.dashboard.daysOverdue'),
          t('followUp.dashboard.responsible'),
        ]}
      >
        {data.overdueNextSteps.map((row) => (
          <Table.Tr key={row.procedureId}>
            <Table.Td miw={160}>
              <PersonLink person={row} />
            </Table.Td>
            <Table.Td>{types.label(row.procedureType)}</Table.Td>
            <Table.Td miw={200}>{row.nextStep ? <bdi>{row.nextStep}</bdi> : t('followUp.none')}</Table.Td>
            <Table.Td>
              <Text c="red.8" fw={600} size="sm">
                {dates.day(row.nextStepDue)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color="red" variant="light" radius="sm">
                {row.daysOverdue}
              </Badge>
            </Table.Td>
            <Table.Td>{row.responsibleName ?? t('followUp.none')}</Table.Td>
          </Table.Tr>
        ))}
      </Section>

      <Section
        id="dashboard-coming-up"
        title={t('followUp.dashboard.comingUp', { days: COMING_UP_DAYS })}
        count={data.comingUpNextSteps.length}
        empty={t('followUp.dashboard.comingUpEmpty', { days: COMING_UP_DAYS })}
        head={[
          t('followUp.dashboard.person'),
          t('followUp.dashboard.procedure'),
          t('followUp.dashboard.nextStep'),
          t('followUp.dashboard.due'),
          t('followUp.dashboard.daysLeft'),
          t('followUp.dashboard.responsible'),
        ]}
      >
        {data.comingUpNextSteps.map((row) => (
          <Table.Tr key={row.procedureId}>
            <Table.Td miw={160}>
              <PersonLink person={row} />
            </Table.Td>
            <Table.Td>{types.label(row.procedureType)}</Table.Td>
            <Table.Td miw={200}>{row.nextStep ? <bdi>{row.nextStep}</bdi> : t('followUp.none')}</Table.Td>
            <Table.Td>{dates.day(row.nextStepDue)}</Table.Td>
            <Table.Td>{row.daysLeft}</Table.Td>
            <Table.Td>{row.responsibleName ?? t('followUp.none')}</Table.Td>
          </Table.Tr>
        ))}
      </Section>

      <Section
        id="dashboard-employment-late"
        title={t('employment.dashboard.late')}
        count={data.employmentFollowUps.late.length}
        empty={t('employment.dashboard.lateEmpty')}
        head={[t('followUp.dashboard.person'), t('employment.dashboard.followUp'), t('employment.dashboard.due'), t('employment.dashboard.daysLate')]}
      >
        <EmploymentFollowUpRows rows={data.employmentFollowUps.late} today={data.today} late />
      </Section>

      <Section
        id="dashboard-employment-coming-up"
        title={t('employment.dashboard.comingUp', { days: COMING_UP_DAYS })}
        count={data.employmentFollowUps.comingUp.length}
        empty={t('employment.dashboard.comingUpEmpty', { days: COMING_UP_DAYS })}
        head={[t('followUp.dashboard.person'), t('employment.dashboard.followUp'), t('employment.dashboard.due'), t('employment.dashboard.daysLeft')]}
      >
        <EmploymentFollowUpRows rows={data.employmentFollowUps.comingUp} today={data.today} late={false} />
      </Section>

      <Section
        id="dashboard-stale"
        title={t('followUp.dashboard.stale', { days: data.staleProcedureDays })}
        count={data.staleProcedures.length}
        empty={t('followUp.dashboard.staleEmpty')}
        head={[
          t('followUp.dashboard.person'),
          t('followUp.dashboard.procedure'),
          t('followUp.dashboard.status'),
          t('followUp.dashboard.lastActivity'),
          t('followUp.dashboard.daysInactive'),
        ]}
      >
        {data.staleProcedures.map((row) => (
          <Table.Tr key={row.procedureId}>
            <Table.Td miw={160}>
              <PersonLink person={row} />
            </Table.Td>
            <Table.Td>{types.label(row.procedureType)}</Table.Td>
            <Table.Td>
              <ProcedureStatusBadge status={row.status} />
            </Table.Td>
            <Table.Td>{dates.moment(row.lastActivityAt)}</Table.Td>
            <Table.Td>{row.daysInactive}</Table.Td>
          </Table.Tr>
        ))}
      </Section>

      <Section
        id="dashboard-expiring"
        title={t('followUp.dashboard.expiring', { days: DOCUMENT_EXPIRY_WARNING_DAYS })}
        count={data.expiringDocuments.length}
        empty={t('followUp.dashboard.expiringEmpty')}
        head={[
          t('followUp.dashboard.person'),
          t('followUp.dashboard.document'),
          t('followUp.dashboard.expiresOn'),
          t('followUp.dashboard.daysLeft'),
        ]}
      >
        {data.expiringDocuments.map((row) => (
          <Table.Tr key={row.beneficiaryId}>
            <Table.Td miw={160}>
              <PersonLink person={row} />
            </Table.Td>
            <Table.Td>{row.legalStatus ? legal.label(row.legalStatus) : t('followUp.none')}</Table.Td>
            <Table.Td>{dates.day(row.expiryDate)}</Table.Td>
            <Table.Td>
              <Badge color={row.daysLeft <= 15 ? 'red' : 'orange'} variant="light" radius="sm">
                {row.daysLeft}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Section>

      <Section
        id="dashboard-expired"
        title={t('followUp.dashboard.expired')}
        count={data.expiredDocuments.length}
        empty={t('followUp.dashboard.expiredEmpty')}
        head={[
          t('followUp.dashboard.person'),
          t('followUp.dashboard.document'),
          t('followUp.dashboard.expiredOn'),
          t('followUp.dashboard.daysAgo'),
        ]}
      >
        {data.expiredDocuments.map((row) => (
          <Table.Tr key={row.beneficiaryId}>
            <Table.Td miw={160}>
              <PersonLink person={row} />
            </Table.Td>
            <Table.Td>{row.legalStatus ? legal.label(row.legalStatus) : t('followUp.none')}</Table.Td>
            <Table.Td>
              <Text c="red.8" fw={600} size="sm">
                {dates.day(row.expiryDate)}
              </Text>
            </Table.Td>
            <Table.Td>{row.daysAgo}</Table.Td>
          </Table.Tr>
        ))}
      </Section>

      <Section
        id="dashboard-not-seen"
        title={t('followUp.dashboard.notSeen', { days: NOT_SEEN_DAYS })}
        count={data.notSeen.length}
        empty={t('followUp.dashboard.notSeenEmpty')}
        head={[
          t('followUp.dashboard.person'),
          t('followUp.dashboard.lastSeen'),
          t('followUp.dashboard.daysSince'),
          t('followUp.dashboard.openProcedures'),
        ]}
      >
        {data.notSeen.map((row) => (
          <Table.Tr key={row.beneficiaryId}>
            <Table.Td miw={160}>
              <PersonLink person={row} />
            </Table.Td>
            <Table.Td>{dates.day(row.lastSeenOn)}</Table.Td>
            <Table.Td>{row.daysSince}</Table.Td>
            <Table.Td>{row.openProcedures}</Table.Td>
          </Table.Tr>
        ))}
      </Section>

      <Section
        id="dashboard-unanswered"
        title={t('referralFiles.dashboard.unanswered', { days: data.unansweredReferralDays })}
        count={data.unansweredReferrals.length}
        empty={t('referralFiles.dashboard.unansweredEmpty')}
        head={[
          t('followUp.dashboard.person'),
          t('followUp.referrals.partner'),
          t('referralFiles.dashboard.fileSent'),
          t('referralFiles.dashboard.daysWaiting'),
        ]}
      >
        {data.unansweredReferrals.map((row) => (
          <Table.Tr key={row.referralId}>
            <Table.Td miw={160}>
              <PersonLink person={row} />
            </Table.Td>
            <Table.Td>
              <bdi>{row.partnerName}</bdi>
            </Table.Td>
            <Table.Td>{dates.moment(row.fileSentAt)}</Table.Td>
            <Table.Td>{row.daysWaiting}</Table.Td>
          </Table.Tr>
        ))}
      </Section>
    </Stack>
  );
}

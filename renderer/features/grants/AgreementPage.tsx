import { Anchor, Badge, Button, Group, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AgreementDetail } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ExportButton } from '../reports/ExportButton';
import { IconPlus } from '../../ui/icons';
import { ArchiveToggle } from './ArchiveToggle';
import { CallModal } from './CallModal';
import { SubGrantTable } from './DashboardPage';
import { useDate } from './dates';
import { useMoney } from './money';
import { RatesUsed } from './RatesUsed';
import { callPath, editAgreementPath, grantsPath, lateGrantsPath, newSubGrantPath, subGrantPath } from './paths';
import { StateBadge } from './StateBadge';
import { FunderTranches } from '../treasury/FunderTranches';
import { SavedNotice } from '../../ui/unsaved/SavedNotice';

/** One funding agreement: its figures, budget follow-up, deadlines, indicators, calls and sub-grants. */
export function AgreementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useOp('grants.agreements.get', { id });
  const archived = Boolean(detail.data?.agreement.archivedAt);
  const dashboard = useOp('grants.dashboard', { includeArchived: archived }, { enabled: Boolean(detail.data) });
  const money = useMoney();
  const date = useDate();
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const { agreement: a, funder } = detail.data;
  const figures = dashboard.data?.agreements.find((x) => x.id === a.id);
  return (
    <Stack gap="md">
      <SavedNotice />
      <Anchor component={Link} to={grantsPath} size="sm">
        {t('grants.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>
            {a.reference} — {a.title}
          </Title>
          <Text c="dimmed">
            {t('grants.agreement.summary', { funder: funder.name, start: date(a.startDate), end: date(a.endDate), total: money(a.totalMinor, a.currency) })}
          </Text>
        </Stack>
        <Group gap="xs" align="flex-start">
          <ExportButton list="subGrants" filters={{ agreementId: a.id }} />
          {figures && <StateBadge state={figures.state} lateTo={lateGrantsPath(a.id)} />}
          {archived && <Badge color="gray">{t('grants.agreement.archivedBadge')}</Badge>}
          {!archived && (
            <Button component={Link} to={editAgreementPath(a.id)} variant="default">
              {t('grants.edit')}
            </Button>
          )}
          <ArchiveToggle kind="agreement" id={a.id} archivedAt={a.archivedAt} />
        </Group>
      </Group>
      {archived && (
        <Text size="sm" c="dimmed">
          {t('grants.agreement.archivedHint')}
        </Text>
      )}
      {figures && (
        <Group gap="xl">
          <Figure label={t('grants.figures.committed')} value={money(figures.committedMinor, a.currency)} />
          <Figure label={t('grants.figures.disbursed')} value={money(figures.disbursedMinor, a.currency)} />
          <Figure label={t('grants.figures.justified')} value={money(figures.justifiedMinor, a.currency)} />
          <Figure label={t('grants.figures.leftToCommit')} value={money(figures.leftToCommitMinor, a.currency)} />
        </Group>
      )}
      <Tabs defaultValue="subGrants" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="subGrants">{t('grants.agreement.subGrants')}</Tabs.Tab>
          <Tabs.Tab value="calls">{t('grants.agreement.calls')}</Tabs.Tab>
          <Tabs.Tab value="budget">{t('grants.agreement.budget')}</Tabs.Tab>
          <Tabs.Tab value="tranches">{t('treasury.tranches.title')}</Tabs.Tab>
          <Tabs.Tab value="deadlines">{t('grants.agreement.deadlines')}</Tabs.Tab>
          <Tabs.Tab value="indicators">{t('grants.agreement.indicators')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="subGrants" pt="md">
          <Stack gap="sm">
            {!archived && (
              <Button component={Link} to={newSubGrantPath(a.id)} leftSection={<IconPlus width={18} height={18} />} w="fit-content">
                {t('grants.subGrant.new')}
              </Button>
            )}
            <SubGrantTable rows={detail.data.subGrants} />
            {detail.data.archivedSubGrants.length > 0 && (
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {t('grants.subGrant.archivedList')}
                </Text>
                {detail.data.archivedSubGrants.map((s) => (
                  <Anchor key={s.id} component={Link} to={subGrantPath(s.id)} size="sm">
                    {s.reference} — {s.title}
                  </Anchor>
                ))}
              </Group>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="calls" pt="md">
          <CallsTab detail={detail.data} />
        </Tabs.Panel>
        <Tabs.Panel value="tranches" pt="md">
          <FunderTranches agreement={a} />
        </Tabs.Panel>
        <Tabs.Panel value="budget" pt="md">
          <BudgetTab agreementId={a.id} />
        </Tabs.Panel>
        <Tabs.Panel value="deadlines" pt="md">
          <DeadlinesTab detail={detail.data} />
        </Tabs.Panel>
        <Tabs.Panel value="indicators" pt="md">
          <Table aria-label={t('grants.agreement.indicators')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('grants.indicator.code')}</Table.Th>
                <Table.Th>{t('grants.indicator.label')}</Table.Th>
                <Table.Th>{t('grants.indicator.target')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.data.indicators.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.code}</Table.Td>
                  <Table.Td>{i.label}</Table.Td>
                  <Table.Td>{i.target}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </Stack>
  );
}

function CallsTab({ detail }: { detail: AgreementDetail }) {
  const { t } = useTranslation();
  const money = useMoney();
  const date = useDate();
  const [creating, setCreating] = useState(false);
  const currency = detail.agreement.currency;
  return (
    <Stack gap="sm">
      {!detail.agreement.archivedAt && (
        <Button leftSection={<IconPlus width={18} height={18} />} onClick={() => setCreating(true)} w="fit-content">
          {t('grants.call.new')}
        </Button>
      )}
      {detail.calls.length === 0 && <Text c="dimmed">{t('grants.call.none')}</Text>}
      {detail.calls.length > 0 && (
        <Table striped aria-label={t('grants.agreement.calls')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grants.call.reference')}</Table.Th>
              <Table.Th>{t('grants.call.title')}</Table.Th>
              <Table.Th>{t('grants.call.period')}</Table.Th>
              <Table.Th>{t('grants.call.envelope')}</Table.Th>
              <Table.Th>{t('grants.figures.committed')}</Table.Th>
              <Table.Th>{t('grants.call.applications')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.calls.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={callPath(c.id)}>
                    {c.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {c.title}
                  {c.archivedAt && (
                    <Badge color="gray" variant="light" ms="xs">
                      {t('grants.call.archivedBadge')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {date(c.openDate)} – {date(c.closeDate)}
                </Table.Td>
                <Table.Td>{money(c.envelopeMinor, currency)}</Table.Td>
                <Table.Td>{money(c.committedMinor, currency)}</Table.Td>
                <Table.Td>{t('grants.call.applicationCount', { count: c.applications, selected: c.selected })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <CallModal agreementId={detail.agreement.id} currency={currency} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function BudgetTab({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const budget = useOp('grants.budget', { agreementId });
  if (budget.isPending) return <Loader />;
  if (budget.error) return <OpErrorAlert error={budget.error} />;
  const { agreement, lines, ratesUsed } = budget.data;
  return (
    <Stack gap="xs">
      <Table aria-label={t('grants.agreement.budget')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('grants.line.code')}</Table.Th>
            <Table.Th>{t('grants.line.label')}</Table.Th>
            <Table.Th>{t('grants.line.planned')}</Table.Th>
            <Table.Th>{t('grants.figures.committed')}</Table.Th>
            <Table.Th>{t('grants.line.spentDirectly')}</Table.Th>
            <Table.Th>{t('grants.line.spentBySubGrantees')}</Table.Th>
            <Table.Th>{t('grants.line.used')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.id} bg={l.overspent ? 'var(--mantine-color-red-light)' : undefined} data-overspent={l.overspent || undefined}>
              <Table.Td>{l.code}</Table.Td>
              <Table.Td>{l.label}</Table.Td>
              <Table.Td>{money(l.amountMinor, agreement.currency)}</Table.Td>
              <Table.Td>{money(l.committedMinor, agreement.currency)}</Table.Td>
              <Table.Td>{money(l.spentDirectlyMinor, agreement.currency)}</Table.Td>
              <Table.Td>{money(l.spentMinor, agreement.currency)}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {t('grants.line.usedValue', { pct: l.usedPct })}
                  {l.overspent && (
                    <Badge color="red" variant="filled">
                      {t('grants.line.overspent')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RatesUsed rates={ratesUsed} />
    </Stack>
  );
}

function DeadlinesTab({ detail }: { detail: AgreementDetail }) {
  const { t } = useTranslation();
  const date = useDate();
  return (
    <Table aria-label={t('grants.agreement.deadlines')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('grants.deadline.dueDate')}</Table.Th>
          <Table.Th>{t('grants.deadline.kind')}</Table.Th>
          <Table.Th>{t('grants.deadline.label')}</Table.Th>
          <Table.Th>{t('grants.deadline.submittedOn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.deadlines.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>{date(d.dueDate)}</Table.Td>
            <Table.Td>{t(`grants.deadlineKind.${d.kind}`)}</Table.Td>
            <Table.Td>{d.label ?? '—'}</Table.Td>
            <Table.Td>{d.submittedOn ? date(d.submittedOn) : t('grants.deadline.pending')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

import { Anchor, Badge, Button, Group, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AgreementDashboardRow } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus } from '../../ui/icons';
import { useDate } from './dates';
import { AgreementLateDeadlines } from './AgreementLateDeadlines';
import { FiguresTable } from './FiguresTable';
import { useMoney } from './money';
import { agreementPath, fundersPath, grantsPath, lateGrantsPath, lateSubGrantPath, newAgreementPath, ratesPath, recipientsPath, subGrantPath } from './paths';
import { RatesUsed } from './RatesUsed';
import { StateBadge } from './StateBadge';

/**
 * The treasurer's dashboard: every agreement's figures, then (drill-down) its sub-grants'. With
 * `?late=1` (where every late badge leads), only what is late: the late agreements (or the one named
 * by `agreement`) with their late sub-grants open.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const lateOnly = params.get('late') === '1';
  const onlyAgreement = params.get('agreement');
  const [archived, setArchived] = useState(false);
  const dashboard = useOp('grants.dashboard', { includeArchived: archived });
  const agreements = (dashboard.data?.agreements ?? [])
    .filter((a) => !lateOnly || a.state === 'late')
    .filter((a) => !onlyAgreement || a.id === onlyAgreement)
    .map((a) => (lateOnly ? { ...a, subGrants: a.subGrants.filter((s) => s.state === 'late') } : a));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('grants.dashboard.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to={fundersPath} variant="default">
            {t('grants.funders.title')}
          </Button>
          <Button component={Link} to={recipientsPath} variant="default">
            {t('grants.recipients.title')}
          </Button>
          <Button component={Link} to={ratesPath} variant="default">
            {t('grants.rates.title')}
          </Button>
          <Button component={Link} to={newAgreementPath} leftSection={<IconPlus width={18} height={18} />}>
            {t('grants.agreement.new')}
          </Button>
        </Group>
      </Group>
      {lateOnly ? (
        <Group gap="sm">
          <Text fw={600}>{t('grants.late.only')}</Text>
          <Anchor component={Link} to={grantsPath}>
            {t('grants.late.showAll')}
          </Anchor>
        </Group>
      ) : (
        <Switch label={t('grants.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      )}
      {dashboard.isPending && <Loader />}
      <OpErrorAlert error={dashboard.error} />
      {dashboard.data && agreements.length === 0 && <Text c="dimmed">{lateOnly ? t('grants.late.none') : t('grants.dashboard.empty')}</Text>}
      {agreements.map((a) => (
        <AgreementFigures key={`${a.id}-${lateOnly}`} row={a} lateOnly={lateOnly} />
      ))}
    </Stack>
  );
}

function AgreementFigures({ row, lateOnly }: { row: AgreementDashboardRow; lateOnly: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(lateOnly);
  return (
    <Stack gap="xs" component="section" aria-label={row.reference} data-testid={`agreement-${row.reference}`}>
      <Group justify="space-between">
        <Group gap="sm">
          <Anchor component={Link} to={agreementPath(row.id)} fw={700}>
            {row.reference} — {row.title}
          </Anchor>
          <Text c="dimmed" size="sm">
            {row.funderName}
          </Text>
          <StateBadge state={row.state} lateTo={lateGrantsPath(row.id)} />
          {row.archivedAt && <Badge color="gray">{t('grants.agreement.archivedBadge')}</Badge>}
        </Group>
        <Button variant="subtle" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('grants.dashboard.hideSubGrants') : t('grants.dashboard.showSubGrants', { count: row.subGrants.length })}
        </Button>
      </Group>
      <FiguresTable
        lead={[
          { figure: 'total', minor: row.totalMinor },
          { figure: 'committed', minor: row.committedMinor },
        ]}
        figures={row}
        currency={row.currency}
      />
      <RatesUsed rates={row.ratesUsed} />
      {row.unconverted > 0 && (
        <Text c="orange" size="sm">
          {t('grants.dashboard.unconverted', { count: row.unconverted })}
        </Text>
      )}
      {lateOnly && row.overdueReports > 0 && <AgreementLateDeadlines agreementId={row.id} />}
      {open && <SubGrantTable rows={row.subGrants} />}
    </Stack>
  );
}

export function SubGrantTable({ rows }: { rows: AgreementDashboardRow['subGrants'] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const date = useDate();
  if (rows.length === 0) return <Text c="dimmed">{t('grants.subGrant.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={1100}>
    <Table striped highlightOnHover aria-label={t('grants.subGrant.list')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('grants.subGrant.reference')}</Table.Th>
          <Table.Th>{t('grants.subGrant.recipient')}</Table.Th>
          <Table.Th>{t('grants.figures.amount')}</Table.Th>
          <Table.Th>{t('grants.figures.disbursed')}</Table.Th>
          <Table.Th>{t('grants.figures.justified')}</Table.Th>
          <Table.Th>{t('grants.figures.leftToDisburse')}</Table.Th>
          <Table.Th>{t('grants.figures.leftToJustify')}</Table.Th>
          <Table.Th>{t('grants.figures.nextTranche')}</Table.Th>
          <Table.Th>{t('grants.figures.overdueReports')}</Table.Th>
          <Table.Th>{t('grants.figures.state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Anchor component={Link} to={subGrantPath(s.id)}>
                {s.reference}
              </Anchor>
            </Table.Td>
            <Table.Td>{s.recipientName}</Table.Td>
            <Table.Td>{money(s.amountMinor, s.currency)}</Table.Td>
            <Table.Td>{money(s.disbursedMinor, s.currency)}</Table.Td>
            <Table.Td>{money(s.justifiedMinor, s.currency)}</Table.Td>
            <Table.Td>{money(s.leftToDisburseMinor, s.currency)}</Table.Td>
            <Table.Td>{money(s.leftToJustifyMinor, s.currency)}</Table.Td>
            <Table.Td>{date(s.nextTrancheDue)}</Table.Td>
            <Table.Td>
              {s.overdueReports > 0 ? (
                <Anchor component={Link} to={lateSubGrantPath(s.id)}>
                  {s.overdueReports}
                </Anchor>
              ) : (
                s.overdueReports
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <StateBadge state={s.state} lateTo={lateSubGrantPath(s.id)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
    </Table.ScrollContainer>
  );
}

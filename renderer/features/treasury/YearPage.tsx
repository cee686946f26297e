import { Alert, Button, Group, Loader, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso, type AccountYear, type CategoryTotal } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { YearStatementPrint } from '../../print/YearStatement';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useDate } from '../grants/dates';
import { useMoney } from '../grants/money';
import { useInvalidateTreasury } from './invalidate';
import { useCategoryLabel } from './labels';
import { parseBalance } from './signed-money';
import { TreasuryHeader } from './TreasuryHeader';

/** The year for the general assembly: income and expenses by category, each account's balances, month by month. */
export function YearPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const date = useDate();
  const status = useAppStatus();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const statement = useOp('treasury.yearStatement', { year });
  const closed = useOp('treasury.years.list', {});
  const invalidate = useInvalidateTreasury();
  const close = useOpMutation('treasury.years.close', { onSuccess: () => invalidate() });
  const reopen = useOpMutation('treasury.years.reopen', { onSuccess: () => invalidate() });
  const closedOn = closed.data?.find((c) => c.year === year);
  const isPresident = status.data?.session?.user.role === 'president';
  const label = useCategoryLabel();
  return (
    <Stack gap="md">
      <TreasuryHeader page="year" intro={t('treasury.year.closeHint')} />
      <Group align="flex-end">
        <NumberInput label={t('treasury.year.year')} value={year} onChange={(v) => setYear(Number(v) || year)} min={1990} max={2100} w={120} />
        {!closedOn && (
          <Button variant="default" loading={close.isPending} onClick={() => close.mutate({ year })}>
            {t('treasury.year.close')}
          </Button>
        )}
        <Button variant="default" onClick={() => window.print()} disabled={!statement.data}>
          {t('treasury.report.print')}
        </Button>
        {closedOn && isPresident && (
          <Button variant="default" color="orange" loading={reopen.isPending} onClick={() => reopen.mutate({ year })}>
            {t('treasury.year.reopen')}
          </Button>
        )}
      </Group>
      {closedOn && <Alert color="gray">{t('treasury.year.closed', { date: date(closedOn.closedAt.slice(0, 10)) })}</Alert>}
      <OpErrorAlert error={statement.error ?? close.error ?? reopen.error} />
      {statement.isPending && <Loader />}
      {statement.data?.currencies.map((c) => (
        <Stack key={c.currency} gap="xs">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Totals title={t('treasury.year.income')} rows={c.income} total={c.incomeMinor} currency={c.currency} />
            <Totals title={t('treasury.year.expenses')} rows={c.expenses} total={c.expensesMinor} currency={c.currency} />
          </SimpleGrid>
          <Text fw={700}>
            {t('treasury.year.result')} : {money(c.resultMinor, c.currency)}
          </Text>
        </Stack>
      ))}
      {statement.data && <YearStatementPrint statement={statement.data} label={label} />}
      {statement.data && (
        <>
          <Title order={2}>{t('treasury.year.accounts')}</Title>
          <Table striped aria-label={t('treasury.year.accounts')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('treasury.accounts.name')}</Table.Th>
                <Table.Th>{t('treasury.year.opening')}</Table.Th>
                <Table.Th>{t('treasury.year.in')}</Table.Th>
                <Table.Th>{t('treasury.year.out')}</Table.Th>
                <Table.Th>{t('treasury.year.closing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statement.data.accounts.map((a) => (
                <Table.Tr key={a.accountId}>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{money(a.openingMinor, a.currency)}</Table.Td>
                  <Table.Td>{money(a.inMinor, a.currency)}</Table.Td>
                  <Table.Td>{money(a.outMinor, a.currency)}</Table.Td>
                  <Table.Td fw={600}>{money(a.closingMinor, a.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={2}>{t('treasury.year.statements')}</Title>
          {statement.data.accounts.map((a) => (
            <MonthlyStatement key={a.accountId} account={a} />
          ))}
        </>
      )}
    </Stack>
  );
}

function Totals({ title, rows, total, currency }: { title: string; rows: CategoryTotal[]; total: number; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const label = useCategoryLabel();
  return (
    <Table aria-label={`${title} (${currency})`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th>{currency}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.categoryId}>
            <Table.Td>{label(r)}</Table.Td>
            <Table.Td>{money(r.amountMinor, currency)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={700}>
          <Table.Td>{t('treasury.year.total')}</Table.Td>
          <Table.Td>{money(total, currency)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** Month by month, with the balance of the bank's statement (or the cash counted) typed in and the difference shown. */
function MonthlyStatement({ account }: { account: AccountYear }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [typed, setTyped] = useState<Record<string, string>>({});
  return (
    <Table striped aria-label={account.name}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{account.name}</Table.Th>
          <Table.Th>{t('treasury.year.opening')}</Table.Th>
          <Table.Th>{t('treasury.year.in')}</Table.Th>
          <Table.Th>{t('treasury.year.out')}</Table.Th>
          <Table.Th>{t('treasury.year.closing')}</Table.Th>
          <Table.Th>{t('treasury.year.statementBalance')}</Table.Th>
          <Table.Th>{t('treasury.year.difference')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {account.months.map((m) => {
          const text = typed[m.month] ?? '';
          const statementMinor = text.trim() ? parseBalance(text) : null;
          const difference = statementMinor === null ? null : statementMinor - m.closingMinor;
          return (
            <Table.Tr key={m.month}>
              <Table.Td>{m.month}</Table.Td>
              <Table.Td>{money(m.openingMinor, account.currency)}</Table.Td>
              <Table.Td>{money(m.inMinor, account.currency)}</Table.Td>
              <Table.Td>{money(m.outMinor, account.currency)}</Table.Td>
              <Table.Td>{money(m.closingMinor, account.currency)}</Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  w={130}
                  inputMode="decimal"
                  aria-label={`${t('treasury.year.statementBalance')} ${m.month}`}
                  value={text}
                  onChange={(e) => setTyped({ ...typed, [m.month]: e.currentTarget.value })}
                  error={text.trim() && statementMinor === null ? t('grants.problems.money_invalid') : undefined}
                />
              </Table.Td>
              <Table.Td c={difference === 0 ? 'green.8' : 'red.8'}>
                {difference === null ? '' : difference === 0 ? t('treasury.year.reconciled') : money(difference, account.currency)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

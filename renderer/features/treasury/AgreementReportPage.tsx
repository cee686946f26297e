import { Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { localeSchema, type AgreementFinancialReport, type Locale, type UsedRate } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { AgreementFinancialReportPrint } from '../../print/AgreementFinancialReport';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { saveFile } from '../../ui/saveFile';
import { useDate } from '../grants/dates';
import { useMoney } from '../grants/money';
import { agreementPath } from '../grants/paths';
import { rateText } from '../grants/RatesPage';

/** "2026-01-01: 1 EUR = 10,8 MAD", whichever direction the rate was stored in. */
export function useRateLine() {
  const { t } = useTranslation();
  const date = useDate();
  return (r: UsedRate) =>
    t(r.inverse ? 'treasury.report.rate' : 'treasury.report.rateDirect', { date: date(r.date), from: r.fromCurrency, to: r.toCurrency, rate: rateText(r.rateMicro) });
}

/** The printed report in the words and rates of the language active around it. */
function PrintedReport({ report }: { report: AgreementFinancialReport }) {
  return <AgreementFinancialReportPrint report={report} rateLine={useRateLine()} />;
}

/** The printed report in the language the address asks (`?lang=`, the funder pack's), else in the UI's. */
function PrintedReportIn({ report }: { report: AgreementFinancialReport }) {
  const { i18n } = useTranslation();
  const [params] = useSearchParams();
  const asked = localeSchema.safeParse(params.get('lang'));
  const language = asked.success ? asked.data : null;
  const printing = useMemo(() => (language && language !== i18n.language ? i18n.cloneInstance({ lng: language }) : null), [i18n, language]);
  if (!printing) return <PrintedReport report={report} />;
  return (
    <I18nextProvider i18n={printing}>
      <PrintedReport report={report} />
    </I18nextProvider>
  );
}

/** One agreement's money for its funder: received, spent directly, passed on, per budget line, with the rates used. */
export function AgreementReportPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const money = useMoney();
  const date = useDate();
  const rateLine = useRateLine();
  const report = useOp('treasury.agreementReport', { agreementId: id });
  const xlsx = useOpMutation('treasury.agreementReportXlsx', { onSuccess: saveFile });
  if (report.isPending) return <Loader />;
  if (report.error) return <OpErrorAlert error={report.error} />;
  const r = report.data;
  const a = r.agreement;
  const m = (minor: number) => money(minor, a.currency);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={agreementPath(a.id)} size="sm">
        {a.reference} — {a.title}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>
            {t('treasury.report.title')} — {a.reference}
          </Title>
          <Text c="dimmed">{t('treasury.report.intro', { currency: a.currency })}</Text>
        </Stack>
        <Group>
          <Button variant="default" loading={xlsx.isPending} onClick={() => xlsx.mutate({ agreementId: a.id, locale: i18n.language as Locale })}>
            {t('treasury.report.xlsx')}
          </Button>
          <Button variant="default" onClick={() => window.print()}>
            {t('treasury.report.print')}
          </Button>
        </Group>
      </Group>
      <OpErrorAlert error={xlsx.error} />
      <PrintedReportIn report={r} />
      <Table aria-label={t('treasury.report.title')} w="auto">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>{t('treasury.report.received')}</Table.Th>
            <Table.Td data-figure="received">{m(r.receivedMinor)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('treasury.report.spentDirectly')}</Table.Th>
            <Table.Td data-figure="spentDirectly">{m(r.spentDirectlyMinor)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('treasury.report.passedOn')}</Table.Th>
            <Table.Td data-figure="passedOn">{m(r.passedOnMinor)}</Table.Td>
          </Table.Tr>
          <Table.Tr fw={700}>
            <Table.Th>{t('treasury.report.remaining')}</Table.Th>
            <Table.Td data-figure="remaining">{m(r.remainingMinor)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Title order={2}>{t('treasury.tranches.title')}</Title>
      <Table striped aria-label={t('treasury.tranches.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('treasury.tranches.seq')}</Table.Th>
            <Table.Th>{t('treasury.tranches.due')}</Table.Th>
            <Table.Th>{t('treasury.tranches.planned')}</Table.Th>
            <Table.Th>{t('treasury.tranches.received')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.tranches.map((tr) => (
            <Table.Tr key={tr.id}>
              <Table.Td>{tr.seq}</Table.Td>
              <Table.Td>{date(tr.dueDate)}</Table.Td>
              <Table.Td>{m(tr.amountMinor)}</Table.Td>
              <Table.Td>{m(tr.receivedMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2}>{t('treasury.report.line')}</Title>
      <Table striped aria-label={t('treasury.report.line')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('treasury.report.line')}</Table.Th>
            <Table.Th>{t('treasury.report.budget')}</Table.Th>
            <Table.Th>{t('treasury.report.spentDirectly')}</Table.Th>
            <Table.Th>{t('treasury.report.justified')}</Table.Th>
            <Table.Th>{t('treasury.report.lineRemaining')}</Table.Th>
            <Table.Th>{t('treasury.report.used')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.lines.map((l) => (
            <Table.Tr key={l.budgetLineId} c={l.remainingMinor < 0 ? 'red.8' : undefined}>
              <Table.Td>
                {l.code} — {l.label}
              </Table.Td>
              <Table.Td>{m(l.budgetMinor)}</Table.Td>
              <Table.Td>{m(l.spentDirectlyMinor)}</Table.Td>
              <Table.Td>{m(l.justifiedBySubGranteesMinor)}</Table.Td>
              <Table.Td>{m(l.remainingMinor)}</Table.Td>
              <Table.Td>{l.usedPct.toLocaleString(i18n.language)} %</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {r.unallocatedMinor !== 0 && <Text size="sm">{t('treasury.report.unallocated', { amount: m(r.unallocatedMinor) })}</Text>}
      {r.subGrants.length > 0 && (
        <>
          <Title order={2}>{t('treasury.report.subGrants')}</Title>
          <Table striped aria-label={t('treasury.report.subGrants')}>
            <Table.Tbody>
              {r.subGrants.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.reference}</Table.Td>
                  <Table.Td>{s.recipientName}</Table.Td>
                  <Table.Td>{s.title}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {r.ratesUsed.length > 0 && (
        <Stack gap={2}>
          <Title order={2}>{t('treasury.report.rates')}</Title>
          {r.ratesUsed.map((rate) => (
            <Text key={`${rate.date}${rate.fromCurrency}${rate.rateMicro}${rate.inverse}`} size="sm" dir="ltr">
              {rateLine(rate)}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

import { Button, Group, Loader, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { localeSchema, reportInputSchema, todayIso, type Locale, type ReportInput } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { locales } from '../../i18n';
import { IndicatorReportDocument, IndicatorReportPrint } from '../../print/IndicatorReport';
import { TextField } from '../../ui/fields';
import { formResolver } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { saveFile } from '../../ui/saveFile';
import { PrintButtons } from '../activities/PrintButtons';
import { FunderPacks } from './FunderPacks';
import { IndicatorMeasures } from './IndicatorMeasures';

type Asked = ReportInput & { locale: Locale };

/** The period, agreement and language live in the address, so a report can be reopened as it was. */
function useReportInput(): [Asked, (next: Asked) => void] {
  const { i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const asked = reportInputSchema.safeParse({ from: params.get('from'), to: params.get('to'), agreementId: params.get('agreement') ?? undefined });
  const input = asked.success ? asked.data : { from: `${today.slice(0, 4)}-01-01`, to: today };
  const lang = localeSchema.safeParse(params.get('lang'));
  const locale = lang.success ? lang.data : localeSchema.catch('fr').parse(i18n.language);
  const set = (next: Asked) =>
    setParams({ from: next.from, to: next.to, lang: next.locale, ...(next.agreementId ? { agreement: next.agreementId } : {}) });
  return [{ ...input, locale }, set];
}

/** Treasurers and presidents may report on one funding agreement: its period, targets and sub-grants. */
function AgreementSelect({ input, onChange }: { input: Asked; onChange: (next: Asked) => void }) {
  const { t } = useTranslation();
  const agreements = useOp('grants.agreements.list', { includeArchived: true });
  const list = agreements.data ?? [];
  return (
    <NativeSelect
      label={t('reports.agreement')}
      value={input.agreementId ?? ''}
      w={320}
      data={[{ value: '', label: t('reports.allWork') }, ...list.map((a) => ({ value: a.id, label: `${a.reference} — ${a.title}` }))]}
      onChange={(event) => {
        const chosen = list.find((a) => a.id === event.currentTarget.value);
        onChange(chosen ? { ...input, agreementId: chosen.id, from: chosen.startDate, to: chosen.endDate } : { ...input, agreementId: undefined });
      }}
    />
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  const status = useAppStatus();
  const role = status.data?.session?.user.role;
  const [input, setInput] = useReportInput();
  const report = useOp('reports.indicators', input);
  const xlsx = useOpMutation('reports.exportXlsx', { onSuccess: saveFile });
  const form = useForm({ resolver: formResolver(reportInputSchema), values: { from: input.from, to: input.to } });

  return (
    <Stack gap="md">
      <Title order={1}>{t('reports.title')}</Title>
      <form noValidate onSubmit={form.handleSubmit((values) => setInput({ ...input, from: values.from, to: values.to }))}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          {(role === 'treasurer' || role === 'president') && <AgreementSelect input={input} onChange={setInput} />}
          <TextField form={form} name="from" type="date" label={t('reports.from')} w={180} />
          <TextField form={form} name="to" type="date" label={t('reports.to')} w={180} />
          <Button type="submit" variant="default">
            {t('reports.show')}
          </Button>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="report-language">
              {t('reports.language')}
            </Text>
            <SegmentedControl<Locale>
              aria-labelledby="report-language"
              value={input.locale}
              onChange={(locale) => setInput({ ...input, locale })}
              data={locales.map((l) => ({ value: l, label: <span lang={l}>{t('language.name', { lng: l })}</span> }))}
            />
          </Stack>
        </Group>
      </form>
      <Group gap="sm">
        <Button onClick={() => xlsx.mutate(input)} loading={xlsx.isPending} disabled={!report.data}>
          {t('reports.downloadXlsx')}
        </Button>
        <PrintButtons fileName={`indicators-${input.from}-${input.to}.pdf`} disabled={!report.data} />
      </Group>
      <OpErrorAlert error={xlsx.error ?? report.error} />
      {report.isPending && <Loader />}
      {report.data?.agreement && report.data.indicators.length > 0 && (role === 'treasurer' || role === 'president') && (
        <IndicatorMeasures agreementId={report.data.agreement.id} indicators={report.data.indicators} />
      )}
      {input.agreementId && (role === 'treasurer' || role === 'president') && <FunderPacks agreementId={input.agreementId} locale={input.locale} />}
      {report.data && (
        <>
          <IndicatorReportDocument report={report.data} preview />
          <IndicatorReportPrint report={report.data} />
        </>
      )}
    </Stack>
  );
}

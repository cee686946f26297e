import { Button, Group, Loader, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { localeSchema, reportInputSchema, todayIso, type Locale, type ReportInput } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { useAppStatus } from '../../app/session';
import { localeNames, locales } from '../../i18n';
import { addCoreTexts } from '../../i18n/core';
import { IndicatorReportDocument, IndicatorReportPrint } from '../../print/IndicatorReport';
import { FormDateField } from '../../ui/dates/DateField';
import { formResolver } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { saveFile } from '../../ui/saveFile';
import { PrintButtons } from '../activities/PrintButtons';
import { FunderPacks } from './FunderPacks';
import { IndicatorMeasures } from './IndicatorMeasures';
import { referenceOptions } from '../../ui/record-options';

addCoreTexts();

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
      data={[{ value: '', label: t('reports.allWork') }, ...referenceOptions(list)]}
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
          <FormDateField form={form} name="from" label={t('core:from')} w={180} />
          <FormDateField form={form} name="to" label={t('core:to')} w={180} />
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
              data={locales.map((l) => ({ value: l, label: <span lang={l}>{localeNames[l]}</span> }))}
            />
          </Stack>
        </Group>
      </form>
      <Group gap="sm">
        <Button onClick={() => xlsx.mutate(input)} loading={xlsx.isPending} disabled={!report.data}>
          {t('reports.downloadXlsx')}
        </Button>
        <PrintButtons fileName={`${report.data?.fileStem ?? ''}.pdf`} disabled={!report.data} />
      </Group>
      <OpErrorAlert error={xlsx.error ?? report.error} />
      {report.isPending && <Loader />}
      {report.data?.agreement && report.data.indicators.length > 0 && (role === 'treasurer' || role === 'president') && (
        <IndicatorMeasures agreementId={report.data.agreement.id} indicators={report.data.indicators} period={{ from: report.data.from, to: report.data.to }} />
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

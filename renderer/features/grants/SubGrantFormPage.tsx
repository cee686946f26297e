import { ActionIcon, Button, Fieldset, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { GRANT_CURRENCIES, subGrantInputSchema, type Agreement, type AgreementDetail, type ApplicationRow, type SubGrant, type SubGrantDetail } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus, IconTrash } from '../../ui/icons';
import { DayField, MoneyField, NumberField, RowsError, SegmentedField, SelectField, TextAreaField, TextField } from './fields';
import { useGrantsSave } from './save';
import { grantsResolver, savedId } from './form';
import { moneyText } from './money';
import { agreementPath, subGrantPath } from './paths';
import { afterSave, UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';
import { budgetLineOptions, referenceOptions } from '../../ui/record-options';

/** The fields of `SubGrantInput` (same paths, so the core's refusals land on them), amounts as typed. */
interface SubGrantDraft {
  recipientId: string;
  callId: string;
  title: string;
  amountMinor: string;
  currency: string;
  startDate: string;
  endDate: string;
  budget: { budgetLineId: string; amountMinor: string }[];
  /** A tranche is a percentage of the sub-grant or an amount, as chosen by `mode`. */
  tranches: { trancheId?: string; mode: 'percent' | 'amount'; percent: number | ''; amountMinor: string; dueDate: string; conditionPct: number | '' }[];
  reportDates: { reportId?: string; dueDate: string; submittedOn: string }[];
  envelopeOverrideReason: string;
}

function draftOf(agreement: Agreement, detail?: SubGrantDetail, fromApplication?: ApplicationRow): SubGrantDraft {
  const s = detail?.subGrant;
  return {
    recipientId: s?.recipientId ?? fromApplication?.recipientId ?? '',
    callId: s?.callId ?? fromApplication?.callId ?? '',
    title: s?.title ?? fromApplication?.projectTitle ?? '',
    amountMinor: moneyText(s?.amountMinor ?? fromApplication?.requestedMinor),
    currency: s?.currency ?? agreement.currency,
    startDate: s?.startDate ?? '',
    endDate: s?.endDate ?? '',
    budget: detail?.budget.map((b) => ({ budgetLineId: b.budgetLineId, amountMinor: moneyText(b.amountMinor) })) ?? [],
    tranches: detail?.tranches.map((tr) => ({
      trancheId: tr.id,
      mode: tr.percent ? 'percent' : 'amount',
      percent: tr.percent ?? '',
      amountMinor: moneyText(tr.amountMinor),
      dueDate: tr.dueDate,
      conditionPct: tr.conditionPct ?? '',
    })) ?? [{ mode: 'percent', percent: 100, amountMinor: '', dueDate: '', conditionPct: '' }],
    reportDates: detail?.reportDates.map((r) => ({ reportId: r.id, dueDate: r.dueDate, submittedOn: r.submittedOn ?? '' })) ?? [],
    envelopeOverrideReason: s?.envelopeOverrideReason ?? '',
  };
}

const subGrantResolver = (agreement: Agreement, subGrant?: SubGrant, applicationId?: string) =>
  grantsResolver(subGrantInputSchema, (d: SubGrantDraft, read) => ({
    ...d,
    ...savedId(subGrant?.id),
    agreementId: agreement.id,
    applicationId: subGrant?.applicationId ?? applicationId ?? null,
    amountMinor: read.money(d.amountMinor, 'amountMinor'),
    budget: d.budget.map((b, i) => ({ ...b, amountMinor: read.money(b.amountMinor, `budget.${i}.amountMinor`) })),
    tranches: d.tranches.map(({ trancheId, mode, ...tr }, i) => ({
      ...savedId(trancheId),
      amountMinor: mode === 'amount' ? read.money(tr.amountMinor, `tranches.${i}.amountMinor`) : null,
      percent: mode === 'percent' ? tr.percent : null,
      dueDate: tr.dueDate,
      conditionPct: tr.conditionPct,
    })),
    reportDates: d.reportDates.map(({ reportId, ...r }) => ({ ...r, ...savedId(reportId) })),
  }));

export function NewSubGrantPage() {
  const { agreementId = '' } = useParams();
  const [search] = useSearchParams();
  const callId = search.get('call');
  const applicationId = search.get('application');
  const agreement = useOp('grants.agreements.get', { id: agreementId });
  const call = useOp('grants.calls.get', { id: callId ?? '' }, { enabled: Boolean(callId) });
  if (agreement.isPending || (callId && call.isPending)) return <Loader />;
  if (agreement.error) return <OpErrorAlert error={agreement.error} />;
  const application = call.data?.applications.find((a) => a.id === applicationId);
  return <SubGrantForm agreement={agreement.data} fromApplication={application} />;
}

export function EditSubGrantPage() {
  const { id = '' } = useParams();
  const detail = useOp('grants.subGrants.get', { id });
  const agreement = useOp('grants.agreements.get', { id: detail.data?.agreement.id ?? '' }, { enabled: Boolean(detail.data) });
  if (detail.isPending || agreement.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  if (agreement.error) return <OpErrorAlert error={agreement.error} />;
  return <SubGrantForm key={id} agreement={agreement.data} detail={detail.data} />;
}

/** A tranche's share as its mode says: a percentage of the sub-grant, or an amount. */
function TrancheShare({ control, index }: { control: Control<SubGrantDraft, unknown, z.output<typeof subGrantInputSchema>>; index: number }) {
  const { t } = useTranslation();
  const mode = useWatch({ control, name: `tranches.${index}.mode` });
  return mode === 'amount' ? (
    <MoneyField control={control} name={`tranches.${index}.amountMinor`} aria-label={t('grants.tranche.amount')} w={180} />
  ) : (
    <NumberField control={control} name={`tranches.${index}.percent`} alsoErrorOf={`tranches.${index}.amountMinor`} aria-label={t('grants.tranche.percent')} w={110} min={1} max={100} suffix=" %" />
  );
}

function SubGrantForm({ agreement: ad, detail, fromApplication }: { agreement: AgreementDetail; detail?: SubGrantDetail; fromApplication?: ApplicationRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const recipients = useOp('grants.recipients.list', { includeArchived: false });
  const a = ad.agreement;
  const s = detail?.subGrant;
  const form = useForm<SubGrantDraft, unknown, z.output<typeof subGrantInputSchema>>({
    defaultValues: draftOf(a, detail, fromApplication),
    resolver: subGrantResolver(a, s, fromApplication?.id),
  });
  const { control } = form;
  const tranches = useFieldArray({ control, name: 'tranches' });
  const budget = useFieldArray({ control, name: 'budget' });
  const reports = useFieldArray({ control, name: 'reportDates' });
  const overrideReason = useWatch({ control, name: 'envelopeOverrideReason' });

  const save = useGrantsSave('grants.subGrants.save', form, (saved) => navigate(subGrantPath(saved.id), afterSave));
  const needsReason = Boolean(overrideReason) || save.error?.code === 'call_envelope_exceeded' || save.error?.code === 'above_max_per_project';
  const lineOptions = budgetLineOptions(ad.budgetLines);

  return (
    <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <Stack gap="md" maw={1000}>
        <Title order={1}>{s ? t('grants.subGrant.editTitle', { reference: s.reference }) : t('grants.subGrant.newTitle', { reference: a.reference })}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectField control={control} name="recipientId" label={t('grants.subGrant.recipient')} required searchable data={(recipients.data ?? []).map((r) => ({ value: r.id, label: r.name }))} />
          <SelectField control={control} name="callId" label={t('grants.subGrant.call')} clearable data={referenceOptions(ad.calls.filter((c) => !c.archivedAt || c.id === s?.callId))} />
          <TextField control={control} name="title" label={t('grants.subGrant.title')} required />
          <Group grow align="flex-start">
            <MoneyField control={control} name="amountMinor" label={t('grants.figures.amount')} required />
            <SelectField control={control} name="currency" label={t('grants.agreement.currency')} data={GRANT_CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Group>
          <DayField control={control} name="startDate" label={t('grants.subGrant.startDate')} required />
          <DayField control={control} name="endDate" label={t('grants.subGrant.endDate')} required />
        </SimpleGrid>

        <Fieldset legend={t('grants.subGrant.tranches')}>
          <Stack gap="xs">
            <RowsError control={control} name="tranches" />
            {tranches.fields.map((row, i) => (
              <Group key={row.id} align="flex-start" wrap="nowrap">
                <Text mt={6} w={24}>
                  {i + 1}
                </Text>
                <SegmentedField
                  control={control}
                  name={`tranches.${i}.mode`}
                  data={[
                    { value: 'percent', label: t('grants.tranche.percent') },
                    { value: 'amount', label: t('grants.tranche.amount') },
                  ]}
                  label={t('grants.tranche.mode')}
                />
                <TrancheShare control={control} index={i} />
                <DayField control={control} name={`tranches.${i}.dueDate`} aria-label={t('grants.tranche.dueDate')} />
                <NumberField
                  control={control}
                  name={`tranches.${i}.conditionPct`}
                  aria-label={t('grants.tranche.condition')}
                  placeholder={t('grants.tranche.conditionPlaceholder')}
                  w={220}
                  min={1}
                  max={100}
                  suffix=" %"
                  disabled={i === 0}
                />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => tranches.remove(i)} mt={6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Text size="xs" c="dimmed">
              {t('grants.tranche.conditionHint')}
            </Text>
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => tranches.append({ mode: 'percent', percent: '', amountMinor: '', dueDate: '', conditionPct: '' })} w="fit-content">
              {t('grants.tranche.add')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('grants.subGrant.budget')}>
          <Stack gap="xs">
            <RowsError control={control} name="budget" />
            {budget.fields.map((row, i) => (
              <Group key={row.id} align="flex-start" wrap="nowrap">
                <SelectField control={control} name={`budget.${i}.budgetLineId`} aria-label={t('grants.line.label')} data={lineOptions} style={{ flex: 1 }} />
                <MoneyField control={control} name={`budget.${i}.amountMinor`} aria-label={t('grants.line.amount')} w={200} />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => budget.remove(i)} mt={6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => budget.append({ budgetLineId: '', amountMinor: '' })} w="fit-content">
              {t('grants.line.add')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('grants.subGrant.reports')}>
          <Stack gap="xs">
            {reports.fields.map((row, i) => (
              <Group key={row.id} align="flex-start" wrap="nowrap">
                <DayField control={control} name={`reportDates.${i}.dueDate`} label={i === 0 ? t('grants.deadline.dueDate') : undefined} aria-label={t('grants.deadline.dueDate')} />
                <DayField control={control} name={`reportDates.${i}.submittedOn`} label={i === 0 ? t('grants.deadline.submittedOn') : undefined} aria-label={t('grants.deadline.submittedOn')} />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => reports.remove(i)} mt={i === 0 ? 30 : 6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => reports.append({ dueDate: '', submittedOn: '' })} w="fit-content">
              {t('grants.deadline.add')}
            </Button>
          </Stack>
        </Fieldset>

        {needsReason && (
          <TextAreaField control={control} name="envelopeOverrideReason" label={t('grants.subGrant.overrideReason')} description={t('grants.subGrant.overrideHint')} rows={2} />
        )}
        <OpErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button component={Link} to={s ? subGrantPath(s.id) : agreementPath(a.id)} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

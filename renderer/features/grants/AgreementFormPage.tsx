import { ActionIcon, Button, Fieldset, Group, Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { agreementInputSchema, deadlineKindSchema, GRANT_CURRENCIES, type Agreement, type AgreementDetail, type Deadline } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus, IconTrash } from '../../ui/icons';
import { FunderModal } from './FundersPage';
import { DayField, MoneyField, NumberField, RowsError, SelectField, TextField } from './fields';
import { useGrantsSave } from './save';
import { grantsResolver, savedId } from './form';
import { moneyText } from './money';
import { agreementPath, grantsPath } from './paths';
import { afterSave, UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';

/** The fields of `AgreementInput` (same paths, so the core's refusals land on them), amounts as typed. */
interface AgreementDraft {
  funderId: string;
  reference: string;
  title: string;
  startDate: string;
  endDate: string;
  currency: string;
  totalMinor: string;
  tolerancePct: number | '';
  budgetLines: { lineId?: string; code: string; label: string; amountMinor: string }[];
  deadlines: { deadlineId?: string; dueDate: string; kind: Deadline['kind']; label: string; submittedOn: string }[];
  indicators: { indicatorId?: string; code: string; label: string; target: number | '' }[];
}

const draftOf = (detail?: AgreementDetail): AgreementDraft => ({
  funderId: detail?.agreement.funderId ?? '',
  reference: detail?.agreement.reference ?? '',
  title: detail?.agreement.title ?? '',
  startDate: detail?.agreement.startDate ?? '',
  endDate: detail?.agreement.endDate ?? '',
  currency: detail?.agreement.currency ?? 'EUR',
  totalMinor: moneyText(detail?.agreement.totalMinor),
  tolerancePct: detail?.agreement.tolerancePct ?? 0,
  budgetLines: detail?.budgetLines.map((l) => ({ lineId: l.id, code: l.code, label: l.label, amountMinor: moneyText(l.amountMinor) })) ?? [],
  deadlines: detail?.deadlines.map((d) => ({ deadlineId: d.id, dueDate: d.dueDate, kind: d.kind, label: d.label ?? '', submittedOn: d.submittedOn ?? '' })) ?? [],
  indicators: detail?.indicators.map((i) => ({ indicatorId: i.id, code: i.code, label: i.label, target: i.target })) ?? [],
});

const agreementResolver = (agreement?: Agreement) =>
  grantsResolver(agreementInputSchema, (d: AgreementDraft, read) => ({
    ...d,
    ...savedId(agreement?.id),
    totalMinor: read.money(d.totalMinor, 'totalMinor'),
    budgetLines: d.budgetLines.map(({ lineId, ...l }, i) => ({ ...l, ...savedId(lineId), amountMinor: read.money(l.amountMinor, `budgetLines.${i}.amountMinor`) })),
    deadlines: d.deadlines.map(({ deadlineId, ...dl }) => ({ ...dl, ...savedId(deadlineId) })),
    indicators: d.indicators.map(({ indicatorId, ...ind }) => ({ ...ind, ...savedId(indicatorId) })),
    archived: Boolean(agreement?.archivedAt),
  }));

export function NewAgreementPage() {
  return <AgreementForm />;
}

export function EditAgreementPage() {
  const { id = '' } = useParams();
  const detail = useOp('grants.agreements.get', { id });
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  return <AgreementForm key={id} detail={detail.data} />;
}

function AgreementForm({ detail }: { detail?: AgreementDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const funders = useOp('grants.funders.list', { includeArchived: false });
  const [newFunder, setNewFunder] = useState(false);
  const a = detail?.agreement;
  const form = useForm<AgreementDraft, unknown, z.output<typeof agreementInputSchema>>({ defaultValues: draftOf(detail), resolver: agreementResolver(a) });
  const { control } = form;
  const lines = useFieldArray({ control, name: 'budgetLines' });
  const deadlines = useFieldArray({ control, name: 'deadlines' });
  const indicators = useFieldArray({ control, name: 'indicators' });
  const currency = useWatch({ control, name: 'currency' });

  const save = useGrantsSave('grants.agreements.save', form, (saved) => navigate(agreementPath(saved.id), afterSave));

  return (
    <>
    <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <Stack gap="md" maw={1000}>
        <Title order={1}>{a ? t('grants.agreement.editTitle', { reference: a.reference }) : t('grants.agreement.new')}</Title>
        <Group align="flex-end">
          <SelectField
            control={control}
            name="funderId"
            label={t('grants.agreement.funder')}
            required
            searchable
            data={(funders.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
            w={320}
          />
          <Button variant="default" onClick={() => setNewFunder(true)}>
            {t('grants.funders.new')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField control={control} name="reference" label={t('grants.agreement.reference')} required />
          <TextField control={control} name="title" label={t('grants.agreement.title')} required />
          <DayField control={control} name="startDate" label={t('grants.agreement.startDate')} required />
          <DayField control={control} name="endDate" label={t('grants.agreement.endDate')} required />
          <SelectField control={control} name="currency" label={t('grants.agreement.currency')} data={GRANT_CURRENCIES.map((c) => ({ value: c, label: c }))} />
          <MoneyField control={control} name="totalMinor" label={t('grants.agreement.total')} required currency={currency || undefined} />
          <NumberField control={control} name="tolerancePct" label={t('grants.agreement.tolerance')} description={t('grants.agreement.toleranceHint')} min={0} max={100} suffix=" %" />
        </SimpleGrid>

        <Fieldset legend={t('grants.agreement.budgetLines')}>
          <Stack gap="xs">
            <RowsError control={control} name="budgetLines" />
            {lines.fields.map((row, i) => (
              <Group key={row.id} align="flex-start" wrap="nowrap">
                <TextField control={control} name={`budgetLines.${i}.code`} aria-label={t('grants.line.code')} placeholder={t('grants.line.code')} w={100} />
                <TextField control={control} name={`budgetLines.${i}.label`} aria-label={t('grants.line.label')} placeholder={t('grants.line.label')} style={{ flex: 1 }} />
                <MoneyField control={control} name={`budgetLines.${i}.amountMinor`} aria-label={t('grants.line.amount')} placeholder={t('grants.line.amount')} w={200} currency={currency || undefined} />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => lines.remove(i)} mt={6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => lines.append({ code: `L${lines.fields.length + 1}`, label: '', amountMinor: '' })} w="fit-content">
              {t('grants.line.add')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('grants.agreement.deadlines')}>
          <Stack gap="xs">
            {deadlines.fields.map((row, i) => (
              <Group key={row.id} align="flex-start" wrap="nowrap">
                <DayField control={control} name={`deadlines.${i}.dueDate`} label={i === 0 ? t('grants.deadline.dueDate') : undefined} aria-label={t('grants.deadline.dueDate')} />
                <SelectField
                  control={control}
                  name={`deadlines.${i}.kind`}
                  label={i === 0 ? t('grants.deadline.kind') : undefined}
                  aria-label={t('grants.deadline.kind')}
                  data={deadlineKindSchema.options.map((k) => ({ value: k, label: t(`grants.deadlineKind.${k}`) }))}
                  allowDeselect={false}
                  w={180}
                />
                <TextField control={control} name={`deadlines.${i}.label`} label={i === 0 ? t('grants.deadline.label') : undefined} aria-label={t('grants.deadline.label')} placeholder={t('grants.deadline.label')} style={{ flex: 1 }} />
                <DayField control={control} name={`deadlines.${i}.submittedOn`} label={i === 0 ? t('grants.deadline.submittedOn') : undefined} aria-label={t('grants.deadline.submittedOn')} />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => deadlines.remove(i)} mt={i === 0 ? 30 : 6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => deadlines.append({ dueDate: '', kind: 'financial', label: '', submittedOn: '' })} w="fit-content">
              {t('grants.deadline.add')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('grants.agreement.indicators')}>
          <Stack gap="xs">
            {indicators.fields.map((row, i) => (
              <Group key={row.id} align="flex-start" wrap="nowrap">
                <TextField control={control} name={`indicators.${i}.code`} aria-label={t('grants.indicator.code')} placeholder={t('grants.indicator.code')} w={120} />
                <TextField control={control} name={`indicators.${i}.label`} aria-label={t('grants.indicator.label')} placeholder={t('grants.indicator.label')} style={{ flex: 1 }} />
                <NumberField control={control} name={`indicators.${i}.target`} aria-label={t('grants.indicator.target')} placeholder={t('grants.indicator.target')} w={140} min={0} />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => indicators.remove(i)} mt={6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => indicators.append({ code: `IND${indicators.fields.length + 1}`, label: '', target: '' })} w="fit-content">
              {t('grants.indicator.add')}
            </Button>
          </Stack>
        </Fieldset>

        <OpErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button component={Link} to={a ? agreementPath(a.id) : grantsPath} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
    {newFunder && <FunderModal onClose={() => setNewFunder(false)} onSaved={(f) => form.setValue('funderId', f.id, { shouldValidate: form.formState.isSubmitted })} />}
    </>
  );
}

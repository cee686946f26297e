import { ActionIcon, Button, Fieldset, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { agreementInputSchema, deadlineKindSchema, GRANT_CURRENCIES, type AgreementDetail } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus, IconTrash } from '../../ui/icons';
import { FunderModal } from './FundersPage';
import { useInvalidateGrants } from './invalidate';
import { MoneyInput, moneyText, readMoney } from './money';
import { agreementPath, grantsPath } from './paths';
import { useFieldProblems } from './problems';

interface LineDraft {
  id?: string;
  code: string;
  label: string;
  amount: string;
}
interface DeadlineDraft {
  id?: string;
  dueDate: string;
  kind: string;
  label: string;
  submittedOn: string;
}
interface IndicatorDraft {
  id?: string;
  code: string;
  label: string;
  target: number | '';
}

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
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const funders = useOp('grants.funders.list', { includeArchived: false });
  const [newFunder, setNewFunder] = useState(false);
  const a = detail?.agreement;
  const [funderId, setFunderId] = useState<string | null>(a?.funderId ?? null);
  const [reference, setReference] = useState(a?.reference ?? '');
  const [title, setTitle] = useState(a?.title ?? '');
  const [startDate, setStartDate] = useState(a?.startDate ?? '');
  const [endDate, setEndDate] = useState(a?.endDate ?? '');
  const [currency, setCurrency] = useState<string | null>(a?.currency ?? 'EUR');
  const [total, setTotal] = useState(moneyText(a?.totalMinor));
  const [tolerance, setTolerance] = useState<number | ''>(a?.tolerancePct ?? 0);
  const [lines, setLines] = useState<LineDraft[]>(detail?.budgetLines.map((l) => ({ id: l.id, code: l.code, label: l.label, amount: moneyText(l.amountMinor) })) ?? []);
  const [deadlines, setDeadlines] = useState<DeadlineDraft[]>(
    detail?.deadlines.map((d) => ({ id: d.id, dueDate: d.dueDate, kind: d.kind, label: d.label ?? '', submittedOn: d.submittedOn ?? '' })) ?? [],
  );
  const [indicators, setIndicators] = useState<IndicatorDraft[]>(detail?.indicators.map((i) => ({ id: i.id, code: i.code, label: i.label, target: i.target })) ?? []);

  const save = useOpMutation('grants.agreements.save', {
    onSuccess: async (saved) => {
      await invalidate();
      await navigate(agreementPath(saved.id));
    },
    onError: problems.fromFailure,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const extra: Record<string, string> = {};
    const input = problems.check(
      agreementInputSchema,
      {
        ...(a ? { id: a.id } : {}),
        funderId: funderId ?? '',
        reference,
        title,
        startDate,
        endDate,
        currency,
        totalMinor: readMoney(total, 'totalMinor', extra),
        tolerancePct: tolerance === '' ? 0 : tolerance,
        budgetLines: lines.map((l, i) => ({ ...(l.id ? { id: l.id } : {}), code: l.code, label: l.label, amountMinor: readMoney(l.amount, `budgetLines.${i}.amountMinor`, extra) })),
        deadlines: deadlines.map((d) => ({ ...(d.id ? { id: d.id } : {}), dueDate: d.dueDate, kind: d.kind, label: d.label || null, submittedOn: d.submittedOn || null })),
        indicators: indicators.map((i) => ({ ...(i.id ? { id: i.id } : {}), code: i.code, label: i.label, target: i.target === '' ? -1 : i.target })),
        archived: Boolean(a?.archivedAt),
      },
      extra,
    );
    if (input) save.mutate(input);
  };

  const update = <T,>(setter: (f: (rows: T[]) => T[]) => void, index: number, patch: Partial<T>) =>
    setter((rows) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const remove = <T,>(setter: (f: (rows: T[]) => T[]) => void, index: number) => setter((rows) => rows.filter((_, i) => i !== index));

  return (
    <>
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={1000}>
        <Title order={1}>{a ? t('grants.agreement.editTitle', { reference: a.reference }) : t('grants.agreement.new')}</Title>
        <Group align="flex-end">
          <Select
            label={t('grants.agreement.funder')}
            required
            searchable
            data={(funders.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
            value={funderId}
            onChange={setFunderId}
            error={problems.errors.funderId}
            w={320}
          />
          <Button variant="default" onClick={() => setNewFunder(true)}>
            {t('grants.funders.new')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('grants.agreement.reference')} required value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={problems.errors.reference} />
          <TextInput label={t('grants.agreement.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={problems.errors.title} />
          <TextInput type="date" label={t('grants.agreement.startDate')} required value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} error={problems.errors.startDate} />
          <TextInput type="date" label={t('grants.agreement.endDate')} required value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} error={problems.errors.endDate} />
          <Select
            label={t('grants.agreement.currency')}
            data={GRANT_CURRENCIES.map((c) => ({ value: c, label: c }))}
            value={currency}
            onChange={setCurrency}
            error={problems.errors.currency}
          />
          <MoneyInput label={t('grants.agreement.total')} required currency={currency ?? undefined} value={total} onChange={(e) => setTotal(e.currentTarget.value)} error={problems.errors.totalMinor} />
          <NumberInput
            label={t('grants.agreement.tolerance')}
            description={t('grants.agreement.toleranceHint')}
            min={0}
            max={100}
            allowDecimal={false}
            suffix=" %"
            value={tolerance}
            onChange={(v) => setTolerance(typeof v === 'number' ? v : '')}
            error={problems.errors.tolerancePct}
          />
        </SimpleGrid>

        <Fieldset legend={t('grants.agreement.budgetLines')}>
          <Stack gap="xs">
            {problems.errors.budgetLines && (
              <Text c="red" size="sm" role="alert">
                {problems.errors.budgetLines}
              </Text>
            )}
            {lines.map((l, i) => (
              <Group key={l.id ?? `new-${i}`} align="flex-start" wrap="nowrap">
                <TextInput aria-label={t('grants.line.code')} placeholder={t('grants.line.code')} w={100} value={l.code} onChange={(e) => update(setLines, i, { code: e.currentTarget.value })} error={problems.errors[`budgetLines.${i}.code`]} />
                <TextInput aria-label={t('grants.line.label')} placeholder={t('grants.line.label')} style={{ flex: 1 }} value={l.label} onChange={(e) => update(setLines, i, { label: e.currentTarget.value })} error={problems.errors[`budgetLines.${i}.label`]} />
                <MoneyInput aria-label={t('grants.line.amount')} placeholder={t('grants.line.amount')} w={200} currency={currency ?? undefined} value={l.amount} onChange={(e) => update(setLines, i, { amount: e.currentTarget.value })} error={problems.errors[`budgetLines.${i}.amountMinor`]} />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => remove(setLines, i)} mt={6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => setLines((r) => [...r, { code: `L${r.length + 1}`, label: '', amount: '' }])} w="fit-content">
              {t('grants.line.add')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('grants.agreement.deadlines')}>
          <Stack gap="xs">
            {deadlines.map((d, i) => (
              <Group key={d.id ?? `new-${i}`} align="flex-start" wrap="nowrap">
                <TextInput type="date" label={i === 0 ? t('grants.deadline.dueDate') : undefined} aria-label={t('grants.deadline.dueDate')} value={d.dueDate} onChange={(e) => update(setDeadlines, i, { dueDate: e.currentTarget.value })} error={problems.errors[`deadlines.${i}.dueDate`]} />
                <Select
                  label={i === 0 ? t('grants.deadline.kind') : undefined}
                  aria-label={t('grants.deadline.kind')}
                  data={deadlineKindSchema.options.map((k) => ({ value: k, label: t(`grants.deadlineKind.${k}`) }))}
                  value={d.kind}
                  onChange={(v) => update(setDeadlines, i, { kind: v ?? 'financial' })}
                  w={180}
                />
                <TextInput label={i === 0 ? t('grants.deadline.label') : undefined} aria-label={t('grants.deadline.label')} placeholder={t('grants.deadline.label')} style={{ flex: 1 }} value={d.label} onChange={(e) => update(setDeadlines, i, { label: e.currentTarget.value })} />
                <TextInput type="date" label={i === 0 ? t('grants.deadline.submittedOn') : undefined} aria-label={t('grants.deadline.submittedOn')} value={d.submittedOn} onChange={(e) => update(setDeadlines, i, { submittedOn: e.currentTarget.value })} />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => remove(setDeadlines, i)} mt={i === 0 ? 30 : 6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => setDeadlines((r) => [...r, { dueDate: '', kind: 'financial', label: '', submittedOn: '' }])} w="fit-content">
              {t('grants.deadline.add')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('grants.agreement.indicators')}>
          <Stack gap="xs">
            {indicators.map((ind, i) => (
              <Group key={ind.id ?? `new-${i}`} align="flex-start" wrap="nowrap">
                <TextInput aria-label={t('grants.indicator.code')} placeholder={t('grants.indicator.code')} w={120} value={ind.code} onChange={(e) => update(setIndicators, i, { code: e.currentTarget.value })} error={problems.errors[`indicators.${i}.code`]} />
                <TextInput aria-label={t('grants.indicator.label')} placeholder={t('grants.indicator.label')} style={{ flex: 1 }} value={ind.label} onChange={(e) => update(setIndicators, i, { label: e.currentTarget.value })} error={problems.errors[`indicators.${i}.label`]} />
                <NumberInput aria-label={t('grants.indicator.target')} placeholder={t('grants.indicator.target')} w={140} min={0} allowDecimal={false} value={ind.target} onChange={(v) => update(setIndicators, i, { target: typeof v === 'number' ? v : '' })} error={problems.errors[`indicators.${i}.target`]} />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => remove(setIndicators, i)} mt={6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => setIndicators((r) => [...r, { code: `IND${r.length + 1}`, label: '', target: '' }])} w="fit-content">
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
    {newFunder && <FunderModal onClose={() => setNewFunder(false)} onSaved={(f) => setFunderId(f.id)} />}
    </>
  );
}

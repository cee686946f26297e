import { ActionIcon, Button, Fieldset, Group, Loader, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { GRANT_CURRENCIES, subGrantInputSchema, type AgreementDetail, type ApplicationRow, type SubGrantDetail } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus, IconTrash } from '../../ui/icons';
import { useInvalidateGrants } from './invalidate';
import { MoneyInput, moneyText, readMoney } from './money';
import { agreementPath, subGrantPath } from './paths';
import { useFieldProblems } from './problems';

interface TrancheDraft {
  id?: string;
  mode: 'percent' | 'amount';
  percent: number | '';
  amount: string;
  dueDate: string;
  conditionPct: number | '';
}
interface BudgetDraft {
  budgetLineId: string | null;
  amount: string;
}
interface ReportDraft {
  id?: string;
  dueDate: string;
  submittedOn: string;
}

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

function SubGrantForm({ agreement: ad, detail, fromApplication }: { agreement: AgreementDetail; detail?: SubGrantDetail; fromApplication?: ApplicationRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const recipients = useOp('grants.recipients.list', { includeArchived: false });
  const a = ad.agreement;
  const s = detail?.subGrant;
  const [recipientId, setRecipientId] = useState<string | null>(s?.recipientId ?? fromApplication?.recipientId ?? null);
  const [callId, setCallId] = useState<string | null>(s?.callId ?? fromApplication?.callId ?? null);
  const [title, setTitle] = useState(s?.title ?? fromApplication?.projectTitle ?? '');
  const [amount, setAmount] = useState(moneyText(s?.amountMinor ?? fromApplication?.requestedMinor));
  const [currency, setCurrency] = useState<string | null>(s?.currency ?? a.currency);
  const [startDate, setStartDate] = useState(s?.startDate ?? '');
  const [endDate, setEndDate] = useState(s?.endDate ?? '');
  const [budget, setBudget] = useState<BudgetDraft[]>(detail?.budget.map((b) => ({ budgetLineId: b.budgetLineId, amount: moneyText(b.amountMinor) })) ?? []);
  const [tranches, setTranches] = useState<TrancheDraft[]>(
    detail?.tranches.map((tr) => ({
      id: tr.id,
      mode: tr.percent ? 'percent' : 'amount',
      percent: tr.percent ?? '',
      amount: moneyText(tr.amountMinor),
      dueDate: tr.dueDate,
      conditionPct: tr.conditionPct ?? '',
    })) ?? [{ mode: 'percent', percent: 100, amount: '', dueDate: '', conditionPct: '' }],
  );
  const [reports, setReports] = useState<ReportDraft[]>(detail?.reportDates.map((r) => ({ id: r.id, dueDate: r.dueDate, submittedOn: r.submittedOn ?? '' })) ?? []);
  const [overrideReason, setOverrideReason] = useState(s?.envelopeOverrideReason ?? '');

  const save = useOpMutation('grants.subGrants.save', {
    onSuccess: async (saved) => {
      await invalidate();
      await navigate(subGrantPath(saved.id));
    },
    onError: problems.fromFailure,
  });
  const needsReason = Boolean(overrideReason) || save.error?.code === 'call_envelope_exceeded' || save.error?.code === 'above_max_per_project';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const extra: Record<string, string> = {};
    const input = problems.check(
      subGrantInputSchema,
      {
        ...(s ? { id: s.id } : {}),
        agreementId: a.id,
        callId,
        applicationId: s?.applicationId ?? fromApplication?.id ?? null,
        recipientId: recipientId ?? '',
        title,
        amountMinor: readMoney(amount, 'amountMinor', extra),
        currency,
        startDate,
        endDate,
        budget: budget.map((b, i) => ({ budgetLineId: b.budgetLineId ?? '', amountMinor: readMoney(b.amount, `budget.${i}.amountMinor`, extra) })),
        tranches: tranches.map((tr, i) => ({
          ...(tr.id ? { id: tr.id } : {}),
          amountMinor: tr.mode === 'amount' ? readMoney(tr.amount, `tranches.${i}.amountMinor`, extra) : null,
          percent: tr.mode === 'percent' ? (tr.percent === '' ? 0 : tr.percent) : null,
          dueDate: tr.dueDate,
          conditionPct: tr.conditionPct === '' ? null : tr.conditionPct,
        })),
        reportDates: reports.map((r) => ({ ...(r.id ? { id: r.id } : {}), dueDate: r.dueDate, submittedOn: r.submittedOn || null })),
        envelopeOverrideReason: overrideReason || null,
      },
      extra,
    );
    if (input) save.mutate(input);
  };

  const patchTranche = (i: number, patch: Partial<TrancheDraft>) => setTranches((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const lineOptions = ad.budgetLines.map((l) => ({ value: l.id, label: `${l.code} — ${l.label}` }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={1000}>
        <Title order={1}>{s ? t('grants.subGrant.editTitle', { reference: s.reference }) : t('grants.subGrant.newTitle', { reference: a.reference })}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('grants.subGrant.recipient')}
            required
            searchable
            data={(recipients.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={recipientId}
            onChange={setRecipientId}
            error={problems.errors.recipientId}
          />
          <Select
            label={t('grants.subGrant.call')}
            clearable
            data={ad.calls.map((c) => ({ value: c.id, label: `${c.reference} — ${c.title}` }))}
            value={callId}
            onChange={setCallId}
            error={problems.errors.callId}
          />
          <TextInput label={t('grants.subGrant.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={problems.errors.title} />
          <Group grow align="flex-start">
            <MoneyInput label={t('grants.figures.amount')} required value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={problems.errors.amountMinor} />
            <Select label={t('grants.agreement.currency')} data={GRANT_CURRENCIES.map((c) => ({ value: c, label: c }))} value={currency} onChange={setCurrency} error={problems.errors.currency} />
          </Group>
          <TextInput type="date" label={t('grants.subGrant.startDate')} required value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} error={problems.errors.startDate} />
          <TextInput type="date" label={t('grants.subGrant.endDate')} required value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} error={problems.errors.endDate} />
        </SimpleGrid>

        <Fieldset legend={t('grants.subGrant.tranches')}>
          <Stack gap="xs">
            {problems.errors.tranches && (
              <Text c="red" size="sm" role="alert">
                {problems.errors.tranches}
              </Text>
            )}
            {tranches.map((tr, i) => (
              <Group key={tr.id ?? `new-${i}`} align="flex-start" wrap="nowrap">
                <Text mt={6} w={24}>
                  {i + 1}
                </Text>
                <SegmentedControl
                  value={tr.mode}
                  onChange={(v) => patchTranche(i, { mode: v as TrancheDraft['mode'] })}
                  data={[
                    { value: 'percent', label: t('grants.tranche.percent') },
                    { value: 'amount', label: t('grants.tranche.amount') },
                  ]}
                  aria-label={t('grants.tranche.mode')}
                />
                {tr.mode === 'percent' ? (
                  <NumberInput aria-label={t('grants.tranche.percent')} w={110} min={1} max={100} allowDecimal={false} suffix=" %" value={tr.percent} onChange={(v) => patchTranche(i, { percent: typeof v === 'number' ? v : '' })} error={problems.errors[`tranches.${i}.percent`] ?? problems.errors[`tranches.${i}.amountMinor`]} />
                ) : (
                  <MoneyInput aria-label={t('grants.tranche.amount')} w={180} value={tr.amount} onChange={(e) => patchTranche(i, { amount: e.currentTarget.value })} error={problems.errors[`tranches.${i}.amountMinor`]} />
                )}
                <TextInput type="date" aria-label={t('grants.tranche.dueDate')} value={tr.dueDate} onChange={(e) => patchTranche(i, { dueDate: e.currentTarget.value })} error={problems.errors[`tranches.${i}.dueDate`]} />
                <NumberInput
                  aria-label={t('grants.tranche.condition')}
                  placeholder={t('grants.tranche.conditionPlaceholder')}
                  w={220}
                  min={1}
                  max={100}
                  allowDecimal={false}
                  suffix=" %"
                  disabled={i === 0}
                  value={tr.conditionPct}
                  onChange={(v) => patchTranche(i, { conditionPct: typeof v === 'number' ? v : '' })}
                />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => setTranches((rows) => rows.filter((_, j) => j !== i))} mt={6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Text size="xs" c="dimmed">
              {t('grants.tranche.conditionHint')}
            </Text>
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => setTranches((rows) => [...rows, { mode: 'percent', percent: '', amount: '', dueDate: '', conditionPct: '' }])} w="fit-content">
              {t('grants.tranche.add')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('grants.subGrant.budget')}>
          <Stack gap="xs">
            {problems.errors.budget && (
              <Text c="red" size="sm" role="alert">
                {problems.errors.budget}
              </Text>
            )}
            {budget.map((b, i) => (
              <Group key={`b-${i}`} align="flex-start" wrap="nowrap">
                <Select aria-label={t('grants.line.label')} data={lineOptions} value={b.budgetLineId} onChange={(v) => setBudget((rows) => rows.map((r, j) => (j === i ? { ...r, budgetLineId: v } : r)))} style={{ flex: 1 }} error={problems.errors[`budget.${i}.budgetLineId`]} />
                <MoneyInput aria-label={t('grants.line.amount')} w={200} value={b.amount} onChange={(e) => { const v = e.currentTarget.value; setBudget((rows) => rows.map((r, j) => (j === i ? { ...r, amount: v } : r))); }} error={problems.errors[`budget.${i}.amountMinor`]} />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => setBudget((rows) => rows.filter((_, j) => j !== i))} mt={6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => setBudget((rows) => [...rows, { budgetLineId: null, amount: '' }])} w="fit-content">
              {t('grants.line.add')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('grants.subGrant.reports')}>
          <Stack gap="xs">
            {reports.map((r, i) => (
              <Group key={r.id ?? `new-${i}`} align="flex-start" wrap="nowrap">
                <TextInput type="date" label={i === 0 ? t('grants.deadline.dueDate') : undefined} aria-label={t('grants.deadline.dueDate')} value={r.dueDate} onChange={(e) => { const v = e.currentTarget.value; setReports((rows) => rows.map((x, j) => (j === i ? { ...x, dueDate: v } : x))); }} error={problems.errors[`reportDates.${i}.dueDate`]} />
                <TextInput type="date" label={i === 0 ? t('grants.deadline.submittedOn') : undefined} aria-label={t('grants.deadline.submittedOn')} value={r.submittedOn} onChange={(e) => { const v = e.currentTarget.value; setReports((rows) => rows.map((x, j) => (j === i ? { ...x, submittedOn: v } : x))); }} />
                <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => setReports((rows) => rows.filter((_, j) => j !== i))} mt={i === 0 ? 30 : 6}>
                  <IconTrash width={18} height={18} />
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => setReports((rows) => [...rows, { dueDate: '', submittedOn: '' }])} w="fit-content">
              {t('grants.deadline.add')}
            </Button>
          </Stack>
        </Fieldset>

        {needsReason && (
          <Textarea
            label={t('grants.subGrant.overrideReason')}
            description={t('grants.subGrant.overrideHint')}
            rows={2}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.currentTarget.value)}
            error={problems.errors.envelopeOverrideReason}
          />
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

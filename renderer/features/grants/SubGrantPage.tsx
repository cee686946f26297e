import { Anchor, Badge, Button, FileInput, Group, Loader, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  disbursementInputSchema,
  expenseDecisionSchema,
  expenseInputSchema,
  MAX_ATTACHMENT_BYTES,
  paymentMethodSchema,
  type Expense,
  type SubGrantDetail,
  type Tranche,
} from '../../../electron/contract';
import { call, useOp, useOpMutation } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ExportButton } from '../reports/ExportButton';
import { IconPlus, IconPrinter } from '../../ui/icons';
import { readAsBase64 } from '../beneficiary-import/readFile';
import { useDate } from './dates';
import { useInvalidateGrants } from './invalidate';
import { MoneyInput, moneyText, readMoney, useMoney } from './money';
import { agreementPath, editSubGrantPath, statementPath } from './paths';
import { useFieldProblems } from './problems';
import { rateText } from './RatesPage';
import { StateBadge } from './StateBadge';

const statusColour = { submitted: 'gray', accepted: 'green', rejected: 'red' } as const;

/** A sub-grant: its tranches and payments, its justified expenses with their receipts, its figures. */
export function SubGrantPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useOp('grants.subGrants.get', { id });
  const money = useMoney();
  const date = useDate();
  const [paying, setPaying] = useState<Tranche | null>(null);
  const [adding, setAdding] = useState(false);
  const [rejecting, setRejecting] = useState<Expense | null>(null);
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const d = detail.data;
  const s = d.subGrant;
  const m = (minor: number) => money(minor, s.currency);
  const f = d.figures;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={agreementPath(d.agreement.id)} size="sm">
        {t('grants.subGrant.back', { reference: d.agreement.reference })}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>
            {s.reference} — {s.title}
          </Title>
          <Text c="dimmed">{t('grants.subGrant.summary', { recipient: d.recipient.name, start: date(s.startDate), end: date(s.endDate) })}</Text>
          {d.rate && (
            <Text size="sm" c="dimmed">
              {t('grants.subGrant.rateUsed', { date: date(d.rate.date), from: d.rate.inverse ? d.rate.toCurrency : d.rate.fromCurrency, to: d.rate.inverse ? d.rate.fromCurrency : d.rate.toCurrency, rate: rateText(d.rate.rateMicro) })}
            </Text>
          )}
          {s.envelopeOverrideReason && (
            <Text size="sm" c="orange">
              {t('grants.subGrant.overridden', { reason: s.envelopeOverrideReason })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <ExportButton list="expenses" filters={{ subGrantId: s.id }} />
          {s.archivedAt ? (
            <Badge color="gray" variant="filled">
              {t('grants.archived')}
            </Badge>
          ) : (
            <StateBadge state={f.state} />
          )}
          <ArchiveButton detail={d} />
          <Button component={Link} to={editSubGrantPath(s.id)} variant="default">
            {t('grants.edit')}
          </Button>
          <Button component={Link} to={statementPath(s.id)} leftSection={<IconPrinter width={18} height={18} />}>
            {t('grants.statement.open')}
          </Button>
        </Group>
      </Group>
      <Table withTableBorder aria-label={t('grants.dashboard.figures')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('grants.figures.amount')}</Table.Th>
            <Table.Th>{t('grants.figures.disbursed')}</Table.Th>
            <Table.Th>{t('grants.figures.justified')}</Table.Th>
            <Table.Th>{t('grants.figures.leftToDisburse')}</Table.Th>
            <Table.Th>{t('grants.figures.leftToJustify')}</Table.Th>
            <Table.Th>{t('grants.figures.nextTranche')}</Table.Th>
            <Table.Th>{t('grants.figures.overdueReports')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td data-figure="amount">{m(f.amountMinor)}</Table.Td>
            <Table.Td data-figure="disbursed">{m(f.disbursedMinor)}</Table.Td>
            <Table.Td data-figure="justified">{m(f.justifiedMinor)}</Table.Td>
            <Table.Td data-figure="leftToDisburse">{m(f.leftToDisburseMinor)}</Table.Td>
            <Table.Td data-figure="leftToJustify">{m(f.leftToJustifyMinor)}</Table.Td>
            <Table.Td>{date(f.nextTrancheDue)}</Table.Td>
            <Table.Td>{f.overdueReports}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      <Title order={2}>{t('grants.subGrant.tranches')}</Title>
      <Table striped aria-label={t('grants.subGrant.tranches')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('grants.tranche.number')}</Table.Th>
            <Table.Th>{t('grants.tranche.amount')}</Table.Th>
            <Table.Th>{t('grants.tranche.dueDate')}</Table.Th>
            <Table.Th>{t('grants.tranche.condition')}</Table.Th>
            <Table.Th>{t('grants.figures.disbursed')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.tranches.map((tr) => (
            <Table.Tr key={tr.id}>
              <Table.Td>{tr.seq}</Table.Td>
              <Table.Td>
                {m(tr.amountMinor)}
                {tr.percent ? ` (${tr.percent} %)` : ''}
              </Table.Td>
              <Table.Td>{date(tr.dueDate)}</Table.Td>
              <Table.Td>
                {tr.conditionRequiredMinor === null
                  ? '—'
                  : t(tr.conditionMet ? 'grants.tranche.conditionMet' : 'grants.tranche.conditionUnmet', { pct: tr.conditionPct, required: m(tr.conditionRequiredMinor) })}
              </Table.Td>
              <Table.Td>{m(tr.disbursedMinor)}</Table.Td>
              <Table.Td>
                {tr.disbursedMinor < tr.amountMinor && (
                  <Button size="xs" onClick={() => setPaying(tr)}>
                    {t('grants.disbursement.pay', { seq: tr.seq })}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={2}>{t('grants.disbursement.title')}</Title>
      {d.disbursements.length === 0 ? (
        <Text c="dimmed">{t('grants.disbursement.none')}</Text>
      ) : (
        <Table striped aria-label={t('grants.disbursement.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grants.disbursement.date')}</Table.Th>
              <Table.Th>{t('grants.tranche.number')}</Table.Th>
              <Table.Th>{t('grants.tranche.amount')}</Table.Th>
              <Table.Th>{t('grants.disbursement.method')}</Table.Th>
              <Table.Th>{t('grants.disbursement.reference')}</Table.Th>
              <Table.Th>{t('grants.disbursement.override')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.disbursements.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{date(p.date)}</Table.Td>
                <Table.Td>{p.trancheSeq}</Table.Td>
                <Table.Td>{m(p.amountMinor)}</Table.Td>
                <Table.Td>{t(`grants.method.${p.method}`)}</Table.Td>
                <Table.Td>{p.reference ?? '—'}</Table.Td>
                <Table.Td>{p.overrideReason ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Group justify="space-between">
        <Title order={2}>{t('grants.expense.title')}</Title>
        <Button leftSection={<IconPlus width={18} height={18} />} onClick={() => setAdding(true)}>
          {t('grants.expense.add')}
        </Button>
      </Group>
      <ExpenseTable detail={d} onReject={setRejecting} />

      {paying && <PayModal detail={d} tranche={paying} onClose={() => setPaying(null)} />}
      {adding && <ExpenseModal detail={d} onClose={() => setAdding(false)} />}
      {rejecting && <RejectModal expense={rejecting} onClose={() => setRejecting(null)} />}
    </Stack>
  );
}

/** A sub-grant cancelled before any payment is archived (never deleted); it can come back. */
function ArchiveButton({ detail }: { detail: SubGrantDetail }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const archived = Boolean(detail.subGrant.archivedAt);
  const change = useOpMutation(archived ? 'grants.subGrants.restore' : 'grants.subGrants.archive', { onSuccess: () => invalidate() });
  if (!archived && detail.figures.disbursedMinor > 0) return null;
  return (
    <Stack gap={2}>
      <Button variant="default" color={archived ? undefined : 'red'} loading={change.isPending} onClick={() => change.mutate({ id: detail.subGrant.id })}>
        {archived ? t('grants.subGrant.restore') : t('grants.subGrant.archive')}
      </Button>
      <OpErrorAlert error={change.error} />
    </Stack>
  );
}

/** Opens a stored receipt in a new tab, from the bytes kept inside the file. */
async function openReceipt(attachmentId: string) {
  const file = await call('attachments.get', { id: attachmentId });
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function ExpenseTable({ detail, onReject }: { detail: SubGrantDetail; onReject: (e: Expense) => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const date = useDate();
  const invalidate = useInvalidateGrants();
  const decide = useOpMutation('grants.expenses.decide', { onSuccess: () => invalidate() });
  if (detail.expenses.length === 0) return <Text c="dimmed">{t('grants.expense.none')}</Text>;
  return (
    <Stack gap="xs">
      <OpErrorAlert error={decide.error} />
      <Table striped aria-label={t('grants.expense.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('grants.expense.date')}</Table.Th>
            <Table.Th>{t('grants.line.code')}</Table.Th>
            <Table.Th>{t('grants.expense.supplier')}</Table.Th>
            <Table.Th>{t('grants.expense.description')}</Table.Th>
            <Table.Th>{t('grants.tranche.amount')}</Table.Th>
            <Table.Th>{t('grants.expense.receipt')}</Table.Th>
            <Table.Th>{t('grants.expense.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.expenses.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{date(e.date)}</Table.Td>
              <Table.Td>{e.budgetLineCode}</Table.Td>
              <Table.Td>{e.supplier}</Table.Td>
              <Table.Td>{e.description}</Table.Td>
              <Table.Td>{money(e.amountMinor, detail.subGrant.currency)}</Table.Td>
              <Table.Td>
                {e.receiptNumber ?? ''}
                {e.attachmentId && (
                  <Button variant="subtle" size="compact-xs" onClick={() => void openReceipt(e.attachmentId as string)}>
                    {e.attachmentName}
                  </Button>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={statusColour[e.status]} variant="light">
                  {t(`grants.expenseStatus.${e.status}`)}
                </Badge>
                {e.rejectionReason && (
                  <Text size="xs" c="dimmed">
                    {e.rejectionReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {e.status !== 'accepted' && (
                    <Button size="xs" variant="light" color="green" loading={decide.isPending} onClick={() => decide.mutate({ id: e.id, status: 'accepted' })}>
                      {t('grants.expense.accept')}
                    </Button>
                  )}
                  {e.status !== 'rejected' && (
                    <Button size="xs" variant="light" color="red" onClick={() => onReject(e)}>
                      {t('grants.expense.reject')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function PayModal({ detail, tranche, onClose }: { detail: SubGrantDetail; tranche: Tranche; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const [day, setDay] = useState(tranche.dueDate);
  const [amount, setAmount] = useState(moneyText(tranche.amountMinor - tranche.disbursedMinor));
  const [method, setMethod] = useState<string | null>('transfer');
  const [reference, setReference] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const save = useOpMutation('grants.disbursements.add', {
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
    onError: problems.fromFailure,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const extra: Record<string, string> = {};
    const input = problems.check(
      disbursementInputSchema,
      { trancheId: tranche.id, date: day, amountMinor: readMoney(amount, 'amountMinor', extra), method, reference: reference || null, overrideReason: overrideReason || null },
      extra,
    );
    if (input) save.mutate(input);
  };
  return (
    <Modal opened onClose={onClose} title={t('grants.disbursement.payTitle', { seq: tranche.seq })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput type="date" label={t('grants.disbursement.date')} required value={day} onChange={(e) => setDay(e.currentTarget.value)} error={problems.errors.date} data-autofocus />
          <MoneyInput label={t('grants.tranche.amount')} required currency={detail.subGrant.currency} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={problems.errors.amountMinor} />
          <Select label={t('grants.disbursement.method')} data={paymentMethodSchema.options.map((v) => ({ value: v, label: t(`grants.method.${v}`) }))} value={method} onChange={setMethod} />
          <TextInput label={t('grants.disbursement.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
          {!tranche.conditionMet && (
            <Textarea
              label={t('grants.disbursement.override')}
              description={t('grants.disbursement.overrideHint')}
              rows={2}
              value={overrideReason}
              onChange={(e) => setOverrideReason(e.currentTarget.value)}
              error={problems.errors.overrideReason}
            />
          )}
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function ExpenseModal({ detail, onClose }: { detail: SubGrantDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const [budgetLineId, setBudgetLineId] = useState<string | null>(detail.budget[0]?.budgetLineId ?? null);
  const lines = useOp('grants.agreements.get', { id: detail.agreement.id });
  const [day, setDay] = useState('');
  const [supplier, setSupplier] = useState('');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [receiptNumber, setReceiptNumber] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const save = useOpMutation('grants.expenses.add', {
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
    onError: problems.fromFailure,
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const extra: Record<string, string> = {};
    if (file && file.size > MAX_ATTACHMENT_BYTES) extra['receipt.contentBase64'] = 'attachment_too_large';
    const receipt = file && !extra['receipt.contentBase64'] ? { fileName: file.name, contentBase64: await readAsBase64(file) } : null;
    const input = problems.check(
      expenseInputSchema,
      {
        subGrantId: detail.subGrant.id,
        budgetLineId: budgetLineId ?? '',
        date: day,
        supplier,
        description,
        amountMinor: readMoney(amount, 'amountMinor', extra),
        receiptNumber: receiptNumber || null,
        receipt,
      },
      extra,
    );
    if (input) save.mutate(input);
  };
  const receiptError = problems.errors['receipt.contentBase64'] ?? problems.errors.contentBase64;
  return (
    <Modal opened onClose={onClose} size="lg" title={t('grants.expense.add')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('grants.expense.date')} required value={day} onChange={(e) => setDay(e.currentTarget.value)} error={problems.errors.date} data-autofocus />
            <Select
              label={t('grants.expense.line')}
              required
              data={(lines.data?.budgetLines ?? []).map((l) => ({ value: l.id, label: `${l.code} — ${l.label}` }))}
              value={budgetLineId}
              onChange={setBudgetLineId}
              error={problems.errors.budgetLineId}
            />
            <TextInput label={t('grants.expense.supplier')} required value={supplier} onChange={(e) => setSupplier(e.currentTarget.value)} error={problems.errors.supplier} />
            <MoneyInput label={t('grants.tranche.amount')} required currency={detail.subGrant.currency} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={problems.errors.amountMinor} />
          </SimpleGrid>
          <TextInput label={t('grants.expense.description')} required value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={problems.errors.description} />
          <TextInput label={t('grants.expense.receiptNumber')} value={receiptNumber} onChange={(e) => setReceiptNumber(e.currentTarget.value)} />
          <FileInput
            label={t('grants.expense.scan')}
            description={t('grants.expense.scanHint')}
            accept="application/pdf,image/jpeg,image/png"
            clearable
            value={file}
            onChange={setFile}
            error={receiptError}
          />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function RejectModal({ expense, onClose }: { expense: Expense; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const [reason, setReason] = useState('');
  const save = useOpMutation('grants.expenses.decide', {
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
    onError: problems.fromFailure,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = problems.check(expenseDecisionSchema, { id: expense.id, status: 'rejected', reason: reason || null });
    if (input) save.mutate(input);
  };
  return (
    <Modal opened onClose={onClose} title={t('grants.expense.rejectTitle', { supplier: expense.supplier })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea label={t('grants.expense.reason')} required rows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={problems.errors.reason} data-autofocus />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

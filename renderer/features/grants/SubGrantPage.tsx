import { Anchor, Badge, Button, FileInput, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import {
  disbursementInputSchema,
  expenseDecisionSchema,
  expenseInputSchema,
  MAX_ATTACHMENT_BYTES,
  paymentMethodSchema,
  type Disbursement,
  type Expense,
  type SubGrantDetail,
  type Tranche,
} from '../../../electron/contract';
import { call, useOp, useOpMutation } from '../../app/ops';
import { useFileViewer } from '../../ui/FileViewer';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ExportButton } from '../reports/ExportButton';
import { IconPlus, IconPrinter } from '../../ui/icons';
import { readAsBase64 } from '../beneficiary-import/readFile';
import { ArchiveToggle } from './ArchiveToggle';
import { useDate } from './dates';
import { FiguresTable } from './FiguresTable';
import { useInvalidateGrants } from './invalidate';
import { useGrantsSave } from './save';
import { DayField, MoneyField, SelectField, TextAreaField, TextField } from './fields';
import { grantsResolver, useGrantsFieldError } from './form';
import { moneyText, useMoney } from './money';
import { agreementPath, editSubGrantPath, lateSubGrantPath, statementPath } from './paths';
import { RatesUsed } from './RatesUsed';
import { StateBadge } from './StateBadge';
import { SubGrantLate } from './SubGrantLate';
import { PaidFromField } from '../treasury/PaidFromField';
import { ReverseModal } from '../treasury/ReverseModal';
import { SavedNotice } from '../../ui/unsaved/SavedNotice';
import { addCoreTexts } from '../../i18n/core';
import { budgetLineOptions } from '../../ui/record-options';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

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
  const [reversing, setReversing] = useState<string | null>(null);
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  const d = detail.data;
  const s = d.subGrant;
  const m = (minor: number) => money(minor, s.currency);
  const f = d.figures;
  return (
    <Stack gap="md">
      <SavedNotice />
      <Anchor component={Link} to={agreementPath(d.agreement.id)} size="sm">
        {t('grants.subGrant.back', { reference: d.agreement.reference })}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>
            {s.reference} — {s.title}
          </Title>
          <Text c="dimmed">{t('grants.subGrant.summary', { recipient: d.recipient.name, start: date(s.startDate), end: date(s.endDate) })}</Text>
          <RatesUsed rates={d.rate ? [d.rate] : []} />
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
            <StateBadge state={f.state} lateTo={lateSubGrantPath(s.id)} />
          )}
          {/* Once paid, a sub-grant stays: its payments are in the books. */}
          {(s.archivedAt || f.disbursedMinor === 0) && <ArchiveToggle kind="subGrant" id={s.id} archivedAt={s.archivedAt} />}
          <Button component={Link} to={editSubGrantPath(s.id)} variant="default">
            {t('grants.edit')}
          </Button>
          <Button component={Link} to={statementPath(s.id)} leftSection={<IconPrinter width={18} height={18} />}>
            {t('grants.statement.open')}
          </Button>
        </Group>
      </Group>
      <FiguresTable lead={[{ figure: 'amount', minor: f.amountMinor }]} figures={f} currency={s.currency} />
      <SubGrantLate detail={d} />

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
              <Table.Th />
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
                <Table.Td>
                  {p.reversedOn ? (
                    <Text size="xs" c="orange.8">
                      {t('grants.disbursement.reversed', { date: date(p.reversedOn), reason: p.reversalReason ?? '' })}
                    </Text>
                  ) : (
                    <Button size="compact-xs" variant="light" color="orange" onClick={() => setReversing(p.id)}>
                      {t('grants.disbursement.reverse')}
                    </Button>
                  )}
                </Table.Td>
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
      {reversing && <ReverseModal op="grants.disbursements.reverse" id={reversing} onClose={() => setReversing(null)} />}
    </Stack>
  );
}

/** A sub-grant cancelled before any payment is archived (never deleted); it can come back. */
function ExpenseTable({ detail, onReject }: { detail: SubGrantDetail; onReject: (e: Expense) => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const date = useDate();
  const invalidate = useInvalidateGrants();
  const decide = useOpMutation('grants.expenses.decide', { onSuccess: () => invalidate() });
  const receipts = useFileViewer((id) => call('attachments.get', { id }));
  if (detail.expenses.length === 0) return <Text c="dimmed">{t('grants.expense.none')}</Text>;
  return (
    <Stack gap="xs">
      <OpErrorAlert error={decide.error} />
      <OpErrorAlert error={receipts.error} />
      {receipts.viewer}
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
                  <Button variant="subtle" size="compact-xs" onClick={() => receipts.open(e.attachmentId as string)}>
                    {e.attachmentName}
                  </Button>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={statusColour[e.status]} variant="light">
                  {t(`core:exports.expenseStatus.${e.status}`)}
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

interface PaymentDraft {
  date: string;
  amountMinor: string;
  method: Disbursement['method'];
  reference: string;
  overrideReason: string;
  accountId: string;
}

function PayModal({ detail, tranche, onClose }: { detail: SubGrantDetail; tranche: Tranche; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<PaymentDraft, unknown, z.output<typeof disbursementInputSchema>>({
    defaultValues: { date: tranche.dueDate, amountMinor: moneyText(tranche.amountMinor - tranche.disbursedMinor), method: 'transfer', reference: '', overrideReason: '', accountId: '' },
    resolver: grantsResolver(disbursementInputSchema, (d, read) => ({ ...d, trancheId: tranche.id, amountMinor: read.money(d.amountMinor, 'amountMinor') })),
  });
  const save = useGrantsSave('grants.disbursements.add', form, onClose);
  const { control } = form;
  return (
    <Modal opened onClose={onClose} title={t('grants.disbursement.payTitle', { seq: tranche.seq })}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <DayField control={control} name="date" label={t('grants.disbursement.date')} required data-autofocus />
          <MoneyField control={control} name="amountMinor" label={t('grants.tranche.amount')} required currency={detail.subGrant.currency} />
          <SelectField control={control} name="method" label={t('grants.disbursement.method')} data={paymentMethodSchema.options.map((v) => ({ value: v, label: t(`grants.method.${v}`) }))} />
          <TextField control={control} name="reference" label={t('grants.disbursement.reference')} />
          <PaidFromField control={control} name="accountId" currency={detail.subGrant.currency} dateName="date" amountName="amountMinor" />
          {!tranche.conditionMet && (
            <TextAreaField control={control} name="overrideReason" label={t('grants.disbursement.override')} description={t('grants.disbursement.overrideHint')} rows={2} />
          )}
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

interface ExpenseDraft {
  budgetLineId: string;
  date: string;
  supplier: string;
  description: string;
  amountMinor: string;
  receiptNumber: string;
  /** Read into the input once everything else is valid. */
  receipt: File | null;
}

function ExpenseModal({ detail, onClose }: { detail: SubGrantDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const fieldError = useGrantsFieldError();
  const lines = useOp('grants.agreements.get', { id: detail.agreement.id });
  const form = useForm<ExpenseDraft, unknown, z.output<typeof expenseInputSchema>>({
    defaultValues: { budgetLineId: detail.budget[0]?.budgetLineId ?? '', date: '', supplier: '', description: '', amountMinor: '', receiptNumber: '', receipt: null },
    resolver: grantsResolver(expenseInputSchema, (d, read) => ({ ...d, subGrantId: detail.subGrant.id, amountMinor: read.money(d.amountMinor, 'amountMinor'), receipt: null })),
  });
  // The attachment's refusals (`attachment_type_not_allowed`) name its content: shown at the file.
  const save = useGrantsSave('grants.expenses.add', form, onClose, { contentBase64: 'receipt' });
  const submit = form.handleSubmit(async (input) => {
    const file = form.getValues('receipt');
    if (file && file.size > MAX_ATTACHMENT_BYTES) {
      form.setError('receipt', { type: 'typed', message: 'attachment_too_large' }, { shouldFocus: true });
      return;
    }
    save.mutate({ ...input, receipt: file ? { fileName: file.name, contentBase64: await readAsBase64(file) } : null });
  });
  const { control } = form;
  return (
    <Modal opened onClose={onClose} size="lg" title={t('grants.expense.add')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DayField control={control} name="date" label={t('grants.expense.date')} required data-autofocus />
            <SelectField
              control={control}
              name="budgetLineId"
              label={t('grants.expense.line')}
              required
              data={budgetLineOptions(lines.data?.budgetLines)}
            />
            <TextField control={control} name="supplier" label={t('grants.expense.supplier')} required />
            <MoneyField control={control} name="amountMinor" label={t('grants.tranche.amount')} required currency={detail.subGrant.currency} />
          </SimpleGrid>
          <TextField control={control} name="description" label={t('grants.expense.description')} required />
          <TextField control={control} name="receiptNumber" label={t('grants.expense.receiptNumber')} />
          <Controller
            control={control}
            name="receipt"
            render={({ field, fieldState }) => (
              <FileInput
                label={t('grants.expense.scan')}
                description={t('grants.expense.scanHint')}
                accept="application/pdf,image/jpeg,image/png"
                clearable
                ref={field.ref}
                value={field.value}
                onChange={field.onChange}
                error={fieldError(fieldState.error)}
              />
            )}
          />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function RejectModal({ expense, onClose }: { expense: Expense; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ reason: string }, unknown, z.output<typeof expenseDecisionSchema>>({
    defaultValues: { reason: '' },
    resolver: grantsResolver(expenseDecisionSchema, (d) => ({ ...d, id: expense.id, status: 'rejected' as const })),
  });
  const save = useGrantsSave('grants.expenses.decide', form, onClose);
  return (
    <Modal opened onClose={onClose} title={t('grants.expense.rejectTitle', { supplier: expense.supplier })}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <TextAreaField control={form.control} name="reason" label={t('grants.expense.reason')} required rows={3} data-autofocus />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group, Loader, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { formatMinorPlain, funderTranchePlanSchema, todayIso, trancheReceiptSchema, type Agreement, type FunderTranche } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { IconPlus } from '../../ui/icons';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useDate } from '../grants/dates';
import { DayField, MoneyField, SelectField, TextField } from '../grants/fields';
import { grantsResolver, savedId } from '../grants/form';
import { useMoney } from '../grants/money';
import { agreementReportPath } from './paths';
import { ReceiptField, receiptUpload } from './ReceiptField';
import { useTreasurySave } from './save';

/** On the agreement's page: the funder's schedule, what was received, and the way to record a receipt. */
export function FunderTranches({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const money = useMoney();
  const date = useDate();
  const tranches = useOp('treasury.tranches.get', { agreementId: agreement.id });
  const [planning, setPlanning] = useState(false);
  const [receiving, setReceiving] = useState<FunderTranche | null>(null);
  if (tranches.isPending) return <Loader />;
  if (tranches.error) return <OpErrorAlert error={tranches.error} />;
  const m = (minor: number) => money(minor, agreement.currency);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('treasury.tranches.intro')}
        </Text>
        <Group>
          <Button component={Link} to={agreementReportPath(agreement.id)} variant="default">
            {t('treasury.report.open')}
          </Button>
          <Button variant="default" onClick={() => setPlanning(true)}>
            {t('treasury.tranches.savePlan')}
          </Button>
        </Group>
      </Group>
      {tranches.data.tranches.length === 0 ? (
        <Text c="dimmed">{t('treasury.tranches.empty')}</Text>
      ) : (
        <Table striped aria-label={t('treasury.tranches.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('treasury.tranches.seq')}</Table.Th>
              <Table.Th>{t('treasury.tranches.due')}</Table.Th>
              <Table.Th>{t('treasury.tranches.planned')}</Table.Th>
              <Table.Th>{t('treasury.tranches.received')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tranches.data.tranches.map((tr) => (
              <Table.Tr key={tr.id}>
                <Table.Td>{tr.seq}</Table.Td>
                <Table.Td>{date(tr.dueDate)}</Table.Td>
                <Table.Td>{m(tr.amountMinor)}</Table.Td>
                <Table.Td>
                  {m(tr.receivedMinor)}
                  {tr.receipts.map((r) => (
                    <Text key={r.entryId} size="xs" c="dimmed">
                      {date(r.date)} · {money(r.accountMinor, r.accountCurrency)}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  {tr.receivedMinor < tr.amountMinor && (
                    <Button size="compact-sm" variant="light" onClick={() => setReceiving(tr)}>
                      {t('treasury.tranches.receive')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td colSpan={2}>{t('treasury.tranches.total')}</Table.Td>
              <Table.Td>{m(tranches.data.plannedMinor)}</Table.Td>
              <Table.Td>{m(tranches.data.receivedMinor)}</Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      {planning && <PlanModal agreement={agreement} tranches={tranches.data.tranches} onClose={() => setPlanning(false)} />}
      {receiving && <ReceiveModal agreement={agreement} tranche={receiving} onClose={() => setReceiving(null)} />}
    </Stack>
  );
}

interface PlanDraft {
  tranches: { trancheId: string; dueDate: string; amountMinor: string }[];
}

function PlanModal({ agreement, tranches, onClose }: { agreement: Agreement; tranches: FunderTranche[]; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<PlanDraft, unknown, z.output<typeof funderTranchePlanSchema>>({
    defaultValues: { tranches: tranches.map((tr) => ({ trancheId: tr.id, dueDate: tr.dueDate, amountMinor: formatMinorPlain(tr.amountMinor, ',', ' ') })) },
    resolver: grantsResolver(funderTranchePlanSchema, (d, read) => ({
      agreementId: agreement.id,
      tranches: d.tranches.map((tr, i) => ({ ...savedId(tr.trancheId), dueDate: tr.dueDate, amountMinor: read.money(tr.amountMinor, `tranches.${i}.amountMinor`) })),
    })),
  });
  const rows = useFieldArray({ control: form.control, name: 'tranches' });
  const save = useTreasurySave('treasury.tranches.plan', form, onClose);
  return (
    <Modal opened onClose={onClose} size="lg" title={t('treasury.tranches.title')}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          {rows.fields.map((row, i) => (
            <Group key={row.id} align="flex-end" wrap="nowrap">
              <DayField control={form.control} name={`tranches.${i}.dueDate`} label={t('treasury.tranches.due')} required />
              <MoneyField control={form.control} name={`tranches.${i}.amountMinor`} label={t('treasury.tranches.planned')} required currency={agreement.currency} />
              <Button variant="subtle" color="red" onClick={() => rows.remove(i)}>
                {t('treasury.tranches.remove')}
              </Button>
            </Group>
          ))}
          <Group>
            <Button variant="default" leftSection={<IconPlus width={16} height={16} />} onClick={() => rows.append({ trancheId: '', dueDate: '', amountMinor: '' })}>
              {t('treasury.tranches.add')}
            </Button>
          </Group>
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

interface ReceiveDraft {
  date: string;
  accountId: string;
  amountMinor: string;
  rateMicro: string;
  reference: string;
  receipt: File | null;
}

function ReceiveModal({ agreement, tranche, onClose }: { agreement: Agreement; tranche: FunderTranche; onClose: () => void }) {
  const { t } = useTranslation();
  const accounts = useOp('treasury.accounts.list', {});
  const form = useForm<ReceiveDraft, unknown, z.output<typeof trancheReceiptSchema>>({
    defaultValues: { date: todayIso(), accountId: '', amountMinor: formatMinorPlain(tranche.amountMinor - tranche.receivedMinor, ',', ' '), rateMicro: '', reference: '', receipt: null },
    resolver: grantsResolver(trancheReceiptSchema, (d, read) => ({
      ...d,
      funderTrancheId: tranche.id,
      amountMinor: read.money(d.amountMinor, 'amountMinor'),
      rateMicro: d.rateMicro.trim() ? read.rate(d.rateMicro, 'rateMicro') : '',
      receipt: null,
    })),
  });
  const accountId = useWatch({ control: form.control, name: 'accountId' });
  const account = accounts.data?.find((a) => a.id === accountId);
  const save = useTreasurySave('treasury.tranches.receive', form, onClose, { contentBase64: 'receipt' });
  const submit = form.handleSubmit(async (input) => {
    const receipt = await receiptUpload(form.getValues('receipt'), () =>
      form.setError('receipt', { type: 'typed', message: 'attachment_too_large' }, { shouldFocus: true }),
    );
    if (receipt !== undefined) save.mutate({ ...input, receipt });
  });
  const { control } = form;
  return (
    <Modal opened onClose={onClose} size="lg" title={t('treasury.tranches.receiveTitle', { seq: tranche.seq })}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DayField control={control} name="date" label={t('treasury.tranches.date')} required data-autofocus />
            <SelectField control={control} name="accountId" label={t('treasury.tranches.account')} required data={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))} />
            <MoneyField control={control} name="amountMinor" label={t('treasury.tranches.amount', { currency: agreement.currency })} required currency={agreement.currency} />
            {account && account.currency !== agreement.currency && (
              <TextField
                control={control}
                name="rateMicro"
                label={t('treasury.tranches.rate', { agreement: agreement.currency, account: account.currency })}
                description={t('treasury.entry.rateHint')}
                inputMode="decimal"
                autoComplete="off"
              />
            )}
            <TextField control={control} name="reference" label={t('treasury.entry.reference')} />
          </SimpleGrid>
          <ReceiptField control={control} name="receipt" />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Modal, SimpleGrid, Stack } from '@mantine/core';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { counterpartKindSchema, entryInputSchema, isTransferCategory, parseMoney, parseRate, type AccountRow, type Direction } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { DayField, MoneyField, SegmentedField, SelectField, TextField } from '../grants/fields';
import { grantsResolver } from '../grants/form';
import { useMoney } from '../grants/money';
import { useCategoryLabel } from './labels';
import { ReceiptField, receiptUpload } from './ReceiptField';
import { useTreasurySave } from './save';
import { AgreementLineFields } from '../grants/AgreementLineFields';

interface EntryDraft {
  date: string;
  accountId: string;
  direction: Direction;
  amountMinor: string;
  categoryId: string;
  counterpartKind: string;
  counterpartName: string;
  description: string;
  reference: string;
  agreementId: string;
  budgetLineId: string;
  rateMicro: string;
  receipt: File | null;
}

/** A movement typed into the journal, with the warnings (budget line, balance) shown before saving. */
export function EntryModal({ accounts, onClose }: { accounts: AccountRow[]; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const categoryLabel = useCategoryLabel();
  const categories = useOp('treasury.categories.list', {});
  const agreements = useOp('grants.agreements.list', {});
  const form = useForm<EntryDraft, unknown, z.output<typeof entryInputSchema>>({
    defaultValues: {
      date: '',
      accountId: accounts[0]?.id ?? '',
      direction: 'out',
      amountMinor: '',
      categoryId: '',
      counterpartKind: 'supplier',
      counterpartName: '',
      description: '',
      reference: '',
      agreementId: '',
      budgetLineId: '',
      rateMicro: '',
      receipt: null,
    },
    resolver: grantsResolver(entryInputSchema, (d, read) => ({
      ...d,
      counterpartKind: d.counterpartKind as z.input<typeof counterpartKindSchema>,
      amountMinor: read.money(d.amountMinor, 'amountMinor'),
      rateMicro: d.rateMicro.trim() ? read.rate(d.rateMicro, 'rateMicro') : '',
      receipt: null,
    })),
  });
  const { control } = form;
  const [direction, accountId, agreementId, budgetLineId, date, amountText, rateText] = useWatch({
    control,
    name: ['direction', 'accountId', 'agreementId', 'budgetLineId', 'date', 'amountMinor', 'rateMicro'],
  });
  const account = accounts.find((a) => a.id === accountId);
  const agreement = agreements.data?.find((a) => a.id === agreementId);
  const amountMinor = parseMoney(amountText);
  const check = useOp(
    'treasury.entries.check',
    { date, accountId, direction, amountMinor: amountMinor ?? 1, agreementId: agreementId || null, budgetLineId: budgetLineId || null, rateMicro: parseRate(rateText) },
    { enabled: Boolean(amountMinor && /^\d{4}-\d{2}-\d{2}$/.test(date) && accountId), retry: false },
  );
  const save = useTreasurySave('treasury.entries.add', form, onClose, { contentBase64: 'receipt' });
  const submit = form.handleSubmit(async (input) => {
    const receipt = await receiptUpload(form.getValues('receipt'), () =>
      form.setError('receipt', { type: 'typed', message: 'attachment_too_large' }, { shouldFocus: true }),
    );
    if (receipt !== undefined) save.mutate({ ...input, receipt });
  });
  const sideCategories = (categories.data ?? []).filter((c) => c.direction === direction && !isTransferCategory(c.id));
  return (
    <Modal opened onClose={onClose} size="xl" title={t('treasury.entry.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <SegmentedField
            control={control}
            name="direction"
            label={t('treasury.entry.title')}
            data={(['out', 'in'] as const).map((d) => ({ value: d, label: t(`treasury.direction.${d}`) }))}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DayField control={control} name="date" label={t('treasury.entry.date')} required data-autofocus />
            <SelectField control={control} name="accountId" label={t('treasury.entry.account')} required data={accounts.map((a) => ({ value: a.id, label: a.name }))} />
            <MoneyField control={control} name="amountMinor" label={t('treasury.entry.amount')} required currency={account?.currency} />
            <SelectField
              control={control}
              name="categoryId"
              label={t('treasury.entry.category')}
              required
              searchable
              data={sideCategories.map((c) => ({ value: c.id, label: categoryLabel(c) }))}
            />
            <SelectField
              control={control}
              name="counterpartKind"
              label={t('treasury.entry.counterpartKind')}
              data={counterpartKindSchema.options.map((k) => ({ value: k, label: t(`treasury.counterpart.${k}`) }))}
            />
            <TextField control={control} name="counterpartName" label={t('treasury.entry.counterpartName')} required />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextField control={control} name="description" label={t('treasury.entry.description')} />
            <TextField control={control} name="reference" label={t('treasury.entry.reference')} />
            <AgreementLineFields
              control={control}
              agreements={agreements.data}
              agreementId={agreementId}
              labels={{ agreement: t('treasury.entry.agreement'), budgetLine: t('treasury.entry.budgetLine') }}
            />
            {agreement && account && agreement.currency !== account.currency ? (
              <TextField
                control={control}
                name="rateMicro"
                label={t('treasury.entry.rate', { agreement: agreement.currency, account: account.currency })}
                description={t('treasury.entry.rateHint')}
                inputMode="decimal"
                autoComplete="off"
              />
            ) : null}
          </SimpleGrid>
          <ReceiptField control={control} name="receipt" />
          {(check.data ?? []).map((w) => (
            <Alert key={w.kind} color="orange" role="status">
              {w.kind === 'balance_short'
                ? t('treasury.entry.balance_short', { balance: money(w.balanceMinor, w.currency), after: money(w.afterMinor, w.currency) })
                : t('treasury.entry.budget_line_over', { used: money(w.usedMinor, w.currency), budget: money(w.budgetMinor, w.currency), after: money(w.afterMinor, w.currency) })}
            </Alert>
          ))}
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

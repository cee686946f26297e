import { Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { transferInputSchema, type AccountRow } from '../../../electron/contract';
import { ModalActions } from '../../ui/ModalActions';
import { DayField, MoneyField, SelectField, TextField } from '../grants/fields';
import { grantsResolver } from '../grants/form';
import { useTreasurySave } from './save';

interface TransferDraft {
  date: string;
  fromAccountId: string;
  toAccountId: string;
  amountMinor: string;
  reference: string;
  description: string;
}

/** Money moved between two of the association's accounts (the cash box paid into the bank): one operation, two entries. */
export function TransferModal({ accounts, onClose }: { accounts: AccountRow[]; onClose: () => void }) {
  const { t } = useTranslation();
  const cash = accounts.find((a) => a.kind === 'cash');
  const bank = accounts.find((a) => a.kind === 'bank' && a.currency === cash?.currency);
  const form = useForm<TransferDraft, unknown, z.output<typeof transferInputSchema>>({
    defaultValues: { date: '', fromAccountId: cash?.id ?? '', toAccountId: bank?.id ?? '', amountMinor: '', reference: '', description: '' },
    resolver: grantsResolver(transferInputSchema, (d, read) => ({ ...d, amountMinor: read.money(d.amountMinor, 'amountMinor') })),
  });
  const { control } = form;
  const fromAccountId = useWatch({ control, name: 'fromAccountId' });
  const from = accounts.find((a) => a.id === fromAccountId);
  const save = useTreasurySave('treasury.transfers.add', form, onClose);
  const options = accounts.map((a) => ({ value: a.id, label: a.name }));
  return (
    <Modal opened onClose={onClose} size="lg" title={t('treasury.transfer.title')}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('treasury.transfer.explain')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SelectField control={control} name="fromAccountId" label={t('treasury.transfer.from')} required data={options} />
            <SelectField control={control} name="toAccountId" label={t('treasury.transfer.to')} required data={options} />
            <DayField control={control} name="date" label={t('treasury.entry.date')} required data-autofocus />
            <MoneyField control={control} name="amountMinor" label={t('treasury.entry.amount')} required currency={from?.currency} />
            <TextField control={control} name="reference" label={t('treasury.entry.reference')} />
            <TextField control={control} name="description" label={t('treasury.entry.description')} />
          </SimpleGrid>
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

import { Badge, Button, Group, Loader, Modal, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  accountInputSchema,
  accountKindSchema,
  categoryInputSchema,
  directionSchema,
  formatMinorPlain,
  GRANT_CURRENCIES,
  isTransferCategory,
  type AccountRow,
  type Category,
  type Direction,
} from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { IconPlus } from '../../ui/icons';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useDate } from '../grants/dates';
import { DayField, MoneyField, SegmentedField, SelectField, SwitchField, TextField } from '../grants/fields';
import { grantsResolver } from '../grants/form';
import { useMoney } from '../grants/money';
import { useCategoryLabel } from './labels';
import { useTreasurySave } from './save';
import { parseBalance } from './signed-money';
import { TreasuryHeader } from './TreasuryHeader';

/** The association's bank accounts and cash boxes with their balances, and the chart of categories. */
export function AccountsPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const date = useDate();
  const categoryLabel = useCategoryLabel();
  const accounts = useOp('treasury.accounts.list', { includeArchived: true });
  const [showArchived, setShowArchived] = useState(false);
  const categories = useOp('treasury.categories.list', { includeArchived: showArchived });
  const [editing, setEditing] = useState<AccountRow | 'new' | null>(null);
  const [editingCategory, setEditingCategory] = useState<Category | 'new' | null>(null);
  return (
    <Stack gap="md">
      <TreasuryHeader page="accounts" intro={t('treasury.journal.intro')} />
      <Group justify="space-between">
        <Title order={2}>{t('treasury.accounts.title')}</Title>
        <Button leftSection={<IconPlus width={18} height={18} />} onClick={() => setEditing('new')}>
          {t('treasury.accounts.add')}
        </Button>
      </Group>
      <OpErrorAlert error={accounts.error ?? categories.error} />
      {accounts.isPending && <Loader />}
      {accounts.data && (
        <Table striped aria-label={t('treasury.accounts.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('treasury.accounts.name')}</Table.Th>
              <Table.Th>{t('treasury.accounts.kind')}</Table.Th>
              <Table.Th>{t('treasury.accounts.openingDate')}</Table.Th>
              <Table.Th>{t('treasury.accounts.openingMinor')}</Table.Th>
              <Table.Th>{t('treasury.accounts.entries')}</Table.Th>
              <Table.Th>{t('treasury.accounts.balance')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.name}
                  {a.archivedAt && (
                    <Badge ms={4} color="gray" size="xs">
                      {t('treasury.accounts.archived')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`treasury.accounts.kinds.${a.kind}`)}</Table.Td>
                <Table.Td>{date(a.openingDate)}</Table.Td>
                <Table.Td>{money(a.openingMinor, a.currency)}</Table.Td>
                <Table.Td>{a.entries}</Table.Td>
                <Table.Td fw={600}>{money(a.balanceMinor, a.currency)}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(a)}>
                    {t('treasury.accounts.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Title order={2}>{t('treasury.categories.title')}</Title>
        <Group>
          <Switch label={t('treasury.categories.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
          <Button variant="default" leftSection={<IconPlus width={18} height={18} />} onClick={() => setEditingCategory('new')}>
            {t('treasury.categories.add')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('treasury.categories.archivedHint')}
      </Text>
      {categories.data && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {directionSchema.options.map((side) => (
            <Stack key={side} gap={4}>
              <Text fw={600}>{t(`treasury.year.${side === 'in' ? 'income' : 'expenses'}`)}</Text>
              {categories.data
                .filter((c: Category) => c.direction === side && !isTransferCategory(c.id))
                .map((c) => (
                  <Group key={c.id} gap="xs" wrap="nowrap">
                    <Text size="sm" c={c.archivedAt ? 'dimmed' : undefined}>
                      {categoryLabel(c)}
                    </Text>
                    {c.archivedAt && (
                      <Badge color="gray" variant="light" size="sm">
                        {t('treasury.categories.archived')}
                      </Badge>
                    )}
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditingCategory(c)} aria-label={t('treasury.categories.editNamed', { name: categoryLabel(c) })}>
                      {t('treasury.categories.edit')}
                    </Button>
                  </Group>
                ))}
            </Stack>
          ))}
        </SimpleGrid>
      )}
      {editing && <AccountModal account={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {editingCategory && <CategoryModal category={editingCategory === 'new' ? null : editingCategory} onClose={() => setEditingCategory(null)} />}
    </Stack>
  );
}

interface AccountDraft {
  name: string;
  kind: string;
  currency: string;
  openingDate: string;
  openingMinor: string;
  archived: boolean;
}

function AccountModal({ account, onClose }: { account: AccountRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<AccountDraft, unknown, z.output<typeof accountInputSchema>>({
    defaultValues: {
      name: account?.name ?? '',
      kind: account?.kind ?? 'bank',
      currency: account?.currency ?? 'MAD',
      openingDate: account?.openingDate ?? '',
      openingMinor: account ? formatMinorPlain(account.openingMinor, ',', ' ') : '0',
      archived: Boolean(account?.archivedAt),
    },
    resolver: grantsResolver(accountInputSchema, (d) => ({
      ...d,
      ...(account ? { id: account.id } : {}),
      kind: d.kind as z.input<typeof accountKindSchema>,
      openingMinor: parseBalance(d.openingMinor) ?? ('' as const),
    })),
  });
  const save = useTreasurySave('treasury.accounts.save', form, onClose);
  const { control } = form;
  return (
    <Modal opened onClose={onClose} title={account ? account.name : t('treasury.accounts.add')}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <TextField control={control} name="name" label={t('treasury.accounts.name')} required data-autofocus />
          <SelectField control={control} name="kind" label={t('treasury.accounts.kind')} data={accountKindSchema.options.map((k) => ({ value: k, label: t(`treasury.accounts.kinds.${k}`) }))} />
          <SelectField control={control} name="currency" label={t('treasury.accounts.currency')} data={GRANT_CURRENCIES.map((c) => ({ value: c, label: c }))} />
          <DayField control={control} name="openingDate" label={t('treasury.accounts.openingDate')} required />
          <MoneyField control={control} name="openingMinor" label={t('treasury.accounts.openingMinor')} required />
          {account && <SwitchField control={control} name="archived" label={t('treasury.accounts.archived')} />}
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

interface CategoryDraft {
  direction: Direction;
  labelFr: string;
  labelAr: string;
  labelEn: string;
  archived: boolean;
}

/** A new category, or one renamed or archived: archived, it is no longer offered for new movements but stays on older ones. */
function CategoryModal({ category, onClose }: { category: Category | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<CategoryDraft, unknown, z.output<typeof categoryInputSchema>>({
    defaultValues: {
      direction: category?.direction ?? 'out',
      labelFr: category?.labelFr ?? '',
      labelAr: category?.labelAr ?? '',
      labelEn: category?.labelEn ?? '',
      archived: Boolean(category?.archivedAt),
    },
    resolver: grantsResolver(categoryInputSchema, (d) => ({ ...d, ...(category ? { id: category.id } : {}) })),
  });
  const save = useTreasurySave('treasury.categories.save', form, onClose);
  const { control } = form;
  return (
    <Modal opened onClose={onClose} title={t(category ? 'treasury.categories.editTitle' : 'treasury.categories.add')}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          {/* A category's side stays once it exists: its entries were counted there. */}
          {!category && (
            <SegmentedField control={control} name="direction" label={t('treasury.categories.direction')} data={(['out', 'in'] as const).map((d) => ({ value: d, label: t(`treasury.direction.${d}`) }))} />
          )}
          <TextField control={control} name="labelFr" label={t('treasury.categories.labelFr')} required data-autofocus />
          <TextField control={control} name="labelAr" label={t('treasury.categories.labelAr')} required dir="rtl" />
          <TextField control={control} name="labelEn" label={t('treasury.categories.labelEn')} required />
          {category && <SwitchField control={control} name="archived" label={t('treasury.categories.archive')} />}
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group, Loader, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso, type JournalEntry } from '../../../electron/contract';
import { call, useOp, useOpMutation } from '../../app/ops';
import { DayInput } from '../../ui/dates/DayInput';
import { isIsoDay } from '../../ui/dates/typed-date';
import { useFileViewer } from '../../ui/FileViewer';
import { IconPlus } from '../../ui/icons';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { saveFile } from '../../ui/saveFile';
import { useDate } from '../grants/dates';
import { useMoney } from '../grants/money';
import { EntryModal } from './EntryModal';
import { useCategoryLabel } from './labels';
import { ReverseModal } from './ReverseModal';
import { TransferModal } from './TransferModal';
import { TreasuryHeader } from './TreasuryHeader';

const PAGE = 50;

/** Every movement, newest first, filtered by account and category; a new movement, a reversal, the accountant's export. */
export function JournalPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const date = useDate();
  const categoryLabel = useCategoryLabel();
  const [accountId, setAccountId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [reversing, setReversing] = useState<JournalEntry | null>(null);
  const [exportYear, setExportYear] = useState<number>(Number(todayIso().slice(0, 4)));
  const accounts = useOp('treasury.accounts.list', {});
  const categories = useOp('treasury.categories.list', { includeArchived: true });
  const reversed = isIsoDay(from) && isIsoDay(to) && to < from;
  // A day still being typed, or a period ending before it starts, is not asked.
  const period = { from: isIsoDay(from) ? from : null, to: isIsoDay(to) && !reversed ? to : null };
  const journal = useOp('treasury.entries.list', { accountId, categoryId, ...period, offset, limit: PAGE });
  const exported = useOpMutation('treasury.exportJournal', { onSuccess: saveFile });
  const receipts = useFileViewer((id) => call('attachments.get', { id }));
  const labelOf = new Map((categories.data ?? []).map((c) => [c.id, categoryLabel(c)]));
  const filter = <V,>(reset: (v: V) => void) => (v: V) => {
    reset(v);
    setOffset(0);
  };
  return (
    <Stack gap="md">
      <TreasuryHeader page="journal" intro={t('treasury.journal.intro')} />
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label={t('treasury.journal.account')}
            placeholder={t('treasury.journal.all')}
            clearable
            value={accountId}
            onChange={filter(setAccountId)}
            data={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
          <Select
            label={t('treasury.journal.category')}
            placeholder={t('treasury.journal.all')}
            clearable
            searchable
            value={categoryId}
            onChange={filter(setCategoryId)}
            data={(categories.data ?? []).map((c) => ({ value: c.id, label: categoryLabel(c) }))}
          />
          <DayInput label={t('treasury.journal.from')} value={from} onChange={filter(setFrom)} w={170} />
          <DayInput label={t('treasury.journal.to')} value={to} onChange={filter(setTo)} w={170} error={reversed ? t('treasury.journal.endBeforeStart') : undefined} />
        </Group>
        <Group align="flex-end">
          <NumberInput label={t('treasury.journal.exportYear')} value={exportYear} onChange={(v) => setExportYear(Number(v))} min={1990} max={2100} w={120} />
          <Button variant="default" loading={exported.isPending} onClick={() => exported.mutate({ year: exportYear, format: 'csv', delimiter: ';' })}>
            {t('treasury.journal.exportCsv')}
          </Button>
          <Button variant="default" loading={exported.isPending} onClick={() => exported.mutate({ year: exportYear, format: 'xlsx' })}>
            {t('treasury.journal.exportXlsx')}
          </Button>
          <Button variant="default" onClick={() => setTransferring(true)} disabled={!accounts.data}>
            {t('treasury.transfer.new')}
          </Button>
          <Button leftSection={<IconPlus width={18} height={18} />} onClick={() => setAdding(true)} disabled={!accounts.data}>
            {t('treasury.journal.new')}
          </Button>
        </Group>
      </Group>
      <OpErrorAlert error={journal.error ?? exported.error ?? receipts.error} />
      {receipts.viewer}
      {journal.isPending && <Loader />}
      {journal.data && journal.data.total === 0 && <Text c="dimmed">{t('treasury.journal.empty')}</Text>}
      {journal.data && journal.data.total > 0 && (
        <>
          <Table striped aria-label={t('treasury.journal.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('treasury.journal.date')}</Table.Th>
                <Table.Th>{t('treasury.journal.account')}</Table.Th>
                <Table.Th>{t('treasury.journal.category')}</Table.Th>
                <Table.Th>{t('treasury.journal.counterpart')}</Table.Th>
                <Table.Th>{t('treasury.journal.agreement')}</Table.Th>
                <Table.Th>{t('treasury.direction.in')}</Table.Th>
                <Table.Th>{t('treasury.direction.out')}</Table.Th>
                <Table.Th>{t('treasury.journal.reference')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {journal.data.rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{date(e.date)}</Table.Td>
                  <Table.Td>{e.accountName}</Table.Td>
                  <Table.Td>
                    {e.transferId ? t('treasury.transfer.badge') : (labelOf.get(e.categoryId) ?? e.categoryId)}
                    {e.source !== 'manual' && (
                      <Text size="xs" c="teal.8">
                        {t(`treasury.source.${e.source}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.counterpartName}
                    {e.description && (
                      <Text size="xs" c="dimmed">
                        {e.description}
                      </Text>
                    )}
                    {e.reversalReason && (
                      <Text size="xs" c="orange.8">
                        {t('treasury.journal.reversal', { reason: e.reversalReason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{[e.agreementReference, e.budgetLineCode].filter(Boolean).join(' · ')}</Table.Td>
                  <Table.Td>{e.direction === 'in' ? money(e.amountMinor, e.currency) : ''}</Table.Td>
                  <Table.Td>{e.direction === 'out' ? money(e.amountMinor, e.currency) : ''}</Table.Td>
                  <Table.Td>
                    {e.reference ?? ''}
                    {e.attachmentId && (
                      <Button variant="subtle" size="compact-xs" onClick={() => receipts.open(e.attachmentId as string)}>
                        {t('treasury.journal.receipt')}
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.reversedById ? (
                      // Plain text wraps in a narrow column where a badge would cut its word.
                      <Text size="xs" c="dimmed">
                        {t('treasury.journal.reversedBy')}
                      </Text>
                    ) : (
                      e.source === 'manual' &&
                      !e.reversesId && (
                        <Button size="compact-xs" variant="light" color="orange" onClick={() => setReversing(e)}>
                          {t('treasury.journal.reverse')}
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('treasury.journal.count', { count: journal.data.total })}
            </Text>
            <Group gap="xs">
              <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('treasury.journal.previous')}
              </Button>
              <Button variant="default" size="xs" disabled={offset + PAGE >= journal.data.total} onClick={() => setOffset(offset + PAGE)}>
                {t('treasury.journal.next')}
              </Button>
            </Group>
          </Group>
        </>
      )}
      {adding && accounts.data && <EntryModal accounts={accounts.data} onClose={() => setAdding(false)} />}
      {transferring && accounts.data && <TransferModal accounts={accounts.data} onClose={() => setTransferring(false)} />}
      {reversing && <ReverseModal op="treasury.entries.reverse" id={reversing.id} onClose={() => setReversing(null)} />}
    </Stack>
  );
}

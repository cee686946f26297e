import { Button, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOp, useOpMutation } from '../../app/ops';
import { DayInput } from '../../ui/dates/DayInput';
import { isIsoDay } from '../../ui/dates/typed-date';
import { downloadText } from '../../ui/download';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { formatDateTime } from '../backups/format';

const PAGE_SIZE = 50;

interface Filters {
  userId?: string;
  op?: string;
  from?: string;
  to?: string;
}

const clean = (filters: Filters): Filters =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => typeof value === 'string' && value.trim() !== '')) as Filters;

/** The audit log, filtered by user, operation and days, a page at a time; exportable as CSV. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const users = useOp('users.list', {});
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const [offset, setOffset] = useState(0);
  const log = useOp('audit.list', { ...filters, offset, limit: PAGE_SIZE }, { placeholderData: (previous) => previous });
  const exportCsv = useOpMutation('audit.export', {
    onSuccess: (file) => downloadText(file.fileName, file.csv),
  });
  const total = log.data?.total ?? 0;

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('security.audit.title')}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // A day still being typed (or impossible) is named at its field, not asked of the core.
          if ([draft.from, draft.to].some((day) => day && !isIsoDay(day))) return;
          setFilters(clean(draft));
          setOffset(0);
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('security.audit.user')}
            placeholder={t('security.audit.everyone')}
            data={(users.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
            value={draft.userId ?? null}
            onChange={(value) => setDraft({ ...draft, userId: value ?? undefined })}
            clearable
          />
          <TextInput
            label={t('security.audit.op')}
            value={draft.op ?? ''}
            onChange={(event) => setDraft({ ...draft, op: event.currentTarget.value })}
            dir="ltr"
          />
          <DayInput label={t('security.audit.from')} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
          <DayInput label={t('security.audit.to')} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
          <Button type="submit" variant="default">
            {t('security.audit.filter')}
          </Button>
          <Button loading={exportCsv.isPending} onClick={() => exportCsv.mutate({ ...filters, delimiter: ',' })}>
            {t('security.audit.export')}
          </Button>
        </Group>
      </form>
      <OpErrorAlert error={exportCsv.error} />
      {exportCsv.data && <Text size="sm">{t('security.audit.exported', { count: exportCsv.data.rows })}</Text>}
      {log.isPending && <Loader role="status" aria-label={t('app.loading')} />}
      <OpErrorAlert error={log.error} />
      {log.data && (
        <>
          <Text size="sm">
            {total === 0
              ? t('security.audit.empty')
              : t('security.audit.range', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total })}
          </Text>
          {log.data.rows.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label={t('security.audit.title')} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('security.audit.at')}</Table.Th>
                    <Table.Th>{t('security.audit.user')}</Table.Th>
                    <Table.Th>{t('security.audit.op')}</Table.Th>
                    <Table.Th>{t('security.audit.entity')}</Table.Th>
                    <Table.Th>{t('security.audit.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {log.data.rows.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>{formatDateTime(row.at, i18n.language)}</Table.Td>
                      <Table.Td>{row.userName ?? row.userId ?? ''}</Table.Td>
                      <Table.Td>
                        <bdi dir="ltr">{row.op}</bdi>
                      </Table.Td>
                      <Table.Td>
                        <bdi dir="ltr">{row.entityId ?? ''}</bdi>
                      </Table.Td>
                      <Table.Td>{row.note ? t(`security.audit.notes.${row.note}`) : ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group>
            <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t('security.audit.previous')}
            </Button>
            <Button variant="default" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t('security.audit.next')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

import { Anchor, Badge, Button, Group, Loader, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberStatus } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ExportButton } from '../reports/ExportButton';
import { IconPlus } from '../../ui/icons';
import { SearchInput } from '../../ui/SearchInput';
import { useMemberOptions } from './labels';
import { DuesYearInput } from './DuesYearInput';
import { useFormatMoney } from './money';
import { assembliesPath, duesListPath, memberPath, newMemberPath } from './paths';

const statusColor: Record<MemberStatus, string> = { active: 'green', lapsed: 'orange', resigned: 'gray' };

export function MemberListPage() {
  const { t } = useTranslation();
  const options = useMemberOptions();
  const money = useFormatMoney();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [status, setStatus] = useState<string | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [archived, setArchived] = useState(false);
  const list = useOp('members.list', {
    query: debounced.trim(),
    status: (status as MemberStatus | null) ?? undefined,
    year,
    archived,
    offset: 0,
    limit: 500,
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('areas.members')}</Title>
        <Group gap="xs">
          <ExportButton list="members" filters={{ query: debounced.trim(), status: (status as MemberStatus | null) ?? undefined, year, archived }} />
          <Button component={Link} to={assembliesPath} variant="default">
            {t('members.assemblies.title')}
          </Button>
          <Button component={Link} to={duesListPath} variant="default">
            {t('members.dues.listTitle')}
          </Button>
          <Button component={Link} to={newMemberPath} leftSection={<IconPlus width={18} height={18} />}>
            {t('members.list.new')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput label={t('members.list.search')} value={query} onSearchChange={setQuery} w={280} />
        <Select
          label={t('members.field.status')}
          placeholder={t('members.list.any')}
          data={options.status}
          value={status}
          onChange={setStatus}
          clearable
          w={180}
        />
        <DuesYearInput label={t('members.list.duesYear')} year={year} onYearChange={setYear} />
        <Switch label={t('members.list.archived')} checked={archived} onChange={(event) => setArchived(event.currentTarget.checked)} mb={8} />
        <Text size="sm" c="dimmed" aria-live="polite" mb={8}>
          {list.isPending ? <Loader size="xs" /> : t('members.list.count', { count: list.data?.total ?? 0 })}
        </Text>
      </Group>
      <OpErrorAlert error={list.error} />
      {list.data && list.data.rows.length === 0 && <Text c="dimmed">{t('members.list.empty')}</Text>}
      {list.data && list.data.rows.length > 0 && (
        <Table striped highlightOnHover aria-label={t('members.list.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.field.number')}</Table.Th>
              <Table.Th>{t('members.list.name')}</Table.Th>
              <Table.Th>{t('members.field.role')}</Table.Th>
              <Table.Th>{t('members.field.status')}</Table.Th>
              <Table.Th>{t('members.list.dues', { year: list.data.year })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{row.number}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={memberPath(row.id)}>
                    {row.firstName} {row.lastName}
                  </Anchor>
                  {row.arabicName && (
                    <Text span size="sm" c="dimmed" lang="ar" dir="rtl" ml="xs" mr="xs">
                      {row.arabicName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`members.role.${row.role}`, { context: row.sex })}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={statusColor[row.status]}>
                    {t(`members.status.${row.status}`, { context: row.sex })}
                  </Badge>
                </Table.Td>
                <Table.Td>{row.due === 0 && row.paid === 0 ? '—' : t('members.list.paidOfDue', { paid: money(row.paid), due: money(row.due) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

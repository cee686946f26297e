import { Anchor, Button, Group, Loader, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus } from '../../ui/icons';
import { SearchInput } from '../../ui/SearchInput';
import { useActivityLabels } from './labels';
import { cyclesPath } from './cycles/paths';
import { activityPath, newActivityPath, outreachPath, statisticsPath } from './paths';

export function ActivityListPage() {
  const { t } = useTranslation();
  const lookups = useActivityLabels();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [theme, setTheme] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [archived, setArchived] = useState(false);
  const list = useOp('activities.list', {
    query: debounced.trim(),
    theme: theme ?? undefined,
    type: type ?? undefined,
    archived,
    offset: 0,
    limit: 200,
  });
  const anyLabel = t('activities.list.any');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('areas.activities')}</Title>
        <Group gap="xs">
          <Button component={Link} to={statisticsPath} variant="default">
            {t('activities.stats.pageTitle')}
          </Button>
          <Button component={Link} to={cyclesPath} variant="default">
            {t('activities.list.cycles')}
          </Button>
          <Button component={Link} to={outreachPath} variant="default">
            {t('massEvents.outreach.title')}
          </Button>
          <Button component={Link} to={newActivityPath} leftSection={<IconPlus width={18} height={18} />}>
            {t('activities.list.new')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput label={t('activities.list.search')} value={query} onSearchChange={setQuery} w={280} />
        <Select
          label={t('activities.field.theme')}
          placeholder={anyLabel}
          data={lookups.options('theme')}
          value={theme}
          onChange={setTheme}
          clearable
          searchable
          w={220}
        />
        <Select
          label={t('activities.field.type')}
          placeholder={anyLabel}
          data={lookups.options('activityType')}
          value={type}
          onChange={setType}
          clearable
          searchable
          w={220}
        />
        <Switch label={t('activities.list.archived')} checked={archived} onChange={(event) => setArchived(event.currentTarget.checked)} mb={8} />
        <Text size="sm" c="dimmed" aria-live="polite" mb={8}>
          {list.isPending ? <Loader size="xs" /> : t('activities.list.count', { count: list.data?.total ?? 0 })}
        </Text>
      </Group>
      <OpErrorAlert error={list.error} />
      {list.data && list.data.rows.length === 0 && <Text c="dimmed">{t('activities.list.empty')}</Text>}
      {list.data && list.data.rows.length > 0 && (
        <Table striped highlightOnHover aria-label={t('activities.list.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('activities.field.reference')}</Table.Th>
              <Table.Th>{t('activities.field.title')}</Table.Th>
              <Table.Th>{t('activities.field.theme')}</Table.Th>
              <Table.Th>{t('activities.list.sessions')}</Table.Th>
              <Table.Th>{t('activities.list.registered')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.reference}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={activityPath(row.id)}>
                    {row.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{lookups.theme(row.theme)}</Table.Td>
                <Table.Td>{t('activities.list.heldOfPlanned', { held: row.sessionsHeld, planned: row.sessionCount })}</Table.Td>
                <Table.Td>
                  {row.plannedParticipants
                    ? t('activities.list.registeredOfPlanned', { count: row.registeredCount, planned: row.plannedParticipants })
                    : row.registeredCount}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

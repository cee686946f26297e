import { Anchor, Button, Group, Loader, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOp } from '../../../app/ops';
import { IconPlus } from '../../../ui/icons';
import { OpErrorAlert } from '../../../ui/OpErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { activitiesPath } from '../paths';
import { cyclePath, newCyclePath } from './paths';

/** The training cycles, each with how many took part and how many completed it. */
export function CyclesPage() {
  const { t } = useTranslation();
  const [archived, setArchived] = useState(false);
  const list = useOp('cycles.list', { archived });
  return (
    <Stack gap="md">
      <PageHeader title={t('cycles.listTitle')} intro={t('cycles.intro')} links={[{ to: activitiesPath, label: t('areas.activities') }]} />
      <Group justify="space-between">
        <Switch label={t('cycles.archivedSwitch')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        <Button component={Link} to={newCyclePath} leftSection={<IconPlus width={18} height={18} />}>
          {t('cycles.new')}
        </Button>
      </Group>
      {list.isPending && <Loader />}
      <OpErrorAlert error={list.error} />
      {list.data?.length === 0 && <Text c="dimmed">{t('cycles.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table striped highlightOnHover aria-label={t('cycles.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cycles.columns.title')}</Table.Th>
              <Table.Th>{t('cycles.columns.modules')}</Table.Th>
              <Table.Th>{t('cycles.columns.participants')}</Table.Th>
              <Table.Th>{t('cycles.columns.completed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={cyclePath(c.id)}>
                    {c.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.activityIds.length}</Table.Td>
                {/* The counts lead to the people behind them, on the cycle's page. */}
                <Table.Td>
                  <Anchor component={Link} to={cyclePath(c.id)}>
                    {c.participantCount}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={cyclePath(c.id)}>
                    {c.completedCount}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

import { Anchor, Button, Group, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpInput, OpOutput } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus } from '../../ui/icons';
import { grantsPath } from './paths';

type DirectoryOp = 'grants.funders.list' | 'grants.recipients.list';
type Entry<K extends DirectoryOp> = OpOutput<K>[number];

export interface DirectoryColumn<K extends DirectoryOp> {
  header: string;
  cell: (entry: Entry<K>) => ReactNode;
  dir?: 'ltr';
}

/** The funders or the recipients: a table of the current ones (the archived on demand), each created and edited in its modal. */
export function DirectoryPage<K extends DirectoryOp>({
  op,
  title,
  newLabel,
  empty,
  columns,
  modal,
}: {
  op: K;
  title: string;
  newLabel: string;
  empty: string;
  columns: DirectoryColumn<K>[];
  modal: (entry: Entry<K> | undefined, onClose: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Entry<K> | 'new' | null>(null);
  const list = useOp(op, { includeArchived: archived } as OpInput<K>);
  const entries = list.data as Entry<K>[] | undefined;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={grantsPath} size="sm">
        {t('grants.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{title}</Title>
        <Button leftSection={<IconPlus width={18} height={18} />} onClick={() => setEditing('new')}>
          {newLabel}
        </Button>
      </Group>
      <Switch label={t('grants.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      {list.isPending && <Loader />}
      <OpErrorAlert error={list.error} />
      {entries && entries.length === 0 && <Text c="dimmed">{empty}</Text>}
      {entries && entries.length > 0 && (
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.header}>{c.header}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                {columns.map((c) => (
                  <Table.Td key={c.header} dir={c.dir}>
                    {c.cell(entry)}
                  </Table.Td>
                ))}
                <Table.Td>
                  <Button variant="subtle" size="xs" onClick={() => setEditing(entry)}>
                    {t('grants.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && modal(editing === 'new' ? undefined : editing, () => setEditing(null))}
    </Stack>
  );
}

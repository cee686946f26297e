import { Anchor, Button, Group, Loader, Modal, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { funderInputSchema, funderTypeSchema, type Funder } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus } from '../../ui/icons';
import { useInvalidateGrants } from './invalidate';
import { grantsPath } from './paths';
import { useFieldProblems } from './problems';

export function FundersPage() {
  const { t } = useTranslation();
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Funder | 'new' | null>(null);
  const list = useOp('grants.funders.list', { includeArchived: archived });
  return (
    <Stack gap="md">
      <Anchor component={Link} to={grantsPath} size="sm">
        {t('grants.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('grants.funders.title')}</Title>
        <Button leftSection={<IconPlus width={18} height={18} />} onClick={() => setEditing('new')}>
          {t('grants.funders.new')}
        </Button>
      </Group>
      <Switch label={t('grants.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      {list.isPending && <Loader />}
      <OpErrorAlert error={list.error} />
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('grants.funders.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table striped aria-label={t('grants.funders.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grants.funders.name')}</Table.Th>
              <Table.Th>{t('grants.funders.type')}</Table.Th>
              <Table.Th>{t('grants.funders.country')}</Table.Th>
              <Table.Th>{t('grants.funders.contact')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.name}</Table.Td>
                <Table.Td>{t(`grants.funderType.${f.type}`)}</Table.Td>
                <Table.Td>{f.country ?? '—'}</Table.Td>
                <Table.Td>{f.contact ?? '—'}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="xs" onClick={() => setEditing(f)}>
                    {t('grants.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <FunderModal funder={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

export function FunderModal({ funder, onClose, onSaved }: { funder?: Funder; onClose: () => void; onSaved?: (f: Funder) => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const [name, setName] = useState(funder?.name ?? '');
  const [type, setType] = useState<string | null>(funder?.type ?? 'bilateral');
  const [country, setCountry] = useState(funder?.country ?? '');
  const [contact, setContact] = useState(funder?.contact ?? '');
  const [archived, setArchived] = useState(Boolean(funder?.archivedAt));
  const save = useOpMutation('grants.funders.save', {
    onSuccess: async (saved) => {
      await invalidate();
      onSaved?.(saved);
      onClose();
    },
    onError: problems.fromFailure,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = problems.check(funderInputSchema, {
      ...(funder ? { id: funder.id } : {}),
      name,
      type,
      country: country.trim().toUpperCase() || null,
      contact: contact || null,
      archived,
    });
    if (input) save.mutate(input);
  };
  return (
    <Modal opened onClose={onClose} title={funder ? t('grants.funders.edit') : t('grants.funders.new')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('grants.funders.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={problems.errors.name} data-autofocus />
          <Select
            label={t('grants.funders.type')}
            data={funderTypeSchema.options.map((v) => ({ value: v, label: t(`grants.funderType.${v}`) }))}
            value={type}
            onChange={setType}
            error={problems.errors.type}
          />
          <TextInput label={t('grants.funders.country')} description={t('grants.funders.countryHint')} maxLength={2} value={country} onChange={(e) => setCountry(e.currentTarget.value)} error={problems.errors.country} />
          <TextInput label={t('grants.funders.contact')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} error={problems.errors.contact} />
          {funder && <Switch label={t('grants.archived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />}
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

import { Anchor, Button, Group, Loader, Modal, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { funderInputSchema, funderTypeSchema, type Funder } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus } from '../../ui/icons';
import { useGrantsSave } from './save';
import { grantsPath } from './paths';
import { SelectField, TextField } from './fields';
import { grantsResolver } from './form';

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

interface FunderDraft {
  name: string;
  type: Funder['type'];
  country: string;
  contact: string;
  archived: boolean;
}

export function FunderModal({ funder, onClose, onSaved }: { funder?: Funder; onClose: () => void; onSaved?: (f: Funder) => void }) {
  const { t } = useTranslation();
  const form = useForm<FunderDraft, unknown, z.output<typeof funderInputSchema>>({
    defaultValues: { name: funder?.name ?? '', type: funder?.type ?? 'bilateral', country: funder?.country ?? '', contact: funder?.contact ?? '', archived: Boolean(funder?.archivedAt) },
    resolver: grantsResolver(funderInputSchema, (d) => ({
      ...(funder ? { id: funder.id } : {}),
      name: d.name,
      type: d.type,
      country: d.country.trim().toUpperCase() || null,
      contact: d.contact,
      archived: d.archived,
    })),
  });
  const save = useGrantsSave('grants.funders.save', form, (saved) => {
    onSaved?.(saved);
    onClose();
  });
  const { control } = form;
  return (
    <Modal opened onClose={onClose} title={funder ? t('grants.funders.edit') : t('grants.funders.new')}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <TextField control={control} name="name" label={t('grants.funders.name')} required data-autofocus />
          <SelectField control={control} name="type" label={t('grants.funders.type')} data={funderTypeSchema.options.map((v) => ({ value: v, label: t(`grants.funderType.${v}`) }))} />
          <TextField control={control} name="country" label={t('grants.funders.country')} description={t('grants.funders.countryHint')} maxLength={2} />
          <TextField control={control} name="contact" label={t('grants.funders.contact')} />
          {funder && (
            <Controller control={control} name="archived" render={({ field }) => <Switch label={t('grants.archived')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />} />
          )}
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

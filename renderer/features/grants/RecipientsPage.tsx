import { Anchor, Button, Group, Loader, Modal, SegmentedControl, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recipientInputSchema, recipientKindSchema, type Recipient } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { IconPlus } from '../../ui/icons';
import { PersonSearch } from '../activities/PersonSearch';
import { useInvalidateGrants } from './invalidate';
import { grantsPath } from './paths';
import { useFieldProblems } from './problems';

/** Organisations, individuals (beneficiaries) and companies that receive grants. */
export function RecipientsPage() {
  const { t } = useTranslation();
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Recipient | 'new' | null>(null);
  const list = useOp('grants.recipients.list', { includeArchived: archived });
  return (
    <Stack gap="md">
      <Anchor component={Link} to={grantsPath} size="sm">
        {t('grants.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('grants.recipients.title')}</Title>
        <Button leftSection={<IconPlus width={18} height={18} />} onClick={() => setEditing('new')}>
          {t('grants.recipients.new')}
        </Button>
      </Group>
      <Switch label={t('grants.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      {list.isPending && <Loader />}
      <OpErrorAlert error={list.error} />
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('grants.recipients.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table striped aria-label={t('grants.recipients.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grants.recipients.name')}</Table.Th>
              <Table.Th>{t('grants.recipients.kind')}</Table.Th>
              <Table.Th>{t('grants.recipients.city')}</Table.Th>
              <Table.Th>{t('grants.recipients.rib')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{t(`grants.recipientKind.${r.kind}`)}</Table.Td>
                <Table.Td>{r.city ?? '—'}</Table.Td>
                <Table.Td dir="ltr">{r.rib ?? '—'}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="xs" onClick={() => setEditing(r)}>
                    {t('grants.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <RecipientModal recipient={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

export function RecipientModal({ recipient, onClose, onSaved }: { recipient?: Recipient; onClose: () => void; onSaved?: (r: Recipient) => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateGrants();
  const problems = useFieldProblems();
  const [kind, setKind] = useState<string>(recipient?.kind ?? 'organisation');
  const [person, setPerson] = useState<{ id: string; name: string } | null>(
    recipient?.beneficiaryId ? { id: recipient.beneficiaryId, name: recipient.name } : null,
  );
  const [draft, setDraft] = useState({
    name: recipient?.kind === 'individual' ? '' : (recipient?.name ?? ''),
    legalForm: recipient?.legalForm ?? '',
    registrationNumber: recipient?.registrationNumber ?? '',
    city: recipient?.city ?? '',
    president: recipient?.president ?? '',
    contact: recipient?.contact ?? '',
    rib: recipient?.rib ?? '',
  });
  const [archived, setArchived] = useState(Boolean(recipient?.archivedAt));
  const set = (key: keyof typeof draft) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const save = useOpMutation('grants.recipients.save', {
    onSuccess: async (saved) => {
      await invalidate();
      onSaved?.(saved);
      onClose();
    },
    onError: problems.fromFailure,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = problems.check(recipientInputSchema, {
      ...(recipient ? { id: recipient.id } : {}),
      kind,
      name: kind === 'individual' ? null : draft.name,
      legalForm: draft.legalForm || null,
      registrationNumber: draft.registrationNumber || null,
      city: draft.city || null,
      president: draft.president || null,
      contact: draft.contact || null,
      rib: draft.rib || null,
      beneficiaryId: kind === 'individual' ? (person?.id ?? null) : null,
      archived,
    });
    if (input) save.mutate(input);
  };
  const individual = kind === 'individual';
  return (
    <Modal opened onClose={onClose} size="lg" title={recipient ? t('grants.recipients.edit') : t('grants.recipients.new')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            value={kind}
            onChange={setKind}
            data={recipientKindSchema.options.map((k) => ({ value: k, label: t(`grants.recipientKind.${k}`) }))}
            aria-label={t('grants.recipients.kind')}
          />
          {individual ? (
            <Stack gap="xs">
              <Text size="sm">{person ? t('grants.recipients.person', { name: person.name }) : t('grants.recipients.pickPerson')}</Text>
              {problems.errors.beneficiaryId && (
                <Text c="red" size="sm">
                  {problems.errors.beneficiaryId}
                </Text>
              )}
              <PersonSearch exclude={new Set(person ? [person.id] : [])} pickLabel={t('grants.recipients.choose')} onPick={(row) => setPerson({ id: row.id, name: row.displayName })} />
            </Stack>
          ) : (
            <TextInput label={t('grants.recipients.name')} required value={draft.name} onChange={set('name')} error={problems.errors.name} data-autofocus />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {!individual && <TextInput label={t('grants.recipients.legalForm')} value={draft.legalForm} onChange={set('legalForm')} />}
            {!individual && <TextInput label={t('grants.recipients.registrationNumber')} value={draft.registrationNumber} onChange={set('registrationNumber')} />}
            <TextInput label={t('grants.recipients.city')} value={draft.city} onChange={set('city')} />
            {!individual && <TextInput label={t('grants.recipients.president')} value={draft.president} onChange={set('president')} />}
            <TextInput label={t('grants.recipients.contact')} value={draft.contact} onChange={set('contact')} />
          </SimpleGrid>
          <TextInput
            label={t('grants.recipients.rib')}
            description={t('grants.recipients.ribHint')}
            dir="ltr"
            inputMode="numeric"
            value={draft.rib}
            onChange={set('rib')}
            error={problems.errors.rib}
          />
          {recipient && <Switch label={t('grants.archived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />}
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

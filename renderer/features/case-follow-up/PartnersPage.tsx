import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { partnerInputSchema, partnerTypeSchema, todayIso, type Partner, type PartnerInput } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { downloadText } from '../../ui/download';
import { TextField } from '../../ui/fields';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ExportPartnerMap } from '../exchange/ExportPartnerMap';
import { PartnerCardPanel } from '../exchange/PartnerCardPanel';
import { PartnerMapImport } from '../exchange/PartnerMapImport';
import { EditModal } from './EditModal';
import { SelectField, TextareaField } from './fields';
import { foldText } from './format';
import { partnersCsv } from './partnersCsv';
import { contractResolver, showFieldProblems } from './problems';
import { PageHeader } from '../../ui/PageHeader';

/** The association's directory of partner organisations, to refer people to. */
export function PartnersPage() {
  const { t } = useTranslation();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [search, setSearch] = useState('');
  const [semicolon, setSemicolon] = useState(true);
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const [cardOf, setCardOf] = useState<Partner | null>(null);
  const [importing, setImporting] = useState(false);
  const partners = useOp('partners.list', { includeArchived });

  const shown = useMemo(() => {
    const query = foldText(search.trim());
    if (!partners.data || !query) return partners.data ?? [];
    return partners.data.filter((p) =>
      foldText([p.name, t(`partners.types.${p.type}`), p.city, p.contact, p.services].filter(Boolean).join(' ')).includes(query),
    );
  }, [partners.data, search, t]);

  const exportCsv = () =>
    downloadText(t('partners.fileName', { date: todayIso() }), partnersCsv(shown, t, semicolon ? ';' : ','));

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('partners.title')}
        intro={t('partners.intro')}
        links={[{ to: '/settings/card', label: t('cards.tab') }, { to: '/follow-up', label: t('partners.dashboardLink') }]}
      />

      <Paper withBorder p="md" radius="lg">
        <Group align="flex-end" justify="space-between" gap="md">
          <Group align="flex-end" gap="md">
            <TextInput
              type="search"
              label={t('partners.search')}
              placeholder={t('partners.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={280}
            />
            <Switch
              label={t('partners.includeArchived')}
              checked={includeArchived}
              onChange={(event) => setIncludeArchived(event.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <Group align="center" gap="md">
            <Checkbox
              label={t('partners.semicolon')}
              checked={semicolon}
              onChange={(event) => setSemicolon(event.currentTarget.checked)}
            />
            <Button variant="default" onClick={exportCsv} disabled={shown.length === 0}>
              {t('partners.export')}
            </Button>
            <ExportPartnerMap />
            <Button variant="default" onClick={() => setImporting(true)}>
              {t('partners.import.open')}
            </Button>
            <Button onClick={() => setEditing('new')}>{t('partners.add')}</Button>
          </Group>
        </Group>
      </Paper>

      {partners.isPending ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : partners.error ? (
        <OpErrorAlert error={partners.error} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" role="status">
            {t('partners.count', { shown: shown.length, total: partners.data.length })}
          </Text>
          {shown.length === 0 ? (
            <Text c="dimmed">{partners.data.length === 0 ? t('partners.empty') : t('partners.noMatch')}</Text>
          ) : (
            <PartnersTable partners={shown} onEdit={setEditing} onCard={setCardOf} />
          )}
        </Stack>
      )}

      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        addTitle={t('partners.addTitle')}
        editTitle={t('partners.editTitle')}
      >
        {(partner) => <PartnerForm partner={partner} onDone={() => setEditing(null)} />}
      </EditModal>

      <Modal
        opened={cardOf !== null}
        onClose={() => setCardOf(null)}
        title={cardOf && t('cards.partner.openNamed', { name: cardOf.name })}
        size="lg"
      >
        {cardOf && <PartnerCardPanel partnerId={cardOf.id} />}
      </Modal>

      <Modal opened={importing} onClose={() => setImporting(false)} title={t('partners.import.title')} size="xl">
        {importing && <PartnerMapImport onDone={() => setImporting(false)} />}
      </Modal>
    </Stack>
  );
}

function PartnersTable({
  partners,
  onEdit,
  onCard,
}: {
  partners: Partner[];
  onEdit: (partner: Partner) => void;
  onCard: (partner: Partner) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('partners.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('partners.name')}</Table.Th>
            <Table.Th>{t('partners.type')}</Table.Th>
            <Table.Th>{t('partners.city')}</Table.Th>
            <Table.Th>{t('partners.contact')}</Table.Th>
            <Table.Th>{t('partners.services')}</Table.Th>
            <Table.Th>{t('partners.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((partner) => (
            <PartnerRow key={partner.id} partner={partner} onEdit={() => onEdit(partner)} onCard={() => onCard(partner)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const multiline = { whiteSpace: 'pre-wrap', overflowWrap: 'break-word' } as const;

function PartnerRow({ partner: p, onEdit, onCard }: { partner: Partner; onEdit: () => void; onCard: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refresh = { onSuccess: () => void client.invalidateQueries({ queryKey: opKey('partners.list') }) };
  const archive = useOpMutation('partners.archive', refresh);
  const restore = useOpMutation('partners.restore', refresh);
  const archived = p.archivedAt !== null;

  return (
    <Table.Tr c={archived ? 'dimmed' : undefined}>
      <Table.Td miw={180}>
        <Stack gap={2}>
          <Text fw={600}>
            <bdi>{p.name}</bdi>
          </Text>
          {archived && (
            <Badge color="gray" variant="light" tt="none" radius="sm" w="fit-content">
              {t('partners.archivedBadge')}
            </Badge>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>{t(`partners.types.${p.type}`)}</Table.Td>
      <Table.Td>
        <bdi>{p.city}</bdi>
      </Table.Td>
      <Table.Td miw={190} style={multiline}>
        <bdi>{p.contact}</bdi>
      </Table.Td>
      <Table.Td miw={220} style={multiline}>
        <bdi>{p.services}</bdi>
      </Table.Td>
      <Table.Td>
        <Stack gap="xs" align="flex-start">
          <Group gap="xs" wrap="nowrap">
            <Button variant="light" size="xs" onClick={onEdit} aria-label={t('partners.editNamed', { name: p.name })}>
              {t('partners.edit')}
            </Button>
            <Button variant="light" size="xs" onClick={onCard} aria-label={t('cards.partner.openNamed', { name: p.name })}>
              {t('cards.partner.open')}
            </Button>
            {archived ? (
              <Button
                variant="subtle"
                size="xs"
                loading={restore.isPending}
                onClick={() => restore.mutate({ id: p.id })}
                aria-label={t('partners.restoreNamed', { name: p.name })}
              >
                {t('partners.restore')}
              </Button>
            ) : (
              <Button
                variant="subtle"
                color="red"
                size="xs"
                loading={archive.isPending}
                onClick={() => archive.mutate({ id: p.id })}
                aria-label={t('partners.archiveNamed', { name: p.name })}
              >
                {t('partners.archive')}
              </Button>
            )}
          </Group>
          <OpErrorAlert error={archive.error ?? restore.error} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

function PartnerForm({ partner, onDone }: { partner: Partner | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const values: PartnerInput = partner
    ? {
        id: partner.id,
        name: partner.name,
        type: partner.type,
        city: partner.city ?? '',
        contact: partner.contact ?? '',
        services: partner.services ?? '',
      }
    : { name: '', type: 'ngo', city: '', contact: '', services: '' };
  const form = useForm({ resolver: contractResolver(partnerInputSchema), defaultValues: values });
  const save = useOpMutation('partners.save', {
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: opKey('partners.list') });
      onDone();
    },
    onError: (error) => showFieldProblems(form, error, ['name', 'type', 'city', 'contact', 'services']),
  });
  const types = partnerTypeSchema.options.map((type) => ({ value: type, label: t(`partners.types.${type}`) }));

  return (
    <form noValidate onSubmit={form.handleSubmit((input) => save.mutate(input))}>
      <Stack gap="sm">
        <TextField form={form} name="name" label={t('partners.name')} withAsterisk data-autofocus dir="auto" />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <SelectField form={form} name="type" label={t('partners.type')} data={types} withAsterisk />
          <TextField form={form} name="city" label={t('partners.city')} dir="auto" />
        </SimpleGrid>
        <TextareaField
          form={form}
          name="contact"
          label={t('partners.contact')}
          description={t('partners.contactHint')}
          rows={2}
          dir="auto"
        />
        <TextareaField form={form} name="services" label={t('partners.services')} rows={2} dir="auto" />
        <ModalActions error={save.error} saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

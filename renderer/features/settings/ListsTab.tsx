import { Badge, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { lookupListSchema, lookupValueSchema, type LookupList, type LookupValue } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { TextField } from '../../ui/fields';
import { validationMessage } from '../../i18n/validation';
import { formResolver } from '../../ui/forms';
import { IconLock } from '../../ui/icons';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ServiceTypeRules } from '../services/ServiceTypeRules';

/** The lists the association edits (categories, legal statuses…): everyone reads them, presidents change them. */
export function ListsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const lookups = useOp('lookups.list', {});
  const [editing, setEditing] = useState<{ list: LookupList; value: LookupValue | null } | null>(null);
  if (lookups.isPending) return <Loader role="status" aria-label={t('app.loading')} />;
  if (lookups.error) return <OpErrorAlert error={lookups.error} />;

  return (
    <Stack gap="xl">
      <Text size="sm" c="dimmed">
        {canEdit ? t('settings.lists.intro') : t('settings.lists.presidentOnly')}
      </Text>
      {lookupListSchema.options.map((list) => (
        <Stack key={list} gap="sm" component="section" aria-labelledby={`list-${list}`}>
          <Group justify="space-between">
            <Title order={2} size="h4" id={`list-${list}`}>
              {t(`settings.lists.names.${list}`)}
            </Title>
            {canEdit && (
              <Button variant="light" size="xs" onClick={() => setEditing({ list, value: null })}>
                {t('settings.lists.add')}
              </Button>
            )}
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs" aria-labelledby={`list-${list}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.lists.labelFr')}</Table.Th>
                  <Table.Th>{t('settings.lists.labelAr')}</Table.Th>
                  <Table.Th>{t('settings.lists.labelEn')}</Table.Th>
                  <Table.Th>{t('settings.lists.status')}</Table.Th>
                  {canEdit && <Table.Th>{t('settings.users.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lookups.data
                  .filter((v) => v.list === list)
                  .map((value) => (
                    <Table.Tr key={value.code}>
                      <Table.Td lang="fr">{value.labels.fr}</Table.Td>
                      <Table.Td lang="ar" dir="rtl">
                        {value.labels.ar}
                      </Table.Td>
                      <Table.Td lang="en">{value.labels.en}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {value.sensitive && (
                            <Badge
                              color="grape"
                              variant="light"
                              tt="none"
                              leftSection={<IconLock width={12} height={12} />}
                            >
                              {t('settings.lists.sensitive')}
                            </Badge>
                          )}
                          {value.governance && (
                            <Badge color="blue" variant="light" tt="none">
                              {t('settings.lists.governance')}
                            </Badge>
                          )}
                          {value.archived && (
                            <Badge color="gray" variant="light" tt="none">
                              {t('settings.lists.archived')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <Button
                            variant="subtle"
                            size="xs"
                            onClick={() => setEditing({ list, value })}
                            aria-label={t('settings.lists.editNamed', { label: value.labels.fr })}
                          >
                            {t('settings.lists.edit')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list === 'serviceType' && <ServiceTypeRules canEdit={canEdit} />}
        </Stack>
      ))}
      {editing && (
        <LookupValueModal
          list={editing.list}
          value={editing.value}
          taken={lookups.data.filter((v) => v.list === editing.list).map((v) => v.code)}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

/** A code suggested from the French label: `Étudiant étranger` → `etudiant_etranger`. */
export function codeFromLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
}

interface ModalProps {
  list: LookupList;
  /** null to add a value. */
  value: LookupValue | null;
  taken: string[];
  onClose: () => void;
}

function LookupValueModal({ list, value, taken, onClose }: ModalProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const creating = value === null;
  const form = useForm({
    resolver: formResolver(lookupValueSchema),
    defaultValues: value ?? {
      list,
      code: '',
      labels: { fr: '', ar: '', en: '' },
      sensitive: false,
      // Only activity types say whether they are governance; other lists leave it out.
      ...(list === 'activityType' ? { governance: false } : {}),
      archived: false,
    },
  });
  const save = useOpMutation('lookups.save', {
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: opKey('lookups.list') });
      onClose();
    },
  });

  const submit = form.handleSubmit((values) => {
    // Codes are never reused: records keep pointing at them.
    if (creating && taken.includes(values.code)) {
      form.setError('code', { message: validationMessage('settings.lists.codeTaken') }, { shouldFocus: true });
      return;
    }
    save.mutate(values);
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={creating ? t('settings.lists.addTitle', { list: t(`settings.lists.names.${list}`) }) : t('settings.lists.editTitle')}
      centered
      size="lg"
    >
      <form noValidate onSubmit={submit}>
        <Stack>
          <TextField
            form={form}
            name="labels.fr"
            label={t('settings.lists.labelFr')}
            lang="fr"
            withAsterisk
            data-autofocus
            rules={{
              // Until the code is typed by hand, it follows the French label.
              onChange: (event: { target: { value: string } }) => {
                if (creating && !form.getFieldState('code').isDirty) form.setValue('code', codeFromLabel(event.target.value));
              },
            }}
          />
          <TextField form={form} name="labels.ar" label={t('settings.lists.labelAr')} lang="ar" dir="rtl" withAsterisk />
          <TextField form={form} name="labels.en" label={t('settings.lists.labelEn')} lang="en" withAsterisk />
          {creating ? (
            <TextField
              form={form}
              name="code"
              label={t('settings.lists.code')}
              description={t('settings.lists.codeHelp')}
              dir="ltr"
              withAsterisk
            />
          ) : (
            <TextInput label={t('settings.lists.code')} description={t('settings.lists.codeFixed')} value={value.code} dir="ltr" readOnly />
          )}
          <Controller
            control={form.control}
            name="sensitive"
            render={({ field }) => (
              <Checkbox
                label={t('settings.lists.sensitiveLabel')}
                description={t('settings.lists.sensitiveHelp')}
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                ref={field.ref}
              />
            )}
          />
          {list === 'activityType' && (
            <Controller
              control={form.control}
              name="governance"
              render={({ field }) => (
                <Checkbox
                  label={t('settings.lists.governanceLabel')}
                  description={t('settings.lists.governanceHelp')}
                  checked={field.value ?? false}
                  onChange={(event) => field.onChange(event.currentTarget.checked)}
                  ref={field.ref}
                />
              )}
            />
          )}
          <Controller
            control={form.control}
            name="archived"
            render={({ field }) => (
              <Checkbox
                label={t('settings.lists.archivedLabel')}
                description={t('settings.lists.archivedHelp')}
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                ref={field.ref}
              />
            )}
          />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

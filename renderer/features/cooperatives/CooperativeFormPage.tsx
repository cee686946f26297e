import { Button, Group, Loader, Select, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { cooperativeInputSchema, type Cooperative, type CooperativeInput } from '../../../electron/contract';
import { useOp } from '../../app/ops';
import { useCanHandleDues } from '../members/MemberPage';
import { TextField } from '../../ui/fields';
import { useFieldError } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { areaResolver } from '../members/problems';
import { useCooperativeOptions } from './labels';
import { NumberField } from './NumberField';
import { cooperativePath, cooperativesPath } from './paths';
import { useCooperativeSave } from './save';
import { afterSave, UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';

export function NewCooperativePage() {
  const settings = useOp('settings.get', {});
  if (settings.isPending) return <Loader />;
  return <CooperativeForm defaultShareValue={settings.data?.cooperativeMinShareValue ?? 10_000} />;
}

export function EditCooperativePage() {
  const { id = '' } = useParams();
  const detail = useOp('cooperatives.get', { id });
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  return <CooperativeForm key={id} cooperative={detail.data.cooperative} defaultShareValue={detail.data.cooperative.shareValue} />;
}

/** Proposed names typed one per line; the text stays as typed while the value is the list. */
function NamesInput({ value, onChange, error }: { value: string[]; onChange: (names: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.join('\n'));
  return (
    <Textarea
      label={t('cooperatives.field.proposedNames')}
      description={t('cooperatives.form.namesHelp')}
      required
      autosize
      minRows={2}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(
          e.currentTarget.value
            .split('\n')
            .map((n) => n.trim())
            .filter(Boolean),
        );
      }}
      error={error}
    />
  );
}

function CooperativeForm({ cooperative, defaultShareValue }: { cooperative?: Cooperative; defaultShareValue: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useCooperativeOptions();
  const fieldError = useFieldError();
  const defaults: CooperativeInput = {
    ...(cooperative ? { id: cooperative.id } : {}),
    proposedNames: cooperative?.proposedNames ?? [],
    sector: cooperative?.sector ?? 'sewing',
    activity: cooperative?.activity ?? '',
    city: cooperative?.city ?? '',
    coach: cooperative?.coach ?? '',
    shareValue: cooperative?.shareValue ?? defaultShareValue,
    notes: cooperative?.notes ?? '',
    grantRecipientId: cooperative?.grantRecipientId ?? null,
  };
  const form = useForm({ resolver: areaResolver(cooperativeInputSchema), defaultValues: defaults });
  const save = useCooperativeSave('cooperatives.save', (saved) => navigate(cooperativePath(saved.id), afterSave), form);

  const notesField = form.register('notes');
  // Grants recipients are listed to those who handle money, as in the grants area.
  const handlesMoney = useCanHandleDues();
  const recipients = useOp('grants.recipients.list', { includeArchived: false }, { enabled: handlesMoney });
  const recipientOptions = (recipients.data ?? []).filter((r) => r.kind !== 'individual').map((r) => ({ value: r.id, label: r.name }));

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <Stack gap="md" maw={900}>
        <Title order={1}>{cooperative ? t('cooperatives.form.editTitle', { reference: cooperative.reference }) : t('cooperatives.form.title')}</Title>
        <Controller
          control={form.control}
          name="proposedNames"
          render={({ field, fieldState }) => <NamesInput value={field.value} onChange={field.onChange} error={fieldError(fieldState.error)} />}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="sector"
            render={({ field }) => (
              <Select label={t('cooperatives.field.sector')} data={options.sector} value={field.value} onChange={(v) => v && field.onChange(v)} allowDeselect={false} />
            )}
          />
          <TextField form={form} name="activity" label={t('cooperatives.field.activity')} required />
          <TextField form={form} name="city" label={t('cooperatives.field.city')} required />
          <TextField form={form} name="coach" label={t('cooperatives.field.coach')} />
          <NumberField control={form.control} name="shareValue" label={t('cooperatives.field.shareValue')} money />
        </SimpleGrid>
        {handlesMoney && (
          <Controller
            control={form.control}
            name="grantRecipientId"
            render={({ field }) => (
              <Select
                label={t('cooperatives.field.grantRecipient')}
                description={t('cooperatives.form.grantRecipientHelp')}
                data={recipientOptions}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v)}
                searchable
                clearable
              />
            )}
          />
        )}
        <Textarea label={t('cooperatives.field.notes')} rows={3} {...notesField} />
        <OpErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button component={Link} to={cooperative ? cooperativePath(cooperative.id) : cooperativesPath} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

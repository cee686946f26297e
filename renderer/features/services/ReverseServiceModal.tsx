import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { serviceReverseSchema, todayIso } from '../../../electron/contract';
import { ModalActions } from '../../ui/ModalActions';
import { UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';
import { DayField, TextAreaField } from '../grants/fields';
import { grantsResolver } from '../grants/form';
import { useServiceSave } from './save';

interface Draft {
  date: string;
  reason: string;
}

/** Takes back the amount of a service with the date and reason: its journal entry is reversed with it. */
export function ReverseServiceModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Draft, unknown, z.output<typeof serviceReverseSchema>>({
    defaultValues: { date: todayIso(), reason: '' },
    resolver: grantsResolver(serviceReverseSchema, (d) => ({ id, ...d })),
  });
  const save = useServiceSave('services.reverse', form, onClose);
  return (
    <Modal opened onClose={onClose} title={t('services.reverse.title')}>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('services.reverse.explain')}</Text>
          <DayField control={form.control} name="date" label={t('services.reverse.date')} required />
          <TextAreaField control={form.control} name="reason" label={t('services.reverse.reason')} required rows={2} data-autofocus />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

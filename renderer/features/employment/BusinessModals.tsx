import { Modal, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  businessGrantInputSchema,
  businessInputSchema,
  businessVisitInputSchema,
  todayIso,
  type Business,
  type BusinessState,
  type EmploymentSector,
} from '../../../electron/contract';
import { generalError } from '../../ui/forms';
import { ModalActions } from '../../ui/ModalActions';
import { UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';
import { DayField, MoneyField, SelectField, TextAreaField, TextField } from '../grants/fields';
import { grantsResolver } from '../grants/form';
import { moneyText } from '../grants/money';
import { useEmploymentOptions } from './labels';
import { useEmploymentSave } from './save';

/** The business a person started on the self-employment path, new or edited. */
export function BusinessModal({ beneficiaryId, business, onClose }: { beneficiaryId: string; business: Business | null; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useEmploymentOptions();
  const form = useForm<{ activity: string; sector: string; startDate: string }, unknown, z.output<typeof businessInputSchema>>({
    defaultValues: { activity: business?.activity ?? '', sector: business?.sector ?? '', startDate: business?.startDate ?? '' },
    resolver: grantsResolver(businessInputSchema, (d) => ({
      ...(business ? { id: business.id } : {}),
      beneficiaryId,
      activity: d.activity,
      sector: d.sector as EmploymentSector,
      startDate: d.startDate,
    })),
  });
  const { control } = form;
  const save = useEmploymentSave('employment.saveBusiness', form, onClose);
  return (
    <Modal opened onClose={onClose} size="lg" title={business ? t('employment.business.edit') : t('employment.business.add')}>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <form noValidate onSubmit={(e) => void form.handleSubmit((input) => save.mutate(input))(e)}>
        <Stack gap="sm">
          <TextField control={control} name="activity" label={t('employment.business.activity')} required dir="auto" data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SelectField control={control} name="sector" label={t('employment.business.sector')} required data={options.sector} />
            <DayField control={control} name="startDate" label={t('employment.business.startDate')} required />
          </SimpleGrid>
          <ModalActions error={generalError(form, save.error)} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** A follow-up visit to the business: when, how it is doing, what was seen. */
export function VisitModal({ business, onClose }: { business: Business; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useEmploymentOptions();
  const form = useForm<{ date: string; state: string; note: string }, unknown, z.output<typeof businessVisitInputSchema>>({
    defaultValues: { date: todayIso(), state: '', note: '' },
    resolver: grantsResolver(businessVisitInputSchema, (d) => ({ businessId: business.id, date: d.date, state: d.state as BusinessState, note: d.note })),
  });
  const { control } = form;
  const save = useEmploymentSave('employment.saveVisit', form, onClose);
  return (
    <Modal opened onClose={onClose} size="lg" title={t('employment.business.visitTitle')}>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <form noValidate onSubmit={(e) => void form.handleSubmit((input) => save.mutate(input))(e)}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DayField control={control} name="date" label={t('employment.business.date')} required data-autofocus />
            <SelectField control={control} name="state" label={t('employment.business.state')} required data={options.state} />
          </SimpleGrid>
          <TextAreaField control={control} name="note" label={t('employment.business.note')} rows={3} dir="auto" />
          <ModalActions error={generalError(form, save.error)} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The grant the business received, in MAD as typed ("15 000,00"); empty when there is none. */
export function GrantModal({ business, onClose }: { business: Business; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ grantMinor: string }, unknown, z.output<typeof businessGrantInputSchema>>({
    defaultValues: { grantMinor: moneyText(business.grantMinor) },
    resolver: grantsResolver(businessGrantInputSchema, (d, read) => ({
      businessId: business.id,
      grantMinor: d.grantMinor.trim() ? read.money(d.grantMinor, 'grantMinor') : null,
    })),
  });
  const save = useEmploymentSave('employment.setBusinessGrant', form, onClose);
  return (
    <Modal opened onClose={onClose} title={t('employment.business.grantTitle')}>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <form noValidate onSubmit={(e) => void form.handleSubmit((input) => save.mutate(input))(e)}>
        <Stack gap="sm">
          <MoneyField control={form.control} name="grantMinor" label={t('employment.business.grantAmount')} description={t('employment.business.grantHelp')} currency="MAD" data-autofocus />
          <ModalActions error={generalError(form, save.error)} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

import { Modal, SimpleGrid, Stack } from '@mantine/core';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { employmentRecordInputSchema, todayIso, WORKING_SITUATIONS, type EmploymentRecord, type EmploymentSituation } from '../../../electron/contract';
import { generalError } from '../../ui/forms';
import { ModalActions } from '../../ui/ModalActions';
import { UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';
import { DayField, SelectField, TextField } from '../grants/fields';
import { grantsResolver } from '../grants/form';
import { useEmploymentOptions } from './labels';
import { useEmploymentSave } from './save';

interface SituationDraft {
  date: string;
  situation: string;
  employer: string;
  sector: string;
  contractType: string;
  startDate: string;
  incomeBand: string;
}

type Input = z.input<typeof employmentRecordInputSchema>;

const draftOf = (r: EmploymentRecord | null): SituationDraft => ({
  date: r?.date ?? todayIso(),
  situation: r?.situation ?? '',
  employer: r?.employer ?? '',
  sector: r?.sector ?? '',
  contractType: r?.contractType ?? '',
  startDate: r?.startDate ?? '',
  incomeBand: r?.incomeBand ?? '',
});

/** A situation asked at intake or at a follow-up, or a correction of one; a job's fields only for a working situation. */
export function SituationModal({ beneficiaryId, record, onClose }: { beneficiaryId: string; record: EmploymentRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useEmploymentOptions();
  const form = useForm<SituationDraft, unknown, z.output<typeof employmentRecordInputSchema>>({
    defaultValues: draftOf(record),
    // The job's inputs are hidden for a situation without work: what they still hold is not sent.
    resolver: grantsResolver(employmentRecordInputSchema, (d) => ({
      ...(record ? { id: record.id } : {}),
      beneficiaryId,
      date: d.date,
      situation: d.situation as EmploymentSituation,
      incomeBand: d.incomeBand as Input['incomeBand'],
      ...(WORKING_SITUATIONS.includes(d.situation as EmploymentSituation)
        ? { employer: d.employer, sector: d.sector as Input['sector'], contractType: d.contractType as Input['contractType'], startDate: d.startDate }
        : {}),
    })),
  });
  const { control } = form;
  const situation = useWatch({ control, name: 'situation' });
  const working = WORKING_SITUATIONS.includes(situation as EmploymentSituation);
  const save = useEmploymentSave('employment.saveRecord', form, onClose);
  return (
    <Modal opened onClose={onClose} size="lg" title={t('employment.recordTitle')}>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <form noValidate onSubmit={(e) => void form.handleSubmit((input) => save.mutate(input))(e)}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DayField control={control} name="date" label={t('employment.field.date')} required data-autofocus />
            <SelectField control={control} name="situation" label={t('employment.field.situation')} required data={options.situation} />
          </SimpleGrid>
          {working && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextField control={control} name="employer" label={t('employment.field.employer')} required dir="auto" />
              <SelectField control={control} name="sector" label={t('employment.field.sector')} clearable data={options.sector} />
              <SelectField control={control} name="contractType" label={t('employment.field.contractType')} clearable data={options.contract} />
              <DayField control={control} name="startDate" label={t('employment.field.startDate')} required />
            </SimpleGrid>
          )}
          <SelectField control={control} name="incomeBand" label={t('employment.field.incomeBand')} clearable data={options.income} />
          <ModalActions error={generalError(form, save.error)} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

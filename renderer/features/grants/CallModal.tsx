import { ActionIcon, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { callInputSchema, type Call, type Criterion } from '../../../electron/contract';
import { ModalActions } from '../../ui/ModalActions';
import { IconPlus, IconTrash } from '../../ui/icons';
import { DayField, MoneyField, NumberField, RowsError, TextAreaField, TextField } from './fields';
import { useGrantsSave } from './save';
import { grantsResolver } from './form';
import { moneyText } from './money';

interface CallDraft {
  title: string;
  openDate: string;
  closeDate: string;
  envelopeMinor: string;
  maxPerProjectMinor: string;
  eligibility: string;
  criteria: { criterionId?: string; label: string; weight: number | '' }[];
}

/** A call for proposals of an agreement, with its weighted evaluation criteria. */
export function CallModal({
  agreementId,
  currency,
  call,
  criteria = [],
  onClose,
  onSaved,
}: {
  agreementId: string;
  currency: string;
  call?: Call;
  criteria?: Criterion[];
  onClose: () => void;
  onSaved?: (call: Call) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<CallDraft, unknown, z.output<typeof callInputSchema>>({
    defaultValues: {
      title: call?.title ?? '',
      openDate: call?.openDate ?? '',
      closeDate: call?.closeDate ?? '',
      envelopeMinor: moneyText(call?.envelopeMinor),
      maxPerProjectMinor: moneyText(call?.maxPerProjectMinor),
      eligibility: call?.eligibility ?? '',
      criteria: criteria.length > 0 ? criteria.map((c) => ({ criterionId: c.id, label: c.label, weight: c.weight })) : [{ label: '', weight: 1 }],
    },
    resolver: grantsResolver(callInputSchema, (d, read) => ({
      ...(call ? { id: call.id } : {}),
      ...d,
      agreementId,
      envelopeMinor: read.money(d.envelopeMinor, 'envelopeMinor'),
      maxPerProjectMinor: read.money(d.maxPerProjectMinor, 'maxPerProjectMinor'),
      criteria: d.criteria.map(({ criterionId, label, weight }) => ({ ...(criterionId ? { id: criterionId } : {}), label, weight })),
    })),
  });
  // useFieldArray keeps its own `id` on each row: the criterion's id travels as `criterionId`.
  const rows = useFieldArray({ control: form.control, name: 'criteria' });
  const save = useGrantsSave('grants.calls.save', form, (saved) => {
    onSaved?.(saved);
    onClose();
  });
  const { control } = form;
  return (
    <Modal opened onClose={onClose} size="xl" title={call ? t('grants.call.edit') : t('grants.call.new')}>
      <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <Stack gap="sm">
          <TextField control={control} name="title" label={t('grants.call.title')} required data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DayField control={control} name="openDate" label={t('grants.call.openDate')} required />
            <DayField control={control} name="closeDate" label={t('grants.call.closeDate')} required />
            <MoneyField control={control} name="envelopeMinor" label={t('grants.call.envelope')} required currency={currency} />
            <MoneyField control={control} name="maxPerProjectMinor" label={t('grants.call.maxPerProject')} required currency={currency} />
          </SimpleGrid>
          <TextAreaField control={control} name="eligibility" label={t('grants.call.eligibility')} rows={3} />
          <Text fw={600} size="sm">
            {t('grants.call.criteria')}
          </Text>
          <RowsError control={control} name="criteria" />
          {rows.fields.map((row, i) => (
            <Group key={row.id} wrap="nowrap" align="flex-start">
              <TextField control={control} name={`criteria.${i}.label`} aria-label={t('grants.criterion.label')} placeholder={t('grants.criterion.label')} style={{ flex: 1 }} />
              <NumberField control={control} name={`criteria.${i}.weight`} aria-label={t('grants.criterion.weight')} placeholder={t('grants.criterion.weight')} w={120} min={1} max={100} />
              <ActionIcon variant="subtle" color="red" aria-label={t('grants.removeRow')} onClick={() => rows.remove(i)} mt={6}>
                <IconTrash width={18} height={18} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" leftSection={<IconPlus width={16} height={16} />} onClick={() => rows.append({ label: '', weight: 1 })} w="fit-content">
            {t('grants.criterion.add')}
          </Button>
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

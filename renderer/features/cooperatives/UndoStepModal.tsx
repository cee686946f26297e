import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { stepUndoSchema, type CooperativeStep, type StepUndoInput } from '../../../electron/contract';
import { useFieldError } from '../../ui/forms';
import { ModalActions } from '../../ui/ModalActions';
import { areaResolver } from '../members/problems';
import { useStepLabel } from './labels';
import { useCooperativeSave } from './save';

/** A step marked done by mistake goes back to in progress: the reason is asked and kept. */
export function UndoStepModal({ step, onClose }: { step: CooperativeStep; onClose: () => void }) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const fieldError = useFieldError();
  const form = useForm({ resolver: areaResolver(stepUndoSchema), defaultValues: { id: step.id, reason: '' } satisfies StepUndoInput });
  const save = useCooperativeSave('cooperatives.undoStep', onClose, form);
  const reason = form.register('reason');
  return (
    <Modal opened onClose={onClose} title={t('cooperatives.step.undoTitle', { name: stepLabel(step.labels) })}>
      <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Stack>
          <Text size="sm">{t('cooperatives.step.undoExplain')}</Text>
          <Textarea
            label={t('cooperatives.step.undoReason')}
            required
            rows={2}
            dir="auto"
            data-autofocus
            {...reason}
            error={fieldError(form.formState.errors.reason)}
          />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { stepInputSchema, todayIso, type CooperativeDetail, type CooperativeStep, type StepInput, type StepStatus } from '../../../electron/contract';
import { call, useOpMutation } from '../../app/ops';
import { FormDateField } from '../../ui/dates/DateField';
import { useFieldError } from '../../ui/forms';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useFormatDate } from '../beneficiaries/format';
import { Attachments } from '../members/Attachments';
import { areaResolver } from '../members/problems';
import { useRefreshCooperatives } from './CooperativePage';
import { useCooperativeOptions, useStepLabel } from './labels';
import { useCooperativeSave } from './save';
import { UndoStepModal } from './UndoStepModal';

const statusColor: Record<StepStatus, string> = { not_started: 'gray', in_progress: 'blue', done: 'green', blocked: 'red' };

function StepForm({ step, onClose }: { step: CooperativeStep; onClose: () => void }) {
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const options = useCooperativeOptions();
  const fieldError = useFieldError();
  const form = useForm({
    resolver: areaResolver(stepInputSchema),
    defaultValues: {
      id: step.id,
      status: step.status,
      blockedReason: step.blockedReason ?? '',
      startedOn: step.startedOn,
      doneOn: step.doneOn,
      responsible: step.responsible ?? '',
      notes: step.notes ?? '',
    } satisfies StepInput,
  });
  const save = useCooperativeSave('cooperatives.saveStep', onClose, form);
  const status = form.watch('status');
  const errors = form.formState.errors;
  const fields = {
    blockedReason: form.register('blockedReason'),
    responsible: form.register('responsible'),
    notes: form.register('notes'),
  };
  return (
    <Modal opened onClose={onClose} title={stepLabel(step.labels)} size="lg">
      <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Stack>
          <Controller
            control={form.control}
            name="status"
            render={({ field, fieldState }) => (
              <Select
                label={t('cooperatives.step.status')}
                data={options.stepStatus}
                value={field.value}
                onChange={(v) => {
                  if (!v) return;
                  field.onChange(v);
                  if (v === 'done' && !form.getValues('doneOn')) form.setValue('doneOn', todayIso());
                }}
                allowDeselect={false}
                disabled={step.status === 'done'}
                description={step.status === 'done' ? t('cooperatives.step.undoHint') : undefined}
                error={fieldError(fieldState.error)}
              />
            )}
          />
          {status === 'blocked' && (
            <TextInput label={t('cooperatives.step.blockedReason')} required {...fields.blockedReason} error={fieldError(errors.blockedReason)} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FormDateField form={form} name="startedOn" nullable label={t('cooperatives.step.startedOn')} />
            {status === 'done' && <FormDateField form={form} name="doneOn" nullable label={t('cooperatives.step.doneOn')} required />}
          </SimpleGrid>
          <TextInput label={t('cooperatives.step.responsible')} {...fields.responsible} />
          <Textarea label={t('cooperatives.step.notes')} rows={3} dir="auto" {...fields.notes} />
          <ModalActions error={save.error} saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The creation steps in order: start one, mark it done, or open it for dates, person, notes. */
export function StepsTab({ detail, editable }: { detail: CooperativeDetail; editable: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const stepLabel = useStepLabel();
  const refresh = useRefreshCooperatives();
  const [editing, setEditing] = useState<CooperativeStep | null>(null);
  const [undoing, setUndoing] = useState<CooperativeStep | null>(null);
  const quick = useOpMutation('cooperatives.saveStep', { onSuccess: refresh });
  const attach = useOpMutation('cooperatives.attachDocument', { onSuccess: refresh });
  const move = (step: CooperativeStep, status: StepStatus) =>
    quick.mutate({
      id: step.id,
      status,
      startedOn: step.startedOn ?? todayIso(),
      doneOn: status === 'done' ? todayIso() : null,
      responsible: step.responsible,
      notes: step.notes,
    });

  return (
    <Stack gap="sm">
      <OpErrorAlert error={quick.error} />
      <Table aria-label={t('cooperatives.tabs.steps')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cooperatives.step.number')}</Table.Th>
            <Table.Th>{t('cooperatives.step.name')}</Table.Th>
            <Table.Th miw={130}>{t('cooperatives.step.status')}</Table.Th>
            <Table.Th>{t('cooperatives.step.dates')}</Table.Th>
            <Table.Th>{t('cooperatives.step.responsible')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.steps.map((step) => (
            <Table.Tr key={step.id} data-step={step.code} aria-current={step.code === detail.currentStep ? 'step' : undefined}>
              <Table.Td>{step.position}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={step.code === detail.currentStep ? 700 : undefined}>
                  {stepLabel(step.labels)}
                </Text>
                {!step.mandatory && (
                  <Text size="xs" c="dimmed">
                    {t('cooperatives.step.optional')}
                  </Text>
                )}
                {step.notes && (
                  <Text size="xs" c="dimmed" dir="auto">
                    {step.notes}
                  </Text>
                )}
                <Attachments
                  files={step.documents}
                  read={(id) => call('cooperatives.document', { id })}
                  upload={(file) => attach.mutate({ stepId: step.id, file })}
                  uploading={attach.isPending && attach.variables?.stepId === step.id}
                  error={attach.variables?.stepId === step.id ? attach.error : null}
                  canAdd={editable}
                />
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusColor[step.status]}>
                  {t(`cooperatives.stepStatus.${step.status}`)}
                </Badge>
                {step.blockedReason && <Text size="xs">{step.blockedReason}</Text>}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{[step.startedOn, step.doneOn].filter(Boolean).map(formatDate).join(' → ')}</Text>
              </Table.Td>
              <Table.Td>{step.responsible ?? ''}</Table.Td>
              <Table.Td>
                {editable && (
                  <Group gap={4} wrap="nowrap">
                    {step.status === 'not_started' && (
                      <Button size="compact-xs" variant="light" onClick={() => move(step, 'in_progress')} loading={quick.isPending}>
                        {t('cooperatives.step.start')}
                      </Button>
                    )}
                    {step.status === 'done' && (
                      <Button size="compact-xs" variant="light" color="orange" onClick={() => setUndoing(step)}>
                        {t('cooperatives.step.undo')}
                      </Button>
                    )}
                    {step.status !== 'done' && (
                      <Button
                        size="compact-xs"
                        onClick={() => move(step, 'done')}
                        loading={quick.isPending}
                        aria-label={t('cooperatives.step.markDoneNamed', { name: stepLabel(step.labels) })}
                      >
                        {t('cooperatives.step.markDone')}
                      </Button>
                    )}
                    <Button size="compact-xs" variant="default" onClick={() => setEditing(step)}>
                      {t('cooperatives.step.edit')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <StepForm step={editing} onClose={() => setEditing(null)} />}
      {undoing && <UndoStepModal step={undoing} onClose={() => setUndoing(null)} />}
    </Stack>
  );
}

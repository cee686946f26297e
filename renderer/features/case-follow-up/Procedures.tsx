import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  isOpenProcedure,
  procedureInputSchema,
  procedureStatusSchema,
  todayIso,
  type Procedure,
  type ProcedureInput,
} from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { ModalActions } from '../../ui/ModalActions';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { ProcedureStatusBadge } from './badges';
import { DetailList } from './DetailList';
import { EditModal } from './EditModal';
import { DateField, SelectField, TextareaField } from './fields';
import { useDates } from './format';
import { useLookup } from './lookups';
import { contractResolver, showFieldProblems } from './problems';
import { useResponsibleOptions } from './responsible';

export const isOverdue = (p: Pick<Procedure, 'status' | 'nextStepDue'>, today = todayIso()) =>
  isOpenProcedure(p.status) && p.nextStepDue !== null && p.nextStepDue < today;

/** What was started for the person, open ones first, with their next step. */
export function Procedures({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const procedures = useOp('procedures.list', { beneficiaryId });
  // A closed case is no longer followed: its next steps are not late.
  const caseClosed = useOp('cases.lifecycle', { beneficiaryId }).data?.status === 'closed';
  const types = useLookup('procedureType');
  const [editing, setEditing] = useState<Procedure | 'new' | null>(null);

  return (
    <Stack gap="md">
      <Group>
        <Button onClick={() => setEditing('new')}>{t('followUp.procedures.add')}</Button>
      </Group>
      {procedures.isPending ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : procedures.error ? (
        <OpErrorAlert error={procedures.error} />
      ) : procedures.data.length === 0 ? (
        <Text c="dimmed">{t('followUp.procedures.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('followUp.tabs.procedures')}>
          {procedures.data.map((procedure) => (
            <ProcedureItem
              key={procedure.id}
              procedure={procedure}
              typeLabel={types.label(procedure.type)}
              caseClosed={caseClosed}
              onEdit={() => setEditing(procedure)}
            />
          ))}
        </Stack>
      )}
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        addTitle={t('followUp.procedures.addTitle')}
        editTitle={t('followUp.procedures.editTitle')}
      >
        {(procedure) => <ProcedureForm beneficiaryId={beneficiaryId} procedure={procedure} onDone={() => setEditing(null)} />}
      </EditModal>
    </Stack>
  );
}

function ProcedureItem({
  procedure: p,
  typeLabel,
  caseClosed,
  onEdit,
}: {
  procedure: Procedure;
  typeLabel: string;
  caseClosed: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const overdue = !caseClosed && isOverdue(p);
  const open = isOpenProcedure(p.status);

  const items = [
    {
      key: 'next',
      label: t('followUp.procedures.nextStep'),
      value: (
        <Stack gap={2}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{p.nextStep ? <bdi>{p.nextStep}</bdi> : t('followUp.none')}</Text>
          {p.nextStepDue && (
            <Group gap="xs">
              <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 700 : undefined}>
                {t('followUp.procedures.dueOn', { date: dates.day(p.nextStepDue) })}
              </Text>
              {overdue && (
                <Badge color="red" variant="filled" tt="none" radius="sm">
                  {t('followUp.procedures.overdue')}
                </Badge>
              )}
            </Group>
          )}
        </Stack>
      ),
    },
    { key: 'responsible', label: t('followUp.procedures.responsible'), value: <Text>{p.responsibleName ?? t('followUp.none')}</Text> },
    {
      key: 'started',
      label: t('followUp.procedures.startedOn'),
      value: <Text>{p.startedOn ? dates.day(p.startedOn) : t('followUp.none')}</Text>,
    },
  ];
  if (!open && p.closedOn) {
    items.push({ key: 'closed', label: t('followUp.procedures.closedOn'), value: <Text>{dates.day(p.closedOn)}</Text> });
  }
  if (p.status === 'abandoned' && p.abandonReason) {
    items.push({
      key: 'reason',
      label: t('followUp.procedures.abandonReason'),
      value: (
        <Text style={{ whiteSpace: 'pre-wrap' }}>
          <bdi>{p.abandonReason}</bdi>
        </Text>
      ),
    });
  }
  items.push({ key: 'activity', label: t('followUp.procedures.lastActivity'), value: <Text>{dates.moment(p.lastActivityAt)}</Text> });

  return (
    <Paper component="li" withBorder p="md" radius="md" style={overdue ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Text fw={700}>{typeLabel}</Text>
            <ProcedureStatusBadge status={p.status} />
          </Group>
          <Button variant="light" size="xs" onClick={onEdit} aria-label={t('followUp.procedures.editNamed', { type: typeLabel })}>
            {t('followUp.edit')}
          </Button>
        </Group>
        <DetailList items={items} />
      </Stack>
    </Paper>
  );
}

function ProcedureForm({
  beneficiaryId,
  procedure,
  onDone,
}: {
  beneficiaryId: string;
  procedure: Procedure | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const types = useLookup('procedureType');
  const responsible = useResponsibleOptions(
    procedure ? { id: procedure.responsibleId, name: procedure.responsibleName } : undefined,
  );
  if (types.query.isPending || responsible.loading) return <Loader role="status" aria-label={t('app.loading')} />;
  if (types.query.error) return <OpErrorAlert error={types.query.error} />;
  const typeOptions = types.options(procedure?.type);
  const values: ProcedureInput = procedure
    ? {
        id: procedure.id,
        beneficiaryId,
        type: procedure.type,
        status: procedure.status,
        abandonReason: procedure.abandonReason ?? '',
        startedOn: procedure.startedOn,
        closedOn: procedure.closedOn,
        nextStep: procedure.nextStep ?? '',
        nextStepDue: procedure.nextStepDue,
        responsibleId: procedure.responsibleId,
      }
    : {
        beneficiaryId,
        type: typeOptions[0]?.value ?? '',
        status: 'to_start',
        abandonReason: '',
        startedOn: todayIso(),
        closedOn: null,
        nextStep: '',
        nextStepDue: null,
        responsibleId: responsible.currentUserId,
      };
  return (
    <ProcedureFields
      values={values}
      typeOptions={typeOptions}
      responsibleOptions={responsible.options}
      onDone={onDone}
    />
  );
}

const formFields = [
  'type',
  'status',
  'abandonReason',
  'startedOn',
  'closedOn',
  'nextStep',
  'nextStepDue',
  'responsibleId',
] as const;

function ProcedureFields({
  values,
  typeOptions,
  responsibleOptions,
  onDone,
}: {
  values: ProcedureInput;
  typeOptions: { value: string; label: string }[];
  responsibleOptions: { value: string; label: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ resolver: contractResolver(procedureInputSchema), defaultValues: values });
  const status = useWatch({ control: form.control, name: 'status' });
  const closed = !isOpenProcedure(status);

  const save = useOpMutation('procedures.save', {
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: opKey('procedures.list', { beneficiaryId: values.beneficiaryId }) });
      void client.invalidateQueries({ queryKey: opKey('followUp.dashboard') });
      void client.invalidateQueries({ queryKey: opKey('beneficiaries.search') });
      onDone();
    },
    onError: (error) => showFieldProblems(form, error, formFields),
  });

  const statuses = procedureStatusSchema.options.map((s) => ({ value: s, label: t(`followUp.procedureStatus.${s}`) }));

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((input) =>
        save.mutate({ ...input, closedOn: isOpenProcedure(input.status) ? null : input.closedOn }),
      )}
    >
      <Stack gap="sm">
        {typeOptions.length === 0 && (
          <Alert color="orange" variant="light">
            {t('followUp.procedures.noTypes')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <SelectField form={form} name="type" label={t('followUp.procedures.type')} data={typeOptions} withAsterisk data-autofocus />
          <SelectField form={form} name="status" label={t('followUp.procedures.status')} data={statuses} withAsterisk />
        </SimpleGrid>
        {status === 'abandoned' && (
          <TextareaField
            form={form}
            name="abandonReason"
            label={t('followUp.procedures.abandonReason')}
            withAsterisk
            rows={2}
            dir="auto"
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField form={form} name="startedOn" nullable label={t('followUp.procedures.startedOn')} maxDate={todayIso()} />
          {closed && (
            <DateField
              form={form}
              name="closedOn"
              nullable
              label={t('followUp.procedures.closedOn')}
              description={t('followUp.procedures.closedOnHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              maxDate={todayIso()}
            />
          )}
        </SimpleGrid>
        <TextareaField form={form} name="nextStep" label={t('followUp.procedures.nextStep')} rows={2} dir="auto" />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField form={form} name="nextStepDue" nullable label={t('followUp.procedures.nextStepDue')} />
          <SelectField
            form={form}
            name="responsibleId"
            nullable
            label={t('followUp.procedures.responsible')}
            data={responsibleOptions}
          />
        </SimpleGrid>
        <ModalActions error={save.error} saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

import { Button, Group, Loader, MultiSelect, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { cycleInputSchema, type CycleInput, type TrainingCycle } from '../../../../electron/contract';
import { useOp, useOpMutation } from '../../../app/ops';
import { translateMessage } from '../../../i18n/validation';
import { formResolver } from '../../../ui/forms';
import { OpErrorAlert } from '../../../ui/OpErrorAlert';
import { afterSave, UnsavedChangesGuard } from '../../../ui/unsaved/UnsavedChangesGuard';
import { cyclePath, cyclesPath } from './paths';
import { referenceOptions } from '../../../ui/record-options';

interface Draft {
  title: string;
  activityIds: string[];
  requiredModules: number | '';
}

const draftOf = (c?: TrainingCycle): Draft => ({ title: c?.title ?? '', activityIds: c?.activityIds ?? [], requiredModules: c?.requiredModules ?? '' });

function cycleResolver(id: string | undefined): Resolver<Draft, unknown, CycleInput> {
  const contract = formResolver(cycleInputSchema);
  return (draft, context, options) => {
    const values: z.input<typeof cycleInputSchema> = {
      ...(id ? { id } : {}),
      title: draft.title,
      activityIds: draft.activityIds,
      requiredModules: draft.requiredModules === '' ? null : draft.requiredModules,
    };
    return contract(values, context, options as never) as ReturnType<Resolver<Draft, unknown, CycleInput>>;
  };
}

/** The contract's own codes and the core's, else zod's messages. */
const CODES: Record<string, string> = {
  duplicate: 'validation.duplicate',
  above_module_count: 'validation.above_module_count',
  not_found: 'errors.not_found',
};

export function NewCyclePage() {
  return <CycleForm />;
}

export function EditCyclePage() {
  const { cycleId = '' } = useParams();
  const detail = useOp('cycles.get', { id: cycleId });
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  return <CycleForm key={cycleId} cycle={detail.data.cycle} />;
}

function CycleForm({ cycle }: { cycle?: TrainingCycle }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const activities = useOp('activities.list', { query: '', archived: false, offset: 0, limit: 500 });
  const form = useForm<Draft, unknown, CycleInput>({ defaultValues: draftOf(cycle), resolver: cycleResolver(cycle?.id) });
  const { errors } = form.formState;
  const error = (name: keyof Draft) => {
    const message = errors[name]?.message;
    return message && message in CODES ? t(CODES[message]) : translateMessage(t, message);
  };
  const save = useOpMutation('cycles.save', {
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('cycles.') });
      await navigate(cyclePath(saved.id), afterSave);
    },
    // An activity deleted meanwhile (`activityIds.<i>`) is shown at the modules field.
    onError: (failure) => {
      for (const [field, code] of Object.entries(failure.fields ?? {})) {
        const name = field.split('.')[0];
        if (name in draftOf()) form.setError(name as keyof Draft, { message: code });
      }
    },
  });
  const options = referenceOptions(activities.data?.rows);
  // A module archived since stays listed with its reference, so that editing keeps it.
  const missing = (cycle?.activityIds ?? []).filter((id) => !options.some((o) => o.value === id)).map((id) => ({ value: id, label: id }));

  return (
    <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <Stack gap="md" maw={800}>
        <Title order={1}>{cycle ? t('cycles.editTitle') : t('cycles.newTitle')}</Title>
        <Controller
          control={form.control}
          name="title"
          render={({ field }) => <TextInput label={t('cycles.field.title')} required {...field} error={error(field.name)} />}
        />
        <Controller
          control={form.control}
          name="activityIds"
          render={({ field }) => (
            <MultiSelect
              label={t('cycles.field.modules')}
              placeholder={t('cycles.field.modulesPlaceholder')}
              required
              searchable
              data={[...options, ...missing]}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={error(field.name)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="requiredModules"
          render={({ field }) => (
            <NumberInput
              label={t('cycles.field.requiredModules')}
              description={t('cycles.field.requiredHint')}
              min={1}
              allowDecimal={false}
              value={field.value}
              onChange={(value) => field.onChange(typeof value === 'number' ? value : '')}
              onBlur={field.onBlur}
              ref={field.ref}
              error={error(field.name)}
              w={320}
            />
          )}
        />
        <OpErrorAlert error={save.error && !save.error.fields ? save.error : null} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button component={Link} to={cycle ? cyclePath(cycle.id) : cyclesPath} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

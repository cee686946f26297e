import { Button, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput, Title, type TextInputProps } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import {
  activityInputSchema,
  DEFAULT_COMPLETION_THRESHOLD,
  type Activity,
  type ActivityAgreement,
  type ActivityInput,
  type LookupList,
} from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { translateMessage } from '../../i18n/validation';
import { DateField } from '../../ui/dates/DateField';
import { formResolver } from '../../ui/forms';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useLookupLabels } from '../beneficiaries/lookups';
import { activitiesPath, activityPath } from './paths';
import { afterSave, UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';

/** What the form holds: the fields of `ActivityInput` (same names, so errors land on them), empty as ''. */
interface Draft {
  title: string;
  type: string;
  theme: string;
  agreementId: string;
  project: string;
  facilitators: string;
  place: string;
  targetAudience: string;
  plannedParticipants: number | '';
  startDate: string;
  endDate: string;
  completionThreshold: number | '';
}

const draftOf = (a?: Activity): Draft => ({
  title: a?.title ?? '',
  type: a?.type ?? '',
  theme: a?.theme ?? '',
  agreementId: a?.agreementId ?? '',
  project: a?.project ?? '',
  facilitators: a?.facilitators ?? '',
  place: a?.place ?? '',
  targetAudience: a?.targetAudience ?? '',
  plannedParticipants: a?.plannedParticipants ?? '',
  startDate: a?.startDate ?? '',
  endDate: a?.endDate ?? '',
  completionThreshold: a?.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD,
});

const orNull = <T,>(value: T | ''): T | null => (value === '' ? null : value);

/** The contract's schema checks the form: empty fields become absent values first. */
function activityResolver(id: string | undefined): Resolver<Draft, unknown, ActivityInput> {
  const contract = formResolver(activityInputSchema);
  return (draft, context, options) => {
    const values: Partial<z.input<typeof activityInputSchema>> = {
      ...(id ? { id } : {}),
      title: draft.title,
      // Absent rather than '': "required", not "invalid format".
      type: draft.type || undefined,
      theme: draft.theme || undefined,
      agreementId: orNull(draft.agreementId),
      project: orNull(draft.project),
      facilitators: orNull(draft.facilitators),
      place: orNull(draft.place),
      targetAudience: orNull(draft.targetAudience),
      plannedParticipants: orNull(draft.plannedParticipants),
      startDate: orNull(draft.startDate),
      endDate: orNull(draft.endDate),
      completionThreshold: draft.completionThreshold === '' ? undefined : draft.completionThreshold,
    };
    return contract(values as z.input<typeof activityInputSchema>, context, options as never) as ReturnType<Resolver<Draft, unknown, ActivityInput>>;
  };
}

/** The contract's own codes (`end_before_start`) and the core's (`not_in_list`, the agreement's), else zod's messages. */
const CODES: Record<string, string> = {
  end_before_start: 'activities.errors.endBeforeStart',
  not_in_list: 'activities.errors.notInList',
  archived: 'activities.errors.agreementArchived',
  not_found: 'activities.errors.agreementNotFound',
};

type Form = UseFormReturn<Draft, unknown, ActivityInput>;
type ErrorOf = (name: keyof Draft) => string | undefined;
type TextName = 'title' | 'project' | 'facilitators' | 'place';

function TextField({ form, name, error, ...props }: { form: Form; name: TextName; error: ErrorOf } & Omit<TextInputProps, 'form' | 'name' | 'error'>) {
  return <TextInput {...props} {...form.register(name)} error={error(name)} />;
}

function DayField({ form, name, label, error }: { form: Form; name: 'startDate' | 'endDate'; label: string; error: ErrorOf }) {
  return <DateField control={form.control} name={name} label={label} error={error(name)} />;
}

function CodeField({ form, name, list, keep, label, error }: { form: Form; name: 'type' | 'theme'; list: LookupList; keep: string[]; label: string; error: ErrorOf }) {
  const lookups = useLookupLabels();
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          required
          data={lookups.options(list, keep)}
          value={field.value || null}
          onChange={(value) => field.onChange(value ?? '')}
          onBlur={field.onBlur}
          ref={field.ref}
          searchable
          error={error(name)}
        />
      )}
    />
  );
}

/**
 * The agreements any signed-in user may choose (no amounts); the one already linked stays listed even
 * once closed, so that editing the activity keeps it. Without agreements the free-text project remains.
 */
function AgreementField({ form, current, error }: { form: Form; current: ActivityAgreement | null; error: ErrorOf }) {
  const { t } = useTranslation();
  const choices = useOp('grants.agreements.choices', {});
  const listed = choices.data ?? [];
  const data = [...(current && !listed.some((a) => a.id === current.id) ? [current] : []), ...listed].map((a) => ({
    value: a.id,
    label: t('activities.form.agreementOption', { reference: a.reference, title: a.title }),
  }));
  return (
    <Controller
      control={form.control}
      name="agreementId"
      render={({ field }) => (
        <Select
          label={t('activities.field.agreement')}
          placeholder={t('activities.form.noAgreement')}
          data={data}
          value={field.value || null}
          onChange={(value) => field.onChange(value ?? '')}
          onBlur={field.onBlur}
          ref={field.ref}
          searchable
          clearable
          error={error('agreementId')}
        />
      )}
    />
  );
}

export function NewActivityPage() {
  return <ActivityForm />;
}

/** The creation form, prefilled with the activity's fields. */
export function EditActivityPage() {
  const { id = '' } = useParams();
  const detail = useOp('activities.get', { id });
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  return <ActivityForm key={id} activity={detail.data.activity} agreement={detail.data.agreement} />;
}

function ActivityForm({ activity, agreement = null }: { activity?: Activity; agreement?: ActivityAgreement | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Draft, unknown, ActivityInput>({ defaultValues: draftOf(activity), resolver: activityResolver(activity?.id) });
  const { errors } = form.formState;
  const error = (name: keyof Draft) => {
    const message = errors[name]?.message;
    return message && message in CODES ? t(CODES[message]) : translateMessage(t, message);
  };
  const save = useOpMutation('activities.save', {
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('activities.') });
      await navigate(activityPath(saved.id), afterSave);
    },
    // The core checks the codes against the lists (a type or theme archived meanwhile): shown at the field.
    onError: (failure) => {
      for (const [field, code] of Object.entries(failure.fields ?? {})) {
        if (field in draftOf()) form.setError(field as keyof Draft, { message: code });
      }
    },
  });

  const number = (value: string | number): number | '' => (typeof value === 'number' ? value : '');

  return (
    <form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <Stack gap="md" maw={900}>
        <Title order={1}>{activity ? t('activities.form.editTitle', { reference: activity.reference }) : t('activities.form.title')}</Title>
        <TextField form={form} name="title" label={t('activities.field.title')} required error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CodeField form={form} name="type" list="activityType" keep={activity ? [activity.type] : []} label={t('activities.field.type')} error={error} />
          <CodeField form={form} name="theme" list="theme" keep={activity ? [activity.theme] : []} label={t('activities.field.theme')} error={error} />
          <AgreementField form={form} current={agreement} error={error} />
          <TextField form={form} name="project" label={t('activities.field.project')} error={error} />
          <TextField form={form} name="facilitators" label={t('activities.field.facilitators')} error={error} />
          <TextField form={form} name="place" label={t('activities.field.place')} error={error} />
          <Controller
            control={form.control}
            name="plannedParticipants"
            render={({ field }) => (
              <NumberInput
                label={t('activities.field.plannedParticipants')}
                min={1}
                allowDecimal={false}
                value={field.value}
                onChange={(value) => field.onChange(number(value))}
                onBlur={field.onBlur}
                ref={field.ref}
                error={error('plannedParticipants')}
              />
            )}
          />
          <DayField form={form} name="startDate" label={t('activities.field.startDate')} error={error} />
          <DayField form={form} name="endDate" label={t('activities.field.endDate')} error={error} />
          <Controller
            control={form.control}
            name="completionThreshold"
            render={({ field }) => (
              <NumberInput
                label={t('activities.field.completionThreshold')}
                min={1}
                max={100}
                allowDecimal={false}
                suffix=" %"
                value={field.value}
                onChange={(value) => field.onChange(number(value))}
                onBlur={field.onBlur}
                ref={field.ref}
                error={error('completionThreshold')}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="targetAudience"
          render={({ field }) => <Textarea label={t('activities.field.targetAudience')} rows={2} {...field} error={error(field.name)} />}
        />
        <OpErrorAlert error={save.error && !save.error.fields ? save.error : null} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('activities.form.save')}
          </Button>
          <Button component={Link} to={activity ? activityPath(activity.id) : activitiesPath} variant="default">
            {t('activities.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

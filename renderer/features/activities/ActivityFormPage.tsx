import { Button, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DEFAULT_COMPLETION_THRESHOLD, type Activity } from '../../../electron/contract';
import { useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useLookupLabels } from '../beneficiaries/lookups';
import { activitiesPath, activityPath } from './paths';

interface Draft {
  title: string;
  type: string | null;
  theme: string | null;
  project: string;
  facilitators: string;
  place: string;
  targetAudience: string;
  plannedParticipants: number | '';
  startDate: string;
  endDate: string;
  completionThreshold: number | '';
}

const empty: Draft = {
  title: '',
  type: null,
  theme: null,
  project: '',
  facilitators: '',
  place: '',
  targetAudience: '',
  plannedParticipants: '',
  startDate: '',
  endDate: '',
  completionThreshold: DEFAULT_COMPLETION_THRESHOLD,
};

const draftOf = (a: Activity): Draft => ({
  title: a.title,
  type: a.type,
  theme: a.theme,
  project: a.project ?? '',
  facilitators: a.facilitators ?? '',
  place: a.place ?? '',
  targetAudience: a.targetAudience ?? '',
  plannedParticipants: a.plannedParticipants ?? '',
  startDate: a.startDate ?? '',
  endDate: a.endDate ?? '',
  completionThreshold: a.completionThreshold,
});

type Errors = Partial<Record<keyof Draft, string>>;

export function NewActivityPage() {
  return <ActivityForm />;
}

/** The creation form, prefilled with the activity's fields. */
export function EditActivityPage() {
  const { id = '' } = useParams();
  const detail = useOp('activities.get', { id });
  if (detail.isPending) return <Loader />;
  if (detail.error) return <OpErrorAlert error={detail.error} />;
  return <ActivityForm key={id} activity={detail.data.activity} />;
}

function ActivityForm({ activity }: { activity?: Activity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lookups = useLookupLabels();
  const [draft, setDraft] = useState<Draft>(activity ? draftOf(activity) : empty);
  const [errors, setErrors] = useState<Errors>({});
  const save = useOpMutation('activities.save', {
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('activities.') });
      await navigate(activityPath(saved.id));
    },
    // The core checks the codes against the lists (an archived type or theme): shown at the field.
    onError: (error) => {
      const fields = error.fields ?? {};
      setErrors(Object.fromEntries(Object.keys(fields).map((field) => [field, t(fields[field] === 'not_in_list' ? 'activities.errors.notInList' : 'validation.invalid')])));
    },
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!draft.title.trim()) found.title = t('validation.required');
    if (!draft.type) found.type = t('validation.required');
    if (!draft.theme) found.theme = t('validation.required');
    if (draft.startDate && draft.endDate && draft.endDate < draft.startDate) found.endDate = t('activities.errors.endBeforeStart');
    setErrors(found);
    if (Object.keys(found).length > 0 || !draft.type || !draft.theme) return;
    save.mutate({
      ...(activity ? { id: activity.id } : {}),
      title: draft.title.trim(),
      type: draft.type,
      theme: draft.theme,
      project: draft.project || null,
      facilitators: draft.facilitators || null,
      place: draft.place || null,
      targetAudience: draft.targetAudience || null,
      plannedParticipants: draft.plannedParticipants === '' ? null : draft.plannedParticipants,
      startDate: draft.startDate || null,
      endDate: draft.endDate || null,
      completionThreshold: draft.completionThreshold === '' ? DEFAULT_COMPLETION_THRESHOLD : draft.completionThreshold,
    });
  };

  const num = (value: string | number): number | '' => (typeof value === 'number' ? value : '');

  return (
    <form onSubmit={submit} noValidate>
    <Stack gap="md" maw={900}>
      <Title order={1}>{activity ? t('activities.form.editTitle', { reference: activity.reference }) : t('activities.form.title')}</Title>
      <TextInput
        label={t('activities.field.title')}
        required
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errors.title}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('activities.field.type')}
          required
          data={lookups.options('activityType')}
          value={draft.type}
          onChange={(v) => set('type', v)}
          searchable
          error={errors.type}
        />
        <Select
          label={t('activities.field.theme')}
          required
          data={lookups.options('theme')}
          value={draft.theme}
          onChange={(v) => set('theme', v)}
          searchable
          error={errors.theme}
        />
        <TextInput label={t('activities.field.project')} value={draft.project} onChange={(e) => set('project', e.currentTarget.value)} />
        <TextInput label={t('activities.field.facilitators')} value={draft.facilitators} onChange={(e) => set('facilitators', e.currentTarget.value)} />
        <TextInput label={t('activities.field.place')} value={draft.place} onChange={(e) => set('place', e.currentTarget.value)} />
        <NumberInput
          label={t('activities.field.plannedParticipants')}
          min={1}
          allowDecimal={false}
          value={draft.plannedParticipants}
          onChange={(v) => set('plannedParticipants', num(v))}
        />
        <TextInput type="date" label={t('activities.field.startDate')} value={draft.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} />
        <TextInput
          type="date"
          label={t('activities.field.endDate')}
          value={draft.endDate}
          onChange={(e) => set('endDate', e.currentTarget.value)}
          error={errors.endDate}
        />
        <NumberInput
          label={t('activities.field.completionThreshold')}
          min={1}
          max={100}
          allowDecimal={false}
          suffix=" %"
          value={draft.completionThreshold}
          onChange={(v) => set('completionThreshold', num(v))}
        />
      </SimpleGrid>
      <Textarea label={t('activities.field.targetAudience')} value={draft.targetAudience} onChange={(e) => set('targetAudience', e.currentTarget.value)} rows={2} />
      <OpErrorAlert error={save.error} />
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

import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { headCountsInputSchema, headCountSexSchema, type AttendanceSheet, type HeadCountCell, type SessionHeadCounts } from '../../../electron/contract';
import { opKey, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useNumberFormats } from '../../ui/numbers';
import { UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';
import { useFormatDate } from '../beneficiaries/format';
import { grantsResolver, showFailureFields } from '../grants/form';
import { TextField } from '../grants/fields';
import { activityPath } from './paths';
import { typedCount } from './typed-count';

// A count-only session's attendance: how many came, by sex and age band, without names (a school
// programme, a street outreach). The report adds them to participations, never to people reached.

const SEXES = headCountSexSchema.options;

interface Draft {
  place: string;
  /** One per cell of `layoutOf`, in its order. */
  counts: { count: string }[];
}

/** The form's cells: each band of the setting by sex, then any band recorded under an older setting. */
function layoutOf(data: SessionHeadCounts): Omit<HeadCountCell, 'count'>[] {
  const bands = [...data.ageBands, ...new Set(data.counts.map((c) => c.ageBand).filter((b) => !data.ageBands.includes(b)))];
  return bands.flatMap((ageBand) => SEXES.map((sex) => ({ sex, ageBand })));
}

const invalidateActivities = (queryClient: ReturnType<typeof useQueryClient>) =>
  queryClient.invalidateQueries({ predicate: (q) => /^(activities|attendance|reports)\./.test(String(q.queryKey[0])) });

/** Makes a named session count-only, or back; refused with the reason when it already holds the other kind. */
export function CountOnlySwitch({ sessionId, countOnly }: { sessionId: string; countOnly: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const change = useOpMutation('sessions.setCountOnly', { onSuccess: () => invalidateActivities(queryClient) });
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="default" loading={change.isPending} onClick={() => change.mutate({ sessionId, countOnly })}>
          {t(countOnly ? 'massEvents.counts.switchToCounts' : 'massEvents.counts.switchToNames')}
        </Button>
        <Text size="sm" c="dimmed">
          {t(countOnly ? 'massEvents.counts.switchToCountsHint' : 'massEvents.counts.switchToNamesHint')}
        </Text>
      </Group>
      <OpErrorAlert error={change.error} />
    </Stack>
  );
}

export function HeadCountsScreen({ activityId, sheet, title }: { activityId: string; sheet: AttendanceSheet; title: string }) {
  const { t } = useTranslation();
  const counts = useOp('attendance.counts', { sessionId: sheet.session.id });
  const formatDate = useFormatDate();
  const s = sheet.session;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={activityPath(activityId)} size="sm">
          {t('activities.attendance.back', { reference: sheet.activity.reference })}
        </Anchor>
        <Title order={1}>{title}</Title>
        <Text>
          {[sheet.activity.title, formatDate(s.date), t('activities.sessions.timeRange', { start: s.startTime, end: s.endTime })].map((part, i) => (
            <Fragment key={i}>
              {i > 0 && ' · '}
              <bdi>{part}</bdi>
            </Fragment>
          ))}
        </Text>
      </Stack>
      {!sheet.editable && (
        <Alert color="orange" variant="light">
          {sheet.activity.archivedAt ? t('errors.activity_archived') : t('errors.session_in_future')}
        </Alert>
      )}
      <Alert color="blue" variant="light">
        {t('massEvents.counts.notDistinct')}
      </Alert>
      {counts.isPending ? <Loader /> : counts.error ? <OpErrorAlert error={counts.error} /> : <HeadCountsForm data={counts.data} />}
    </Stack>
  );
}

function HeadCountsForm({ data }: { data: SessionHeadCounts }) {
  const { t } = useTranslation();
  const numbers = useNumberFormats();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const layout = layoutOf(data);
  const stored = new Map(data.counts.map((c) => [`${c.sex} ${c.ageBand}`, c.count]));
  const defaults: Draft = { place: data.place ?? '', counts: layout.map((cell) => ({ count: String(stored.get(`${cell.sex} ${cell.ageBand}`) ?? 0) })) };
  const form = useForm<Draft, unknown, z.output<typeof headCountsInputSchema>>({
    defaultValues: defaults,
    resolver: grantsResolver(headCountsInputSchema, (d) => ({
      sessionId: data.sessionId,
      place: d.place,
      counts: layout.map((cell, i) => ({ ...cell, count: typedCount(d.counts[i]?.count ?? '') })),
    })),
  });
  const save = useOpMutation('attendance.saveCounts', {
    onSuccess: async (result) => {
      queryClient.setQueryData(opKey('attendance.counts', { sessionId: data.sessionId }), result);
      form.reset(form.getValues());
      setSaved(true);
      await invalidateActivities(queryClient);
    },
    onError: (failure) => showFailureFields(form, failure),
  });
  const typed = useWatch({ control: form.control, name: 'counts' });
  const valueAt = (i: number) => {
    const v = typedCount(typed[i]?.count ?? '');
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0;
  };
  const total = layout.reduce((sum, _cell, i) => sum + valueAt(i), 0);
  const bands = [...new Set(layout.map((c) => c.ageBand))];
  const sexLabel = (sex: (typeof SEXES)[number]) => t(`massEvents.counts.sex.${sex}`);
  const editable = data.editable;

  return (
    <form
      aria-label={t('massEvents.counts.form')}
      noValidate
      onSubmit={(event) => {
        setSaved(false);
        void form.handleSubmit((input) => save.mutate(input))(event);
      }}
    >
      <UnsavedChangesGuard dirty={form.formState.isDirty} />
      <Stack gap="md">
        <TextField control={form.control} name="place" label={t('massEvents.counts.place')} maw={480} disabled={!editable} />
        <Table aria-label={t('massEvents.counts.table')} maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('massEvents.counts.ageBand')}</Table.Th>
              {SEXES.map((sex) => (
                <Table.Th key={sex}>{sexLabel(sex)}</Table.Th>
              ))}
              <Table.Th>{t('massEvents.counts.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bands.map((band) => (
              <Table.Tr key={band}>
                <Table.Td>
                  <bdi>{t('massEvents.counts.years', { band })}</bdi>
                </Table.Td>
                {SEXES.map((sex) => {
                  const i = layout.findIndex((c) => c.ageBand === band && c.sex === sex);
                  return (
                    <Table.Td key={sex}>
                      <TextField
                        control={form.control}
                        name={`counts.${i}.count`}
                        aria-label={t('massEvents.counts.cell', { sex: sexLabel(sex), band })}
                        inputMode="numeric"
                        autoComplete="off"
                        disabled={!editable}
                        w={120}
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td>{numbers.number(SEXES.reduce((sum, sex) => sum + valueAt(layout.findIndex((c) => c.ageBand === band && c.sex === sex)), 0))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text aria-live="polite">{t('massEvents.counts.totalLine', { total: numbers.number(total) })}</Text>
        <OpErrorAlert error={save.error && !save.error.fields ? save.error : null} />
        {saved && !form.formState.isDirty && (
          <Text c="green.8" size="sm" role="status">
            {t('massEvents.counts.saved')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!editable}>
            {t('massEvents.counts.save')}
          </Button>
        </Group>
        {editable && <CountOnlySwitch sessionId={data.sessionId} countOnly={false} />}
      </Stack>
    </form>
  );
}

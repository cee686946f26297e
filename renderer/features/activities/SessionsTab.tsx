import { ActionIcon, Anchor, Button, Checkbox, Group, Menu, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityDetail, ActivitySession, Schedule, ScheduledDate } from '../../../electron/contract';
import { useOpMutation } from '../../app/ops';
import { DayInput } from '../../ui/dates/DayInput';
import { TimeInput } from '../../ui/dates/TimeInput';
import { isIsoDay, parseTypedDate } from '../../ui/dates/typed-date';
import { FormActions } from '../../ui/FormActions';
import { IconDots } from '../../ui/icons';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { useFormatDate } from '../beneficiaries/format';
import { allSheetsPath, attendanceFromSheetPath, attendancePath, sheetPath } from './paths';
import { SignedSheetsCell, useSignedSheets } from './SignedSheets';

export function SessionsTab({ detail, onChanged }: { detail: ActivityDetail; onChanged: () => unknown }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [open, setOpen] = useState<'none' | 'one' | 'schedule'>('none');
  const [editing, setEditing] = useState<ActivitySession | null>(null);
  const remove = useOpMutation('sessions.delete', { onSuccess: onChanged });
  const signedSheets = useSignedSheets(detail.activity.id);
  const { activity, sessions } = detail;

  return (
    <Stack gap="md">
      {!activity.archivedAt && (
        <Group>
          <Button variant={open === 'one' ? 'filled' : 'light'} onClick={() => setOpen(open === 'one' ? 'none' : 'one')}>
            {t('activities.sessions.add')}
          </Button>
          <Button variant={open === 'schedule' ? 'filled' : 'light'} onClick={() => setOpen(open === 'schedule' ? 'none' : 'schedule')}>
            {t('activities.sessions.generate')}
          </Button>
        </Group>
      )}
      {sessions.length > 0 && (
        <Anchor component={Link} to={allSheetsPath(activity.id)}>
          {t('activities.sheet.allTitle')}
        </Anchor>
      )}
      {open === 'one' && <OneSessionForm activityId={activity.id} defaults={activity} onDone={() => { setOpen('none'); void onChanged(); }} />}
      {editing && (
        <OneSessionForm
          key={editing.id}
          activityId={activity.id}
          defaults={activity}
          session={editing}
          onDone={() => {
            setEditing(null);
            void onChanged();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {open === 'schedule' && <ScheduleForm activityId={activity.id} defaults={activity} onDone={() => { setOpen('none'); void onChanged(); }} />}
      <OpErrorAlert error={remove.error} />
      {sessions.length === 0 ? (
        <Text c="dimmed">{t('activities.sessions.none')}</Text>
      ) : (
        <Table striped aria-label={t('activities.sessions.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('activities.sessions.date')}</Table.Th>
              <Table.Th>{t('activities.sessions.time')}</Table.Th>
              <Table.Th>{t('activities.field.place')}</Table.Th>
              <Table.Th>{t('activities.sessions.facilitator')}</Table.Th>
              <Table.Th>{t('activities.sessions.attendance')}</Table.Th>
              <Table.Th>{t('activities.signedSheets.column')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{formatDate(s.date)}</Table.Td>
                <Table.Td>{t('activities.sessions.timeRange', { start: s.startTime, end: s.endTime })}</Table.Td>
                <Table.Td>{s.place ?? activity.place ?? ''}</Table.Td>
                <Table.Td>{s.facilitator ?? activity.facilitators ?? ''}</Table.Td>
                <Table.Td>
                  {s.countOnly
                    ? t('massEvents.counts.sessionBadge')
                    : s.held
                      ? t('activities.sessions.counts', { present: s.present, absent: s.absent, excused: s.excused })
                      : t('activities.sessions.notHeld')}
                </Table.Td>
                <Table.Td>
                  <SignedSheetsCell sessionId={s.id} editable={!activity.archivedAt} sheets={signedSheets} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={attendancePath(activity.id, s.id)} aria-label={t('activities.sessions.openAttendanceOf', { date: formatDate(s.date) })}>
                      {t('activities.sessions.openAttendance')}
                    </Anchor>
                    <SessionMenu
                      activityId={activity.id}
                      session={s}
                      editable={!activity.archivedAt}
                      deletable={s.present + s.absent + s.excused === 0 && !signedSheets.has(s.id)}
                      onEdit={() => {
                        setOpen('none');
                        setEditing(s);
                      }}
                      onDelete={() => remove.mutate({ id: s.id })}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The row's other actions, in a menu so that the table fits a laptop screen in every language. */
function SessionMenu({
  activityId,
  session,
  editable,
  deletable,
  onEdit,
  onDelete,
}: {
  activityId: string;
  session: ActivitySession;
  editable: boolean;
  deletable: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const date = formatDate(session.date);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={t('activities.sessions.moreOf', { date })}>
          <IconDots width={18} height={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={sheetPath(activityId, session.id)} aria-label={t('activities.sessions.printSheetOf', { date })}>
          {t('activities.sessions.printSheet')}
        </Menu.Item>
        <Menu.Item component={Link} to={attendanceFromSheetPath(activityId, session.id)} aria-label={t('activities.sessions.fromSheetOf', { date })}>
          {t('activities.sessions.fromSheet')}
        </Menu.Item>
        {editable && (
          <Menu.Item onClick={onEdit} aria-label={t('activities.sessions.editOf', { date })}>
            {t('activities.sessions.edit')}
          </Menu.Item>
        )}
        {editable && deletable && (
          <Menu.Item color="red" onClick={onDelete} aria-label={t('activities.sessions.deleteOf', { date })}>
            {t('activities.sessions.delete')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

interface Defaults {
  place: string | null;
  facilitators: string | null;
  startDate: string | null;
}

/** Adds a session, or with `session` changes it (same rules: the end after the start). */
function OneSessionForm({
  activityId,
  defaults,
  session,
  onDone,
  onCancel,
}: {
  activityId: string;
  defaults: Defaults;
  session?: ActivitySession;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(session?.date ?? defaults.startDate ?? '');
  const [startTime, setStart] = useState(session?.startTime ?? '10:00');
  const [endTime, setEnd] = useState(session?.endTime ?? '12:00');
  const [place, setPlace] = useState(session ? (session.place ?? '') : (defaults.place ?? ''));
  const [facilitator, setFacilitator] = useState(session ? (session.facilitator ?? '') : (defaults.facilitators ?? ''));
  const [errors, setErrors] = useState<{ date?: string; startTime?: string; endTime?: string }>({});
  const save = useOpMutation('sessions.save', {
    onSuccess: onDone,
    onError: (failure) => {
      if (failure.fields?.date) setErrors({ date: t(`errors.${failure.code}`) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const required = t('validation.required');
    const found = {
      ...(date ? (isIsoDay(date) ? {} : { date: t('validation.invalid_date') }) : { date: required }),
      ...(startTime ? {} : { startTime: required }),
      ...(endTime ? (startTime && endTime <= startTime ? { endTime: t('activities.errors.endBeforeStart') } : {}) : { endTime: required }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ ...(session ? { id: session.id } : {}), activityId, date, startTime, endTime, place: place || null, facilitator: facilitator || null });
  };
  const title = session ? t('activities.sessions.editTitle') : t('activities.sessions.add');
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Title order={3}>{title}</Title>
        <Group align="flex-end" wrap="wrap">
          <DayInput label={t('activities.sessions.date')} required value={date} onChange={setDate} error={errors.date} />
          <TimeInput label={t('activities.sessions.start')} required value={startTime} onChange={setStart} error={errors.startTime} />
          <TimeInput label={t('activities.sessions.end')} required value={endTime} onChange={setEnd} error={errors.endTime} />
          <TextInput label={t('activities.field.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          <TextInput label={t('activities.sessions.facilitator')} value={facilitator} onChange={(e) => setFacilitator(e.currentTarget.value)} />
        </Group>
        <OpErrorAlert error={save.error} />
        <FormActions label={session ? t('activities.sessions.saveChanges') : t('activities.sessions.saveOne')} saving={save.isPending} onCancel={onCancel} />
      </Stack>
    </Paper>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function ScheduleForm({ activityId, defaults, onDone }: { activityId: string; defaults: Defaults; onDone: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [weekdays, setWeekdays] = useState<string[]>([]);
  const [startTime, setStart] = useState('10:00');
  const [endTime, setEnd] = useState('12:00');
  const [startDate, setStartDate] = useState(defaults.startDate ?? '');
  const [weeks, setWeeks] = useState<number | ''>(8);
  const [endDate, setEndDate] = useState('');
  const [skip, setSkip] = useState('');
  const [place, setPlace] = useState(defaults.place ?? '');
  const [facilitator, setFacilitator] = useState(defaults.facilitators ?? '');
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ScheduledDate[] | null>(null);
  const previewOp = useOpMutation('sessions.previewSchedule', { onSuccess: setPreview });
  const generate = useOpMutation('sessions.generate', { onSuccess: onDone });

  const schedule = (): Schedule | null => {
    const skipDates = skip.split(/[\s,;]+/).filter(Boolean).map(parseTypedDate);
    if (weekdays.length === 0 || !startDate) return setError(t('activities.schedule.missing')), null;
    if (!isIsoDay(startDate) || (endDate && !isIsoDay(endDate))) return setError(t('validation.invalid_date')), null;
    if (endTime <= startTime) return setError(t('activities.errors.endBeforeStart')), null;
    if (skipDates.some((d) => d === null)) return setError(t('activities.schedule.badSkip')), null;
    if (!endDate && weeks === '') return setError(t('activities.schedule.missing')), null;
    setError(null);
    return {
      weekdays: weekdays.map(Number).sort(),
      startTime,
      endTime,
      startDate,
      ...(endDate ? { endDate } : { weeks: weeks === '' ? 1 : weeks }),
      skipDates: skipDates.filter((d) => d !== null),
      place: place || null,
      facilitator: facilitator || null,
    };
  };
  const change = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setPreview(null);
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        const s = schedule();
        if (s) previewOp.mutate({ activityId, schedule: s });
      }}
    >
      <Stack gap="sm">
        <Title order={3}>{t('activities.sessions.generate')}</Title>
        <Checkbox.Group label={t('activities.schedule.weekdays')} value={weekdays} onChange={change(setWeekdays)}>
          <Group gap="md" mt={4}>
            {WEEKDAYS.map((d) => (
              <Checkbox key={d} value={String(d)} label={t(`activities.weekday.${d}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group align="flex-end" wrap="wrap">
          <TimeInput label={t('activities.sessions.start')} value={startTime} onChange={change(setStart)} />
          <TimeInput label={t('activities.sessions.end')} value={endTime} onChange={change(setEnd)} />
          <DayInput label={t('activities.schedule.startDate')} value={startDate} onChange={change(setStartDate)} />
          <NumberInput
            label={t('activities.schedule.weeks')}
            min={1}
            max={104}
            allowDecimal={false}
            value={weeks}
            disabled={endDate !== ''}
            onChange={(v) => change(setWeeks)(typeof v === 'number' ? v : '')}
            w={120}
          />
          <DayInput label={t('activities.schedule.endDate')} value={endDate} onChange={change(setEndDate)} />
        </Group>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('activities.schedule.skip')}
            description={t('activities.schedule.skipHint')}
            value={skip}
            onChange={(e) => change(setSkip)(e.currentTarget.value)}
            w={320}
          />
          <TextInput label={t('activities.field.place')} value={place} onChange={(e) => change(setPlace)(e.currentTarget.value)} />
          <TextInput label={t('activities.sessions.facilitator')} value={facilitator} onChange={(e) => change(setFacilitator)(e.currentTarget.value)} />
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <OpErrorAlert error={previewOp.error ?? generate.error} />
        <Group>
          <Button type="submit" variant="light" loading={previewOp.isPending}>
            {t('activities.schedule.preview')}
          </Button>
        </Group>
        {preview && (
          <Stack gap="xs">
            <Text fw={600}>{t('activities.schedule.previewCount', { count: preview.filter((p) => !p.skipped).length })}</Text>
            <Stack gap={2} role="list" aria-label={t('activities.schedule.previewList')}>
              {preview.map((p) => (
                <Text key={p.date} size="sm" role="listitem" td={p.skipped ? 'line-through' : undefined} c={p.skipped ? 'dimmed' : undefined}>
                  {formatDate(p.date)}
                  {p.skipped ? ` — ${t(`activities.schedule.skipped.${p.skipped}`)}` : ''}
                </Text>
              ))}
            </Stack>
            <Group>
              <Button
                loading={generate.isPending}
                disabled={preview.every((p) => p.skipped)}
                onClick={() => {
                  const s = schedule();
                  if (s) generate.mutate({ activityId, schedule: s });
                }}
              >
                {t('activities.schedule.create')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

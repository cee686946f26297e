import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { attendanceStatusSchema, inSheetOrder, type AttendanceSheet, type AttendanceStatus, type BeneficiaryRow, type DuplicateCandidate, type RepeatCheck } from '../../../electron/contract';
import { call, OpFailure, opKey, useOp, useOpMutation } from '../../app/ops';
import { OpErrorAlert } from '../../ui/OpErrorAlert';
import { UnsavedChangesGuard } from '../../ui/unsaved/UnsavedChangesGuard';
import { ExportButton } from '../reports/ExportButton';
import { useFormatDate } from '../beneficiaries/format';
import { CountOnlySwitch, HeadCountsScreen } from './HeadCounts';
import { useActivityLabels } from './labels';
import classes from './AttendancePage.module.css';
import { activityPath } from './paths';
import { PersonSearch } from './PersonSearch';
import { RepeatAlert } from './RepeatAlert';
import { SignedSheetsCell, useSignedSheets } from './SignedSheets';
import { WalkInForm, type WalkInResult } from './WalkInForm';
import { WalkInBadge } from './WalkInBadge';
import { addCoreTexts } from '../../i18n/core';

// Values of the domain are named in the core’s words (namespace core), as in its exported files: one translation.
addCoreTexts();

const STATUSES = attendanceStatusSchema.options;
const KEYS: Record<string, AttendanceStatus> = { p: 'present', a: 'absent', e: 'excused' };
const KEY_CODES: Record<string, AttendanceStatus> = { KeyP: 'present', KeyA: 'absent', KeyE: 'excused' };

/**
 * The status a key press asks for: the letter typed on a Latin layout (A is where AZERTY prints
 * it), else the physical key, so the P, A and E printed on an Arabic keyboard work too.
 */
function statusOfKey(event: KeyboardEvent<HTMLElement>): AttendanceStatus | undefined {
  const key = event.key.toLowerCase();
  return /^[a-z]$/.test(key) ? KEYS[key] : KEY_CODES[event.code];
}
const next = (s: AttendanceStatus | null): AttendanceStatus => (s === null ? 'present' : STATUSES[(STATUSES.indexOf(s) + 1) % STATUSES.length]);

/** Someone added to the sheet here, before saving: what their line shows. */
type AddedPerson = Pick<BeneficiaryRow, 'id' | 'displayName' | 'arabicName' | 'category' | 'sex'>;

interface Line {
  id: string;
  name: string;
  arabicName: string | null;
  category: string;
  sex: AddedPerson['sex'];
  order: number | null;
  added: boolean;
  walkIn: boolean;
}

export function AttendancePage() {
  const { t } = useTranslation();
  const { id = '', sessionId = '' } = useParams();
  const [params] = useSearchParams();
  const sheet = useOp('attendance.get', { sessionId });
  if (sheet.isPending) return <Loader />;
  if (sheet.error) return <OpErrorAlert error={sheet.error} />;
  if (sheet.data.session.countOnly) return <HeadCountsScreen key={sessionId} activityId={id} sheet={sheet.data} title={t('massEvents.counts.title')} />;
  return (
    <Stack gap="xl">
      <AttendanceScreen key={sessionId} activityId={id} sheet={sheet.data} title={t('activities.attendance.title')} fromSheet={params.get('from') === 'sheet'} />
      {sheet.data.editable && <CountOnlySwitch sessionId={sessionId} countOnly />}
    </Stack>
  );
}

function AttendanceScreen({ activityId, sheet, title, fromSheet }: { activityId: string; sheet: AttendanceSheet; title: string; fromSheet: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const lookups = useActivityLabels();
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Record<string, AttendanceStatus>>({});
  const [added, setAdded] = useState<AddedPerson[]>([]);
  const [saved, setSaved] = useState(false);
  const [pendingAdd, setPendingAdd] = useState<{ person: AddedPerson; check: RepeatCheck } | null>(null);
  const [checkError, setCheckError] = useState<OpFailure | null>(null);
  const [newcomer, setNewcomer] = useState(false);
  const [welcomed, setWelcomed] = useState<string | null>(null);
  const newcomerButton = useRef<HTMLButtonElement>(null);
  const groups = useRef<(HTMLDivElement | null)[]>([]);

  const store = (result: AttendanceSheet) => {
    queryClient.setQueryData(opKey('attendance.get', { sessionId: sheet.session.id }), result);
    void queryClient.invalidateQueries({ predicate: (q) => /^(activities|registrations)\./.test(String(q.queryKey[0])) });
  };
  const mark = useOpMutation('attendance.mark', {
    onSuccess: (result) => {
      store(result);
      setEdits({});
      setAdded([]);
      setSaved(true);
    },
  });
  const allPresent = useOpMutation('attendance.markAllPresent', { onSuccess: store });

  const lines: Line[] = [
    ...inSheetOrder(sheet.rows).map((r) => ({
      id: r.beneficiaryId,
      name: r.displayName,
      arabicName: r.arabicName,
      category: r.category,
      sex: r.sex,
      order: r.sheetOrder,
      added: false,
      walkIn: r.walkIn,
    })),
    ...added.map((r) => ({ id: r.id, name: r.displayName, arabicName: r.arabicName, category: r.category, sex: r.sex, order: null, added: true, walkIn: true })),
  ];
  const serverStatus = new Map(sheet.rows.map((r) => [r.beneficiaryId, r.status]));
  const statusOf = (lineId: string): AttendanceStatus | null => edits[lineId] ?? serverStatus.get(lineId) ?? null;
  const editable = sheet.editable;
  const dirty = Object.keys(edits).length > 0 || added.length > 0;
  const counts = { present: 0, absent: 0, excused: 0, unmarked: 0 };
  for (const line of lines) counts[statusOf(line.id) ?? 'unmarked'] += 1;

  // The shortcuts work as soon as the screen opens: the first row has the focus.
  useEffect(() => {
    groups.current[0]?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, []);

  const focusRow = (index: number) => {
    const group = groups.current[index];
    const target = group?.querySelector<HTMLElement>('[aria-checked="true"]') ?? group?.querySelector<HTMLElement>('[role="radio"]');
    target?.focus();
  };
  const setStatus = (index: number, status: AttendanceStatus) => {
    if (!editable) return;
    setSaved(false);
    setEdits((e) => ({ ...e, [lines[index].id]: status }));
    // Focus follows the checked radio once it is drawn.
    requestAnimationFrame(() => focusRow(index));
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    const key = event.key.toLowerCase();
    const keyed = statusOfKey(event);
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (key === 'arrowdown' || key === 'arrowup') {
      event.preventDefault();
      const to = index + (key === 'arrowdown' ? 1 : -1);
      if (to >= 0 && to < lines.length) focusRow(to);
    } else if (key === ' ' || event.code === 'Space' || key === 'arrowright' || key === 'arrowleft') {
      event.preventDefault();
      setStatus(index, next(statusOf(lines[index].id)));
    } else if (keyed) {
      event.preventDefault();
      setStatus(index, keyed);
      if (index + 1 < lines.length) requestAnimationFrame(() => focusRow(index + 1));
    } else if (key === 'home' || key === 'end') {
      event.preventDefault();
      focusRow(key === 'home' ? 0 : lines.length - 1);
    }
  };

  const addLine = (row: AddedPerson) => {
    setAdded((a) => [...a, row]);
    setEdits((e) => ({ ...e, [row.id]: 'present' }));
    setSaved(false);
  };
  const reportFailure = (error: unknown) => {
    if (error instanceof OpFailure) setCheckError(error);
    else throw error;
  };
  /** The same question as when registering someone beforehand: did they already attend this theme often? */
  const pick = async (row: AddedPerson) => {
    setCheckError(null);
    try {
      const check = await call('activities.repeatCheck', { activityId: sheet.activity.id, beneficiaryId: row.id });
      if (check.alert) setPendingAdd({ person: row, check });
      else addLine(row);
    } catch (error) {
      reportFailure(error);
    }
  };

  const closeNewcomer = () => {
    setNewcomer(false);
    // The form is gone: back to the button that opened it, to register the next one.
    requestAnimationFrame(() => newcomerButton.current?.focus());
  };
  /** A newcomer who already has a record: that record goes on the sheet, marked present, as if found by the search. */
  const pickExisting = async (candidate: DuplicateCandidate) => {
    closeNewcomer();
    const index = lines.findIndex((line) => line.id === candidate.id);
    if (index >= 0) {
      setStatus(index, 'present');
      return;
    }
    setCheckError(null);
    try {
      // A candidate carries no category or Arabic name, which the line shows.
      const record = await call('beneficiaries.get', { id: candidate.id });
      await pick({ id: record.id, displayName: candidate.displayName, arabicName: record.personal?.arabicName ?? null, category: record.category, sex: record.sex });
    } catch (error) {
      reportFailure(error);
    }
  };

  /** The core registered them and marked them present in one write: the sheet is read again to show their line. */
  const registeredNewcomer = (result: WalkInResult) => {
    closeNewcomer();
    setWelcomed(result.beneficiary.reference);
    void queryClient.invalidateQueries({ predicate: (q) => /^(activities|registrations|attendance)\./.test(String(q.queryKey[0])) });
  };

  const save = () => {
    const marks = lines.flatMap((line) => {
      const status = statusOf(line.id);
      return status ? [{ beneficiaryId: line.id, status }] : [];
    });
    if (marks.length === 0) return;
    mark.mutate({ sessionId: sheet.session.id, marks, add: added.map((r) => r.id) });
  };

  const s = sheet.session;
  return (
    <Stack gap="md">
      <UnsavedChangesGuard dirty={dirty} />
      <Stack gap={4}>
        <Anchor component={Link} to={activityPath(activityId)} size="sm">
          {t('activities.attendance.back', { reference: sheet.activity.reference })}
        </Anchor>
        <Title order={1}>{title}</Title>
        {/* Each part isolated: a French title next to an Arabic date must not reorder the line. */}
        <Text>
          {[sheet.activity.title, formatDate(s.date), t('activities.sessions.timeRange', { start: s.startTime, end: s.endTime }), sheet.place]
            .filter(Boolean)
            .map((part, i) => (
              <Fragment key={i}>
                {i > 0 && ' · '}
                <bdi>{part}</bdi>
              </Fragment>
            ))}
        </Text>
      </Stack>
      {!editable && (
        <Alert color="orange" variant="light">
          {sheet.activity.archivedAt ? t('errors.activity_archived') : t('errors.session_in_future')}
        </Alert>
      )}
      {sheet.overPlanned && (
        <Alert color="orange" variant="light">
          {t('activities.participants.overPlanned', { count: sheet.registeredCount, planned: sheet.activity.plannedParticipants ?? 0 })}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" aria-live="polite">
          {t('activities.attendance.counts', counts)}
        </Text>
        <Group gap="xs">
          <ExportButton list="attendance" filters={{ sessionId: s.id }} />
          <Button
            variant="light"
            disabled={!editable || sheet.rows.length === 0}
            loading={allPresent.isPending}
            onClick={() => allPresent.mutate({ sessionId: s.id, overwrite: false })}
          >
            {t('activities.attendance.allPresent')}
          </Button>
          <Button onClick={save} disabled={!editable || counts.unmarked === lines.length} loading={mark.isPending}>
            {t('activities.attendance.save')}
          </Button>
        </Group>
      </Group>
      {fromSheet && (
        <Alert color="blue" variant="light" title={t('activities.attendance.fromSheetTitle')}>
          {t('activities.attendance.fromSheetHint')}
        </Alert>
      )}
      {fromSheet && <SessionSignedSheets activityId={activityId} sessionId={s.id} editable={!sheet.activity.archivedAt} />}
      <Text size="sm" c="dimmed">
        {t('activities.attendance.keyboardHint')}
      </Text>
      <OpErrorAlert error={mark.error ?? allPresent.error} />
      {saved && !dirty && (
        <Text c="green.8" size="sm" role="status">
          {t('activities.attendance.saved')}
        </Text>
      )}
      {lines.length === 0 ? (
        <Text c="dimmed">{t('activities.attendance.nobody')}</Text>
      ) : (
        <Table aria-label={t('activities.attendance.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('activities.participants.order')}</Table.Th>
              <Table.Th>{t('activities.participants.name')}</Table.Th>
              <Table.Th>{t('activities.participants.category')}</Table.Th>
              <Table.Th>{t('activities.attendance.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => {
              const current = statusOf(line.id);
              return (
                <Table.Tr key={line.id} className={classes.row}>
                  <Table.Td>{line.order ?? '+'}</Table.Td>
                  <Table.Td>
                    {line.name}
                    {line.arabicName && (
                      <Text span c="dimmed" size="sm" dir="rtl" lang="ar">
                        {` ${line.arabicName}`}
                      </Text>
                    )}{' '}
                    {line.walkIn && <WalkInBadge sex={line.sex} />}
                  </Table.Td>
                  <Table.Td>{lookups.category(line.category)}</Table.Td>
                  <Table.Td>
                    <div
                      role="radiogroup"
                      aria-label={line.name}
                      className={classes.group}
                      ref={(el) => {
                        groups.current[index] = el;
                      }}
                      onKeyDown={onKeyDown(index)}
                    >
                      {STATUSES.map((status) => {
                        const checked = current === status;
                        const focusable = checked || (current === null && status === 'present');
                        return (
                          <span
                            key={status}
                            role="radio"
                            aria-checked={checked}
                            aria-disabled={!editable}
                            data-status={status}
                            tabIndex={focusable ? 0 : -1}
                            className={classes.radio}
                            onClick={() => setStatus(index, status)}
                          >
                            {t(`core:exports.attendance.${status}`)}
                          </span>
                        );
                      })}
                    </div>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Paper withBorder p="md">
          <Title order={3} mb="xs">
            {t('activities.attendance.addUnregistered')}
          </Title>
          <PersonSearch exclude={new Set(lines.map((l) => l.id))} pickLabel={t('activities.attendance.addPerson')} onPick={(row) => void pick(row)} />
          <OpErrorAlert error={checkError} />
          {newcomer ? (
            <WalkInForm
              activityId={sheet.activity.id}
              presentAt={s.id}
              autoFocus
              onDone={registeredNewcomer}
              onPickExisting={(candidate) => void pickExisting(candidate)}
              onCancel={closeNewcomer}
            />
          ) : (
            <Button
              ref={newcomerButton}
              variant="light"
              mt="sm"
              onClick={() => {
                setWelcomed(null);
                setNewcomer(true);
              }}
            >
              {t('activities.attendance.newcomer')}
            </Button>
          )}
          {welcomed && (
            <Text c="green.8" size="sm" role="status" mt="xs">
              {t('activities.attendance.newcomerAdded', { reference: welcomed })}
            </Text>
          )}
          {pendingAdd && (
            <RepeatAlert
              name={pendingAdd.person.displayName}
              check={pendingAdd.check}
              busy={false}
              onConfirm={() => {
                addLine(pendingAdd.person);
                setPendingAdd(null);
              }}
              onCancel={() => setPendingAdd(null)}
            />
          )}
        </Paper>
      )}
    </Stack>
  );
}

/** With the paper sheet in hand, its scan is attached here too. */
function SessionSignedSheets({ activityId, sessionId, editable }: { activityId: string; sessionId: string; editable: boolean }) {
  const { t } = useTranslation();
  const sheets = useSignedSheets(activityId);
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="xs">
        {t('activities.signedSheets.column')}
      </Title>
      <SignedSheetsCell sessionId={sessionId} editable={editable} sheets={sheets} />
    </Paper>
  );
}

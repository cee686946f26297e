// Part of `npm run bench` (scripts/bench.ts): activities, sessions and attendance at the scale of
// a large association — 500,000 attendance rows in an encrypted file — and the targets.
import { join } from 'node:path';
import { DEFAULT_SETTINGS, todayIso, type Activity, type ActivitySession, type AttendanceStatus } from '../electron/contract';
import { insertRegistration, saveActivity, saveSession, upsertMark } from '../electron/core/activities/repository';
import { addDays } from '../electron/core/activities/schedule';
import { attendanceSheet, markAttendance } from '../electron/core/activities/service';
import { activityStatistics } from '../electron/core/activities/statistics';
import { createBeneficiary } from '../electron/core/beneficiaries/service';
import type { WriteTx } from '../electron/core/context';
import { closeFile, createAssociationFile } from '../electron/core/db/association-file';
import type { Db } from '../electron/core/db/database';
import { fictitiousBeneficiary } from '../electron/core/demo/beneficiaries';
import { seededRandom } from '../electron/core/demo/random';
import { newId } from '../electron/core/ids';
import { percentile, timed, timedRuns } from './bench-stats';

export interface AttendanceBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 2_000);
const PER_ACTIVITY = 40;
/** 6 or 7 sessions each: 2,000 × 6.25 × 40 = 500,000 attendance rows. */
const sessionsOf = (i: number) => (i % 4 === 0 ? 7 : 6);
const PEOPLE = Number(process.env.BENCH_ATTENDANCE_PEOPLE ?? 20_000);
/** The sessions spread over the two years before today. */
const SPAN_DAYS = 730;

const THEMES = ['radicalisation_prevention', 'sociocultural_integration', 'digital_communication', 'health', 'employability', 'language_classes'];
const STATUSES: AttendanceStatus[] = ['present', 'present', 'present', 'present', 'present', 'present', 'absent', 'excused'];

/** 2,000 activities of 40 people, each with 6–7 weekly sessions in the last two years, all marked. */
export function fillAttendance(db: Db, now: Date, random: () => number): { sessions: ActivitySession[]; rows: number; tx: WriteTx } {
  const today = todayIso(now);
  const userId = (db.prepare('SELECT id FROM users LIMIT 1').get() as { id: string }).id;
  const at = now.toISOString();
  const tx: WriteTx = {
    db,
    user: { id: userId, displayName: 'P', role: 'president', locale: 'fr', mustChangePassword: false, createdAt: at },
    at,
    audit: () => undefined,
  };
  const sessions: ActivitySession[] = [];
  let rows = 0;
  db.transaction(() => {
    const people = Array.from({ length: PEOPLE }, () => createBeneficiary(fictitiousBeneficiary(random, now))(tx).id);
    for (let i = 0; i < ACTIVITIES; i++) {
      const count = sessionsOf(i);
      const start = addDays(today, -Math.floor(random() * (SPAN_DAYS - 7 * count)) - 7 * count);
      const activity: Activity = {
        id: newId(),
        reference: `A-${start.slice(0, 4)}-${String(i + 1).padStart(5, '0')}`,
        title: `Activité ${i + 1}`,
        type: 'workshop',
        theme: THEMES[i % THEMES.length],
        agreementId: null,
        project: null,
        facilitators: null,
        place: null,
        targetAudience: null,
        plannedParticipants: PER_ACTIVITY,
        startDate: start,
        endDate: addDays(start, 7 * (count - 1)),
        completionThreshold: 75,
        createdAt: at,
        updatedAt: at,
        archivedAt: null,
      };
      saveActivity(db, activity);
      const group = new Set<string>();
      while (group.size < PER_ACTIVITY) group.add(people[Math.floor(random() * people.length)]);
      for (const beneficiaryId of group) insertRegistration(db, { activityId: activity.id, beneficiaryId, at, walkIn: false });
      for (let k = 0; k < count; k++) {
        const session: ActivitySession = {
          id: newId(),
          activityId: activity.id,
          date: addDays(start, 7 * k),
          startTime: '10:00',
          endTime: '12:00',
          place: null,
          facilitator: null,
          countOnly: false,
          createdAt: at,
          updatedAt: at,
        };
        saveSession(db, session);
        sessions.push(session);
        for (const beneficiaryId of group) {
          upsertMark(db, { sessionId: session.id, beneficiaryId, status: STATUSES[Math.floor(random() * STATUSES.length)], at, userId });
          rows += 1;
        }
      }
    }
  })();
  db.pragma('optimize');
  return { sessions, rows, tx };
}

export async function benchAttendance(dir: string, now: Date): Promise<AttendanceBenchResult[]> {
  const random = seededRandom(4242);
  const { file } = await createAssociationFile(
    {
      directory: join(dir, 'attendance'),
      associationName: 'Bench attendance',
      city: 'Oujda',
      president: { displayName: 'P', password: 'bench password 2026', locale: 'fr' },
    },
    { now },
  );
  const { db } = file;
  let filled: ReturnType<typeof fillAttendance> | undefined;
  const fillMs = timed(() => (filled = fillAttendance(db, now, random)));
  const { sessions, rows, tx } = filled!;
  console.log(`filled ${rows} attendance rows (${ACTIVITIES} activities, ${sessions.length} sessions, ${PEOPLE} people, encrypted) in ${(fillMs / 1000).toFixed(1)} s`);
  const results = measureAttendance(db, now, random, sessions, rows, tx);
  closeFile(file);
  return results;
}

export function measureAttendance(
  db: Db,
  now: Date,
  random: () => number,
  sessions: ActivitySession[],
  rows: number,
  tx: WriteTx,
): AttendanceBenchResult[] {
  const today = todayIso(now);
  const year = now.getUTCFullYear();
  const pick = () => sessions[Math.floor(random() * sessions.length)];
  for (let i = 0; i < 20; i++) attendanceSheet(db, pick().id, today, year); // warm the cache
  const sheets = Array.from({ length: 300 }, () => {
    const id = pick().id;
    return timed(() => {
      const sheet = attendanceSheet(db, id, today, year);
      if (sheet.rows.length !== PER_ACTIVITY) throw new Error('a session without its 40 people');
    });
  });

  const marks = Array.from({ length: 50 }, () => {
    const session = pick();
    const sheet = attendanceSheet(db, session.id, today, year);
    const work = markAttendance(
      { now: () => now },
      { sessionId: session.id, add: [], marks: sheet.rows.map((r) => ({ beneficiaryId: r.beneficiaryId, status: 'present' as const })) },
    );
    return timed(() => db.transaction(() => work(tx))());
  });

  const edges = DEFAULT_SETTINGS.statisticsAgeBands;
  const lastYear = { from: addDays(today, -364), to: today };
  // 20 timed runs after one untimed: a p95 of 10 or fewer runs is their slowest.
  const yearRuns = timedRuns(20, () => activityStatistics(db, lastYear, edges), 1);
  const themeRuns = timedRuns(5, () => activityStatistics(db, { ...lastYear, theme: 'health' }, edges), 1);
  const allRuns = timedRuns(20, () => activityStatistics(db, {}, edges), 1);
  const inYear = (
    db
      .prepare('SELECT count(*) AS n FROM attendance a JOIN activity_sessions s ON s.id = a.session_id WHERE s.date BETWEEN ? AND ?')
      .get(lastYear.from, lastYear.to) as { n: number }
  ).n;
  console.log(
    `statistics: a year (${inYear} attendance rows in it) median ${percentile(yearRuns, 50).toFixed(1)} ms; ` +
      `one theme over a year ${percentile(themeRuns, 50).toFixed(1)} ms; all ${rows} rows ${percentile(allRuns, 50).toFixed(1)} ms`,
  );

  return [
    { name: `attendance screen data, 40-person session (${rows} rows) p95`, value: percentile(sheets, 95), unit: 'ms', target: 50 },
    { name: 'attendance.mark of 40 people (one transaction) p95', value: percentile(marks, 95), unit: 'ms', target: 50 },
    { name: `a year of statistics (${inYear} attendance rows) p95 of ${yearRuns.length}`, value: percentile(yearRuns, 95), unit: 'ms', target: 200 },
    { name: `statistics over all ${rows} attendance rows p95 of ${allRuns.length}`, value: percentile(allRuns, 95), unit: 'ms', target: 200 },
  ];
}

// Part of `npm run bench` (scripts/bench.ts): the indicator report and list exports on a file of
// 50,000 people and 500,000 attendance rows (the attendance bench's fill, plus people who never
// came to an activity, count-only sessions and outreach outings), through the real operations.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SETTINGS, todayIso, type OpInput, type OpName, type OpOutput } from '../electron/contract';
import { addDays } from '../electron/core/activities/schedule';
import { ageBandLabels } from '../electron/core/activities/statistics';
import { createBeneficiary } from '../electron/core/beneficiaries/service';
import { closeFile, createAssociationFile } from '../electron/core/db/association-file';
import type { Db } from '../electron/core/db/database';
import { fictitiousBeneficiary } from '../electron/core/demo/beneficiaries';
import { seededRandom } from '../electron/core/demo/random';
import { createCore, type Core } from '../electron/core/dispatcher';
import { newId } from '../electron/core/ids';
import { fillAttendance } from './bench-attendance';
import { median } from './bench-stats';

export interface ReportsBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const MASS_SESSIONS = 1_000;
const OUTINGS = 5_000;
const PASSWORD = 'bench password 2026';

async function must<K extends OpName>(core: Core, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await core.dispatch(op, input);
  if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
  return result.value as OpOutput<K>;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** Peak resident and heap memory while `run` goes, sampled every 20 ms (the export yields between batches). */
async function peakMemory(run: () => Promise<unknown>): Promise<{ ms: number; rss: number; heap: number }> {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  try {
    const ms = await time(run);
    const m = process.memoryUsage();
    return { ms, rss: Math.max(rss, m.rss), heap: Math.max(heap, m.heapUsed) };
  } finally {
    clearInterval(sample);
  }
}

/**
 * A year of work where nobody registers, as a busy association would have it: count-only sessions
 * (school programmes) in the attendance fill's activities and the outreach agents' daily outings.
 */
function fillMassEvents(db: Db, now: Date, random: () => number, activityIds: string[], userId: string): void {
  const today = todayIso(now);
  const at = now.toISOString();
  const bands = ageBandLabels(DEFAULT_SETTINGS.statisticsAgeBands);
  const session = db.prepare(
    `INSERT INTO activity_sessions (id, activity_id, date, start_time, end_time, count_only, created_at, updated_at) VALUES (?, ?, ?, '09:00', '11:00', 1, ?, ?)`,
  );
  const count = db.prepare('INSERT INTO session_head_counts (session_id, sex, age_band, count) VALUES (?, ?, ?, ?)');
  const outing = db.prepare(
    `INSERT INTO outreach_logs (id, date, neighbourhood, agent_user_id, informed_female, informed_male, topics_json, referrals, created_at, updated_at, created_by)
     VALUES (?, ?, 'Hay Al Qods', ?, ?, ?, '["health","schooling"]', ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < MASS_SESSIONS; i++) {
      const id = newId();
      session.run(id, activityIds[Math.floor(random() * activityIds.length)], addDays(today, -Math.floor(random() * 365)), at, at);
      for (const band of bands) for (const sex of ['female', 'male']) count.run(id, sex, band, Math.floor(random() * 20));
    }
    for (let i = 0; i < OUTINGS; i++) {
      outing.run(newId(), addDays(today, -Math.floor(random() * 365)), userId, Math.floor(random() * 30), Math.floor(random() * 30), Math.floor(random() * 4), at, at, userId);
    }
  })();
}

export async function benchReports(dir: string, now: Date): Promise<ReportsBenchResult[]> {
  const random = seededRandom(808);
  const { file, user } = await createAssociationFile(
    {
      directory: join(dir, 'reports'),
      associationName: 'Bench reports',
      city: 'Oujda',
      president: { displayName: 'P', password: PASSWORD, locale: 'fr' },
    },
    { now },
  );
  const start = performance.now();
  const { rows, tx, sessions } = fillAttendance(file.db, now, random);
  fillMassEvents(file.db, now, random, sessions.map((s) => s.activityId), tx.user.id);
  const attended = (file.db.prepare('SELECT count(*) AS n FROM beneficiaries').get() as { n: number }).n;
  file.db.transaction(() => {
    for (let i = attended; i < PEOPLE; i++) createBeneficiary(fictitiousBeneficiary(random, now))(tx);
  })();
  console.log(`reports: filled ${PEOPLE} people and ${rows} attendance rows (encrypted) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  const path = file.path;
  closeFile(file);

  const core = createCore({ dataDir: join(dir, 'reports-data'), documentsDir: join(dir, 'reports'), now: () => now });
  await must(core, 'file.open', { path, userId: user.id, password: PASSWORD });
  const today = todayIso(now);
  const year = { from: addDays(today, -364), to: today, locale: 'fr' as const };
  const report = await must(core, 'reports.indicators', year);
  const reached = report.sections[0].tables[0].rows[0][1];
  const reports = [];
  for (let i = 0; i < 5; i++) reports.push(await time(() => must(core, 'reports.indicators', year)));
  console.log(`reports: a year's indicator report counts ${reached} people reached; median ${median(reports).toFixed(0)} ms`);
  const xlsxReport = await time(() => must(core, 'reports.exportXlsx', year));

  const everyone = { list: 'beneficiaries' as const, filters: { query: '', filters: { archived: false } } };
  let exported = 0;
  const xlsx = await peakMemory(async () => {
    exported = (await must(core, 'exports.list', { target: everyone, format: 'xlsx', jobId: 'bench-export-xlsx' })).rows;
  });
  const csv = await peakMemory(() => must(core, 'exports.list', { target: everyone, format: 'csv', delimiter: ';' }));
  console.log(
    `exports: ${exported} rows; XLSX ${xlsx.ms.toFixed(0)} ms, peak RSS ${mb(xlsx.rss).toFixed(0)} MB, peak heap ${mb(xlsx.heap).toFixed(0)} MB; ` +
      `CSV ${csv.ms.toFixed(0)} ms, peak RSS ${mb(csv.rss).toFixed(0)} MB, peak heap ${mb(csv.heap).toFixed(0)} MB`,
  );
  core.close();
  if (exported !== PEOPLE) throw new Error(`exported ${exported} rows, expected ${PEOPLE}`);

  return [
    { name: `a year's indicator report (${PEOPLE} people, ${rows} attendance rows, ${MASS_SESSIONS} count-only sessions, ${OUTINGS} outreach outings), median of 5`, value: median(reports), unit: 'ms', target: 1000 },
    { name: `the same report as XLSX`, value: xlsxReport, unit: 'ms', target: 2000 },
    { name: `XLSX export of ${PEOPLE} rows (pseudonymised list)`, value: xlsx.ms, unit: 'ms', target: 5000 },
    { name: `peak RSS during that export`, value: mb(xlsx.rss), unit: 'MB', target: 1024 },
  ];
}

import { activityInputSchema, headCountsInputSchema, outreachInputSchema, todayIso } from '../../contract';
import type { WriteTx } from '../context';
import { saveHeadCounts, setCountOnly } from '../activities/head-counts';
import { saveActivity, saveSession } from '../activities/service';
import { ageBandLabels } from '../activities/statistics';
import { listAgreements } from '../grants/repository';
import { saveOutreach } from '../outreach/service';
import { readSettings } from '../settings/repository';

const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** [days ago, neighbourhood, agent (null: the user writing), women informed, men informed, topics, referrals, note] */
const OUTINGS: [number, string, string | null, number, number, string[], number, string | null][] = [
  [6, 'Hay Al Qods', null, 14, 9, ['health', 'association_services'], 2, 'Deux femmes orientées vers le centre de santé Lazaret'],
  [13, 'Lazaret', 'Youssef Amrani (bénévole)', 8, 17, ['regularisation', 'rights_access'], 3, 'Orientés vers la permanence juridique du jeudi'],
  [27, 'Sidi Yahya', null, 21, 6, ['schooling'], 1, null],
  [41, 'Hay Al Qods', 'Youssef Amrani (bénévole)', 5, 11, ['rights_access'], 0, null],
  [55, 'Oued Nachef', null, 12, 12, ['health', 'schooling'], 4, 'Inscriptions au soutien scolaire'],
];

/**
 * A school programme where nobody registers: a health awareness activity at a secondary school,
 * its three past sessions counted by sex and age band (part of the demo agreement's work when it
 * covers them); and the outreach agents' outings of the last two months.
 */
export function addDemoMassEvents(tx: WriteTx, now: Date): void {
  const today = todayIso(now);
  const clock = { now: () => now };
  const [young, teen] = ageBandLabels(readSettings(tx.db).statisticsAgeBands);
  const agreement = listAgreements(tx.db, false).find((a) => a.startDate <= addDays(today, -30) && a.endDate >= today);
  const activity = saveActivity(
    activityInputSchema.parse({
      title: 'Sensibilisation santé au collège Ibn Sina',
      type: 'awareness_session',
      theme: 'health',
      agreementId: agreement?.id ?? null,
      facilitators: 'Dr Salma Benjelloun',
      place: 'Collège Ibn Sina, Oujda',
      targetAudience: 'Élèves de 3e année du collège, avec leurs professeurs',
    }),
  )(tx);
  const counted: [number, { sex: 'female' | 'male'; ageBand: string; count: number }[]][] = [
    [
      35,
      [
        { sex: 'female', ageBand: teen, count: 11 },
        { sex: 'male', ageBand: teen, count: 13 },
      ],
    ],
    [
      21,
      [
        { sex: 'female', ageBand: teen, count: 17 },
        { sex: 'male', ageBand: teen, count: 15 },
      ],
    ],
    [
      7,
      [
        { sex: 'female', ageBand: young, count: 12 },
        { sex: 'male', ageBand: young, count: 14 },
        { sex: 'female', ageBand: teen, count: 6 },
        { sex: 'male', ageBand: teen, count: 4 },
      ],
    ],
  ];
  for (const [daysAgo, counts] of counted) {
    const session = saveSession(clock, { activityId: activity.id, date: addDays(today, -daysAgo), startTime: '09:00', endTime: '11:00' })(tx);
    setCountOnly(clock, { sessionId: session.id, countOnly: true })(tx);
    saveHeadCounts(clock, headCountsInputSchema.parse({ sessionId: session.id, place: 'Collège Ibn Sina, Oujda', counts }))(tx);
  }

  for (const [daysAgo, neighbourhood, agentName, informedFemale, informedMale, topics, referrals, referralsNote] of OUTINGS) {
    saveOutreach(
      outreachInputSchema.parse({
        date: addDays(today, -daysAgo),
        neighbourhood,
        ...(agentName ? { agentName } : { agentUserId: tx.user.id }),
        informedFemale,
        informedMale,
        topics,
        referrals,
        referralsNote,
      }),
    )(tx);
  }
}

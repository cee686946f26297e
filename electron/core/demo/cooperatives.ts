import { NOT_RESIDENCE_DOCUMENTS, todayIso, type CooperativeSector, type PersonalData } from '../../contract';
import type { WriteTx } from '../context';
import { stepsOf } from '../cooperatives/repository';
import { saveCooperative, saveFounder, saveStep, saveVisit } from '../cooperatives/service';

interface DemoProject {
  names: string[];
  sector: CooperativeSector;
  activity: string;
  city: string;
  coach: string;
  /** Who the founders are. */
  audience: (c: Candidate) => boolean;
  founders: number;
  /** How many steps are done, in template order, and how many days ago the project last moved. */
  stepsDone: number;
  startedDaysAgo: number;
  lastChangeDaysAgo: number;
}

interface Candidate {
  id: string;
  sex: 'female' | 'male';
  nationality: string;
  category: string;
}

const PROJECTS: DemoProject[] = [
  {
    names: ['Coopérative Nour Al Khayr', 'Coopérative Lalla Aicha'],
    sector: 'sewing',
    activity: 'Couture et broderie traditionnelle',
    city: 'Oujda',
    coach: 'Imane Ouazzani',
    audience: (c) => c.sex === 'female' && c.nationality === 'MA',
    founders: 7,
    stepsDone: 9,
    startedDaysAgo: 420,
    lastChangeDaysAgo: 20,
  },
  {
    names: ['Coopérative Teranga Saveurs'],
    sector: 'catering',
    activity: 'Traiteur et cuisine ouest-africaine',
    city: 'Oujda',
    coach: 'Meryem El Amrani',
    audience: (c) => c.nationality !== 'MA',
    founders: 6,
    stepsDone: 3,
    startedDaysAgo: 150,
    lastChangeDaysAgo: 12,
  },
  {
    names: ['Coopérative Ardna Al Khadra', 'Coopérative Retour Vert'],
    sector: 'farming',
    activity: 'Maraîchage et petit élevage',
    city: 'Berkane',
    coach: 'Nadia El Amrani',
    audience: (c) => c.category === 'returning_migrant',
    founders: 5,
    stepsDone: 1,
    startedDaysAgo: 90,
    lastChangeDaysAgo: 30,
  },
  {
    names: ['Coopérative Tiwizi Artisanat'],
    sector: 'handicraft',
    activity: 'Tapis et poterie',
    city: 'Nador',
    coach: 'Imane Ouazzani',
    audience: () => true,
    founders: 5,
    stepsDone: 0,
    startedDaysAgo: 120,
    lastChangeDaysAgo: 70,
  },
];

const ago = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** People with a name on record who may found a cooperative (a foreigner needs a valid residence document). */
function candidates(tx: WriteTx, today: string): Candidate[] {
  const rows = tx.db
    .prepare('SELECT id, sex, nationality, category, personal_json FROM beneficiaries WHERE personal_json IS NOT NULL AND archived_at IS NULL ORDER BY created_at')
    .all() as (Candidate & { personal_json: string })[];
  return rows.filter((r) => {
    if (r.nationality === 'MA') return true;
    const status = (JSON.parse(r.personal_json) as PersonalData).legalStatus;
    return Boolean(status && !NOT_RESIDENCE_DOCUMENTS.includes(status.code) && status.expiryDate && status.expiryDate > today);
  });
}

/** Four projects at different steps: one created with its 6-month visit, one left without change. */
export function addDemoCooperatives(tx: WriteTx, now: Date): void {
  const today = todayIso(now);
  const pool = candidates(tx, today);
  const used = new Set<string>();
  for (const project of PROJECTS) {
    const start = ago(now, project.startedDaysAgo);
    const at = (d: Date) => ({ ...tx, at: d.toISOString() });
    const coop = saveCooperative({
      proposedNames: project.names,
      sector: project.sector,
      activity: project.activity,
      city: project.city,
      coach: project.coach,
      shareValue: 20_000,
    })(at(start));
    const chosen = pool.filter((c) => !used.has(c.id) && project.audience(c)).slice(0, project.founders);
    for (const c of chosen) {
      used.add(c.id);
      saveFounder({ now: () => start }, { cooperativeId: coop.id, beneficiaryId: c.id, sharesSubscribed: 2, sharesPaid: project.stepsDone >= 4 ? 2 : 1 })(at(start));
    }
    const steps = stepsOf(tx.db, coop.id);
    const last = ago(now, project.lastChangeDaysAgo);
    // A created cooperative finished its steps months ago, so its 6-month visit is due by now.
    const stepsEnd = project.stepsDone === steps.length ? 200 : project.lastChangeDaysAgo;
    const span = project.startedDaysAgo - stepsEnd;
    steps.slice(0, project.stepsDone).forEach((step, i) => {
      const doneAt = ago(now, project.startedDaysAgo - Math.round(((i + 1) * span) / Math.max(1, project.stepsDone)));
      saveStep({ now: () => doneAt }, { id: step.id, status: 'done', startedOn: todayIso(start), doneOn: todayIso(doneAt), responsible: project.coach })(at(doneAt));
    });
    const next = steps[project.stepsDone];
    if (next && project.stepsDone > 0) {
      saveStep({ now: () => last }, { id: next.id, status: 'in_progress', startedOn: todayIso(last), responsible: project.coach, notes: 'Dossier en préparation' })(at(last));
    }
    if (project.stepsDone === steps.length) {
      saveVisit({
        cooperativeId: coop.id,
        month: 6,
        date: todayIso(last),
        revenueBand: 'from_5000_to_20000',
        activeMembers: project.founders - 1,
        difficulties: 'Accès aux marchés hors de la ville',
        supportNeeded: 'Formation en marketing numérique',
      })(at(last));
    }
  }
}

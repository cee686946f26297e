import { todayIso, type Activity, type AttendanceStatus } from '../../contract';
import { insertRegistration, listActivities, upsertMark } from '../activities/repository';
import { addDays, isoWeekday } from '../activities/schedule';
import { generateSessions, saveActivity } from '../activities/service';
import { dayOf, type WriteTx } from '../context';
import { addDemoLogos } from './logos';

interface Person {
  id: string;
  sex: 'female' | 'male';
  age: number;
  category: string;
}

interface DemoActivity {
  title: string;
  type: string;
  theme: string;
  project?: string;
  /** Paid for by the demo's funding agreement (linked once the grants demo has created it). */
  funded?: true;
  facilitators: string;
  place: string;
  targetAudience: string;
  planned: number;
  /** Who may take part. */
  audience: (p: Person) => boolean;
  /** First session, in weeks before (negative: after) the demo's today. */
  weeksAgo: number;
  weekdays: number[];
  sessions: number;
  startTime: string;
  endTime: string;
  /** How many of the audience register. */
  size: number;
  /** People who also attended these earlier activities (by index), for the repeat alert. */
  repeatFrom?: number[];
}

const youth = (p: Person) => p.age >= 15 && p.age <= 29;
const adults = (p: Person) => p.age >= 18;

/** Indexes matter: `repeatFrom` points at earlier entries. */
const ACTIVITIES: DemoActivity[] = [
  {
    title: 'Prévention de la radicalisation — cycle 1 : esprit critique',
    type: 'training_module',
    theme: 'radicalisation_prevention',
    project: 'Projet Jeunesse et citoyenneté 2025-2026',
    facilitators: 'Équipe jeunesse, intervenant extérieur',
    place: 'Maison de jeunes Hay Al Qods',
    targetAudience: 'Jeunes de 15 à 29 ans du quartier',
    planned: 15,
    audience: youth,
    weeksAgo: 26,
    weekdays: [3],
    sessions: 6,
    startTime: '15:00',
    endTime: '17:00',
    size: 14,
  },
  {
    title: 'Vivre ensemble au quartier',
    funded: true,
    type: 'awareness_session',
    theme: 'sociocultural_integration',
    facilitators: 'Animatrice socioculturelle',
    place: "Local de l'association",
    targetAudience: 'Tout public',
    planned: 25,
    audience: adults,
    weeksAgo: 22,
    weekdays: [6],
    sessions: 3,
    startTime: '10:00',
    endTime: '12:00',
    size: 22,
  },
  {
    title: 'Communication digitale : chercher un emploi en ligne',
    type: 'workshop',
    theme: 'digital_communication',
    project: 'Programme Employabilité des jeunes',
    facilitators: 'Formateur informatique bénévole',
    place: 'Salle informatique, Maison des jeunes',
    targetAudience: 'Jeunes chercheurs d’emploi',
    planned: 12,
    audience: youth,
    weeksAgo: 18,
    weekdays: [2, 4],
    sessions: 8,
    startTime: '14:00',
    endTime: '16:00',
    size: 12,
  },
  {
    title: 'Animation interculturelle : cuisines et musiques du monde',
    funded: true,
    type: 'workshop',
    theme: 'intercultural_animation',
    facilitators: 'Bénévoles de l’association',
    place: 'Centre culturel',
    targetAudience: 'Familles migrantes et familles du quartier',
    planned: 30,
    audience: () => true,
    weeksAgo: 15,
    weekdays: [7],
    sessions: 4,
    startTime: '15:00',
    endTime: '18:00',
    size: 28,
  },
  {
    title: 'Prévention de la radicalisation — cycle 2 : discours de haine en ligne',
    type: 'training_module',
    theme: 'radicalisation_prevention',
    project: 'Projet Jeunesse et citoyenneté 2025-2026',
    facilitators: 'Équipe jeunesse',
    place: 'Maison de jeunes Hay Al Qods',
    targetAudience: 'Jeunes de 15 à 29 ans du quartier',
    planned: 15,
    audience: youth,
    weeksAgo: 12,
    weekdays: [3],
    sessions: 5,
    startTime: '15:00',
    endTime: '17:00',
    size: 12,
    repeatFrom: [0],
  },
  {
    title: 'Gestion des conflits et médiation',
    type: 'training_module',
    theme: 'conflict_management',
    facilitators: 'Médiatrice familiale',
    place: "Local de l'association",
    targetAudience: 'Adultes, parents',
    planned: 16,
    audience: adults,
    weeksAgo: 9,
    weekdays: [1],
    sessions: 5,
    startTime: '09:30',
    endTime: '12:00',
    size: 15,
  },
  {
    title: "Séance d'information : les services de l'ANAPEC",
    funded: true,
    type: 'information_session',
    theme: 'employability',
    facilitators: 'Conseiller ANAPEC',
    place: "Local de l'association",
    targetAudience: 'Personnes en recherche d’emploi',
    planned: 20,
    audience: adults,
    weeksAgo: 6,
    weekdays: [4],
    sessions: 3,
    startTime: '10:00',
    endTime: '11:30',
    size: 24,
  },
  {
    title: 'Groupe de parole pour femmes',
    type: 'psychosocial_group',
    theme: 'health',
    facilitators: 'Psychologue bénévole',
    place: "Local de l'association (salle calme)",
    targetAudience: 'Femmes adultes',
    planned: 10,
    audience: (p) => p.sex === 'female' && p.age >= 18,
    weeksAgo: 8,
    weekdays: [2],
    sessions: 7,
    startTime: '10:00',
    endTime: '12:00',
    size: 10,
  },
  {
    title: 'Soutien scolaire et français — enfants migrants',
    type: 'school_support',
    theme: 'language_classes',
    facilitators: 'Enseignante bénévole',
    place: 'École primaire Ibn Khaldoun, salle 3',
    targetAudience: 'Enfants de 6 à 14 ans',
    planned: 15,
    audience: (p) => p.age >= 6 && p.age <= 14,
    weeksAgo: 4,
    weekdays: [3, 6],
    sessions: 10,
    startTime: '14:30',
    endTime: '16:30',
    size: 14,
  },
  {
    title: 'Prévention de la radicalisation — cycle 3 : engagement citoyen',
    type: 'awareness_session',
    theme: 'radicalisation_prevention',
    project: 'Projet Jeunesse et citoyenneté 2025-2026',
    facilitators: 'Équipe jeunesse',
    place: 'Maison de jeunes Hay Al Qods',
    targetAudience: 'Jeunes de 15 à 29 ans du quartier',
    planned: 15,
    audience: youth,
    weeksAgo: -1,
    weekdays: [3],
    sessions: 4,
    startTime: '15:00',
    endTime: '17:00',
    size: 5,
  },
];

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The demo's activities: past cycles with their attendance, one under way, one to come. Some
 * young people followed both earlier cycles on radicalisation prevention, so registering them to
 * the third shows the repeat alert.
 */
export function addDemoActivities(tx: WriteTx, random: () => number, now: Date): Activity[] {
  const today = todayIso(now);
  const year = now.getUTCFullYear();
  const people = (
    tx.db.prepare('SELECT id, sex, birth_year, category FROM beneficiaries WHERE archived_at IS NULL ORDER BY reference').all() as {
      id: string;
      sex: 'female' | 'male';
      birth_year: number;
      category: string;
    }[]
  ).map((r): Person => ({ id: r.id, sex: r.sex, age: year - r.birth_year, category: r.category }));
  // Monday of this week, so that activities start on their weekday.
  const monday = addDays(today, 1 - isoWeekday(today));
  const registered: string[][] = [];
  const twoCycles = new Set<string>();
  const created: Activity[] = [];

  for (const spec of ACTIVITIES) {
    const firstWeek = addDays(monday, -7 * spec.weeksAgo);
    const startDate = addDays(firstWeek, spec.weekdays[0] - 1);
    const weeks = Math.ceil(spec.sessions / spec.weekdays.length);
    const at = `${addDays(startDate, -10)}T09:00:00.000Z`;
    const atTx: WriteTx = { ...tx, at: at < now.toISOString() ? at : now.toISOString() };
    const activity = saveActivity({
      title: spec.title,
      type: spec.type,
      theme: spec.theme,
      project: spec.project,
      facilitators: spec.facilitators,
      place: spec.place,
      targetAudience: spec.targetAudience,
      plannedParticipants: spec.planned,
      startDate,
      endDate: addDays(firstWeek, 7 * (weeks - 1) + spec.weekdays[spec.weekdays.length - 1] - 1),
      completionThreshold: 75,
    })(atTx);
    created.push(activity);
    const { created: sessions } = generateSessions(activity.id, {
      weekdays: spec.weekdays,
      startTime: spec.startTime,
      endTime: spec.endTime,
      startDate,
      weeks,
      skipDates: [],
      place: spec.place,
      facilitator: spec.facilitators,
    })(atTx);

    const repeaters = (spec.repeatFrom ?? []).flatMap((i) => registered[i].slice(0, 6));
    // Left for the user to register, to see the alert: those who followed two cycles already.
    const keepOut = spec.theme === 'radicalisation_prevention' && !spec.repeatFrom ? twoCycles : new Set<string>();
    const others = shuffled(random, people.filter(spec.audience)).filter((p) => !repeaters.includes(p.id) && !keepOut.has(p.id));
    const ids = [...repeaters, ...others.map((p) => p.id)].slice(0, spec.size);
    for (const id of ids) insertRegistration(tx.db, { activityId: activity.id, beneficiaryId: id, at: atTx.at, walkIn: false });
    registered.push(ids);
    for (const id of repeaters) twoCycles.add(id);

    for (const id of ids) {
      // Most come often, a few drop out, one in ten never comes.
      const assiduity = twoCycles.has(id) ? 0.9 : random() < 0.1 ? 0 : 0.55 + random() * 0.45;
      for (const session of sessions.slice(0, spec.sessions)) {
        if (session.date > today) continue;
        const r = random();
        const status: AttendanceStatus = r < assiduity ? 'present' : r < assiduity + (1 - assiduity) / 3 ? 'excused' : 'absent';
        upsertMark(tx.db, { sessionId: session.id, beneficiaryId: id, status, at: `${session.date}T18:00:00.000Z`, userId: tx.user.id });
      }
    }
  }
  addDemoLogos(tx);
  return created;
}

/**
 * Links the funded activities to the demo's agreement: the grants demo runs after this one (its
 * sub-grants need the people), so it calls this once the agreement exists.
 */
export function linkDemoActivitiesToAgreement(tx: WriteTx, agreementId: string): void {
  const funded = new Set(ACTIVITIES.filter((spec) => spec.funded).map((spec) => spec.title));
  const { rows } = listActivities(tx.db, { query: '', archived: false, offset: 0, limit: 500 }, dayOf(tx));
  for (const a of rows.filter((row) => funded.has(row.title))) saveActivity({ ...a, agreementId })(tx);
}

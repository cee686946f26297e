import { OPEN_PROCEDURE_STATUSES, type CaseNoteType, type ProcedureStatus, type ReferralStatus } from '../../contract';
import { insertNote, saveProcedure, saveReferral } from '../case-follow-up/repository';
import type { Db } from '../db/database';
import { newId } from '../ids';
import { pick } from './random';

const NOTES: [CaseNoteType, string][] = [
  ['visit', "Accueil à la permanence. Situation expliquée, orientation vers l'atelier d'information sur les droits."],
  ['call', 'Appel de suivi : la personne a trouvé un hébergement temporaire chez une connaissance.'],
  ['accompaniment', 'Accompagnement à la préfecture pour le dépôt du dossier.'],
  ['referral', "Orientée vers l'Entraide Nationale pour une formation en couture."],
  ['visit', "Passage au local : demande d'aide pour l'inscription scolaire des enfants."],
  ['other', 'Documents photocopiés et rangés dans le dossier papier.'],
];
const PROCEDURE_TYPES = ['residence_card_application', 'school_enrolment', 'birth_registration', 'anapec_registration', 'medical_file', 'vocational_training'];
const NEXT_STEPS = ['Déposer le dossier complet', 'Relancer la préfecture', "Rendez-vous à l'école", 'Obtenir le certificat de résidence', 'Récupérer le récépissé'];
const REASONS = ['Recherche d\'emploi', 'Soins de santé', 'Formation professionnelle', 'Aide alimentaire', 'Conseil juridique'];

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A believable history for the follow-up dashboard: notes over the last months, procedures in
 * every state (some overdue, some silent for weeks), referrals with and without an answer.
 */
export function addDemoFollowUp(db: Db, random: () => number, now: Date): void {
  const people = (db.prepare('SELECT id FROM beneficiaries WHERE personal_json IS NOT NULL ORDER BY reference LIMIT 60').all() as { id: string }[]).map((r) => r.id);
  const staff = (db.prepare('SELECT id FROM users ORDER BY created_at, id').all() as { id: string }[]).map((r) => r.id);
  const partners = (db.prepare('SELECT id FROM partners WHERE archived_at IS NULL').all() as { id: string }[]).map((r) => r.id);
  people.forEach((beneficiaryId, index) => {
    const lastSeen = 5 + Math.floor(random() * 150);
    for (let n = 0; n < 1 + Math.floor(random() * 3); n++) {
      const when = daysBefore(now, lastSeen + n * 20);
      const [type, text] = pick(random, NOTES);
      insertNote(db, {
        id: newId(), beneficiaryId, date: day(when), type, text, sensitive: random() < 0.1,
        authorId: pick(random, staff), authorName: '', hidden: false, createdAt: when.toISOString(),
      });
    }
    if (index % 2 === 0) {
      const status: ProcedureStatus = index % 10 === 0 ? 'completed' : pick(random, OPEN_PROCEDURE_STATUSES);
      const started = daysBefore(now, lastSeen + 30);
      const open = status !== 'completed';
      saveProcedure(db, {
        id: newId(), beneficiaryId, type: pick(random, PROCEDURE_TYPES), status, abandonReason: null,
        startedOn: day(started), closedOn: open ? null : day(daysBefore(now, lastSeen)),
        nextStep: open ? pick(random, NEXT_STEPS) : null,
        nextStepDue: open ? day(daysBefore(now, 20 - Math.floor(random() * 50))) : null,
        responsibleId: pick(random, staff), lastActivityAt: daysBefore(now, lastSeen).toISOString(),
        createdAt: started.toISOString(), updatedAt: daysBefore(now, lastSeen).toISOString(),
      });
    }
    if (index % 3 === 0 && partners.length > 0) {
      const sent = daysBefore(now, lastSeen + 10);
      const status: ReferralStatus = pick(random, ['sent', 'received', 'service_given', 'no_answer'] as const);
      saveReferral(db, {
        id: newId(), beneficiaryId, partnerId: pick(random, partners), sentOn: day(sent), reason: pick(random, REASONS), status,
        feedbackOn: status === 'sent' ? null : day(daysBefore(now, lastSeen)), notes: null,
        createdAt: sent.toISOString(), updatedAt: sent.toISOString(),
      });
    }
  });
}

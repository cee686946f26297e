import { serviceInputSchema, serviceReverseSchema, serviceTypeRuleSchema } from '../../contract';
import type { WriteTx } from '../context';
import { budgetLines, listAgreements } from '../grants/repository';
import { recordService, reverseService, setTypeRule } from '../services/service';

/** The `day` of the month `months` away from `now` (negative: before). */
function monthDay(now: Date, months: number, day: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, day)).toISOString().slice(0, 10);
}

/**
 * What some demo people received: training scholarships paid from the bank on the agreement's
 * "training and scholarships" line (their journal entries written with them, one reversed and paid
 * again at the right amount), cash and in-kind aid from the cash box, and accompaniment given by
 * the association or its partners. Hiring incentives are open to regularised and resident people
 * only. Written through the same services as the forms, after the treasury's accounts.
 */
export function addDemoServices(tx: WriteTx, now: Date): void {
  setTypeRule(serviceTypeRuleSchema.parse({ code: 'hiring_incentive', legalStatuses: ['regularisation_1y', 'regularisation_3y', 'residence_card', 'moroccan_citizen'] }))(tx);
  const people = (tx.db.prepare('SELECT id FROM beneficiaries WHERE merged_into IS NULL AND archived_at IS NULL ORDER BY reference LIMIT 24').all() as { id: string }[]).map((p) => p.id);
  const partners = tx.db.prepare('SELECT id, type FROM partners WHERE archived_at IS NULL ORDER BY name').all() as { id: string; type: string }[];
  const partnerOf = (type: string) => (partners.find((p) => p.type === type) ?? partners[0])?.id;
  const agreement = listAgreements(tx.db, false)[0];
  const training = agreement ? budgetLines(tx.db, agreement.id).find((l) => l.code === 'A2') : undefined;
  const today = now.toISOString().slice(0, 10);
  const onAgreement = (date: string) =>
    agreement && training && date >= agreement.startDate && date <= agreement.endDate ? { agreementId: agreement.id, budgetLineId: training.id } : {};
  const record = (input: Record<string, unknown>) => recordService(serviceInputSchema.parse({ confirmOutsideStatus: true, ...input }))(tx);

  people.forEach((beneficiaryId, i) => {
    const date = monthDay(now, -(i % 8) - 1, 4 + (i % 20));
    if (date > today) return;
    if (i < 6) {
      record({ beneficiaryId, typeCode: 'training_scholarship', date, amountMinor: 1_500_00, accountId: 'bank', note: 'Bourse de la formation couture (3 mois)', ...onAgreement(date) });
    } else if (i < 10) {
      record({ beneficiaryId, typeCode: i % 2 === 0 ? 'food_aid' : 'hygiene_kit', date, amountMinor: i % 2 === 0 ? 350_00 : 120_00, accountId: 'cash' });
    } else if (i < 13) {
      record({ beneficiaryId, typeCode: 'rent_aid', date, amountMinor: 800_00, accountId: 'bank', note: 'Un mois de loyer' });
    } else if (i < 16 && partnerOf('lawyer')) {
      record({ beneficiaryId, typeCode: 'legal_aid', date, providerKind: 'partner', partnerId: partnerOf('lawyer') });
    } else if (i < 19 && partnerOf('ngo')) {
      record({ beneficiaryId, typeCode: 'medical_accompaniment', date, providerKind: 'partner', partnerId: partnerOf('ngo'), note: 'Accompagnement à l’hôpital Al Farabi' });
    } else {
      record({ beneficiaryId, typeCode: i % 2 === 0 ? 'psychosocial_counselling' : 'administrative_help', date });
    }
  });

  // A scholarship typed at the wrong amount, reversed with its reason and recorded again.
  const wrongDate = monthDay(now, -2, 10);
  if (people[6] && wrongDate <= today) {
    const wrong = record({ beneficiaryId: people[6], typeCode: 'training_scholarship', date: wrongDate, amountMinor: 15_000_00, accountId: 'bank', ...onAgreement(wrongDate) });
    reverseService(serviceReverseSchema.parse({ id: wrong.id, date: wrongDate, reason: 'Montant mal saisi (15 000 au lieu de 1 500 DH)' }))(tx);
    record({ beneficiaryId: people[6], typeCode: 'training_scholarship', date: wrongDate, amountMinor: 1_500_00, accountId: 'bank', ...onAgreement(wrongDate) });
  }
}

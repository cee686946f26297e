import {
  agreementInputSchema,
  applicationInputSchema,
  callInputSchema,
  decideInputSchema,
  disbursementInputSchema,
  expenseDecisionSchema,
  expenseInputSchema,
  funderInputSchema,
  rateInputSchema,
  recipientInputSchema,
  ribKey,
  scoreInputSchema,
  subGrantInputSchema,
} from '../../contract';
import type { WriteTx } from '../context';
import * as grants from '../grants/service';
import { linkDemoActivitiesToAgreement } from './activities';
import { budgetLines, criteria as callCriteria, tranchesOf } from '../grants/repository';
import { giveDemoLogoToFunder } from './logos';

/** The first day of the month `months` away from `date` (negative: before). */
function monthStart(date: Date, months: number): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  return d.toISOString().slice(0, 10);
}

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const rib = (bank: string, city: string, account: string) => `${bank}${city}${account}${ribKey(`${bank}${city}${account}`)}`;

const ORGANISATIONS = [
  { name: 'Association Amal pour la femme migrante', city: 'Oujda', president: 'Khadija Bensaïd', rib: rib('007', '780', '0001234500012345') },
  { name: 'Association Nour Berkane', city: 'Berkane', president: 'Youssef Lahlou', rib: rib('011', '780', '0000098765400021') },
  { name: 'Coopérative Tissage solidaire', city: 'Nador', president: 'Fatima Azzouzi', rib: rib('145', '780', '2100456789000310') },
  { name: 'Espace Jeunes Sans Frontières', city: 'Oujda', president: 'Mamadou Traoré', rib: rib('190', '780', '0000777788889999') },
];

const PROJECTS = [
  { title: 'Atelier de couture et vente collective', requested: 9_500_00, scores: [[17, 15, 16], [16, 16, 15]] },
  { title: 'Cours d’arabe dialectal pour femmes migrantes', requested: 7_800_00, scores: [[15, 17, 14], [16, 15, 15]] },
  { title: 'Micro-boulangerie solidaire', requested: 10_000_00, scores: [[13, 12, 14], [14, 12, 13]] },
  { title: 'Tournoi de football interculturel', requested: 4_500_00, scores: [[9, 14, 8], [10, 13, 9]] },
];

/**
 * One Enabel-style agreement in EUR, paid to local associations in MAD: a call, four applications
 * scored by the president and the treasurer, two sub-grants with a first tranche paid and receipts
 * accepted, submitted and rejected. Everything goes through the same services as the forms.
 */
export function addDemoGrants(tx: WriteTx, now: Date): void {
  const start = monthStart(now, -8);
  const end = monthStart(now, 16);
  const run = <T>(work: (t: WriteTx) => T) => work(tx);

  run(grants.saveRate(rateInputSchema.parse({ date: start, fromCurrency: 'EUR', toCurrency: 'MAD', rateMicro: 10_850_000 })));
  run(grants.saveRate(rateInputSchema.parse({ date: monthStart(now, -4), fromCurrency: 'EUR', toCurrency: 'MAD', rateMicro: 10_920_000 })));

  const funder = run(grants.saveFunder(funderInputSchema.parse({ name: 'Enabel — Agence belge de développement', type: 'bilateral', country: 'BE', contact: 'Bureau de Rabat' })));
  giveDemoLogoToFunder(tx, funder.id);
  const agreement = run(
    grants.saveAgreement(
      agreementInputSchema.parse({
        funderId: funder.id,
        reference: 'ENABEL-MOR-2025-014',
        title: 'Inclusion socio-économique des personnes migrantes dans l’Oriental',
        startDate: start,
        endDate: end,
        currency: 'EUR',
        totalMinor: 250_000_00,
        tolerancePct: 5,
        budgetLines: [
          { code: 'A1', label: 'Micro-projets associatifs', amountMinor: 120_000_00 },
          { code: 'A2', label: 'Formations et bourses', amountMinor: 60_000_00 },
          { code: 'A3', label: 'Équipement', amountMinor: 40_000_00 },
          { code: 'A4', label: 'Frais de gestion', amountMinor: 30_000_00 },
        ],
        deadlines: [
          { dueDate: monthStart(now, -2), kind: 'narrative', label: 'Rapport intermédiaire', submittedOn: plusDays(monthStart(now, -2), -3) },
          { dueDate: monthStart(now, 4), kind: 'financial', label: 'Rapport financier annuel' },
          { dueDate: end, kind: 'narrative', label: 'Rapport final' },
        ],
        indicators: [
          { code: 'IND1', label: 'Micro-projets financés', target: 12 },
          { code: 'IND2', label: 'Personnes migrantes formées', target: 300 },
          { code: 'IND3', label: 'Femmes parmi les bénéficiaires (%)', target: 50 },
        ],
      }),
    ),
  );
  linkDemoActivitiesToAgreement(tx, agreement.id);
  const lines = budgetLines(tx.db, agreement.id);
  const line = (code: string) => lines.find((l) => l.code === code)?.id as string;

  const call = run(
    grants.saveCall(
      callInputSchema.parse({
        agreementId: agreement.id,
        title: 'Appel à micro-projets associatifs 2025',
        openDate: plusDays(start, 14),
        closeDate: plusDays(start, 60),
        envelopeMinor: 40_000_00,
        maxPerProjectMinor: 10_000_00,
        eligibility: 'Associations déclarées dans l’Oriental depuis au moins un an, projets au bénéfice de personnes migrantes.',
        criteria: [
          { label: 'Pertinence pour les personnes migrantes', weight: 3 },
          { label: 'Faisabilité et budget', weight: 2 },
          { label: 'Durabilité', weight: 2 },
        ],
      }),
    ),
  );
  const criteria = callCriteria(tx.db, call.id);

  const recipients = ORGANISATIONS.map((o) =>
    run(grants.saveRecipient(recipientInputSchema.parse({ kind: 'organisation', legalForm: 'Association (dahir 1958)', ...o }))),
  );
  const applications = PROJECTS.map((p, i) => {
    const application = run(
      grants.saveApplication(
        applicationInputSchema.parse({ callId: call.id, recipientId: recipients[i]?.id, projectTitle: p.title, requestedMinor: p.requested }),
      ),
    );
    ['Imane Ouazzani', 'Nadia El Amrani'].forEach((evaluator, e) =>
      run(
        grants.scoreApplication(
          scoreInputSchema.parse({ applicationId: application.id, evaluator, scores: criteria.map((c, k) => ({ criterionId: c.id, score: p.scores[e]?.[k] })) }),
        ),
      ),
    );
    return application;
  });
  const decisions = [
    { decision: 'selected' },
    { decision: 'selected' },
    { decision: 'reserve' },
    { decision: 'rejected', reason: 'Projet hors du champ de l’appel (activité ponctuelle).' },
  ];
  decisions.forEach((d, i) => run(grants.decideApplication(decideInputSchema.parse({ applicationId: applications[i]?.id, ...d }))));

  // Two sub-grants in MAD, converted at the rate of their start date (10.85 MAD for 1 EUR).
  const signed = plusDays(start, 75);
  [
    { i: 0, amountMinor: 100_000_00, equipment: 40_000_00, tranchePaid: 50_000_00 },
    { i: 1, amountMinor: 84_000_00, equipment: 30_000_00, tranchePaid: 42_000_00 },
  ].forEach(({ i, amountMinor, equipment, tranchePaid }, n) => {
    const subGrant = run(
      grants.saveSubGrant(
        subGrantInputSchema.parse({
          agreementId: agreement.id,
          callId: call.id,
          applicationId: applications[i]?.id,
          recipientId: recipients[i]?.id,
          title: PROJECTS[i]?.title,
          amountMinor,
          currency: 'MAD',
          startDate: signed,
          endDate: plusDays(signed, 300),
          budget: [
            { budgetLineId: line('A1'), amountMinor: amountMinor - equipment },
            { budgetLineId: line('A3'), amountMinor: equipment },
          ],
          tranches: [
            { percent: 50, dueDate: plusDays(signed, 7) },
            { percent: 30, dueDate: plusDays(signed, 240), conditionPct: 70 },
            { percent: 20, dueDate: plusDays(signed, 290), conditionPct: 100 },
          ],
          reportDates: [{ dueDate: plusDays(signed, 140), submittedOn: n === 0 ? plusDays(signed, 138) : null }, { dueDate: plusDays(signed, 300) }],
        }),
      ),
    );
    const [first] = tranchesOf(tx.db, subGrant.id);
    run(
      grants.addDisbursement(
        disbursementInputSchema.parse({ trancheId: first?.id, date: plusDays(signed, 8), amountMinor: tranchePaid, method: 'transfer', reference: `VIR-${2025 + n}-00${n + 7}` }),
      ),
    );
    const expenses = [
      { supplier: 'Tissus El Fath', description: 'Tissus et fournitures', amountMinor: 12_450_00, lineCode: 'A1', status: 'accepted' },
      { supplier: 'Électro Oriental', description: 'Deux machines à coudre', amountMinor: 15_800_00, lineCode: 'A3', status: 'accepted' },
      { supplier: 'Imprimerie Al Amal', description: 'Affiches et dépliants', amountMinor: 1_980_50, lineCode: 'A1', status: 'rejected' },
      { supplier: 'Café Andalous', description: 'Pauses café, réunion de lancement', amountMinor: 640_00, lineCode: 'A1', status: 'submitted' },
    ];
    expenses.forEach((e, k) => {
      const saved = run(
        grants.addExpense(
          expenseInputSchema.parse({
            subGrantId: subGrant.id,
            budgetLineId: line(e.lineCode),
            date: plusDays(signed, 20 + k * 9),
            supplier: e.supplier,
            description: e.description,
            amountMinor: e.amountMinor - n * 150_00,
            receiptNumber: `F-${n + 1}${String(k + 1).padStart(3, '0')}`,
          }),
        ),
      );
      if (e.status === 'submitted') return;
      run(
        grants.decideExpense(
          expenseDecisionSchema.parse(e.status === 'accepted' ? { id: saved.id, status: 'accepted' } : { id: saved.id, status: 'rejected', reason: 'Facture sans cachet du fournisseur.' }),
        ),
      );
    });
  });
}

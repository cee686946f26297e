import { accountInputSchema, entryInputSchema, funderTranchePlanSchema, trancheReceiptSchema } from '../../contract';
import type { WriteTx } from '../context';
import { budgetLines, listAgreements } from '../grants/repository';
import * as treasury from '../treasury/service';

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The 5th of the month `months` away from `now` (negative: before). */
function monthDay(now: Date, months: number, day: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, day)).toISOString().slice(0, 10);
}

/**
 * The demo association's books: a bank account and a cash box with opening balances, the funder's
 * tranches (the first two received at the bank's rate), and a year of the association's own
 * spending and income, part of it on the agreement's budget lines. Dues and sub-grant payments are
 * already in the journal: their areas wrote them. Written through the same services as the forms.
 */
export function addDemoTreasury(tx: WriteTx, now: Date): void {
  const first = tx.db.prepare('SELECT min(date) AS d FROM journal_entries').get() as { d: string | null };
  const openingYear = Math.min(Number((first.d ?? monthDay(now, -24, 1)).slice(0, 4)), now.getUTCFullYear() - 1);
  const openingDate = `${openingYear}-01-01`;
  treasury.saveAccount(accountInputSchema.parse({ id: 'bank', name: 'Banque Populaire — compte courant', kind: 'bank', currency: 'MAD', openingDate, openingMinor: 38_400_00 }))(tx);
  treasury.saveAccount(accountInputSchema.parse({ id: 'cash', name: 'Caisse', kind: 'cash', currency: 'MAD', openingDate, openingMinor: 1_250_00 }))(tx);

  const agreement = listAgreements(tx.db, false)[0];
  if (!agreement) return;
  const plan = treasury.planFunderTranches(
    funderTranchePlanSchema.parse({
      agreementId: agreement.id,
      tranches: [
        { dueDate: plusDays(agreement.startDate, 15), amountMinor: 100_000_00 },
        { dueDate: plusDays(agreement.startDate, 200), amountMinor: 100_000_00 },
        { dueDate: plusDays(agreement.endDate, -30), amountMinor: 50_000_00 },
      ],
    }),
  )(tx);
  const [t1, t2] = plan.tranches;
  const received = [
    { tranche: t1, date: plusDays(agreement.startDate, 21), rateMicro: 10_840_000, reference: 'VIR-ENABEL-01' },
    { tranche: t2, date: plusDays(agreement.startDate, 207), rateMicro: 10_915_000, reference: 'VIR-ENABEL-02' },
  ];
  const today = now.toISOString().slice(0, 10);
  for (const r of received) {
    if (!r.tranche || r.date > today) continue;
    treasury.receiveFunderTranche(
      trancheReceiptSchema.parse({ funderTrancheId: r.tranche.id, date: r.date, accountId: 'bank', amountMinor: r.tranche.amountMinor, rateMicro: r.rateMicro, reference: r.reference }),
    )(tx);
  }

  const lines = budgetLines(tx.db, agreement.id);
  const line = (code: string) => lines.find((l) => l.code === code)?.id ?? null;
  for (let m = -11; m <= 0; m++) {
    const day = (d: number) => monthDay(now, m, d);
    const onAgreement = (date: string, code: string) => (date >= agreement.startDate && date <= today ? { agreementId: agreement.id, budgetLineId: line(code) } : {});
    const movements = [
      { date: day(3), accountId: 'bank', direction: 'out', amountMinor: 3_500_00, categoryId: 'rent', counterpartKind: 'supplier', counterpartName: 'M. Haddouchi (propriétaire)', description: 'Loyer du local' },
      { date: day(28), accountId: 'bank', direction: 'out', amountMinor: 6_800_00, categoryId: 'staff', counterpartKind: 'person', counterpartName: 'Coordinatrice de projet', description: 'Salaire', ...onAgreement(day(28), 'A4') },
      { date: day(12), accountId: 'bank', direction: 'out', amountMinor: 1_200_00 + ((m + 12) % 3) * 150_00, categoryId: 'trainers', counterpartKind: 'person', counterpartName: 'Formateur couture', description: 'Animation des ateliers', ...onAgreement(day(12), 'A2') },
      { date: day(15), accountId: 'cash', direction: 'out', amountMinor: 340_00, categoryId: 'transport', counterpartKind: 'supplier', counterpartName: 'Taxis Oujda', description: 'Déplacements des participantes', ...onAgreement(day(15), 'A2') },
      { date: day(27), accountId: 'bank', direction: 'out', amountMinor: 45_00, categoryId: 'bank_fees', counterpartKind: 'supplier', counterpartName: 'Banque Populaire', description: 'Frais de tenue de compte' },
      ...(m % 3 === 0
        ? [{ date: day(18), accountId: 'bank', direction: 'out', amountMinor: 2_150_00, categoryId: 'training_materials', counterpartKind: 'supplier', counterpartName: 'Librairie Al Massira', description: 'Cahiers et supports de formation', ...onAgreement(day(18), 'A2') }]
        : []),
      ...(m % 4 === 0
        ? [{ date: day(9), accountId: 'cash', direction: 'in', amountMinor: 500_00, categoryId: 'donations', counterpartKind: 'person', counterpartName: 'Donateur anonyme', description: 'Don' }]
        : []),
    ];
    for (const move of movements) if (move.date <= today) treasury.addEntry(entryInputSchema.parse(move))(tx);
  }
}

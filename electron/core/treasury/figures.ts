import { isTransferCategory, type AccountYear, type AgreementFinancialReport, type CategoryTotal, type UsedRate, type YearStatement } from '../../contract';
import { readAssociation } from '../association/repository';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { budgetFollowUp, grantsDashboard } from '../grants/figures';
import { getAgreement } from '../grants/repository';
import { isYearClosed, listAccounts, listCategories } from './repository';
import { funderTranches } from './service';

// The treasurer's statements. Integer sums of centimes only; a reversal counts against the side of
// the entry it reverses, so the figures after a correction are those the right entry would give.

/**
 * One agreement for its funder, in the agreement's currency: received (the funder's tranches),
 * spent directly (the journal's entries on the agreement), passed on (paid to sub-grantees, at the
 * rate of each sub-grant's start as on the grants dashboard), per budget line against the budget.
 */
export function agreementReport(db: Db, agreementId: string, today: string): AgreementFinancialReport {
  const agreement = getAgreement(db, agreementId);
  if (!agreement) throw new AppError('not_found');
  const dashboard = grantsDashboard(db, today, agreementId).agreements[0];
  const followUp = budgetFollowUp(db, agreement);
  const tranches = funderTranches(db, agreementId);

  const direct = db
    .prepare(
      `SELECT nullif(budget_line_id, '') AS lineId, sum(iif(direction = 'out', agreement_minor, -agreement_minor)) AS v
       FROM treasury_agreement_totals WHERE agreement_id = ? GROUP BY budget_line_id`,
    )
    .all(agreementId) as { lineId: string | null; v: number }[];
  const directByLine = new Map(direct.map((r) => [r.lineId, r.v]));
  const spentDirectlyMinor = direct.reduce((s, r) => s + r.v, 0);

  const lines = followUp.lines.map((l) => {
    const spentDirectly = directByLine.get(l.id) ?? 0;
    const used = spentDirectly + l.spentMinor;
    return {
      budgetLineId: l.id,
      code: l.code,
      label: l.label,
      budgetMinor: l.amountMinor,
      spentDirectlyMinor: spentDirectly,
      justifiedBySubGranteesMinor: l.spentMinor,
      remainingMinor: l.amountMinor - used,
      usedPct: Math.round((used * 1000) / l.amountMinor) / 10,
    };
  });

  const typed = db
    .prepare(
      `SELECT DISTINCT r.rate_date AS date, a.currency AS fromCurrency, r.rate_micro AS rateMicro, r.rate_inverse AS inverse
       FROM treasury_agreement_rates r JOIN treasury_accounts a ON a.id = r.account_id WHERE r.agreement_id = ?`,
    )
    .all(agreementId) as { date: string; fromCurrency: string; rateMicro: number; inverse: number }[];
  const rates = new Map<string, UsedRate>();
  for (const r of [...typed.map((t) => ({ ...t, toCurrency: agreement.currency, inverse: t.inverse === 1 })), ...(dashboard?.ratesUsed ?? [])]) {
    rates.set(`${r.fromCurrency}>${r.toCurrency}@${r.date}:${r.rateMicro}:${r.inverse}`, r);
  }

  const passedOnMinor = dashboard?.disbursedMinor ?? 0;
  return {
    associationName: readAssociation(db)?.name ?? '',
    generatedOn: today,
    agreement: {
      id: agreement.id,
      reference: agreement.reference,
      title: agreement.title,
      funderName: dashboard?.funderName ?? '',
      startDate: agreement.startDate,
      endDate: agreement.endDate,
      currency: agreement.currency,
      totalMinor: agreement.totalMinor,
    },
    tranches: tranches.tranches,
    receivedMinor: tranches.receivedMinor,
    spentDirectlyMinor,
    passedOnMinor,
    remainingMinor: tranches.receivedMinor - spentDirectlyMinor - passedOnMinor,
    lines,
    unallocatedMinor: directByLine.get(null) ?? 0,
    subGrants: (dashboard?.subGrants ?? []).map((s) => ({
      id: s.id,
      reference: s.reference,
      title: s.title,
      recipientName: s.recipientName,
      passedOnMinor: s.disbursedMinor,
      justifiedMinor: s.justifiedMinor,
    })),
    ratesUsed: [...rates.values()].sort((a, b) => a.date.localeCompare(b.date) || a.fromCurrency.localeCompare(b.fromCurrency)),
  };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * The year for the general assembly: income and expenses by category, and each account's opening,
 * movements and closing, month by month. Per currency of the accounts.
 */
export function yearStatement(db: Db, year: number): YearStatement {
  const to = `${year}-12-31`;
  const accounts = listAccounts(db, true).filter((a) => a.openingDate <= to);
  const currencyOf = new Map(accounts.map((a) => [a.id, a.currency]));

  // Per account, month and category: a few hundred rows whatever the size of the journal.
  const totals = db
    .prepare('SELECT account_id AS id, month, category_id AS categoryId, direction, amount_minor AS amount FROM treasury_month_totals WHERE month <= ?')
    .all(`${year}-12`) as { id: string; month: string; categoryId: string; direction: 'in' | 'out'; amount: number }[];
  const before = new Map<string, number>();
  const monthly = new Map<string, { inMinor: number; outMinor: number }>();
  const byCategory: { id: string; categoryId: string; net: number }[] = [];
  for (const r of totals) {
    const signed = r.direction === 'in' ? r.amount : -r.amount;
    if (r.month < `${year}-01`) {
      before.set(r.id, (before.get(r.id) ?? 0) + signed);
      continue;
    }
    const key = `${r.id}@${r.month.slice(5)}`;
    const m = monthly.get(key) ?? { inMinor: 0, outMinor: 0 };
    if (r.direction === 'in') m.inMinor += r.amount;
    else m.outMinor += r.amount;
    monthly.set(key, m);
    if (!isTransferCategory(r.categoryId)) byCategory.push({ id: r.id, categoryId: r.categoryId, net: signed });
  }

  const accountYears: AccountYear[] = accounts.map((a) => {
    let running = a.openingMinor + (before.get(a.id) ?? 0);
    const openingMinor = running;
    let inMinor = 0;
    let outMinor = 0;
    const months = MONTHS.map((mm) => {
      const m = monthly.get(`${a.id}@${mm}`);
      const start = running;
      const i = m?.inMinor ?? 0;
      const o = m?.outMinor ?? 0;
      running += i - o;
      inMinor += i;
      outMinor += o;
      return { month: `${year}-${mm}`, openingMinor: start, inMinor: i, outMinor: o, closingMinor: running };
    });
    return { accountId: a.id, name: a.name, kind: a.kind, currency: a.currency, openingMinor, inMinor, outMinor, closingMinor: running, months };
  });

  const categories = listCategories(db, true);
  const currencies = [...new Set(accounts.map((a) => a.currency))].sort((x, y) => (x === 'MAD' ? -1 : y === 'MAD' ? 1 : x.localeCompare(y)));
  return {
    associationName: readAssociation(db)?.name ?? '',
    year,
    closed: isYearClosed(db, year),
    currencies: currencies.map((currency) => {
      const net = new Map<string, number>();
      for (const r of byCategory) if (currencyOf.get(r.id) === currency) net.set(r.categoryId, (net.get(r.categoryId) ?? 0) + r.net);
      const totals = (direction: 'in' | 'out'): CategoryTotal[] =>
        categories
          .filter((c) => c.direction === direction && net.has(c.id))
          .map((c) => ({
            categoryId: c.id,
            direction,
            labelFr: c.labelFr,
            labelAr: c.labelAr,
            labelEn: c.labelEn,
            amountMinor: direction === 'in' ? (net.get(c.id) ?? 0) : 0 - (net.get(c.id) ?? 0),
          }));
      const income = totals('in');
      const expenses = totals('out');
      const incomeMinor = income.reduce((s, c) => s + c.amountMinor, 0);
      const expensesMinor = expenses.reduce((s, c) => s + c.amountMinor, 0);
      return { currency, income, expenses, incomeMinor, expensesMinor, resultMinor: incomeMinor - expensesMinor };
    }),
    accounts: accountYears,
  };
}

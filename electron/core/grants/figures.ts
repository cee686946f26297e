import type {
  Agreement,
  AgreementDashboardRow,
  BudgetFollowUp,
  GrantsDashboard,
  SubGrantDashboardRow,
  SubGrantFigures,
  UsedRate,
} from '../../contract';
import type { Db } from '../db/database';
import { applyRate, pickRate } from './rates';
import { budgetLines, listRates, type MoneyTotals, type TrancheRecord } from './repository';

// The treasurer's figures. Every sum is an integer of minor units: SQL sums integers, conversions
// round each sub-grant's total once (at the rate of its start date), so the same inputs always give
// the same centimes.

/** A tranche falls due "soon" within this many days. */
export const SOON_DAYS = 30;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type State = SubGrantFigures['state'];

export function subGrantFigures(
  amountMinor: number,
  totals: MoneyTotals,
  nextTrancheDue: string | null,
  overdueReports: number,
  today: string,
): SubGrantFigures {
  const { disbursedMinor, justifiedMinor } = totals;
  let state: State = 'ok';
  if (overdueReports > 0 || (nextTrancheDue !== null && nextTrancheDue < today)) state = 'late';
  else if ((nextTrancheDue !== null && nextTrancheDue <= addDays(today, SOON_DAYS)) || justifiedMinor * 2 < disbursedMinor) state = 'watch';
  return {
    amountMinor,
    ...totals,
    leftToDisburseMinor: amountMinor - disbursedMinor,
    leftToJustifyMinor: disbursedMinor - justifiedMinor,
    nextTrancheDue,
    overdueReports,
    state,
  };
}

/** The earliest due date of a tranche not yet paid in full. */
export function nextDue(tranches: Pick<TrancheRecord, 'amountMinor' | 'disbursedMinor' | 'dueDate'>[]): string | null {
  let next: string | null = null;
  for (const t of tranches) if (t.disbursedMinor < t.amountMinor && (next === null || t.dueDate < next)) next = t.dueDate;
  return next;
}

/** Rate look-ups over the table read once, memoised: thousands of sub-grants share a few (currency, date) pairs. */
export function rateFinder(db: Db) {
  const rates = listRates(db);
  const cache = new Map<string, UsedRate | null>();
  return (from: string, to: string, date: string): UsedRate | null | undefined => {
    if (from === to) return null;
    const key = `${from}>${to}@${date}`;
    if (!cache.has(key)) cache.set(key, pickRate(rates, from, to, date));
    // undefined: a conversion is needed and no rate exists.
    return cache.get(key) ?? undefined;
  };
}

/** The distinct rates a set of conversions used, oldest first, so a screen can say which ones. */
function ratesUsed() {
  const used = new Map<string, UsedRate>();
  return {
    add(rate: UsedRate | null | undefined) {
      if (rate) used.set(`${rate.fromCurrency}>${rate.toCurrency}@${rate.date}`, rate);
    },
    list: () => [...used.values()].sort((a, b) => a.date.localeCompare(b.date) || a.fromCurrency.localeCompare(b.fromCurrency)),
  };
}

interface SubGrantLine {
  id: string;
  agreementId: string;
  reference: string;
  title: string;
  recipientName: string;
  currency: string;
  amountMinor: number;
  startDate: string;
}

const countBy = (db: Db, sql: string, today: string): Map<string, number> => {
  const rows = db.prepare(sql).all(today) as { id: string; v: number }[];
  return new Map(rows.map((r) => [r.id, r.v]));
};

/**
 * Per agreement, then per sub-grant: what was committed, paid and justified, and what is late.
 * One agreement asked by id is there even when archived.
 */
export function grantsDashboard(db: Db, today: string, agreementId?: string, includeArchived = false): GrantsDashboard {
  const only = agreementId ? 'a.id = @agreementId' : includeArchived ? '1 = 1' : 'a.archived_at IS NULL';
  const agreements = db
    .prepare(
      `SELECT a.id, a.reference, a.title, f.name AS funderName, a.currency, a.total_minor AS totalMinor, a.archived_at AS archivedAt
       FROM funding_agreements a JOIN grant_funders f ON f.id = a.funder_id WHERE ${only}
       ORDER BY a.start_date DESC, a.id DESC`,
    )
    .all(agreementId ? { agreementId } : {}) as Pick<AgreementDashboardRow, 'id' | 'archivedAt' | 'reference' | 'title' | 'funderName' | 'currency' | 'totalMinor'>[];
  const subGrants = db
    .prepare(
      `SELECT s.id, s.agreement_id AS agreementId, s.reference, s.title, coalesce(r.name, b.display_name, b.initials) AS recipientName,
         s.currency, s.amount_minor AS amountMinor, s.start_date AS startDate, t.disbursed_minor AS disbursedMinor,
         t.accepted_minor AS justifiedMinor, t.submitted_minor AS submittedMinor, t.rejected_minor AS rejectedMinor
       FROM sub_grants s JOIN grant_totals t ON t.sub_grant_id = s.id JOIN grant_recipients r ON r.id = s.recipient_id
         LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id
       WHERE s.archived_at IS NULL ${agreementId ? 'AND s.agreement_id = @agreementId' : ''} ORDER BY s.reference`,
    )
    .all(agreementId ? { agreementId } : {}) as (SubGrantLine & MoneyTotals)[];
  const nextBySubGrant = new Map(
    (
      db
        .prepare('SELECT sub_grant_id AS id, min(due_date) AS v FROM grant_tranches WHERE amount_minor > disbursed_minor GROUP BY sub_grant_id')
        .all() as { id: string; v: string }[]
    ).map((r) => [r.id, r.v]),
  );
  const overdueReports = countBy(db, 'SELECT sub_grant_id AS id, count(*) AS v FROM sub_grant_reports WHERE submitted_on IS NULL AND due_date < ? GROUP BY sub_grant_id', today);
  const overdueDeadlines = countBy(db, 'SELECT agreement_id AS id, count(*) AS v FROM agreement_deadlines WHERE submitted_on IS NULL AND due_date < ? GROUP BY agreement_id', today);

  const rateOf = rateFinder(db);
  const rowsByAgreement = new Map<string, { line: SubGrantLine; row: SubGrantDashboardRow }[]>();
  for (const s of subGrants) {
    const totals: MoneyTotals = {
      disbursedMinor: s.disbursedMinor,
      justifiedMinor: s.justifiedMinor,
      submittedMinor: s.submittedMinor,
      rejectedMinor: s.rejectedMinor,
    };
    const figures = subGrantFigures(s.amountMinor, totals, nextBySubGrant.get(s.id) ?? null, overdueReports.get(s.id) ?? 0, today);
    const row: SubGrantDashboardRow = { id: s.id, reference: s.reference, title: s.title, recipientName: s.recipientName, currency: s.currency, ...figures };
    const list = rowsByAgreement.get(s.agreementId) ?? [];
    list.push({ line: s, row });
    rowsByAgreement.set(s.agreementId, list);
  }

  return {
    today,
    agreements: agreements.map((a): AgreementDashboardRow => {
      const children = rowsByAgreement.get(a.id) ?? [];
      let committedMinor = 0;
      let disbursedMinor = 0;
      let justifiedMinor = 0;
      let unconverted = 0;
      let nextTrancheDue: string | null = null;
      const rates = ratesUsed();
      for (const { line, row } of children) {
        const rate = rateOf(line.currency, a.currency, line.startDate);
        rates.add(rate);
        if (rate === undefined) {
          unconverted += 1;
        } else {
          committedMinor += applyRate(row.amountMinor, rate);
          disbursedMinor += applyRate(row.disbursedMinor, rate);
          justifiedMinor += applyRate(row.justifiedMinor, rate);
        }
        if (row.nextTrancheDue && (nextTrancheDue === null || row.nextTrancheDue < nextTrancheDue)) nextTrancheDue = row.nextTrancheDue;
      }
      const overdue = overdueDeadlines.get(a.id) ?? 0;
      const states = children.map((c) => c.row.state);
      const state: State = overdue > 0 || states.includes('late') ? 'late' : states.includes('watch') ? 'watch' : 'ok';
      return {
        id: a.id,
        archivedAt: a.archivedAt,
        reference: a.reference,
        title: a.title,
        funderName: a.funderName,
        currency: a.currency,
        totalMinor: a.totalMinor,
        committedMinor,
        disbursedMinor,
        justifiedMinor,
        leftToCommitMinor: a.totalMinor - committedMinor,
        leftToDisburseMinor: committedMinor - disbursedMinor,
        leftToJustifyMinor: disbursedMinor - justifiedMinor,
        nextTrancheDue,
        overdueReports: overdue,
        state,
        unconverted,
        ratesUsed: rates.list(),
        subGrants: children.map((c) => c.row),
      };
    }),
  };
}

/** Per budget line: planned, committed by the sub-grants' breakdowns, spent (accepted expenses), % used. */
export function budgetFollowUp(db: Db, agreement: Agreement): BudgetFollowUp {
  const rateOf = rateFinder(db);
  const rates = ratesUsed();
  const convert = (minor: number, currency: string, startDate: string) => {
    const rate = rateOf(currency, agreement.currency, startDate);
    rates.add(rate);
    return rate === undefined ? 0 : applyRate(minor, rate);
  };
  const perLine = (sql: string) => {
    const totals = new Map<string, number>();
    const rows = db.prepare(sql).all(agreement.id) as { lineId: string; currency: string; startDate: string; v: number }[];
    for (const r of rows) totals.set(r.lineId, (totals.get(r.lineId) ?? 0) + convert(r.v, r.currency, r.startDate));
    return totals;
  };
  const committed = perLine(
    `SELECT b.budget_line_id AS lineId, s.currency, s.start_date AS startDate, sum(b.amount_minor) AS v
     FROM sub_grant_budget b JOIN sub_grants s ON s.id = b.sub_grant_id
     WHERE s.agreement_id = ? AND s.archived_at IS NULL GROUP BY b.budget_line_id, s.id`,
  );
  const spent = perLine(
    `SELECT e.budget_line_id AS lineId, s.currency, s.start_date AS startDate, sum(e.amount_minor) AS v
     FROM grant_expenses e JOIN sub_grants s ON s.id = e.sub_grant_id
     WHERE s.agreement_id = ? AND s.archived_at IS NULL AND e.status = 'accepted' GROUP BY e.budget_line_id, s.id`,
  );
  // Already in the agreement's currency: each journal entry kept its converted amount.
  const direct = new Map(
    (
      db
        .prepare(
          `SELECT budget_line_id AS lineId, sum(iif(direction = 'out', agreement_minor, -agreement_minor)) AS v
           FROM treasury_agreement_totals WHERE agreement_id = ? AND budget_line_id <> '' GROUP BY budget_line_id`,
        )
        .all(agreement.id) as { lineId: string; v: number }[]
    ).map((r) => [r.lineId, r.v]),
  );
  const lines = budgetLines(db, agreement.id).map((l) => {
    const spentMinor = spent.get(l.id) ?? 0;
    const spentDirectlyMinor = direct.get(l.id) ?? 0;
    const used = spentMinor + spentDirectlyMinor;
    return {
      ...l,
      committedMinor: committed.get(l.id) ?? 0,
      spentMinor,
      spentDirectlyMinor,
      usedPct: Math.round((used * 1000) / l.amountMinor) / 10,
      overspent: used > l.amountMinor,
    };
  });
  return {
    agreement,
    lines,
    totalPlannedMinor: lines.reduce((s, l) => s + l.amountMinor, 0),
    totalSpentMinor: lines.reduce((s, l) => s + l.spentMinor, 0),
    totalSpentDirectlyMinor: lines.reduce((s, l) => s + l.spentDirectlyMinor, 0),
    ratesUsed: rates.list(),
  };
}

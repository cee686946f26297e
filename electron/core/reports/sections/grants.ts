import type { ReportCell } from '../../../contract';
import { column, table, tableExists, type ReportSectionModule } from '../section';

/**
 * Micro-projects (sub-grants) of the period: granted, disbursed, and their expenses by status,
 * per currency. Amounts are for treasurers and presidents; counts are for everyone.
 */
export const grantsSection: ReportSectionModule = {
  id: 'grants',
  available: (db) => tableExists(db, 'sub_grants'),
  build({ db, from, to, texts, role, agreementId }) {
    const t = texts.areas;
    const params = { from, to, agreementId };
    const scope = 'AND (@agreementId IS NULL OR sg.agreement_id = @agreementId)';
    type Line = { currency: string; projects: number; amount: number };
    const granted = db
      .prepare(
        `SELECT sg.currency, count(*) AS projects, sum(sg.amount_minor) AS amount FROM sub_grants sg
         WHERE sg.start_date BETWEEN @from AND @to ${scope} GROUP BY sg.currency ORDER BY sg.currency`,
      )
      .all(params) as Line[];
    const disbursed = db
      .prepare(
        `SELECT sg.currency, count(DISTINCT d.sub_grant_id) AS projects, sum(d.amount_minor) AS amount
         FROM grant_disbursements d JOIN sub_grants sg ON sg.id = d.sub_grant_id
         WHERE d.date BETWEEN @from AND @to AND d.reversal_entry_id IS NULL ${scope} GROUP BY sg.currency ORDER BY sg.currency`,
      )
      .all(params) as Line[];
    const expenses = db
      .prepare(
        `SELECT e.status, sg.currency, count(DISTINCT e.sub_grant_id) AS projects, sum(e.amount_minor) AS amount
         FROM grant_expenses e JOIN sub_grants sg ON sg.id = e.sub_grant_id
         WHERE e.date BETWEEN @from AND @to ${scope} GROUP BY e.status, sg.currency ORDER BY sg.currency`,
      )
      .all(params) as (Line & { status: 'submitted' | 'accepted' | 'rejected' })[];

    const money = role !== 'volunteer';
    const rows: ReportCell[][] = [];
    const add = (label: string, lines: Line[]) => {
      for (const l of lines) rows.push(money ? [label, l.currency, l.projects, l.amount] : [label, l.currency, l.projects]);
    };
    add(t.grantItems.granted, granted);
    add(t.grantItems.disbursed, disbursed);
    for (const status of ['submitted', 'accepted', 'rejected'] as const) add(t.grantItems[status], expenses.filter((e) => e.status === status));
    const columns = [column(t.columns.item, 'label'), column(t.columns.currency, 'label'), column(t.columns.microProjects)];
    if (money) columns.push(column(t.columns.amount, 'amount'));

    const notes = [agreementId ? t.notes.agreementScope : t.notes.chooseAgreement];
    if (rows.length === 0) notes.push(t.notes.noGrants);
    if (!money) notes.push(t.notes.moneyForTreasurers);
    return {
      measures: { micro_projects_funded: granted.reduce((sum, l) => sum + l.projects, 0) },
      notes,
      tables: [table(texts, 'grants.amounts', columns, rows)],
    };
  },
};

import type { ReportCell } from '../../../contract';
import { column, sumRow, table, tableExists, type ReportSectionModule } from '../section';
import { gridLines, withoutSmallCells } from '../small-cells';

const STATUSES = ['active', 'lapsed', 'resigned'] as const;

/** Members registered by the end of the period (by their current status), newcomers, and dues collected. */
export const membersSection: ReportSectionModule = {
  id: 'members',
  available: (db) => tableExists(db, 'members'),
  build({ db, from, to, texts, role, smallCellThreshold }) {
    const t = texts.areas;
    const period = { from, to };
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM members WHERE join_date <= @to) AS joinedBy,
           (SELECT count(*) FROM members WHERE join_date BETWEEN @from AND @to) AS joined,
           (SELECT count(*) FROM member_payments WHERE date BETWEEN @from AND @to AND reversal_entry_id IS NULL) AS payments`,
      )
      .get(period) as { joinedBy: number; joined: number; payments: number };
    const bySex = db
      .prepare('SELECT status, sex, count(*) AS n FROM members WHERE join_date <= @to GROUP BY status, sex')
      .all(period) as { status: string; sex: 'female' | 'male'; n: number }[];
    const statusRows: ReportCell[][] = STATUSES.map((status) => {
      const n = (sex: string) => bySex.find((r) => r.status === status && r.sex === sex)?.n ?? 0;
      return [t.memberStatus[status], n('female'), n('male'), n('female') + n('male')];
    });
    const statusColumns = [column(t.columns.status, 'label'), column(texts.female), column(texts.male), column(texts.total)];
    const byStatus = table(texts, 'members.byStatus', statusColumns, statusRows, sumRow(texts.total, statusColumns, statusRows));
    const tables = [
      table(texts, 'members.summary', [column(texts.columns.indicator, 'label'), column(texts.columns.value)], [
        [t.memberIndicators.joinedBy, counts.joinedBy],
        [t.memberIndicators.joined, counts.joined],
        [t.memberIndicators.payments, counts.payments],
      ]),
      withoutSmallCells(byStatus, gridLines(byStatus, [1, 2], 3), smallCellThreshold),
    ];
    const notes: string[] = counts.joinedBy === 0 ? [t.notes.noMembers] : [];
    if (role === 'volunteer') notes.push(t.notes.moneyForTreasurers);
    else {
      const dues = db
        .prepare(
          `SELECT year, currency, count(*) AS payments, count(DISTINCT member_id) AS members, sum(amount) AS amount
           FROM member_payments WHERE date BETWEEN @from AND @to AND reversal_entry_id IS NULL GROUP BY year, currency ORDER BY year, currency`,
        )
        .all(period) as { year: number; currency: string; payments: number; members: number; amount: number }[];
      tables.push(
        table(
          texts,
          'members.dues',
          [column(t.columns.duesYear, 'label'), column(t.columns.currency, 'label'), column(t.columns.payments), column(t.columns.members), column(t.columns.amount, 'amount')],
          dues.map((d) => [String(d.year), d.currency, d.payments, d.members, d.amount]),
        ),
      );
    }
    return { measures: { members_joined: counts.joined, dues_payments: counts.payments }, notes, tables };
  },
};

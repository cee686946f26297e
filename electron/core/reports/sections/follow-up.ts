import { referralStatusSchema, caseNoteTypeSchema, type ReportCell, type ReportTable } from '../../../contract';
import { lookupLabels, lookupOrder } from '../labels';
import { column, sumRow, table, type ReportSectionModule } from '../section';
import { gridLines, withoutSmallCells } from '../small-cells';
import { caseCountsTable } from './case-counts';
import { servicesGivenTable } from './services-given';

/** Cases open and closed by reason, procedures started, completed and abandoned, referrals sent by outcome, case notes and services given by type, in the period. */
export const followUpSection: ReportSectionModule = {
  id: 'followUp',
  available: () => true,
  build({ db, from, to, texts, locale, smallCellThreshold, agreementId, role }) {
    const period = { from, to };
    const procedures = db
      .prepare(
        `SELECT type,
           sum(coalesce(started_on, substr(created_at, 1, 10)) BETWEEN @from AND @to) AS started,
           sum(status = 'completed' AND closed_on BETWEEN @from AND @to) AS completed,
           sum(status = 'abandoned' AND closed_on BETWEEN @from AND @to) AS abandoned
         FROM procedures GROUP BY type`,
      )
      .all(period) as { type: string; started: number; completed: number; abandoned: number }[];
    const typeLabel = lookupLabels(db, 'procedureType', locale);
    const order = lookupOrder(db, 'procedureType');
    const procedureRows: ReportCell[][] = procedures
      .filter((p) => p.started + p.completed + p.abandoned > 0)
      .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
      .map((p) => [typeLabel(p.type), p.started, p.completed, p.abandoned]);

    const referrals = new Map(
      (
        db
          .prepare('SELECT status, count(*) AS n, count(DISTINCT beneficiary_id) AS people FROM referrals WHERE sent_on BETWEEN @from AND @to GROUP BY status')
          .all(period) as { status: string; n: number; people: number }[]
      ).map((r) => [r.status, r]),
    );
    const referredPeople = (
      db.prepare('SELECT count(DISTINCT beneficiary_id) AS n FROM referrals WHERE sent_on BETWEEN @from AND @to').get(period) as { n: number }
    ).n;
    const referralRows: ReportCell[][] = referralStatusSchema.options.map((status) => [
      texts.referralStatus[status],
      referrals.get(status)?.n ?? 0,
      referrals.get(status)?.people ?? 0,
    ]);

    const notes = new Map(
      (
        db
          .prepare('SELECT type, count(*) AS n, count(DISTINCT beneficiary_id) AS people FROM case_notes WHERE date BETWEEN @from AND @to GROUP BY type')
          .all(period) as { type: string; n: number; people: number }[]
      ).map((r) => [r.type, r]),
    );
    const notedPeople = (
      db.prepare('SELECT count(DISTINCT beneficiary_id) AS n FROM case_notes WHERE date BETWEEN @from AND @to').get(period) as { n: number }
    ).n;
    const noteRows: ReportCell[][] = caseNoteTypeSchema.options.map((type) => [texts.noteType[type], notes.get(type)?.n ?? 0, notes.get(type)?.people ?? 0]);

    const c = texts.columns;
    const procedureColumns = [column(c.procedureType, 'label'), column(c.started), column(c.completed), column(c.abandoned)];
    const referralTotal = sumRow(texts.total, [column(''), column(c.referrals)], referralRows);
    const noteTotal = sumRow(texts.total, [column(''), column(c.notes)], noteRows);
    // The people column is a group of people; the counts of referrals and notes are not.
    const peopleHidden = (t: ReportTable) => withoutSmallCells(t, gridLines(t, [2], null), smallCellThreshold);
    const empty = procedureRows.length === 0 && referredPeople === 0 && notedPeople === 0;
    const count = (cell: ReportCell | undefined) => (typeof cell === 'number' ? cell : 0);
    const services = servicesGivenTable({ db, from, to, agreementId, locale, role }, texts, smallCellThreshold);
    return {
      measures: {
        procedures_completed: procedureRows.reduce((sum, r) => sum + count(r[2]), 0),
        referrals_sent: count(referralTotal[1]),
        case_notes: count(noteTotal[1]),
      },
      notes: empty ? [texts.notesText.noFollowUp] : [],
      tables: [
        caseCountsTable(db, from, to, texts, smallCellThreshold),
        table(texts, 'followUp.procedures', procedureColumns, procedureRows, sumRow(texts.total, procedureColumns, procedureRows)),
        // People are counted once in the total, even with several referrals or notes of different kinds.
        peopleHidden(table(texts, 'followUp.referrals', [column(c.outcome, 'label'), column(c.referrals), column(c.people)], referralRows, [...referralTotal, referredPeople])),
        peopleHidden(table(texts, 'followUp.caseNotes', [column(c.noteType, 'label'), column(c.notes), column(c.people)], noteRows, [...noteTotal, notedPeople])),
        ...(services ? [services] : []),
      ],
    };
  },
};

import { measuredIndicatorCodes, type MeasuredIndicatorCode, type ReportCell, type ReportIndicator, type ReportTable } from '../../contract';
import type { WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { column, percent, table, type Measures } from './section';
import type { ReportTexts } from './texts';

export interface AgreementHead {
  id: string;
  reference: string;
  title: string;
  funderName: string;
}

export function agreementHead(db: Db, id: string): AgreementHead | undefined {
  return db
    .prepare(
      `SELECT a.id, a.reference, a.title, f.name AS funderName
       FROM funding_agreements a JOIN grant_funders f ON f.id = a.funder_id WHERE a.id = ?`,
    )
    .get(id) as AgreementHead | undefined;
}

const isMeasured = (code: string): code is MeasuredIndicatorCode => (measuredIndicatorCodes as readonly string[]).includes(code);

/** The agreement's indicators with the figure measuring each: its own code if the report knows it, else the link chosen. */
export function agreementIndicators(db: Db, agreementId: string): ReportIndicator[] {
  const rows = db
    .prepare(
      `SELECT i.code, i.label, i.target, m.measure FROM agreement_indicators i
       LEFT JOIN indicator_measures m ON m.agreement_id = i.agreement_id AND m.code = i.code
       WHERE i.agreement_id = ? ORDER BY i.sort, i.code`,
    )
    .all(agreementId) as { code: string; label: string; target: number; measure: string | null }[];
  return rows.map((r) => ({
    code: r.code,
    label: r.label,
    target: r.target,
    measure: isMeasured(r.code) ? r.code : r.measure !== null && isMeasured(r.measure) ? r.measure : null,
  }));
}

/** Each indicator: its target, what the report measured, and the share of the target reached. */
export function targetsTable(indicators: ReportIndicator[], measures: Measures, texts: ReportTexts): { table: ReportTable; notes: string[] } {
  const t = texts.areas;
  const rows: ReportCell[][] = indicators.map((i) => {
    const achieved = i.measure ? (measures[i.measure] ?? 0) : null;
    return [i.label, i.target, achieved, achieved === null ? null : percent(achieved, i.target)];
  });
  const notes: string[] = [];
  if (indicators.length === 0) notes.push(t.notes.noTargets);
  if (indicators.some((i) => i.measure === null)) notes.push(t.notes.notMeasured);
  const columns = [column(texts.columns.indicator, 'label'), column(t.columns.target), column(t.columns.achieved), column(t.columns.achievedPercent, 'percent')];
  return { table: table(texts, 'targets.byIndicator', columns, rows), notes };
}

export function setIndicatorMeasure(input: { agreementId: string; code: string; measure: MeasuredIndicatorCode | null }) {
  return (tx: WriteTx): ReportIndicator => {
    const known = agreementIndicators(tx.db, input.agreementId).find((i) => i.code === input.code);
    if (!known) throw new AppError('not_found');
    if (input.measure === null) {
      tx.db.prepare('DELETE FROM indicator_measures WHERE agreement_id = ? AND code = ?').run(input.agreementId, input.code);
    } else {
      tx.db
        .prepare(
          `INSERT INTO indicator_measures (agreement_id, code, measure, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (agreement_id, code) DO UPDATE SET measure = excluded.measure, updated_at = excluded.updated_at`,
        )
        .run(input.agreementId, input.code, input.measure, tx.at);
    }
    tx.audit(input.agreementId);
    return agreementIndicators(tx.db, input.agreementId).find((i) => i.code === input.code)!;
  };
}

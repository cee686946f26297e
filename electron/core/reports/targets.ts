import { measuredIndicatorCodes, type MeasuredIndicatorCode, type ReportCell, type ReportTable } from '../../contract';
import type { Db } from '../db/database';
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

/** Each indicator of the agreement: its target, and what the report measured when its code is one the report knows. */
export function targetsTable(db: Db, agreementId: string, measures: Measures, texts: ReportTexts): { table: ReportTable; notes: string[] } {
  const indicators = db
    .prepare('SELECT code, label, target FROM agreement_indicators WHERE agreement_id = ? ORDER BY sort, code')
    .all(agreementId) as { code: string; label: string; target: number }[];
  const t = texts.areas;
  const rows: ReportCell[][] = indicators.map((i) => {
    const achieved = isMeasured(i.code) ? (measures[i.code] ?? 0) : null;
    return [i.label, i.target, achieved, achieved === null ? null : percent(achieved, i.target)];
  });
  const notes: string[] = [];
  if (indicators.length === 0) notes.push(t.notes.noTargets);
  if (indicators.some((i) => !isMeasured(i.code))) notes.push(t.notes.notMeasured);
  const columns = [column(texts.columns.indicator, 'label'), column(t.columns.target), column(t.columns.achieved), column(t.columns.achievedPercent, 'percent')];
  return { table: table(texts, 'targets.byIndicator', columns, rows), notes };
}

import type { z } from 'zod';
import {
  indicatorFiltersSchema,
  measuredIndicatorCodes,
  type indicatorMeasureSchema,
  type indicatorResultSchema,
  type ReportCell,
  type ReportIndicator,
  type ReportTable,
  type MeasuredIndicatorCode,
} from '../../contract';
import type { WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { column, percent, table, type Measures } from './section';
import { fill, type ReportTexts } from './texts';

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

/**
 * The agreement's indicators with the figure measuring each (its own code if the report knows it,
 * else the link chosen, narrowed by its filters), and with a period the result entered for it.
 */
export function agreementIndicators(db: Db, agreementId: string, period: { from: string; to: string } | null = null): ReportIndicator[] {
  const rows = db
    .prepare(
      `SELECT i.code, i.label, i.target, m.measure, m.filters, r.value, r.source, r.entered_at AS enteredAt FROM agreement_indicators i
       LEFT JOIN indicator_measures m ON m.agreement_id = i.agreement_id AND m.code = i.code
       LEFT JOIN indicator_results r ON r.agreement_id = i.agreement_id AND r.code = i.code AND r.period_from = @from AND r.period_to = @to
       WHERE i.agreement_id = @agreementId ORDER BY i.sort, i.code`,
    )
    .all({ agreementId, from: period?.from ?? null, to: period?.to ?? null }) as {
    code: string;
    label: string;
    target: number;
    measure: string | null;
    filters: string | null;
    value: number | null;
    source: string | null;
    enteredAt: string | null;
  }[];
  return rows.map((r) => ({
    code: r.code,
    label: r.label,
    target: r.target,
    measure: isMeasured(r.code) ? r.code : r.measure !== null && isMeasured(r.measure) ? r.measure : null,
    filters: r.filters === null ? null : indicatorFiltersSchema.parse(JSON.parse(r.filters)),
    result: r.value === null ? null : { value: r.value, source: r.source ?? '', enteredAt: r.enteredAt ?? '' },
  }));
}

/**
 * Each indicator: its target, what the report measured (narrowed by its filters: `filtered`, by
 * code) or else the result entered for the period, and the share of the target reached.
 */
export function targetsTable(indicators: ReportIndicator[], measures: Measures, filtered: ReadonlyMap<string, number>, texts: ReportTexts): { table: ReportTable; notes: string[] } {
  const t = texts.areas;
  const achievedOf = (i: ReportIndicator): number | null => {
    if (i.measure) return filtered.get(i.code) ?? measures[i.measure] ?? 0;
    return i.result?.value ?? null;
  };
  const rows: ReportCell[][] = indicators.map((i) => {
    const achieved = achievedOf(i);
    return [i.label, i.target, achieved, achieved === null ? null : percent(achieved, i.target)];
  });
  const notes: string[] = [];
  if (indicators.length === 0) notes.push(t.notes.noTargets);
  if (indicators.some((i) => i.measure === null && i.result === null)) notes.push(t.notes.notMeasured);
  if (indicators.some((i) => i.measure !== null && i.filters !== null)) notes.push(t.notes.filtered);
  for (const i of indicators) if (i.measure === null && i.result) notes.push(fill(t.notes.entered, { label: i.label, source: i.result.source }));
  const columns = [column(texts.columns.indicator, 'label'), column(t.columns.target), column(t.columns.achieved), column(t.columns.achievedPercent, 'percent')];
  return { table: table(texts, 'targets.byIndicator', columns, rows), notes };
}

export function setIndicatorMeasure(input: z.output<typeof indicatorMeasureSchema>) {
  return (tx: WriteTx): ReportIndicator => {
    const known = agreementIndicators(tx.db, input.agreementId).find((i) => i.code === input.code);
    if (!known) throw new AppError('not_found');
    if (input.measure === null) {
      tx.db.prepare('DELETE FROM indicator_measures WHERE agreement_id = ? AND code = ?').run(input.agreementId, input.code);
    } else {
      const filters = input.filters && Object.keys(input.filters).length > 0 ? JSON.stringify(input.filters) : null;
      tx.db
        .prepare(
          `INSERT INTO indicator_measures (agreement_id, code, measure, filters, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (agreement_id, code) DO UPDATE SET measure = excluded.measure, filters = excluded.filters, updated_at = excluded.updated_at`,
        )
        .run(input.agreementId, input.code, input.measure, filters, tx.at);
    }
    tx.audit(input.agreementId);
    return agreementIndicators(tx.db, input.agreementId).find((i) => i.code === input.code)!;
  };
}

export function setIndicatorResult(input: z.output<typeof indicatorResultSchema>) {
  return (tx: WriteTx): null => {
    const known = agreementIndicators(tx.db, input.agreementId).find((i) => i.code === input.code);
    if (!known) throw new AppError('not_found');
    // The report's own figure would be shown instead: a typed one would be kept for nothing.
    if (known.measure !== null && input.value !== null) throw new AppError('invalid_input', { value: 'indicator_measured' });
    const key = [input.agreementId, input.code, input.from, input.to];
    if (input.value === null) {
      tx.db.prepare('DELETE FROM indicator_results WHERE agreement_id = ? AND code = ? AND period_from = ? AND period_to = ?').run(...key);
    } else {
      tx.db
        .prepare(
          `INSERT INTO indicator_results (agreement_id, code, period_from, period_to, value, source, entered_at, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (agreement_id, code, period_from, period_to) DO UPDATE SET value = excluded.value, source = excluded.source,
             entered_at = excluded.entered_at, entered_by = excluded.entered_by`,
        )
        .run(...key, input.value, input.source, tx.at, tx.user.id);
    }
    tx.audit(input.agreementId);
    return null;
  };
}

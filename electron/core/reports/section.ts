import type { Locale, MeasuredIndicatorCode, ReportCell, ReportColumn, ReportColumnKind, ReportSection, ReportSectionId, ReportTable, Role } from '../../contract';
import type { Db } from '../db/database';
import type { ReportTexts, TableId } from './texts';

/** What every section is given: the file, the period (both days included) and the language. */
export interface SectionInput {
  db: Db;
  from: string;
  to: string;
  locale: Locale;
  texts: ReportTexts;
  /** The setting `statisticsAgeBands`. */
  ageBandEdges: readonly number[];
  /** The setting `smallCellThreshold`: breakdown tables hide smaller groups of people. */
  smallCellThreshold: number;
  /** Who asks: money figures are for treasurers and presidents. */
  role: Role;
  /** The agreement the report is for, if any. */
  agreementId: string | null;
}

/** Figures a section measured, for the agreement's targets. */
export type Measures = Partial<Record<MeasuredIndicatorCode, number>>;

/** One area's part of the indicator report; each area adds its own module under `sections/`. */
export interface ReportSectionModule {
  id: ReportSectionId;
  /** False while the area's tables do not exist in the file (area not built yet). */
  available(db: Db): boolean;
  build(input: SectionInput): Omit<ReportSection, 'id' | 'title' | 'available'> & { measures?: Measures };
}

export const column = (heading: string, kind: ReportColumnKind = 'count'): ReportColumn => ({ heading, kind });

export function table(texts: ReportTexts, id: TableId, columns: ReportColumn[], rows: ReportCell[][], total: ReportCell[] | null = null): ReportTable {
  const title = id in texts.tables ? texts.tables[id as keyof ReportTexts['tables']] : texts.areas.tables[id as keyof ReportTexts['areas']['tables']];
  return { id, title, columns, rows, total };
}

/** The total row of a table: its label, then the sum of each count column. */
export function sumRow(label: string, columns: ReportColumn[], rows: ReportCell[][]): ReportCell[] {
  return columns.map((c, i) => {
    if (i === 0) return label;
    if (c.kind !== 'count' && c.kind !== 'amount') return null;
    return rows.reduce<number>((sum, row) => sum + (typeof row[i] === 'number' ? row[i] : 0), 0);
  });
}

/** A share as a percentage with one decimal, or null when there is nothing to divide by. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

export function tableExists(db: Db, name: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
}

import type { ReportCell, ReportTable } from '../../contract';

/** A cell of a table: its row (`'total'` for the line of totals) and column. */
export type CellAt = readonly [row: number | 'total', column: number];

/** Cells that add up: the parts sum to the total (a row of a sex table, a column and its total…). */
export interface AdditiveLine {
  parts: CellAt[];
  total: CellAt;
}

const key = ([row, col]: CellAt) => `${row}:${col}`;

/**
 * A breakdown table as it may leave the app: every group of 1 to `threshold - 1` people reads
 * "< threshold" (primary suppression). Totals stay the true counts, so a line of cells adding up
 * to a total with exactly one cell hidden would give it away by subtraction: the smallest other
 * group of that line is hidden too (secondary suppression), again until no line has a single
 * hidden cell. Zeros are shown: an empty group tells nothing about a person.
 */
export function withoutSmallCells(table: ReportTable, lines: readonly AdditiveLine[], threshold: number): ReportTable {
  const value = ([row, col]: CellAt): ReportCell => (row === 'total' ? table.total?.[col] : table.rows[row][col]) ?? null;
  const count = (at: CellAt) => {
    const v = value(at);
    return typeof v === 'number' ? v : 0;
  };
  const hidden = new Set<string>();
  for (const line of lines) {
    for (const at of [...line.parts, line.total]) if (count(at) > 0 && count(at) < threshold) hidden.add(key(at));
  }
  for (let changed = hidden.size > 0; changed; ) {
    changed = false;
    for (const line of lines) {
      const cells = [...line.parts, line.total];
      if (cells.filter((at) => hidden.has(key(at))).length !== 1) continue;
      // A part rather than the total when one can do: totals are what a funder reads first.
      const candidates = [...line.parts.filter((at) => !hidden.has(key(at)) && count(at) > 0).sort((a, b) => count(a) - count(b)), line.total];
      const next = candidates.find((at) => !hidden.has(key(at)));
      if (!next) continue;
      hidden.add(key(next));
      changed = true;
    }
  }
  if (hidden.size === 0) return table;
  const shown = `< ${threshold}`;
  const mask = (row: number | 'total', cells: ReportCell[]) => cells.map((cell, col) => (hidden.has(key([row, col])) ? shown : cell));
  return { ...table, rows: table.rows.map((cells, row) => mask(row, cells)), total: table.total && mask('total', table.total) };
}

/** The lines of a table whose count columns `parts` add up to the column `totalColumn` on each row, and whose rows add up to the line of totals. */
export function gridLines(table: ReportTable, parts: readonly number[], totalColumn: number | null): AdditiveLine[] {
  const rows: (number | 'total')[] = [...table.rows.keys(), ...(table.total ? (['total'] as const) : [])];
  const lines: AdditiveLine[] = [];
  if (totalColumn !== null) for (const row of rows) lines.push({ parts: parts.map((col) => [row, col] as const), total: [row, totalColumn] });
  if (table.total) {
    for (const col of totalColumn === null ? parts : [...parts, totalColumn]) {
      lines.push({ parts: table.rows.map((_, row) => [row, col] as const), total: ['total', col] });
    }
  }
  return lines;
}

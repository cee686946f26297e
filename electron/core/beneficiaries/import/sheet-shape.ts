import { AppError } from '../../errors';
import { normalizeForSearch } from '../text-normalization';
import { headerScore } from './header-names';
import type { SheetLine } from '../../spreadsheets/parse-sheet';

/** Title lines above the header are looked for among the first lines only. */
const HEADER_SEARCH_LINES = 15;
const TOTAL_WORDS = /^(total|totaux|sous total|grand total|somme|effectif|المجموع|مجموع)\b/;

export interface ShapedSheet {
  headerRow: number;
  headers: string[];
  /** The lines below the header that may be people. */
  rows: SheetLine[];
  /** Totals and notes: listed, never imported. */
  skipped: { row: number; text: string }[];
}

const distinctFilled = (cells: string[]) => new Set(cells.filter((c) => c !== ''));

/** The line with the most known column titles; without any, the first line with two different cells. */
function findHeader(lines: SheetLine[]): SheetLine {
  const top = lines.slice(0, HEADER_SEARCH_LINES);
  let best = top.find((l) => distinctFilled(l.cells).size >= 2) ?? lines[0];
  let bestScore = headerScore(best.cells);
  for (const line of top) {
    const score = headerScore(line.cells);
    if (score > bestScore) [best, bestScore] = [line, score];
  }
  return best;
}

const isTotal = (cells: string[]) => cells.some((c) => TOTAL_WORDS.test(normalizeForSearch(c)));

/**
 * Finds the column titles below any title lines (or takes the line the user chose), then sets
 * aside total lines and the notes written under the list (lines with a single text).
 */
export function shapeSheet(lines: SheetLine[], headerRow?: number): ShapedSheet {
  const header = headerRow === undefined ? findHeader(lines) : lines.find((l) => l.line === headerRow);
  if (!header) throw new AppError('invalid_input', { headerRow: 'no_such_line' });
  const below = lines.filter((l) => l.line > header.line);
  let end = below.length;
  while (end > 0 && distinctFilled(below[end - 1].cells).size <= 1) end--;
  const rows: SheetLine[] = [];
  const skipped: ShapedSheet['skipped'] = [];
  below.forEach((line, i) => {
    if (i >= end || isTotal(line.cells)) skipped.push({ row: line.line, text: [...distinctFilled(line.cells)].join(' · ') });
    else rows.push(line);
  });
  return { headerRow: header.line, headers: header.cells, rows, skipped };
}

import type { ReportCell } from '../../../contract';
import { column, sumRow, table, tableExists, type ReportSectionModule } from '../section';

const SECTORS = ['sewing', 'catering', 'farming', 'handicraft', 'services', 'other'] as const;

/**
 * Cooperative projects started and cooperatives set up in the period (set up: every mandatory step
 * done, on the latest of their dates, as the cooperatives area counts it), by sector; then every
 * project existing at the end of the period by the first mandatory step not done by then.
 */
export const cooperativesSection: ReportSectionModule = {
  id: 'cooperatives',
  available: (db) => tableExists(db, 'cooperatives'),
  build({ db, from, to, texts, locale }) {
    const t = texts.areas;
    const period = { from, to };
    const projects = db
      .prepare(
        `SELECT c.sector, substr(c.created_at, 1, 10) AS started,
           (SELECT s.position FROM cooperative_steps s
            WHERE s.cooperative_id = c.id AND s.mandatory = 1 AND NOT (s.status = 'done' AND s.done_on <= @to)
            ORDER BY s.position LIMIT 1) AS position,
           (SELECT max(s.done_on) FROM cooperative_steps s WHERE s.cooperative_id = c.id AND s.mandatory = 1) AS lastDone,
           (SELECT count(*) FROM cooperative_founders f
            WHERE f.cooperative_id = c.id AND substr(f.added_at, 1, 10) <= @to
              AND (f.removed_at IS NULL OR substr(f.removed_at, 1, 10) > @to)) AS founders,
           c.id
         FROM cooperatives c WHERE substr(c.created_at, 1, 10) <= @to`,
      )
      .all(period) as { sector: (typeof SECTORS)[number]; started: string; position: number | null; lastDone: string | null; founders: number; id: string }[];
    const setUpOn = (p: (typeof projects)[number]) => (p.position === null ? p.lastDone : null);

    const inPeriod = (date: string | null) => date !== null && date >= from && date <= to;
    const createdRows: ReportCell[][] = SECTORS.map((sector) => {
      const of = projects.filter((p) => p.sector === sector);
      return [t.sector[sector], of.filter((p) => inPeriod(p.started)).length, of.filter((p) => inPeriod(setUpOn(p))).length];
    });
    const createdColumns = [column(t.columns.sector, 'label'), column(t.columns.started), column(t.columns.created)];

    const label = db.prepare(`SELECT code, label_${locale} AS label FROM cooperative_steps WHERE cooperative_id = ? AND position = ?`);
    const byStep = new Map<string, { position: number; label: string; cooperatives: number; founders: number }>();
    for (const p of projects) {
      const step = p.position === null ? null : (label.get(p.id, p.position) as { code: string; label: string });
      const key = step?.code ?? '';
      const group = byStep.get(key) ?? { position: p.position ?? Infinity, label: step?.label ?? t.allStepsDone, cooperatives: 0, founders: 0 };
      group.position = Math.min(group.position, p.position ?? Infinity);
      group.cooperatives += 1;
      group.founders += p.founders;
      byStep.set(key, group);
    }
    const stepRows: ReportCell[][] = [...byStep.values()].sort((a, b) => a.position - b.position).map((g) => [g.label, g.cooperatives, g.founders]);
    const stepColumns = [column(t.columns.step, 'label'), column(t.columns.cooperatives), column(t.columns.founders)];

    const total = (i: number) => createdRows.reduce((sum, r) => sum + (r[i] as number), 0);
    return {
      measures: { cooperative_projects_started: total(1), cooperatives_created: total(2) },
      notes: projects.length === 0 ? [t.notes.noCooperatives] : [],
      tables: [
        table(texts, 'cooperatives.created', createdColumns, createdRows, sumRow(texts.total, createdColumns, createdRows)),
        table(texts, 'cooperatives.byStep', stepColumns, stepRows, sumRow(texts.total, stepColumns, stepRows)),
      ],
    };
  },
};

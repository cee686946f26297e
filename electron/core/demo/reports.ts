import type { WriteTx } from '../context';
import { setIndicatorMeasure } from '../reports/targets';

/** The demo agreement's indicators, each linked to the figure of the indicator report that measures it. */
const DEMO_MEASURES = [
  { code: 'IND1', measure: 'micro_projects_funded' },
  { code: 'IND2', measure: 'participants' },
  { code: 'IND3', measure: 'people_reached_female_share' },
] as const;

export function addDemoIndicatorMeasures(tx: WriteTx): void {
  const agreements = tx.db.prepare('SELECT id FROM funding_agreements').all() as { id: string }[];
  for (const { id } of agreements) {
    const codes = new Set((tx.db.prepare('SELECT code FROM agreement_indicators WHERE agreement_id = ?').all(id) as { code: string }[]).map((r) => r.code));
    for (const m of DEMO_MEASURES) if (codes.has(m.code)) setIndicatorMeasure({ agreementId: id, ...m })(tx);
  }
}

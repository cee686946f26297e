// Part of `npm run bench` (scripts/bench.ts): the treasurer's year statement and an agreement's
// financial report on an encrypted file holding 100,000 journal entries, all in the measured year
// and half of them on the agreement (the worst case for both), against the 300 ms.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { todayIso } from '../electron/contract';
import { closeFile, createAssociationFile } from '../electron/core/db/association-file';
import type { Db } from '../electron/core/db/database';
import { seededRandom } from '../electron/core/demo/random';
import { newId } from '../electron/core/ids';
import { agreementReport, yearStatement } from '../electron/core/treasury/figures';
import { percentile, timedRuns } from './bench-stats';

export interface TreasuryBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const ENTRIES = 100_000;
const OUT_CATEGORIES = ['staff', 'trainers', 'rent', 'transport', 'training_materials', 'in_kind_aid', 'bank_fees', 'office'];
const IN_CATEGORIES = ['dues', 'donations', 'other_income'];

/** Rows written straight through SQL: the bench measures reading them, not the forms. */
function fillJournal(db: Db, year: number, at: string): string {
  const random = seededRandom(18);
  const userId = (db.prepare('SELECT id FROM users LIMIT 1').get() as { id: string }).id;
  const funderId = newId();
  const agreementId = newId();
  db.transaction(() => {
    db.prepare("INSERT INTO exchange_rates (id, date, from_currency, to_currency, rate_micro, created_at) VALUES (?, ?, 'EUR', 'MAD', 10850000, ?)").run(newId(), `${year - 1}-12-01`, at);
    db.prepare("INSERT INTO grant_funders (id, name, type, created_at, updated_at) VALUES (?, 'Bailleur', 'bilateral', ?, ?)").run(funderId, at, at);
    db.prepare(
      "INSERT INTO funding_agreements (id, funder_id, reference, title, start_date, end_date, currency, total_minor, created_at, updated_at) VALUES (?, ?, 'AG-1', 'Convention', ?, ?, 'EUR', 9000000000, ?, ?)",
    ).run(agreementId, funderId, `${year}-01-01`, `${year + 1}-12-31`, at, at);
    const lines = ['L1', 'L2', 'L3', 'L4'].map((code, i) => {
      const id = newId();
      db.prepare('INSERT INTO agreement_budget_lines (id, agreement_id, code, label, amount_minor, sort) VALUES (?, ?, ?, ?, 2000000000, ?)').run(id, agreementId, code, `Ligne ${code}`, i);
      return id;
    });
    const tranches = [1, 2].map((seq) => {
      const id = newId();
      db.prepare('INSERT INTO funder_tranches (id, agreement_id, seq, due_date, amount_minor) VALUES (?, ?, ?, ?, 4000000000)').run(id, agreementId, seq, `${year}-0${seq * 3}-01`);
      return id;
    });
    const insert = db.prepare(
      `INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_name, agreement_id,
         budget_line_id, funder_tranche_id, agreement_minor, rate_micro, rate_inverse, rate_date, source, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, 'supplier', 'Fournisseur', ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?)`,
    );
    tranches.forEach((trancheId, i) =>
      insert.run(newId(), `${year}-0${(i + 1) * 3}-05`, 'bank', 'in', 434_000_000_00, 'grants_received', agreementId, null, trancheId, 40_000_000_00, 10_850_000, 1, `${year - 1}-12-01`, at, userId),
    );
    for (let e = 0; e < ENTRIES; e++) {
      const month = String(1 + (e % 12)).padStart(2, '0');
      const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
      const out = random() < 0.8;
      const amount = 10_00 + Math.floor(random() * 5_000_00);
      const category = out ? OUT_CATEGORIES[e % OUT_CATEGORIES.length] : IN_CATEGORIES[e % IN_CATEGORIES.length];
      const onAgreement = out && e % 2 === 0;
      insert.run(
        newId(),
        `${year}-${month}-${day}`,
        e % 3 === 0 ? 'cash' : 'bank',
        out ? 'out' : 'in',
        amount,
        category,
        onAgreement ? agreementId : null,
        onAgreement ? lines[e % 4] : null,
        null,
        onAgreement ? Math.max(1, Math.round(amount / 10.85)) : null,
        onAgreement ? 10_850_000 : null,
        onAgreement ? 1 : 0,
        onAgreement ? `${year - 1}-12-01` : null,
        at,
        userId,
      );
    }
  })();
  return agreementId;
}

function median(run: () => unknown): { median: number; p95: number } {
  const times = timedRuns(15, run, 1);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

export async function benchTreasury(dir: string, now: Date): Promise<TreasuryBenchResult[]> {
  const { file } = await createAssociationFile(
    { directory: join(dir, 'treasury'), associationName: 'Bench treasury', city: 'Oujda', president: { displayName: 'P', password: 'bench password 2026', locale: 'fr' } },
    { now },
  );
  try {
    const year = now.getUTCFullYear();
    const fillStart = performance.now();
    const agreementId = fillJournal(file.db, year, now.toISOString());
    console.log(`filled ${ENTRIES} journal entries (encrypted) in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
    const statement = median(() => yearStatement(file.db, year));
    const report = median(() => agreementReport(file.db, agreementId, todayIso(now)));
    return [
      { name: `year statement median (${ENTRIES} journal entries in the year)`, value: statement.median, unit: 'ms', target: 300 },
      { name: 'year statement p95', value: statement.p95, unit: 'ms', target: 300 },
      { name: `agreement financial report median (${ENTRIES / 2} entries on the agreement)`, value: report.median, unit: 'ms', target: 300 },
      { name: 'agreement financial report p95', value: report.p95, unit: 'ms', target: 300 },
    ];
  } finally {
    closeFile(file);
  }
}

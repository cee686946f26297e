// Part of `npm run bench` (scripts/bench.ts): the treasurer's grants dashboard at the scale of a
// large lead association — 50 agreements, 2,000 sub-grants, 100,000 expense lines — in an
// encrypted file, against the target.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { todayIso } from '../electron/contract';
import { closeFile, createAssociationFile } from '../electron/core/db/association-file';
import type { Db } from '../electron/core/db/database';
import { seededRandom } from '../electron/core/demo/random';
import { addDays, grantsDashboard } from '../electron/core/grants/figures';
import { newId } from '../electron/core/ids';
import { percentile, timedRuns } from './bench-stats';

export interface GrantsBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const AGREEMENTS = 50;
const SUB_GRANTS = 2_000;
const EXPENSES = 100_000;

/** Rows written straight through SQL: the bench measures reading them, not the forms. */
function fillGrants(db: Db, now: Date): void {
  const random = seededRandom(5);
  const at = now.toISOString();
  const today = todayIso(now);
  const start = addDays(today, -400);
  const end = addDays(today, 330);
  const userId = (db.prepare('SELECT id FROM users LIMIT 1').get() as { id: string }).id;
  const insert = {
    rate: db.prepare('INSERT INTO exchange_rates (id, date, from_currency, to_currency, rate_micro, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    funder: db.prepare("INSERT INTO grant_funders (id, name, type, created_at, updated_at) VALUES (?, ?, 'bilateral', ?, ?)"),
    agreement: db.prepare(
      "INSERT INTO funding_agreements (id, funder_id, reference, title, start_date, end_date, currency, total_minor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?)",
    ),
    line: db.prepare('INSERT INTO agreement_budget_lines (id, agreement_id, code, label, amount_minor, sort) VALUES (?, ?, ?, ?, ?, ?)'),
    deadline: db.prepare("INSERT INTO agreement_deadlines (id, agreement_id, due_date, kind) VALUES (?, ?, ?, 'financial')"),
    recipient: db.prepare("INSERT INTO grant_recipients (id, kind, name, created_at, updated_at) VALUES (?, 'organisation', ?, ?, ?)"),
    subGrant: db.prepare(
      'INSERT INTO sub_grants (id, reference, agreement_id, recipient_id, title, amount_minor, currency, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    report: db.prepare('INSERT INTO sub_grant_reports (id, sub_grant_id, due_date) VALUES (?, ?, ?)'),
    tranche: db.prepare('INSERT INTO grant_tranches (id, sub_grant_id, seq, amount_minor, due_date) VALUES (?, ?, ?, ?, ?)'),
    disbursement: db.prepare(
      "INSERT INTO grant_disbursements (id, sub_grant_id, tranche_id, date, amount_minor, method, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'transfer', ?, ?)",
    ),
    expense: db.prepare(
      "INSERT INTO grant_expenses (id, sub_grant_id, budget_line_id, date, supplier, description, amount_minor, status, rejection_reason, created_at, updated_at) VALUES (?, ?, ?, ?, 'Fournisseur', 'Dépense', ?, ?, ?, ?, ?)",
    ),
  };
  db.transaction(() => {
    insert.rate.run(newId(), addDays(start, -1), 'EUR', 'MAD', 10_850_000, at);
    insert.rate.run(newId(), addDays(start, 120), 'EUR', 'MAD', 10_920_000, at);
    const subGrants: { id: string; lines: string[]; start: string }[] = [];
    for (let a = 0; a < AGREEMENTS; a++) {
      const funderId = newId();
      insert.funder.run(funderId, `Bailleur ${a + 1}`, at, at);
      const agreementId = newId();
      insert.agreement.run(agreementId, funderId, `AG-${a + 1}`, `Convention ${a + 1}`, start, end, 5_000_000_00, at, at);
      const lines = ['L1', 'L2', 'L3', 'L4'].map((code, i) => {
        const id = newId();
        insert.line.run(id, agreementId, code, `Ligne ${code}`, 1_000_000_00, i);
        return id;
      });
      insert.deadline.run(newId(), agreementId, addDays(today, -30 + a));
      for (let s = 0; s < SUB_GRANTS / AGREEMENTS; s++) {
        const recipientId = newId();
        insert.recipient.run(recipientId, `Association ${a}-${s}`, at, at);
        const id = newId();
        const mad = s % 2 === 0;
        const amount = mad ? 80_000_00 + Math.floor(random() * 40_000_00) : 8_000_00 + Math.floor(random() * 4_000_00);
        const sgStart = addDays(start, Math.floor(random() * 200));
        insert.subGrant.run(id, `SG-${a}-${s}`, agreementId, recipientId, `Projet ${s}`, amount, mad ? 'MAD' : 'EUR', sgStart, addDays(sgStart, 360), at, at);
        insert.report.run(newId(), id, addDays(sgStart, 180));
        const tranches = [50, 30, 20].map((pct, i) => {
          const trancheId = newId();
          insert.tranche.run(trancheId, id, i + 1, Math.floor((amount * pct) / 100), addDays(sgStart, 10 + i * 150));
          return { id: trancheId, amount: Math.floor((amount * pct) / 100), due: addDays(sgStart, 10 + i * 150) };
        });
        const paid = random() < 0.5 ? tranches.slice(0, 2) : tranches.slice(0, 1);
        for (const t of paid) insert.disbursement.run(newId(), id, t.id, t.due, t.amount, at, userId);
        subGrants.push({ id, lines, start: sgStart });
      }
    }
    for (let e = 0; e < EXPENSES; e++) {
      const s = subGrants[e % subGrants.length] as (typeof subGrants)[number];
      const r = random();
      const status = r < 0.7 ? 'accepted' : r < 0.9 ? 'submitted' : 'rejected';
      insert.expense.run(newId(), s.id, s.lines[e % 4], addDays(s.start, 20 + (e % 300)), 100_00 + Math.floor(random() * 900_00), status, status === 'rejected' ? 'Pièce illisible' : null, at, at);
    }
  })();
}

export async function benchGrants(dir: string, now: Date): Promise<GrantsBenchResult[]> {
  const { file } = await createAssociationFile(
    { directory: join(dir, 'grants'), associationName: 'Bench grants', city: 'Oujda', president: { displayName: 'P', password: 'bench password 2026', locale: 'fr' } },
    { now },
  );
  try {
    const fillStart = performance.now();
    fillGrants(file.db, now);
    console.log(`filled ${AGREEMENTS} agreements, ${SUB_GRANTS} sub-grants, ${EXPENSES} expense lines (encrypted) in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
    const today = todayIso(now);
    const times = timedRuns(20, () => grantsDashboard(file.db, today), 1);
    return [
      { name: `grants dashboard median (${AGREEMENTS} agreements, ${SUB_GRANTS} sub-grants, ${EXPENSES} expenses)`, value: percentile(times, 50), unit: 'ms', target: 100 },
      { name: 'grants dashboard p95', value: percentile(times, 95), unit: 'ms', target: 100 },
    ];
  } finally {
    closeFile(file);
  }
}

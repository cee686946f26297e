import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted, type Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { yearStatement } from '../../electron/core/treasury/figures';
import { useTempDir } from './helpers';

const tempDir = useTempDir();
const AT = '2025-06-01T10:00:00.000Z';

/** A file as the app before the treasury left it: a dues payment by cash, one by transfer, a disbursement in MAD and one in EUR. */
function fileBeforeTreasury(): Db {
  const db = openEncrypted(join(tempDir(), 'old.tadamon'), randomBytes(32), { create: true });
  migrate(db, { target: 16 });
  db.exec(`
    INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', 'Nadia', 'treasurer', '${AT}');
    INSERT INTO members (id, number, first_name, last_name, sex, join_date, category, status, role, search_text, created_at, updated_at)
      VALUES ('m1', '1', 'Khadija', 'Alaoui', 'female', '2024-01-10', 'standard', 'active', 'member', 'khadija alaoui', '${AT}', '${AT}');
    INSERT INTO member_payments (id, member_id, year, date, amount, method, collected_by, receipt_year, receipt_seq, created_at)
      VALUES ('p1', 'm1', 2025, '2025-02-03', 20000, 'cash', 'u1', 2025, 1, '${AT}'),
             ('p2', 'm1', 2024, '2025-02-04', 15000, 'bank_transfer', 'u1', 2025, 2, '${AT}');
    INSERT INTO grant_funders (id, name, type, created_at, updated_at) VALUES ('f1', 'Enabel', 'bilateral', '${AT}', '${AT}');
    INSERT INTO funding_agreements (id, funder_id, reference, title, start_date, end_date, currency, total_minor, created_at, updated_at)
      VALUES ('a1', 'f1', 'AG-1', 'Convention', '2025-01-01', '2026-12-31', 'EUR', 10000000, '${AT}', '${AT}');
    INSERT INTO grant_recipients (id, kind, name, created_at, updated_at) VALUES ('r1', 'organisation', 'Association Nour', '${AT}', '${AT}');
    INSERT INTO sub_grants (id, reference, agreement_id, recipient_id, title, amount_minor, currency, start_date, end_date, created_at, updated_at)
      VALUES ('s1', 'SG-1', 'a1', 'r1', 'Atelier', 5000000, 'MAD', '2025-02-01', '2025-12-31', '${AT}', '${AT}'),
             ('s2', 'SG-2', 'a1', 'r1', 'Boulangerie', 500000, 'EUR', '2025-02-01', '2025-12-31', '${AT}', '${AT}');
    INSERT INTO grant_tranches (id, sub_grant_id, seq, amount_minor, due_date) VALUES ('t1', 's1', 1, 2500000, '2025-02-10'), ('t2', 's2', 1, 250000, '2025-02-10');
    INSERT INTO grant_disbursements (id, sub_grant_id, tranche_id, date, amount_minor, method, created_at, created_by)
      VALUES ('d1', 's1', 't1', '2025-02-12', 2500000, 'transfer', '${AT}', 'u1'), ('d2', 's2', 't2', '2025-02-13', 250000, 'transfer', '${AT}', 'u1');
  `);
  return db;
}

describe('bringing an existing file into the journal', () => {
  it('writes each dues payment and disbursement once, in the account of its method and currency, and the totals follow', () => {
    const db = fileBeforeTreasury();
    migrate(db);
    const entries = db.prepare('SELECT source, source_id, account_id, direction, amount_minor, category_id, counterpart_id FROM journal_entries ORDER BY date').all();
    expect(entries).toEqual([
      { source: 'dues', source_id: 'p1', account_id: 'cash', direction: 'in', amount_minor: 20000, category_id: 'dues', counterpart_id: 'm1' },
      { source: 'dues', source_id: 'p2', account_id: 'bank', direction: 'in', amount_minor: 15000, category_id: 'dues', counterpart_id: 'm1' },
      { source: 'disbursement', source_id: 'd1', account_id: 'bank', direction: 'out', amount_minor: 2500000, category_id: 'sub_grants_paid', counterpart_id: 'r1' },
      { source: 'disbursement', source_id: 'd2', account_id: 'bank-eur', direction: 'out', amount_minor: 250000, category_id: 'sub_grants_paid', counterpart_id: 'r1' },
    ]);
    expect(db.prepare("SELECT currency FROM treasury_accounts WHERE id = 'bank-eur'").get()).toEqual({ currency: 'EUR' });
    const year = yearStatement(db, 2025);
    expect(year.accounts.map((a) => [a.accountId, a.closingMinor])).toEqual([
      ['cash', 20000],
      ['bank', 15000 - 2500000],
      ['bank-eur', -250000],
    ]);
    expect(year.currencies.find((c) => c.currency === 'MAD')?.income).toEqual([expect.objectContaining({ categoryId: 'dues', amountMinor: 35000 })]);
    db.close();
  });

  it('keeps the journal append-only in the file itself: no entry is edited or deleted', () => {
    const db = fileBeforeTreasury();
    migrate(db);
    expect(() => db.prepare("DELETE FROM journal_entries WHERE source_id = 'p1'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE journal_entries SET amount_minor = 1 WHERE source_id = 'p1'").run()).toThrow(/never edited/);
    expect(db.prepare("SELECT amount_minor FROM journal_entries WHERE source_id = 'p1'").get()).toEqual({ amount_minor: 20000 });
    db.close();
  });
});

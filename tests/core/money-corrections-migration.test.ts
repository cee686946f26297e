import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { fileAtVersion, useTempDir } from './helpers';

const tempDir = useTempDir();
const AT = '2026-02-01T10:00:00.000Z';
const VERSION = migrations.findIndex((m) => m.name === '0024_money_corrections') + 1;

/** A file with the journal as it was before corrections from other areas: one dues payment, one disbursement. */
function fileBefore(): Db {
  const db = fileAtVersion(tempDir(), VERSION - 1);
  db.exec(`
    INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', 'Nadia', 'treasurer', '${AT}');
    INSERT INTO members (id, number, first_name, last_name, sex, join_date, category, status, role, search_text, created_at, updated_at)
      VALUES ('m1', '1', 'Khadija', 'Alaoui', 'female', '2024-01-10', 'standard', 'active', 'member', 'khadija alaoui', '${AT}', '${AT}');
    INSERT INTO member_payments (id, member_id, year, date, amount, method, collected_by, receipt_year, receipt_seq, created_at)
      VALUES ('p1', 'm1', 2026, '2026-02-03', 20000, 'cash', 'u1', 2026, 1, '${AT}');
    INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_id, source, source_id, created_at, created_by)
      VALUES ('e1', '2026-02-03', 'cash', 'in', 20000, 'dues', 'member', 'm1', 'dues', 'p1', '${AT}', 'u1');
  `);
  return db;
}

const entry = (id: string, direction: string, more = '') =>
  `INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, source, source_id, created_at${more ? ', reverses_id, reversal_reason' : ''})
   VALUES ('${id}', '2026-02-05', 'cash', '${direction}', 20000, 'dues', 'member', 'dues', 'p1', '${AT}'${more})`;

describe('migration 0024: corrections from their areas and transfers', () => {
  it('keeps the journal and the payments; a source has one entry and at most one reversal of it', () => {
    const db = fileBefore();
    migrate(db);
    expect(db.prepare('SELECT id, source_id, transfer_id FROM journal_entries').all()).toEqual([{ id: 'e1', source_id: 'p1', transfer_id: null }]);
    expect(db.prepare('SELECT id, reversal_entry_id FROM member_payments').all()).toEqual([{ id: 'p1', reversal_entry_id: null }]);
    expect(() => db.exec(entry('e2', 'in'))).toThrow(/UNIQUE/);
    db.exec(entry('e2', 'out', ", 'e1', 'Saisi deux fois'"));
    expect(() => db.exec(entry('e3', 'out', ", 'e1', 'Encore'"))).toThrow(/UNIQUE/);
    db.prepare("UPDATE member_payments SET reversal_entry_id = 'e2' WHERE id = 'p1'").run();
    expect(() => db.prepare("UPDATE member_payments SET reversal_entry_id = NULL WHERE id = 'p1'").run()).toThrow(/stays reversed/);
    expect(() => db.prepare("UPDATE journal_entries SET transfer_id = 'x' WHERE id = 'e1'").run()).toThrow(/never edited/);
    expect(db.prepare("SELECT id, direction FROM treasury_categories WHERE id LIKE 'transfer_%' ORDER BY id").all()).toEqual([
      { id: 'transfer_in', direction: 'in' },
      { id: 'transfer_out', direction: 'out' },
    ]);
    db.close();
  });
});

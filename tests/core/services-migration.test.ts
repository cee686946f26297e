import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted, type Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { useTempDir } from './helpers';

const tempDir = useTempDir();
const AT = '2026-02-01T10:00:00.000Z';
const SERVICES = migrations.findIndex((m) => m.name === '0019_services') + 1;

const ENTRY_COLUMNS = `id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_name, agreement_id,
  budget_line_id, agreement_minor, source, source_id, reverses_id, reversal_reason, created_at`;

/** A file as the treasury left it: a dues payment and its entry, a rent paid on an agreement's line and its reversal. */
function fileBeforeServices(): Db {
  const db = openEncrypted(join(tempDir(), 'old.tadamon'), randomBytes(32), { create: true });
  migrate(db, { target: SERVICES - 1 });
  db.exec(`
    INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', 'Nadia', 'treasurer', '${AT}');
    INSERT INTO members (id, number, first_name, last_name, sex, join_date, category, status, role, search_text, created_at, updated_at)
      VALUES ('m1', '1', 'Khadija', 'Alaoui', 'female', '2024-01-10', 'standard', 'active', 'member', 'khadija alaoui', '${AT}', '${AT}');
    INSERT INTO member_payments (id, member_id, year, date, amount, method, collected_by, receipt_year, receipt_seq, created_at)
      VALUES ('p1', 'm1', 2026, '2026-02-03', 20000, 'cash', 'u1', 2026, 1, '${AT}');
    INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_id, source, source_id, created_at, created_by)
      VALUES ('e0', '2026-02-03', 'cash', 'in', 20000, 'dues', 'member', 'm1', 'dues', 'p1', '${AT}', 'u1');
    INSERT INTO grant_funders (id, name, type, created_at, updated_at) VALUES ('f1', 'Enabel', 'bilateral', '${AT}', '${AT}');
    INSERT INTO funding_agreements (id, funder_id, reference, title, start_date, end_date, currency, total_minor, created_at, updated_at)
      VALUES ('a1', 'f1', 'AG-1', 'Convention', '2026-01-01', '2026-12-31', 'MAD', 10000000, '${AT}', '${AT}');
    INSERT INTO agreement_budget_lines (id, agreement_id, code, label, amount_minor, sort) VALUES ('l1', 'a1', 'L1', 'Activités', 5000000, 1);
    INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_name, agreement_id,
        budget_line_id, agreement_minor, source, created_at, created_by)
      VALUES ('e1', '2026-02-05', 'bank', 'out', 300000, 'rent', 'supplier', 'Propriétaire', 'a1', 'l1', 300000, 'manual', '${AT}', 'u1');
    INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_name, agreement_id,
        budget_line_id, agreement_minor, source, reverses_id, reversal_reason, created_at, created_by)
      VALUES ('e2', '2026-02-06', 'bank', 'in', 300000, 'rent', 'supplier', 'Propriétaire', 'a1', 'l1', 300000, 'manual', 'e1', 'Double saisie', '${AT}', 'u1');
  `);
  return db;
}

describe('the services migration', () => {
  it('keeps every journal entry, its totals and its rules while the journal learns the services source', () => {
    const db = fileBeforeServices();
    const before = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal_entries ORDER BY id`).all();
    const totals = db.prepare('SELECT * FROM treasury_agreement_totals ORDER BY direction').all();
    migrate(db, { target: SERVICES });
    expect(db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal_entries ORDER BY id`).all()).toEqual(before);
    expect(before).toHaveLength(3);
    expect(db.prepare('SELECT * FROM treasury_agreement_totals ORDER BY direction').all()).toEqual(totals);
    expect(() => db.prepare("DELETE FROM journal_entries WHERE id = 'e1'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE journal_entries SET amount_minor = 1 WHERE id = 'e1'").run()).toThrow(/never edited/);
    expect(() =>
      db.prepare(`INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, source, source_id, created_at)
        VALUES ('e3', '2026-02-07', 'cash', 'in', 100, 'dues', 'member', 'dues', 'p1', '${AT}')`).run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE journal_entries SET reverses_id = 'nope' WHERE id = 'e1'").run()).toThrow(/never edited/);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare("SELECT count(*) AS n FROM lookup_values WHERE list = 'serviceType'").get()).toEqual({ n: 15 });
    db.close();
  });

  it("counts a paid service's spending on its agreement, and holds a service's amount as recorded", () => {
    const db = fileBeforeServices();
    migrate(db, { target: SERVICES });
    db.exec(`
      INSERT INTO beneficiaries (id, reference, sex, birth_year, birth_year_estimated, nationality, category, initials, created_at, updated_at)
        VALUES ('b1', 'B-2026-00001', 'female', 1990, 0, 'SN', 'subsaharan_migrant', 'A.D.', '${AT}', '${AT}');
      INSERT INTO person_services (id, beneficiary_id, type_code, date, amount_minor, currency, provider_kind, agreement_id, budget_line_id, created_at, updated_at)
        VALUES ('s1', 'b1', 'training_scholarship', '2026-03-01', 150000, 'MAD', 'association', 'a1', 'l1', '${AT}', '${AT}');
      INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_id, agreement_id,
          budget_line_id, agreement_minor, source, source_id, created_at)
        VALUES ('e4', '2026-03-01', 'bank', 'out', 150000, 'services_to_people', 'person', 'b1', 'a1', 'l1', 150000, 'service', 's1', '${AT}');
    `);
    expect(db.prepare("SELECT agreement_minor FROM treasury_agreement_totals WHERE budget_line_id = 'l1' AND direction = 'out'").get()).toEqual({
      agreement_minor: 300000 + 150000,
    });
    expect(() => db.prepare("UPDATE person_services SET amount_minor = 1 WHERE id = 's1'").run()).toThrow(/reversal/);
    const bad = (values: string) => () =>
      db.prepare(`INSERT INTO person_services (id, beneficiary_id, type_code, date, amount_minor, currency, provider_kind, partner_id, created_at, updated_at) VALUES ${values}`).run();
    expect(bad(`('s2', 'b1', 'cash_aid', '2026-03-02', 100, NULL, 'association', NULL, '${AT}', '${AT}')`)).toThrow(/CHECK/);
    expect(bad(`('s3', 'b1', 'cash_aid', '2026-03-02', 0, 'MAD', 'association', NULL, '${AT}', '${AT}')`)).toThrow(/CHECK/);
    expect(bad(`('s4', 'b1', 'legal_aid', '2026-03-02', NULL, NULL, 'partner', NULL, '${AT}', '${AT}')`)).toThrow(/CHECK/);
    db.close();
  });
});

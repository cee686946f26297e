import { describe, expect, it } from 'vitest';
import { HISTORY_TABLES } from '../../electron/core/beneficiaries/merge';
import { migrate } from '../../electron/core/db/migrate';
import Database from 'better-sqlite3-multiple-ciphers';
import { person } from './builders';
import { createdFile, testCore, useTempDir } from './helpers';

const tempDir = useTempDir();

describe('possible duplicates and merge', () => {
  it('lists pairs by shared phone and by similar name, and merges all history onto the survivor', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await createdFile(core, dir);
    const first = await core.must('beneficiaries.create', person({ firstName: 'Mohamed', lastName: 'Diallo', phones: ['0611111111'] }, { sex: 'male', birthYear: 1988 }));
    const second = await core.must('beneficiaries.create', person({ firstName: 'Muhammad', lastName: 'Diallo', phones: ['0622222222'] }, { sex: 'male', birthYear: 1988 }));
    const third = await core.must('beneficiaries.create', person({ firstName: 'Mamadou', lastName: 'Ndiaye', phones: ['0611111111'] }, { sex: 'male', birthYear: 1988 }));
    // A relative sharing the phone: another sex, another age.
    await core.must('beneficiaries.create', person({ firstName: 'Awa', lastName: 'Ndiaye', phones: ['0611111111'] }, { birthYear: 1970 }));
    await core.must('beneficiaries.create', person({ firstName: 'Grâce', lastName: 'Mbuyi', phones: [] }, { birthYear: 1988 }));

    const { pairs, total } = await core.must('beneficiaries.duplicatePairs', {});
    const summary = pairs.map((p) => [[p.a.id, p.b.id].sort().join('+'), p.a.reasons]);
    // As likely (by the weight of their reasons) one as the other: in the order of the references.
    expect(summary).toEqual([
      [[first.id, second.id].sort().join('+'), ['sameBirthYear', 'firstNamesSoundAlike', 'sameLastName']],
      [[first.id, third.id].sort().join('+'), ['phone', 'sameBirthYear']],
    ]);
    expect(total).toBe(2);

    const partner = await core.must('partners.save', { name: 'Entraide Nationale Oujda', type: 'public_service' });
    await core.must('caseNotes.add', { beneficiaryId: second.id, date: '2026-02-01', type: 'visit', text: 'First visit', sensitive: false });
    await core.must('procedures.save', { beneficiaryId: second.id, type: 'school_enrolment', status: 'in_progress' });
    await core.must('referrals.save', { beneficiaryId: second.id, partnerId: partner.id, sentOn: '2026-02-02', reason: 'Food aid', status: 'sent' });

    const survivor = await core.must('beneficiaries.merge', { survivorId: first.id, mergedId: second.id });
    expect(survivor.personal?.phones).toEqual(['+212611111111', '+212622222222']);
    expect(await core.must('caseNotes.list', { beneficiaryId: first.id })).toHaveLength(1);
    expect(await core.must('procedures.list', { beneficiaryId: first.id })).toHaveLength(1);
    expect(await core.must('referrals.list', { beneficiaryId: first.id })).toHaveLength(1);
    expect(await core.must('caseNotes.list', { beneficiaryId: second.id })).toHaveLength(0);

    const merged = await core.must('beneficiaries.get', { id: second.id });
    expect(merged.archivedAt).not.toBeNull();
    expect((await core.must('beneficiaries.search', { query: '0622222222' })).rows.map((r) => r.id)).toEqual([first.id]);
    expect(await core.call('beneficiaries.merge', { survivorId: first.id, mergedId: second.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await core.call('beneficiaries.merge', { survivorId: first.id, mergedId: first.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    core.close();
  });

  it('moves every table that points at a beneficiary', () => {
    const db = new Database(':memory:');
    migrate(db);
    const pointing = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
      .map((t) => t.name)
      .filter((name) => name !== 'beneficiaries')
      .filter((name) =>
        (db.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).all(name) as { table: string }[]).some(
          (fk) => fk.table === 'beneficiaries',
        ),
      );
    // Phones follow the record's own personal data; every other history table must be re-pointed.
    expect(pointing.filter((t) => t !== 'beneficiary_phones').sort()).toEqual([...HISTORY_TABLES].sort());
    db.close();
  });
});

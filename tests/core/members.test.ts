import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput, User } from '../../electron/contract';
import { recordPayment } from '../../electron/core/members/dues';
import { memberInput, person } from './builders';
import { createdFile, databaseKey, expectFailure, PRESIDENT_PASSWORD, staffCore, testCore, useSuiteTempDir, useTempDir, withDb, type TestCore } from './helpers';

const tempDir = useTempDir();

/** The suite's "today": Monday 1 June 2026. */
const NOW = '2026-06-01T09:00:00.000Z';

async function signedInFile() {
  const dir = tempDir();
  const core = testCore(dir, () => new Date(NOW));
  const { session } = await createdFile(core, dir);
  return { core, path: session.path, president: session.user };
}

const pay = (memberId: string, amount: number, more: Partial<OpInput<'dues.pay'>> = {}): OpInput<'dues.pay'> => ({
  memberId,
  year: 2026,
  date: '2026-05-20',
  amount,
  method: 'cash',
  ...more,
});

describe('member records', () => {
  it('numbers members in order, refuses a number already used, and finds them by name, number or local phone', async () => {
    const { core } = await signedInFile();
    const first = await core.must('members.save', memberInput());
    const second = await core.must('members.save', memberInput({ firstName: 'Youssef', lastName: 'Amrani', sex: 'male', phones: [] }));
    expect([first.number, second.number]).toEqual(['1', '2']);
    expect(first.phones).toEqual(['+212661234567']);

    await expectFailure(core.call('members.save', memberInput({ number: '2', firstName: 'Autre' })), 'duplicate_member_number', {
      number: 'duplicate_member_number',
    });
    // Editing a member keeps their own number.
    const edited = await core.must('members.save', memberInput({ id: second.id, number: '2', firstName: 'Youssef', lastName: 'El Amrani', sex: 'male' }));
    expect(edited.lastName).toBe('El Amrani');
    const named = await core.must('members.save', memberInput({ number: 'H-7', firstName: 'Hélène' }));
    expect(named.number).toBe('H-7');
    expect((await core.must('members.save', memberInput({ firstName: 'Next' }))).number).toBe('3');

    const byName = await core.must('members.list', { query: 'helene' });
    expect(byName.rows.map((r) => r.id)).toEqual([named.id]);
    const byArabic = await core.must('members.list', { query: 'خديجه' });
    expect(byArabic.rows.map((r) => r.id)).toContain(first.id);
    const byPhone = await core.must('members.list', { query: '0661234567' });
    expect(byPhone.rows.map((r) => r.id)).toContain(first.id);
    const list = await core.must('members.list', {});
    expect(list.rows.map((r) => r.number)).toEqual(['1', '2', '3', 'H-7']);
    core.close();
  });

  it('needs a resignation date, filters by status, links a beneficiary without copying it', async () => {
    const { core } = await signedInFile();
    await expectFailure(core.call('members.save', memberInput({ status: 'resigned' })), 'invalid_input', { statusDate: 'resignation_date_required' });
    const beneficiary = await core.must('beneficiaries.create', person());
    const linked = await core.must('members.save', memberInput({ beneficiaryId: beneficiary.id, role: 'treasurer', mandateStart: '2025-01-01', mandateEnd: '2027-12-31' }));
    await core.must('members.save', memberInput({ firstName: 'Omar', sex: 'male', status: 'resigned', statusDate: '2026-02-01' }));
    const detail = await core.must('members.get', { id: linked.id });
    expect(detail.member.beneficiaryId).toBe(beneficiary.id);
    expect(detail.beneficiaryReference).toBe(beneficiary.reference);
    expect((await core.must('members.list', { status: 'resigned' })).rows.map((r) => r.firstName)).toEqual(['Omar']);
    await expectFailure(core.call('members.save', memberInput({ beneficiaryId: 'nobody' })), 'not_found');
    await expectFailure(core.call('members.save', memberInput({ firstName: 'Twice', beneficiaryId: beneficiary.id })), 'beneficiary_already_member', {
      beneficiaryId: 'beneficiary_already_member',
    });
    // Saving the linked member again keeps its own link.
    await core.must('members.save', memberInput({ id: linked.id, beneficiaryId: beneficiary.id, role: 'treasurer' }));
    core.close();
  });
});

describe('dues', () => {
  it('charges the fee of the category (standard when none), keeps balances per year, lists unpaid and partly paid', async () => {
    const { core } = await signedInFile();
    await core.must('dues.setFees', { year: 2025, amounts: { standard: 10_000 } });
    await core.must('dues.setFees', { year: 2026, amounts: { standard: 12_000, student: 5_000, honorary: 0 } });
    const standard = await core.must('members.save', memberInput());
    const student = await core.must('members.save', memberInput({ firstName: 'Sara', category: 'student' }));
    const honorary = await core.must('members.save', memberInput({ firstName: 'Hadj', sex: 'male', category: 'honorary' }));
    const newcomer = await core.must('members.save', memberInput({ firstName: 'Nour', joinDate: '2026-04-01', category: 'unemployed' }));
    await core.must('members.save', memberInput({ firstName: 'Left', status: 'resigned', statusDate: '2025-06-01' }));

    await core.must('dues.pay', pay(standard.id, 10_000, { year: 2025, date: '2025-03-01' }));
    await core.must('dues.pay', pay(standard.id, 4_000));
    await core.must('dues.pay', pay(student.id, 5_000, { method: 'mobile' }));

    const detail = await core.must('members.get', { id: standard.id });
    expect(detail.balances).toEqual([
      { year: 2026, due: 12_000, paid: 4_000, balance: 8_000 },
      { year: 2025, due: 10_000, paid: 10_000, balance: 0 },
      { year: 2024, due: 0, paid: 0, balance: 0 },
    ]);
    expect(detail.payments.map((p) => p.receiptNumber)).toEqual(['R-2026-00001', 'R-2025-00001']);
    expect(detail.payments[0].collectedByName).toBe('Nadia Bennani');

    const status = await core.must('dues.status', { year: 2026 });
    // The unemployed rate is not set: the standard fee applies. The resigned member owes nothing.
    expect(status.unpaid.map((r) => [r.name, r.due, r.paid])).toEqual([['Nour Benali', 12_000, 0]]);
    expect(status.partlyPaid.map((r) => [r.memberId, r.due, r.paid])).toEqual([[standard.id, 12_000, 4_000]]);
    expect(status.unpaid.concat(status.partlyPaid).map((r) => r.memberId)).not.toContain(honorary.id);
    expect(newcomer.category).toBe('unemployed');

    const list = await core.must('members.list', { year: 2026 });
    expect(list.rows.find((r) => r.id === student.id)).toMatchObject({ due: 5_000, paid: 5_000 });
    core.close();
  });

  it('refuses a payment above what is still due unless confirmed, and writes nothing', async () => {
    const { core } = await signedInFile();
    await core.must('dues.setFees', { year: 2026, amounts: { standard: 12_000 } });
    const m = await core.must('members.save', memberInput());
    await core.must('dues.pay', pay(m.id, 10_000));
    await expectFailure(core.call('dues.pay', pay(m.id, 3_000)), 'overpayment', { amount: 'overpayment' });
    expect((await core.must('members.get', { id: m.id })).payments).toHaveLength(1);
    const confirmed = await core.must('dues.pay', pay(m.id, 3_000, { confirmOverpayment: true }));
    expect(confirmed.receiptNumber).toBe('R-2026-00002');
    expect((await core.must('members.get', { id: m.id })).balances[0]).toMatchObject({ year: 2026, due: 12_000, paid: 13_000, balance: -1_000 });
    // No fee set for a year: anything paid is more than due.
    await expectFailure(core.call('dues.pay', pay(m.id, 1_000, { year: 2027, date: '2026-05-30' })), 'overpayment');
    await expectFailure(core.call('dues.setFees', { year: 2026, amounts: { student: 100 } } as never), 'invalid_input');
    core.close();
  });

  it('prints a receipt with the association, the member and the year balance', async () => {
    const { core } = await signedInFile();
    await core.must('dues.setFees', { year: 2026, amounts: { standard: 12_000 } });
    const m = await core.must('members.save', memberInput());
    const p = await core.must('dues.pay', pay(m.id, 12_000, { method: 'cheque', note: 'Chèque n° 123' }));
    const receipt = await core.must('dues.receipt', { paymentId: p.id });
    expect(receipt).toMatchObject({
      association: { name: 'Association Amal', city: 'Oujda' },
      member: { number: '1', firstName: 'Khadija', arabicName: 'خديجة بنعلي' },
      payment: { receiptNumber: 'R-2026-00001', amount: 12_000, method: 'cheque', note: 'Chèque n° 123' },
      balance: { year: 2026, due: 12_000, paid: 12_000, balance: 0 },
    });
    core.close();
  });
});

describe('receipt numbers', () => {
  it('run without gap or duplicate over many payments, refused ones in between, per year of the payment date', async () => {
    const { core } = await signedInFile();
    await core.must('dues.setFees', { year: 2026, amounts: { standard: 100 } });
    const members = [];
    for (let i = 0; i < 6; i += 1) members.push(await core.must('members.save', memberInput({ firstName: `M${i}` })));
    const numbers: string[] = [];
    for (let i = 0; i < 150; i += 1) {
      const m = members[i % members.length];
      if (i % 10 === 3) await expectFailure(core.call('dues.pay', pay(m.id, 50_000)), 'overpayment');
      const year = i % 25 === 0 ? 2025 : 2026;
      const p = await core.must('dues.pay', pay(m.id, 10, { date: `${year}-05-01`, confirmOverpayment: true }));
      numbers.push(p.receiptNumber);
    }
    expect(new Set(numbers).size).toBe(150);
    const seqOf = (year: number) =>
      numbers.filter((n) => n.startsWith(`R-${year}-`)).map((n) => Number(n.slice(7)));
    expect(seqOf(2025)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seqOf(2026)).toEqual(Array.from({ length: 144 }, (_, i) => i + 1));
    core.close();
  });

  it('a transaction that fails after taking a number gives it back', async () => {
    const { core, path, president } = await signedInFile();
    await core.must('dues.setFees', { year: 2026, amounts: { standard: 12_000 } });
    const m = await core.must('members.save', memberInput());
    expect((await core.must('dues.pay', pay(m.id, 1_000))).receiptNumber).toBe('R-2026-00001');

    // Another connection records a payment, then fails before committing (as a crash in a later write would).
    const key = await databaseKey(path, president.id, PRESIDENT_PASSWORD);
    withDb(path, key, (db) => {
      const attempt = db.transaction(() => {
        const tx = { db, user: president as User, at: NOW, audit: () => undefined };
        const taken = recordPayment({ ...pay(m.id, 1_000), confirmOverpayment: false, note: null })(tx);
        expect(taken.receiptNumber).toBe('R-2026-00002');
        throw new Error('disk full');
      });
      expect(() => attempt()).toThrow('disk full');
    });
    const next = await core.must('dues.pay', pay(m.id, 1_000));
    expect(next.receiptNumber).toBe('R-2026-00002');
    expect((await core.must('members.get', { id: m.id })).payments.map((p) => p.receiptNumber)).toEqual(['R-2026-00002', 'R-2026-00001']);
    core.close();
  });
});

describe('who may do what', () => {
  const suiteDir = useSuiteTempDir();
  let president: TestCore;
  let volunteer: TestCore;
  let treasurer: TestCore;

  beforeAll(async () => {
    const root = suiteDir();
    const now = () => new Date(NOW);
    president = testCore(join(root, 'president'), now);
    const { session } = await createdFile(president, join(root, 'file'));
    volunteer = await staffCore(president, session.path, join(root, 'volunteer'), { displayName: 'Meryem Volunteer', role: 'volunteer', now });
    treasurer = await staffCore(president, session.path, join(root, 'treasurer'), { displayName: 'Nadia Treasurer', role: 'treasurer', now });
  });

  afterAll(() => {
    for (const core of [president, volunteer, treasurer]) core?.close();
  });

  it('volunteers keep member records; only treasurers and presidents touch dues', async () => {
    const m = await volunteer.must('members.save', memberInput());
    await expectFailure(volunteer.call('dues.setFees', { year: 2026, amounts: { standard: 100 } }), 'forbidden');
    await expectFailure(volunteer.call('dues.pay', pay(m.id, 100)), 'forbidden');
    await treasurer.must('dues.setFees', { year: 2026, amounts: { standard: 100 } });
    const p = await treasurer.must('dues.pay', pay(m.id, 100));
    expect(p.collectedByName).toBe('Nadia Treasurer');
    expect((await volunteer.must('dues.receipt', { paymentId: p.id })).payment.receiptNumber).toBe(p.receiptNumber);
    expect((await volunteer.must('dues.status', { year: 2026 })).unpaid).toEqual([]);
  });
});

describe('status rule and general assemblies', () => {
  it('lapses active members behind on their dues only when the rule is set and applied', async () => {
    const { core } = await signedInFile();
    await core.must('dues.setFees', { year: 2024, amounts: { standard: 100 } });
    await core.must('dues.setFees', { year: 2025, amounts: { standard: 100 } });
    const behind = await core.must('members.save', memberInput({ joinDate: '2023-01-01' }));
    const paidOne = await core.must('members.save', memberInput({ firstName: 'Paid', joinDate: '2023-01-01' }));
    const recent = await core.must('members.save', memberInput({ firstName: 'Recent', joinDate: '2025-02-01' }));
    await core.must('dues.pay', pay(paidOne.id, 100, { year: 2025, date: '2025-02-01' }));

    expect(await core.must('members.applyStatusRule', {})).toEqual({ lapsed: [], disabled: true });
    expect((await core.must('members.get', { id: behind.id })).member.status).toBe('active');

    await core.must('settings.update', { memberLapseAfterUnpaidYears: 2 });
    expect(await core.must('members.applyStatusRule', {})).toEqual({ lapsed: [behind.id], disabled: false });
    const after = await core.must('members.get', { id: behind.id });
    expect(after.member).toMatchObject({ status: 'lapsed', statusDate: '2026-06-01' });
    expect((await core.must('members.get', { id: recent.id })).member.status).toBe('active');
    core.close();
  });

  it('computes the quorum from members in good standing and those present at the assembly', async () => {
    const { core } = await signedInFile();
    await core.must('dues.setFees', { year: 2026, amounts: { standard: 100 } });
    const people = [];
    for (let i = 0; i < 5; i += 1) people.push(await core.must('beneficiaries.create', person({ firstName: `P${i}`, phones: [] })));
    const members = [];
    for (let i = 0; i < 5; i += 1) members.push(await core.must('members.save', memberInput({ firstName: `M${i}`, beneficiaryId: people[i].id })));
    // Four pay in full; the fifth does not, so is not in good standing.
    for (const m of members.slice(0, 4)) await core.must('dues.pay', pay(m.id, 100));

    const ga = await core.must('activities.save', { title: 'AG ordinaire 2026', type: 'general_assembly', theme: 'sociocultural_integration' });
    const session = await core.must('sessions.save', { activityId: ga.id, date: '2026-05-30', startTime: '10:00', endTime: '12:00' });
    await core.must('registrations.add', { activityId: ga.id, beneficiaryIds: people.map((p) => p.id) });
    await core.must('attendance.mark', {
      sessionId: session.id,
      marks: [
        { beneficiaryId: people[0].id, status: 'present' },
        { beneficiaryId: people[1].id, status: 'present' },
        { beneficiaryId: people[4].id, status: 'present' },
      ],
    });
    let quorum = await core.must('members.quorum', { activityId: ga.id });
    expect(quorum).toMatchObject({ year: 2026, inGoodStanding: 4, quorumPercent: 50, required: 2, reached: true, date: '2026-05-30' });
    expect(quorum.present.map((p) => p.memberId).sort()).toEqual([members[0].id, members[1].id].sort());

    await core.must('settings.update', { assemblyQuorumPercent: 75 });
    quorum = await core.must('members.quorum', { activityId: ga.id });
    expect(quorum).toMatchObject({ required: 3, reached: false });
    expect((await core.must('members.assemblies', {})).map((a) => a.activityId)).toEqual([ga.id]);

    const workshop = await core.must('activities.save', { title: 'Atelier', type: 'workshop', theme: 'employability' });
    await expectFailure(core.call('members.quorum', { activityId: workshop.id }), 'not_general_assembly');
    core.close();
  });

  it('follows a beneficiary merge: the member points at the survivor', async () => {
    const { core } = await signedInFile();
    const a = await core.must('beneficiaries.create', person({ firstName: 'Awa' }));
    const b = await core.must('beneficiaries.create', person({ firstName: 'Awa', lastName: 'Diop', phones: [] }));
    const m = await core.must('members.save', memberInput({ beneficiaryId: b.id }));
    await core.must('beneficiaries.merge', { survivorId: a.id, mergedId: b.id });
    expect((await core.must('members.get', { id: m.id })).member.beneficiaryId).toBe(a.id);
    core.close();
  });
});

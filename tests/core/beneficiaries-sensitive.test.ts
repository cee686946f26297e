import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Beneficiary, Role } from '../../electron/contract';
import { person } from './builders';
import { createdFile, testCore, useSuiteTempDir, type TestCore } from './helpers';

// Sensitive vulnerabilities (pregnant, violence_survivor, disability, chronic_illness in the seeded
// list) are read by the president and by whoever recorded them; others get the record without them
// and keep them when saving.
describe('sensitive vulnerabilities, by role', () => {
  const suiteDir = useSuiteTempDir();
  const TEMPORARY = 'temporary password 1';
  let president: TestCore;
  const staff = {} as Record<Exclude<Role, 'president'>, TestCore>;
  let id: string;

  beforeAll(async () => {
    const root = suiteDir();
    president = testCore(join(root, 'president'));
    const { session } = await createdFile(president, join(root, 'file'));
    for (const role of ['volunteer', 'treasurer'] as const) {
      const user = await president.must('users.create', { displayName: `Staff ${role}`, role, temporaryPassword: TEMPORARY });
      const core = testCore(join(root, role));
      await core.must('file.open', { path: session.path, userId: user.id, password: TEMPORARY });
      await core.must('session.changePassword', { currentPassword: TEMPORARY, newPassword: `${role} password 1` });
      staff[role] = core;
    }
    id = (await president.must('beneficiaries.create', person({ vulnerabilities: ['pregnant', 'single_mother', 'violence_survivor'] }))).id;
  });

  afterAll(() => {
    president?.close();
    for (const core of Object.values(staff)) core.close();
  });

  const vulnerabilities = (b: Beneficiary) => b.personal?.vulnerabilities;

  it('shows them to the president only', async () => {
    expect(vulnerabilities(await president.must('beneficiaries.get', { id }))).toEqual(['pregnant', 'single_mother', 'violence_survivor']);
    expect(vulnerabilities(await staff.volunteer.must('beneficiaries.get', { id }))).toEqual(['single_mother']);
    expect(vulnerabilities(await staff.treasurer.must('beneficiaries.get', { id }))).toEqual(['single_mother']);
  });

  it('keeps them when a volunteer saves what they were shown, and hides them in the answer', async () => {
    const shown = await staff.volunteer.must('beneficiaries.get', { id });
    const { id: _id, reference: _r, initials: _i, createdAt: _c, updatedAt: _u, archivedAt: _a, ...input } = shown;
    const saved = await staff.volunteer.must('beneficiaries.update', {
      id,
      input: { ...input, personal: { ...input.personal!, city: 'Oujda', vulnerabilities: ['homeless'] } },
    });
    expect(vulnerabilities(saved)).toEqual(['homeless']);
    const stored = await president.must('beneficiaries.get', { id });
    expect(stored.personal?.city).toBe('Oujda');
    // single_mother was removed by the volunteer, who saw it; the sensitive ones stay.
    expect(vulnerabilities(stored)).toEqual(['homeless', 'pregnant', 'violence_survivor']);
  });

  it('hides them in every answer that carries the record', async () => {
    expect(vulnerabilities(await staff.volunteer.must('beneficiaries.archive', { id, reason: 'lost_contact' }))).toEqual(['homeless']);
    expect(vulnerabilities(await staff.treasurer.must('beneficiaries.restore', { id }))).toEqual(['homeless']);
    // What a volunteer recorded herself she reads; the treasurer, who did not, does not.
    const created = await staff.volunteer.must('beneficiaries.create', person({ firstName: 'Hawa', phones: [], vulnerabilities: ['disability', 'homeless'] }));
    expect(vulnerabilities(created)).toEqual(['disability', 'homeless']);
    expect(vulnerabilities(await staff.treasurer.must('beneficiaries.get', { id: created.id }))).toEqual(['homeless']);
    expect(vulnerabilities(await president.must('beneficiaries.get', { id: created.id }))).toEqual(['disability', 'homeless']);
  });

  it('lets the president remove one', async () => {
    const stored = await president.must('beneficiaries.get', { id });
    const { id: _id, reference: _r, initials: _i, createdAt: _c, updatedAt: _u, archivedAt: _a, ...input } = stored;
    await president.must('beneficiaries.update', { id, input: { ...input, personal: { ...input.personal!, vulnerabilities: ['homeless'] } } });
    expect(vulnerabilities(await president.must('beneficiaries.get', { id }))).toEqual(['homeless']);
  });
});

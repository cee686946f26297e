import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../electron/contract';
import { person } from './builders';
import { signedInAt, useTempDir } from './helpers';

const tempDir = useTempDir();
const NOW = '2026-06-01T09:00:00.000Z';

const signedInFile = () => signedInAt(tempDir(), NOW);

const memberInput = (more: Partial<OpInput<'members.save'>> = {}): OpInput<'members.save'> => ({
  firstName: 'Khadija',
  lastName: 'Benali',
  sex: 'female',
  joinDate: '2024-03-10',
  ...more,
});

describe('the member linked to a beneficiary record', () => {
  it('is found from the beneficiary, archived members too, and nobody for a person who is not a member', async () => {
    const core = await signedInFile();
    const khadija = await core.must('beneficiaries.create', person({ firstName: 'Khadija', lastName: 'Benali', phones: [] }));
    const other = await core.must('beneficiaries.create', person({ firstName: 'Awa', lastName: 'Diallo', phones: [] }));
    const member = await core.must('members.save', memberInput({ number: '12', beneficiaryId: khadija.id }));

    expect(await core.must('members.byBeneficiary', { beneficiaryId: khadija.id })).toEqual({
      id: member.id,
      number: '12',
      firstName: 'Khadija',
      lastName: 'Benali',
      status: 'active',
      archivedAt: null,
    });
    expect(await core.must('members.byBeneficiary', { beneficiaryId: other.id })).toBeNull();
    await core.must('members.archive', { id: member.id });
    expect((await core.must('members.byBeneficiary', { beneficiaryId: khadija.id }))?.archivedAt).toBe(NOW);
    core.close();
  });
});

describe('merging two beneficiary records of the same person', () => {
  it('moves the only member link onto the survivor', async () => {
    const core = await signedInFile();
    const first = await core.must('beneficiaries.create', person({ firstName: 'Khadija', lastName: 'Benali', phones: [] }));
    const second = await core.must('beneficiaries.create', person({ firstName: 'Khadija', lastName: 'Ben Ali', phones: [] }));
    const member = await core.must('members.save', memberInput({ beneficiaryId: second.id }));
    await core.must('beneficiaries.merge', { survivorId: first.id, mergedId: second.id });
    expect((await core.must('members.byBeneficiary', { beneficiaryId: first.id }))?.id).toBe(member.id);
    expect(await core.must('members.byBeneficiary', { beneficiaryId: second.id })).toBeNull();
    core.close();
  });

  it('is refused while both are linked to a member, writing nothing; once one member is unlinked it goes through', async () => {
    const core = await signedInFile();
    const first = await core.must('beneficiaries.create', person({ firstName: 'Khadija', lastName: 'Benali', phones: [] }));
    const second = await core.must('beneficiaries.create', person({ firstName: 'Khadija', lastName: 'Ben Ali', phones: [] }));
    const kept = await core.must('members.save', memberInput({ number: '3', beneficiaryId: first.id }));
    const duplicate = await core.must('members.save', memberInput({ number: '17', beneficiaryId: second.id }));

    const refused = await core.call('beneficiaries.merge', { survivorId: first.id, mergedId: second.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'merge_both_members' } });
    expect((await core.must('beneficiaries.get', { id: second.id })).archivedAt).toBeNull();
    expect((await core.must('members.byBeneficiary', { beneficiaryId: second.id }))?.id).toBe(duplicate.id);

    await core.must('members.save', memberInput({ id: duplicate.id, number: '17', beneficiaryId: null }));
    await core.must('beneficiaries.merge', { survivorId: first.id, mergedId: second.id });
    expect((await core.must('members.byBeneficiary', { beneficiaryId: first.id }))?.id).toBe(kept.id);
    core.close();
  });
});

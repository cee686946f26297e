import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../electron/contract';
import { person } from './builders';
import { createdFile, testCore, useTempDir } from './helpers';

const tempDir = useTempDir();
const NOW = '2026-06-01T09:00:00.000Z';

async function signedInFile() {
  const dir = tempDir();
  const core = testCore(dir, () => new Date(NOW));
  await createdFile(core, dir);
  return core;
}

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

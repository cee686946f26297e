import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../electron/contract';
import { memberInput as sharedMemberInput, person } from './builders';
import { expectFailure, signedInAt, useTempDir, type TestCore } from './helpers';

const tempDir = useTempDir();
const NOW = '2026-06-01T09:00:00.000Z';

const signedInFile = () => signedInAt(tempDir(), NOW);

/** The shared member, born in 1988 (the pseudonymous record keeps the year, the consented one the date). */
const memberInput = (more: Partial<OpInput<'members.save'>> = {}) => sharedMemberInput({ birthDate: '1988-04-12', ...more });

const details = { category: 'subsaharan_migrant', nationality: 'MA', consent: null };

async function setUp() {
  const core = await signedInFile();
  const activity = await core.must('activities.save', { title: 'Atelier CV', type: 'workshop', theme: 'employability' });
  return { core, activity };
}

const people = async (core: TestCore) => (await core.must('beneficiaries.search', {})).total;
const registered = async (core: TestCore, activityId: string) => (await core.must('registrations.list', { activityId })).rows;

describe('registering members as participants', () => {
  it('registers the beneficiary record a member is linked to, creating nothing', async () => {
    const { core, activity } = await setUp();
    const khadija = await core.must('beneficiaries.create', person({ firstName: 'Khadija', lastName: 'Benali', phones: [] }));
    const member = await core.must('members.save', memberInput({ beneficiaryId: khadija.id }));
    const result = await core.must('registrations.addMember', { activityId: activity.id, memberId: member.id });
    expect(result).toMatchObject({ beneficiaryId: khadija.id, created: false, outcome: { added: [khadija.id], registeredCount: 1 } });
    expect(await people(core)).toBe(1);
    const again = await core.must('registrations.addMember', { activityId: activity.id, memberId: member.id });
    expect(again.outcome).toMatchObject({ added: [], alreadyRegistered: [khadija.id] });
    core.close();
  });

  it('makes a pseudonymous record for a member without one and without consent, links it to the member and registers it', async () => {
    const { core, activity } = await setUp();
    const member = await core.must('members.save', memberInput());
    const result = await core.must('registrations.addMember', { activityId: activity.id, memberId: member.id, details });
    expect(result.created).toBe(true);
    const record = await core.must('beneficiaries.get', { id: result.beneficiaryId });
    expect(record).toMatchObject({ initials: 'KB', sex: 'female', birthYear: 1988, category: 'subsaharan_migrant', nationality: 'MA', consent: null, personal: null });
    expect((await core.must('members.get', { id: member.id })).member.beneficiaryId).toBe(result.beneficiaryId);
    expect((await core.must('members.byBeneficiary', { beneficiaryId: result.beneficiaryId }))?.id).toBe(member.id);
    expect((await registered(core, activity.id)).map((r) => [r.beneficiaryId, r.displayName, r.walkIn])).toEqual([[result.beneficiaryId, 'KB', false]]);
    core.close();
  });

  it('copies the names, birth date and phones into the new record when the member consents to service delivery', async () => {
    const { core, activity } = await setUp();
    const member = await core.must('members.save', memberInput());
    const consent = { date: '2026-06-01', givenBy: 'person' as const, scopes: ['service' as const] };
    const result = await core.must('registrations.addMember', { activityId: activity.id, memberId: member.id, details: { ...details, consent } });
    const record = await core.must('beneficiaries.get', { id: result.beneficiaryId });
    expect(record.consent).toMatchObject(consent);
    expect(record.personal).toMatchObject({ firstName: 'Khadija', lastName: 'Benali', arabicName: 'خديجة بنعلي', birthDate: '1988-04-12', phones: ['+212661234567'] });
    expect((await registered(core, activity.id))[0]).toMatchObject({ displayName: 'Khadija Benali', arabicName: 'خديجة بنعلي', phone: '+212661234567' });
    core.close();
  });

  it('asks the birth year only when the member has no birth date', async () => {
    const { core, activity } = await setUp();
    const member = await core.must('members.save', memberInput({ birthDate: null }));
    await expectFailure(core.call('registrations.addMember', { activityId: activity.id, memberId: member.id, details }), 'invalid_input', { 'details.birthYear': 'required' });
    const result = await core.must('registrations.addMember', { activityId: activity.id, memberId: member.id, details: { ...details, birthYear: 1990 } });
    expect((await core.must('beneficiaries.get', { id: result.beneficiaryId })).birthYear).toBe(1990);
    core.close();
  });

  it('writes nothing when refused: no details, a category off the list, an archived member, an archived activity', async () => {
    const { core, activity } = await setUp();
    const member = await core.must('members.save', memberInput());
    await expectFailure(core.call('registrations.addMember', { activityId: activity.id, memberId: member.id }), 'invalid_input', {
      'details.category': 'required',
      'details.nationality': 'required',
    });
    // The record would be created before the list check fails: the one transaction takes it back.
    await expectFailure(core.call('registrations.addMember', { activityId: activity.id, memberId: member.id, details: { ...details, category: 'no_such_category' } }), 'invalid_input', {
      category: 'not_in_list',
    });
    const other = await core.must('activities.save', { title: 'Fermée', type: 'workshop', theme: 'employability' });
    await core.must('activities.archive', { id: other.id });
    await expectFailure(core.call('registrations.addMember', { activityId: other.id, memberId: member.id, details }), 'activity_archived');
    await core.must('members.archive', { id: member.id });
    await expectFailure(core.call('registrations.addMember', { activityId: activity.id, memberId: member.id, details }), 'member_archived');

    expect(await people(core)).toBe(0);
    expect((await core.must('members.get', { id: member.id })).member.beneficiaryId).toBeNull();
    expect(await registered(core, activity.id)).toEqual([]);
    core.close();
  });

  it('counts a member registered this way and marked present in the quorum of a general assembly', async () => {
    const core = await signedInFile();
    await core.must('dues.setFees', { year: 2026, amounts: { standard: 100_00 } });
    const member = await core.must('members.save', memberInput({ number: '3' }));
    await core.must('dues.pay', { memberId: member.id, year: 2026, date: '2026-05-02', amount: 100_00, method: 'cash' });
    const assembly = await core.must('activities.save', { title: 'AG 2026', type: 'general_assembly', theme: 'sociocultural_integration', startDate: '2026-06-01' });
    const session = await core.must('sessions.save', { activityId: assembly.id, date: '2026-06-01', startTime: '10:00', endTime: '12:00' });
    const { beneficiaryId } = await core.must('registrations.addMember', { activityId: assembly.id, memberId: member.id, details });
    await core.must('attendance.mark', { sessionId: session.id, marks: [{ beneficiaryId, status: 'present' }] });
    const quorum = await core.must('members.quorum', { activityId: assembly.id });
    expect(quorum).toMatchObject({ inGoodStanding: 1, required: 1, reached: true, present: [{ memberId: member.id, number: '3', name: 'Khadija Benali' }] });
    core.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { BeneficiaryInput, OpInput } from '../../electron/contract';
import { person } from './builders';
import { newAgreement, newOrganisation, subGrantInput } from './grants-builders';
import { createdFile, expectFailure, PRESIDENT_PASSWORD, testCore, useTempDir, type TestCore } from './helpers';

const tempDir = useTempDir();

/** The suite's clock can be moved: the pipeline's staleness depends on it. */
async function signedInFile(start = '2026-06-01T09:00:00.000Z') {
  const dir = tempDir();
  const clock = { now: new Date(start) };
  const core = testCore(dir, () => clock.now);
  const { session } = await createdFile(core, dir);
  /** Moves the clock; the idle lock this causes is lifted by signing in again. */
  const jump = async (to: string) => {
    clock.now = new Date(to);
    await core.must('file.open', { path: session.path, userId: session.user.id, password: PRESIDENT_PASSWORD });
  };
  return { core, jump };
}

const project = (more: Partial<OpInput<'cooperatives.save'>> = {}): OpInput<'cooperatives.save'> => ({
  proposedNames: ['Coopérative Nour', 'Coopérative Amal'],
  sector: 'sewing',
  activity: 'Couture et broderie traditionnelle',
  city: 'Oujda',
  coach: 'Meryem El Amrani',
  shareValue: 20_000,
  ...more,
});

/** A Moroccan woman unless told otherwise. */
async function founderPerson(core: TestCore, firstName: string, top: Partial<BeneficiaryInput> = {}, legal?: object | null) {
  return core.must(
    'beneficiaries.create',
    person(
      { firstName, lastName: 'Test', phones: [], ...(legal !== undefined ? { legalStatus: legal as never } : {}) },
      { nationality: 'MA', category: 'returning_migrant', ...top },
    ),
  );
}

async function withFounders(core: TestCore, count: number, shares = 2) {
  const coop = await core.must('cooperatives.save', project());
  const founders = [];
  for (let i = 0; i < count; i += 1) {
    const p = await founderPerson(core, `F${i}`);
    founders.push((await core.must('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: p.id, sharesSubscribed: shares, sharesPaid: 1 })).founder);
  }
  return { coop, founders };
}

async function stepsOf(core: TestCore, id: string) {
  return (await core.must('cooperatives.get', { id })).steps;
}

async function markDone(core: TestCore, cooperativeId: string, code: string, doneOn = '2026-05-01') {
  const step = (await stepsOf(core, cooperativeId)).find((s) => s.code === code);
  if (!step) throw new Error(`no step ${code}`);
  return core.call('cooperatives.saveStep', { id: step.id, status: 'done', doneOn });
}

describe('cooperative projects', () => {
  it('starts with the template steps and refuses a share value below the setting', async () => {
    const { core } = await signedInFile();
    await expectFailure(core.call('cooperatives.save', project({ shareValue: 5_000 })), 'share_value_below_minimum', {
      shareValue: 'share_value_below_minimum',
    });
    const coop = await core.must('cooperatives.save', project());
    expect(coop.reference).toBe('C-2026-00001');
    const detail = await core.must('cooperatives.get', { id: coop.id });
    expect(detail.steps.map((s) => s.code)).toEqual([
      'name_approval',
      'statutes',
      'constitutive_assembly',
      'capital_deposit',
      'local_authority_receipt',
      'local_register',
      'registration_number',
      'tax_identifier',
      'start_of_activity',
    ]);
    expect(detail.steps.every((s) => s.status === 'not_started')).toBe(true);
    expect(detail.currentStep).toBe('name_approval');
    expect(detail).toMatchObject({ minFounders: 5, minCapital: 100_000, capitalSubscribed: 0, createdOn: null });
    core.close();
  });

  it('applies template edits to new projects only', async () => {
    const { core } = await signedInFile();
    const before = await core.must('cooperatives.save', project());
    const template = await core.must('cooperatives.template', {});
    const edited = [
      ...template.slice(0, 2),
      { code: 'bank_certificate', labels: { fr: 'Attestation bancaire', ar: 'شهادة بنكية', en: 'Bank certificate' }, mandatory: true },
      ...template.slice(2),
    ];
    await core.must('cooperatives.saveTemplate', { steps: edited });
    const after = await core.must('cooperatives.save', project({ proposedNames: ['Coopérative Badr'] }));
    expect((await stepsOf(core, before.id)).map((s) => s.code)).not.toContain('bank_certificate');
    expect((await stepsOf(core, after.id)).map((s) => s.code)[2]).toBe('bank_certificate');
    await expectFailure(core.call('cooperatives.saveTemplate', { steps: [template[0], template[0]] }), 'invalid_input');
    core.close();
  });

  it('refuses a template without the constitutive assembly, on which the founders and capital rules hang', async () => {
    const { core } = await signedInFile();
    const template = await core.must('cooperatives.template', {});
    const [assembly] = template.filter((s) => s.code === 'constitutive_assembly');
    expect(assembly).toBeDefined();
    const without = template.filter((s) => s !== assembly);
    await expectFailure(core.call('cooperatives.saveTemplate', { steps: without }), 'constitutive_assembly_step_required');
    expect(await core.must('cooperatives.template', {})).toEqual(template);
    const coop = await core.must('cooperatives.save', project());
    expect((await stepsOf(core, coop.id)).map((s) => s.code)).toContain('constitutive_assembly');

    // Moved and relabelled, it is still the same step.
    const moved = [{ ...assembly, labels: { fr: 'AG constitutive', ar: 'الجمع التأسيسي', en: 'Constitutive GA' } }, ...without];
    expect((await core.must('cooperatives.saveTemplate', { steps: moved }))[0]).toMatchObject({ code: 'constitutive_assembly', labels: { fr: 'AG constitutive' } });
    core.close();
  });
});

describe('founders and shares', () => {
  it('refuses shares paid above subscribed, the same person twice, and counts capital', async () => {
    const { core } = await signedInFile();
    const coop = await core.must('cooperatives.save', project());
    const p = await founderPerson(core, 'Fatima');
    await expectFailure(
      core.call('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: p.id, sharesSubscribed: 2, sharesPaid: 3 }),
      'invalid_input',
      { sharesPaid: 'shares_paid_above_subscribed' },
    );
    const added = await core.must('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: p.id, sharesSubscribed: 3, sharesPaid: 1 });
    expect(added.founder).toMatchObject({ name: 'Fatima Test', sharesSubscribed: 3, sharesPaid: 1, residenceWarning: false });
    await expectFailure(
      core.call('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: p.id, sharesSubscribed: 1, sharesPaid: 0 }),
      'already_founder',
    );
    // The same person through their member record is still the same person.
    const member = await core.must('members.save', { firstName: 'Fatima', lastName: 'Test', sex: 'female', joinDate: '2025-01-01', beneficiaryId: p.id });
    await expectFailure(core.call('cooperatives.saveFounder', { cooperativeId: coop.id, memberId: member.id, sharesSubscribed: 1, sharesPaid: 0 }), 'already_founder');
    const other = await core.must('members.save', { firstName: 'Rachid', lastName: 'Member', sex: 'male', joinDate: '2025-01-01' });
    await core.must('cooperatives.saveFounder', { cooperativeId: coop.id, memberId: other.id, sharesSubscribed: 2, sharesPaid: 2 });
    await core.must('cooperatives.saveFounder', { id: added.founder.id, cooperativeId: coop.id, beneficiaryId: p.id, sharesSubscribed: 3, sharesPaid: 3 });

    const detail = await core.must('cooperatives.get', { id: coop.id });
    expect(detail.founders.map((f) => [f.name, f.reference])).toEqual([
      ['Fatima Test', p.reference],
      ['Rachid Member', other.number],
    ]);
    expect(detail.capitalSubscribed).toBe(5 * 20_000);
    expect(detail.capitalPaid).toBe(5 * 20_000);

    const pseudonymous = await core.must('beneficiaries.create', {
      ...person(),
      personal: null,
      consent: null,
      initials: 'A.B.',
      nationality: 'MA',
    });
    await expectFailure(
      core.call('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: pseudonymous.id, sharesSubscribed: 1, sharesPaid: 0 }),
      'founder_without_identity',
    );
    core.close();
  });

  it('needs a valid residence document for a foreign founder, and warns when it expires within 60 days', async () => {
    const { core } = await signedInFile();
    const coop = await core.must('cooperatives.save', project());
    const add = (beneficiaryId: string) => core.call('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId, sharesSubscribed: 1, sharesPaid: 0 });
    const foreign = { nationality: 'SN', category: 'subsaharan_migrant' };
    const undocumented = await founderPerson(core, 'Awa', foreign, { code: 'no_document' });
    await expectFailure(add(undocumented.id), 'residence_document_required', { beneficiaryId: 'residence_document_required' });
    const none = await founderPerson(core, 'Binta', foreign, null);
    await expectFailure(add(none.id), 'residence_document_required');
    const expired = await founderPerson(core, 'Coumba', foreign, { code: 'residence_card', expiryDate: '2026-05-31' });
    await expectFailure(add(expired.id), 'residence_document_required');

    const soon = await founderPerson(core, 'Dieynaba', foreign, { code: 'residence_card', expiryDate: '2026-07-30' });
    const r1 = await add(soon.id);
    expect(r1.ok && r1.value.residenceWarning).toBe(true);
    const later = await founderPerson(core, 'Esther', foreign, { code: 'regularisation_3y', expiryDate: '2026-08-15' });
    const r2 = await add(later.id);
    expect(r2.ok && r2.value.residenceWarning).toBe(false);
    const detail = await core.must('cooperatives.get', { id: coop.id });
    expect(detail.founders.map((f) => [f.name, f.residenceWarning, f.residenceExpiry])).toEqual([
      ['Dieynaba Test', true, '2026-07-30'],
      ['Esther Test', false, '2026-08-15'],
    ]);
    core.close();
  });
});

describe('steps and the founders rule', () => {
  it('refuses a step done before the previous mandatory one; an optional step may be skipped', async () => {
    const { core } = await signedInFile();
    const { coop } = await withFounders(core, 5);
    await expectFailure(markDone(core, coop.id, 'statutes'), 'previous_step_not_done', { status: 'previous_step_not_done' });
    expect((await stepsOf(core, coop.id)).find((s) => s.code === 'statutes')?.status).toBe('not_started');
    const steps = await stepsOf(core, coop.id);
    await expectFailure(core.call('cooperatives.saveStep', { id: steps[0].id, status: 'blocked' }), 'invalid_input', {
      blockedReason: 'blocked_reason_required',
    });
    await core.must('cooperatives.saveStep', { id: steps[0].id, status: 'blocked', blockedReason: 'Nom refusé', responsible: 'Imane' });
    expect((await markDone(core, coop.id, 'name_approval')).ok).toBe(true);
    expect((await stepsOf(core, coop.id))[0]).toMatchObject({ status: 'done', blockedReason: null, responsible: null });
    for (const code of ['statutes', 'constitutive_assembly', 'capital_deposit', 'local_authority_receipt', 'local_register', 'registration_number']) {
      expect((await markDone(core, coop.id, code)).ok).toBe(true);
    }
    // The tax identifier is optional: the start of activity does not wait for it.
    expect((await markDone(core, coop.id, 'start_of_activity', '2026-05-20')).ok).toBe(true);
    const detail = await core.must('cooperatives.get', { id: coop.id });
    expect(detail.currentStep).toBeNull();
    expect(detail.createdOn).toBe('2026-05-20');
    expect(detail.visits.map((v) => [v.month, v.dueOn])).toEqual([
      [6, '2026-11-20'],
      [12, '2027-05-20'],
    ]);
    core.close();
  });

  it('holds the constitutive assembly only with enough founders and capital, then keeps the minimum', async () => {
    const { core } = await signedInFile();
    const { coop, founders } = await withFounders(core, 4);
    await markDone(core, coop.id, 'name_approval');
    await markDone(core, coop.id, 'statutes');
    await expectFailure(markDone(core, coop.id, 'constitutive_assembly'), 'founders_below_minimum');

    // Five founders, but 5 × 1 share × 200 MAD = 1,000 MAD: just the minimum capital. With 0.5 the capital is short.
    const fifth = await founderPerson(core, 'F4');
    const added = await core.must('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: fifth.id, sharesSubscribed: 1, sharesPaid: 0 });
    for (const f of founders) await core.must('cooperatives.saveFounder', { id: f.id, cooperativeId: coop.id, beneficiaryId: f.beneficiaryId, sharesSubscribed: 1, sharesPaid: 0 });
    await core.must('settings.update', { cooperativeMinCapital: 150_000 });
    await expectFailure(markDone(core, coop.id, 'constitutive_assembly'), 'capital_below_minimum');
    await core.must('settings.update', { cooperativeMinCapital: 100_000 });

    // Before the assembly a founder may leave; after it, not below the minimum.
    await core.must('cooperatives.removeFounder', { id: added.founder.id });
    await expectFailure(markDone(core, coop.id, 'constitutive_assembly'), 'founders_below_minimum');
    await core.must('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: fifth.id, sharesSubscribed: 1, sharesPaid: 1 });
    expect((await markDone(core, coop.id, 'constitutive_assembly')).ok).toBe(true);
    await expectFailure(core.call('cooperatives.removeFounder', { id: founders[0].id }), 'founders_below_minimum');
    expect((await core.must('cooperatives.get', { id: coop.id })).founders).toHaveLength(5);

    // A sixth founder may leave again.
    const sixth = await founderPerson(core, 'F5');
    const s = await core.must('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: sixth.id, sharesSubscribed: 1, sharesPaid: 0 });
    await core.must('cooperatives.removeFounder', { id: s.founder.id });
    core.close();
  });

  it("refuses the assembly when a foreign founder's residence document expired since they were added", async () => {
    const { core, jump } = await signedInFile();
    const { coop } = await withFounders(core, 4);
    const foreign = await founderPerson(core, 'Awa', { nationality: 'SN', category: 'subsaharan_migrant' }, { code: 'residence_card', expiryDate: '2026-07-30' });
    await core.must('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: foreign.id, sharesSubscribed: 2, sharesPaid: 1 });
    await markDone(core, coop.id, 'name_approval');
    await markDone(core, coop.id, 'statutes');
    await jump('2026-08-15T09:00:00.000Z');
    await expectFailure(markDone(core, coop.id, 'constitutive_assembly', '2026-08-15'), 'residence_document_required', { status: 'residence_document_required' });
    core.close();
  });

  it('records the 6- and 12-month visits only once the cooperative exists', async () => {
    const { core } = await signedInFile();
    const { coop } = await withFounders(core, 5);
    const visit = { cooperativeId: coop.id, month: 6 as const, date: '2026-11-25', revenueBand: 'under_5000' as const, activeMembers: 5 };
    await expectFailure(core.call('cooperatives.saveVisit', visit), 'cooperative_not_created');
    const steps = await stepsOf(core, coop.id);
    for (const s of steps.filter((x) => x.mandatory)) await markDone(core, coop.id, s.code);
    await core.must('cooperatives.saveVisit', { ...visit, difficulties: 'Accès au marché' });
    await core.must('cooperatives.saveVisit', { ...visit, activeMembers: 4 });
    const detail = await core.must('cooperatives.get', { id: coop.id });
    expect(detail.visits[0].visit).toMatchObject({ month: 6, activeMembers: 4, difficulties: null });
    expect(detail.visits[1].visit).toBeNull();
    core.close();
  });
});

describe('step documents', () => {
  const pdf = Buffer.from('%PDF-1.4\n% certificat négatif\n').toString('base64');

  it('keeps a PDF on a step, refuses a text file, and reads back only step documents', async () => {
    const { core } = await signedInFile();
    const { coop } = await withFounders(core, 5);
    const [first] = await stepsOf(core, coop.id);
    const info = await core.must('cooperatives.attachDocument', { stepId: first.id, file: { fileName: 'certificat.pdf', contentBase64: pdf } });
    expect(info).toMatchObject({ ownerType: 'cooperative_step', ownerId: first.id, mime: 'application/pdf', fileName: 'certificat.pdf' });
    await expectFailure(
      core.call('cooperatives.attachDocument', { stepId: first.id, file: { fileName: 'faux.pdf', contentBase64: Buffer.from('plain text').toString('base64') } }),
      'attachment_type_not_allowed',
    );
    const [withDoc] = await stepsOf(core, coop.id);
    expect(withDoc.documents.map((d) => d.id)).toEqual([info.id]);
    expect((await core.must('cooperatives.document', { id: info.id })).contentBase64).toBe(pdf);

    const ga = await core.must('activities.save', { title: 'AG', type: 'general_assembly', theme: 'sociocultural_integration' });
    const minutes = await core.must('members.attachMinutes', { activityId: ga.id, file: { fileName: 'pv.pdf', contentBase64: pdf } });
    // Each area reads only its own files.
    await expectFailure(core.call('cooperatives.document', { id: minutes.id }), 'not_found');
    await expectFailure(core.call('members.minutes', { id: info.id }), 'not_found');
    expect((await core.must('members.minutes', { id: minutes.id })).fileName).toBe('pv.pdf');
    expect((await core.must('members.quorum', { activityId: ga.id })).minutes.map((m) => m.id)).toEqual([minutes.id]);
    const workshop = await core.must('activities.save', { title: 'Atelier', type: 'workshop', theme: 'employability' });
    await expectFailure(core.call('members.attachMinutes', { activityId: workshop.id, file: { fileName: 'pv.pdf', contentBase64: pdf } }), 'not_general_assembly');
    core.close();
  });
});

describe('grants received', () => {
  it('shows the sub-grants of the recipient the cooperative became, with what was paid, to those who handle money', async () => {
    const { core } = await signedInFile();
    const coop = await core.must('cooperatives.save', project());
    expect(await core.must('cooperatives.grants', { id: coop.id })).toEqual([]);
    await expectFailure(core.call('cooperatives.save', project({ id: coop.id, grantRecipientId: 'nobody' })), 'not_found', { grantRecipientId: 'not_found' });

    const { agreement } = await newAgreement(core);
    const recipient = await newOrganisation(core, 'Coopérative Nour');
    const subGrant = await core.must('grants.subGrants.save', subGrantInput(agreement.id, recipient.id));
    const [first] = (await core.must('grants.subGrants.get', { id: subGrant.id })).tranches;
    await core.must('grants.disbursements.add', { trancheId: first.id, date: '2026-02-20', amountMinor: 6_000_00, method: 'transfer', reference: 'VIR-1' });
    await core.must('cooperatives.save', project({ id: coop.id, grantRecipientId: recipient.id }));

    expect(await core.must('cooperatives.grants', { id: coop.id })).toEqual([
      {
        subGrantId: subGrant.id,
        reference: subGrant.reference,
        title: 'Atelier de couture solidaire',
        amountMinor: 10_000_00,
        currency: 'EUR',
        startDate: '2026-02-01',
        endDate: '2026-12-31',
        disbursedMinor: 6_000_00,
      },
    ]);
    core.close();
  });
});

describe('pipeline', () => {
  it('shows every project at its current step, highlights those unchanged for 45 days, and lists trainings attended', async () => {
    const { core, jump } = await signedInFile('2026-03-01T09:00:00.000Z');
    const { coop: old } = await withFounders(core, 5);
    await jump('2026-05-01T09:00:00.000Z');
    const { coop: moving, founders } = await withFounders(core, 5);
    await markDone(core, moving.id, 'name_approval');

    const training = await core.must('activities.save', { title: 'Gestion de coopérative', type: 'training_module', theme: 'entrepreneurship' });
    const session = await core.must('sessions.save', { activityId: training.id, date: '2026-04-30', startTime: '09:00', endTime: '12:00' });
    const people = founders.map((f) => f.beneficiaryId as string);
    await core.must('registrations.add', { activityId: training.id, beneficiaryIds: people });
    await core.must('attendance.mark', { sessionId: session.id, marks: people.slice(0, 3).map((beneficiaryId) => ({ beneficiaryId, status: 'present' as const })) });

    const board = await core.must('cooperatives.pipeline', {});
    const column = (code: string) => board.columns.find((c) => c.code === code)?.cards ?? [];
    expect(column('name_approval').map((c) => [c.id, c.stale])).toEqual([[old.id, true]]);
    expect(column('statutes').map((c) => [c.id, c.stale])).toEqual([[moving.id, false]]);
    expect(board.columns.map((c) => c.code)[0]).toBe('name_approval');
    expect(board.created).toEqual([]);

    const detail = await core.must('cooperatives.get', { id: moving.id });
    expect(detail.trainings).toEqual([{ activityId: training.id, reference: training.reference, title: 'Gestion de coopérative', founders: 3 }]);

    await core.must('cooperatives.archive', { id: old.id });
    expect((await core.must('cooperatives.pipeline', {})).columns.flatMap((c) => c.cards).map((c) => c.id)).toEqual([moving.id]);
    await expectFailure(markDone(core, old.id, 'name_approval'), 'cooperative_archived');
    core.close();
  });

  it('a beneficiary merge keeps one founder row per person, with both shares', async () => {
    const { core } = await signedInFile();
    const coop = await core.must('cooperatives.save', project());
    const a = await founderPerson(core, 'Hajar');
    const b = await founderPerson(core, 'Hajar');
    await core.must('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: a.id, sharesSubscribed: 2, sharesPaid: 1 });
    await core.must('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: b.id, sharesSubscribed: 3, sharesPaid: 2 });
    await core.must('beneficiaries.merge', { survivorId: a.id, mergedId: b.id });
    const detail = await core.must('cooperatives.get', { id: coop.id });
    expect(detail.founders.map((f) => [f.beneficiaryId, f.sharesSubscribed, f.sharesPaid])).toEqual([[a.id, 5, 3]]);
    core.close();
  });
});

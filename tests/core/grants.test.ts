import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinorPlain, parseMoney, parseRate, ribKeyValid, type OpInput } from '../../electron/contract';
import { person } from './builders';
import { agreementInput, newAgreement, newFunder, newOrganisation, subGrantInput, validRib } from './grants-builders';
import {
  auditRows,
  createdFile,
  databaseKey,
  expectFailure,
  PRESIDENT_PASSWORD,
  signedInToDemo,
  staffCore,
  testCore,
  type TestCore,
  useTempDir,
  withDb,
} from './helpers';

const tempDir = useTempDir();

/** The suite's "today": Monday 1 June 2026. */
const NOW = '2026-06-01T09:00:00.000Z';

async function signedInFile() {
  const dir = tempDir();
  const core = testCore(dir, () => new Date(NOW));
  const { session } = await createdFile(core, dir);
  return { core, dir, path: session.path, userId: session.user.id };
}

/** Rows of a table, read through a second keyed connection to the real file. */
async function countRows(path: string, userId: string, table: string): Promise<number> {
  const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
  return withDb(path, key, (db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// ---------------------------------------------------------------------------------------------

describe('money and bank details', () => {
  it('parses typed amounts to centimes and refuses negatives, zero and more than 2 decimals', () => {
    expect(parseMoney('1 234,56')).toBe(123456);
    expect(parseMoney('1\u202f234,5')).toBe(123450);
    expect(parseMoney('1234.56')).toBe(123456);
    expect(parseMoney('0,10')).toBe(10);
    expect(parseMoney('12')).toBe(1200);
    for (const bad of ['-5', '0', '0,00', '1,234', '12,345', 'abc', '', '1e3', '12,', ',5']) expect(parseMoney(bad), bad).toBeNull();
    expect(formatMinorPlain(123456, ',', ' ')).toBe('1 234,56');
    expect(formatMinorPlain(5)).toBe('0,05');
    expect(parseRate('10,8345')).toBe(10_834_500);
    expect(parseRate('0')).toBeNull();
  });

  it('round-trips every amount between its text and its centimes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000_00 }), (minor) => {
        expect(parseMoney(formatMinorPlain(minor, ',', ' '))).toBe(minor);
        expect(parseMoney(formatMinorPlain(minor, '.', ''))).toBe(minor);
      }),
    );
  });

  it('checks the RIB key: 97 − (first 22 digits × 100 mod 97)', () => {
    // Worked by hand: 0077800001234567890123 × 100 mod 97 = 1, so the key is 96.
    expect(validRib()).toBe('007780000123456789012396');
    expect(ribKeyValid('007780000123456789012396')).toBe(true);
    expect(ribKeyValid('007780000123456789012395')).toBe(false);
    expect(ribKeyValid('00778000012345678901238')).toBe(false);
  });

  it('refuses a recipient whose RIB has a wrong key, writing nothing', async () => {
    const { core, path, userId } = await signedInFile();
    const bad = validRib().slice(0, 22) + '00';
    await expectFailure(core.call('grants.recipients.save', { kind: 'organisation', name: 'Asso', rib: bad }), 'invalid_input', { rib: 'rib_key' });
    await expectFailure(core.call('grants.recipients.save', { kind: 'organisation', name: 'Asso', rib: '1234' }), 'invalid_input', { rib: 'rib_format' });
    expect(await countRows(path, userId, 'grant_recipients')).toBe(0);
    const ok = await core.must('grants.recipients.save', { kind: 'organisation', name: 'Asso', rib: '007 780 0001234567890123 96' });
    expect(ok.rib).toBe('007780000123456789012396');
  });
});

describe('agreements, calls and applications', () => {
  it('lists agreements with their funder, and keeps lines, deadlines and indicators', async () => {
    const { core } = await signedInFile();
    const { agreement } = await newAgreement(core);
    const list = await core.must('grants.agreements.list', {});
    expect(list.map((a) => [a.reference, a.funderName, a.totalMinor])).toEqual([['MA-2026-017', 'Enabel', 100_000_00]]);
    const detail = await core.must('grants.agreements.get', { id: agreement.id });
    expect(detail.budgetLines.map((l) => l.code)).toEqual(['L1', 'L2', 'L3']);
    expect(detail.deadlines).toHaveLength(1);
    expect(detail.indicators[0]?.target).toBe(12);
  });

  it('refuses zero, negative and fractional amounts, budget lines above the total, and calls outside the period', async () => {
    const { core, path, userId } = await signedInFile();
    const funder = await newFunder(core);
    await expectFailure(core.call('grants.agreements.save', agreementInput(funder.id, { totalMinor: 0, budgetLines: [] })), 'invalid_input', { totalMinor: 'too_small' });
    await expectFailure(core.call('grants.agreements.save', agreementInput(funder.id, { totalMinor: -100, budgetLines: [] })), 'invalid_input', { totalMinor: 'too_small' });
    await expectFailure(core.call('grants.agreements.save', agreementInput(funder.id, { totalMinor: 12.5, budgetLines: [] })), 'invalid_input', { totalMinor: 'invalid_type' });
    await expectFailure(core.call('grants.agreements.save', agreementInput(funder.id, { totalMinor: 50_000_00 })), 'invalid_input', { budgetLines: 'lines_above_total' });
    expect(await countRows(path, userId, 'funding_agreements')).toBe(0);

    const agreement = await core.must('grants.agreements.save', agreementInput(funder.id));
    const call = { agreementId: agreement.id, title: 'Appel 2026', openDate: '2025-12-01', closeDate: '2026-03-01', envelopeMinor: 50_000_00, maxPerProjectMinor: 10_000_00 };
    await expectFailure(core.call('grants.calls.save', call), 'date_outside_period', { openDate: 'date_outside_period' });
    await expectFailure(core.call('grants.calls.save', { ...call, openDate: '2026-01-15', envelopeMinor: 200_000_00, maxPerProjectMinor: 10_000_00 }), 'agreement_total_exceeded');
    expect(await countRows(path, userId, 'grant_calls')).toBe(0);
  });

  it('scores applications per criterion and evaluator, ranks them by weighted total, and records decisions', async () => {
    const { core } = await signedInFile();
    const { agreement } = await newAgreement(core);
    const call = await core.must('grants.calls.save', {
      agreementId: agreement.id,
      title: 'Micro-projets 2026',
      openDate: '2026-01-15',
      closeDate: '2026-03-01',
      envelopeMinor: 30_000_00,
      maxPerProjectMinor: 12_000_00,
      criteria: [
        { label: 'Pertinence', weight: 3 },
        { label: 'Faisabilité', weight: 2 },
      ],
    });
    expect(call.reference).toMatch(/^AP-2026-\d{5}$/);
    const { criteria } = await core.must('grants.calls.get', { id: call.id });
    const [relevance, feasibility] = criteria.map((c) => c.id) as [string, string];
    const apply = async (name: string) => {
      const recipient = await newOrganisation(core, name);
      return core.must('grants.applications.save', { callId: call.id, recipientId: recipient.id, projectTitle: `Projet ${name}`, requestedMinor: 9_000_00 });
    };
    const a = await apply('Amal');
    const b = await apply('Nour');
    const c = await apply('Wafae');
    await expectFailure(
      core.call('grants.applications.save', { callId: call.id, recipientId: a.recipientId, projectTitle: 'Trop', requestedMinor: 13_000_00 }),
      'above_max_per_project',
    );
    const score = (applicationId: string, evaluator: string, r: number, f: number) =>
      core.must('grants.applications.score', { applicationId, evaluator, scores: [{ criterionId: relevance, score: r }, { criterionId: feasibility, score: f }] });
    // a: (3×16 + 2×12)/5 = 14.4 and (3×14 + 2×14)/5 = 14 → 14.2
    await score(a.id, 'Imane', 16, 12);
    await score(a.id, 'Nadia', 14, 14);
    // b: (3×18 + 2×15)/5 = 16.8
    await score(b.id, 'Imane', 18, 15);
    // c: one criterion only: not complete, not ranked
    await core.must('grants.applications.score', { applicationId: c.id, evaluator: 'Imane', scores: [{ criterionId: relevance, score: 10 }] });

    const detail = await core.must('grants.calls.get', { id: call.id });
    expect(detail.applications.map((x) => [x.projectTitle, x.total, x.rank])).toEqual([
      ['Projet Nour', 16.8, 1],
      ['Projet Amal', 14.2, 2],
      ['Projet Wafae', null, null],
    ]);
    await expectFailure(core.call('grants.applications.decide', { applicationId: c.id, decision: 'rejected' }), 'invalid_input', { reason: 'reason_required' });
    const rejected = await core.must('grants.applications.decide', { applicationId: c.id, decision: 'rejected', reason: 'Hors zone' });
    expect([rejected.decision, rejected.decisionReason]).toEqual(['rejected', 'Hors zone']);
    expect((await core.must('grants.applications.decide', { applicationId: b.id, decision: 'selected' })).decision).toBe('selected');
  });

  it('refuses a volunteer: grants are money', async () => {
    const { core, dir, path } = await signedInFile();
    const volunteer = await staffCore(core, path, `${dir}/volunteer`, { displayName: 'Meryem', role: 'volunteer', now: () => new Date(NOW) });
    core.close();
    await expectFailure(volunteer.call('grants.agreements.list', {}), 'forbidden');
    await expectFailure(volunteer.call('grants.dashboard', {}), 'forbidden');
    volunteer.close();
  });
});

describe('sub-grants: the cascade invariants', () => {
  async function withCall(core: TestCore) {
    const setup = await newAgreement(core);
    const call = await core.must('grants.calls.save', {
      agreementId: setup.agreement.id,
      title: 'Appel',
      openDate: '2026-01-15',
      closeDate: '2026-03-01',
      envelopeMinor: 25_000_00,
      maxPerProjectMinor: 15_000_00,
    });
    return { ...setup, call };
  }

  it('warns over the call envelope (override with a reason) and stops hard at the agreement total', async () => {
    const { core, path, userId } = await signedInFile();
    const { agreement, call } = await withCall(core);
    const r1 = await newOrganisation(core, 'Un');
    const r2 = await newOrganisation(core, 'Deux');
    const r3 = await newOrganisation(core, 'Trois');
    await core.must('grants.subGrants.save', subGrantInput(agreement.id, r1.id, { callId: call.id, amountMinor: 15_000_00 }));
    // 15,000 + 12,000 > 25,000 envelope.
    await expectFailure(
      core.call('grants.subGrants.save', subGrantInput(agreement.id, r2.id, { callId: call.id, amountMinor: 12_000_00 })),
      'call_envelope_exceeded',
      { envelopeOverrideReason: 'call_envelope_exceeded' },
    );
    expect(await countRows(path, userId, 'sub_grants')).toBe(1);
    const overridden = await core.must(
      'grants.subGrants.save',
      subGrantInput(agreement.id, r2.id, { callId: call.id, amountMinor: 12_000_00, envelopeOverrideReason: 'Reliquat de l’appel 2025 réaffecté' }),
    );
    expect(overridden.envelopeOverrideReason).toBe('Reliquat de l’appel 2025 réaffecté');
    expect(overridden.reference).toMatch(/^SG-2026-\d{5}$/);
    // 27,000 committed: 73,000.01 more is one centime over the agreement's 100,000.
    await expectFailure(
      core.call('grants.subGrants.save', subGrantInput(agreement.id, r3.id, { amountMinor: 73_000_01 })),
      'agreement_total_exceeded',
    );
    await core.must('grants.subGrants.save', subGrantInput(agreement.id, r3.id, { amountMinor: 73_000_00 }));
    // The audit says which save overrode the envelope; the reason itself stays on the sub-grant.
    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    const saves = withDb(path, key, (db) => auditRows(db)).filter((a) => a.op === 'grants.subGrants.save');
    expect(saves.map((a) => a.note)).toEqual([null, 'override_envelope', null]);
    expect(saves[1].entity_id).toBe(overridden.id);
    expect((await core.must('audit.list', { offset: 0, limit: 5, op: 'grants.subGrants.save' })).rows.map((r) => r.note)).toEqual([null, 'override_envelope', null]);
    const dashboard = await core.must('grants.dashboard', {});
    expect(dashboard.agreements[0]?.committedMinor).toBe(100_000_00);
    expect(dashboard.agreements[0]?.leftToCommitMinor).toBe(0);
  });

  it('converts sub-grants in MAD at the rate of their start date for the agreement total', async () => {
    const { core } = await signedInFile();
    const { agreement } = await newAgreement(core, { totalMinor: 10_000_00, budgetLines: [] });
    const r = await newOrganisation(core);
    await expectFailure(core.call('grants.subGrants.save', subGrantInput(agreement.id, r.id, { currency: 'MAD', amountMinor: 50_000_00 })), 'exchange_rate_missing');
    await core.must('grants.rates.save', { date: '2026-01-01', fromCurrency: 'EUR', toCurrency: 'MAD', rateMicro: 10_800_000 });
    // 108,000.00 MAD = 10,000.00 EUR exactly; one more centime of MAD rounds to 10,000.00 too, two go over? 108,000.06 / 10.8 = 10,000.0055… → 10,000.01.
    await expectFailure(core.call('grants.subGrants.save', subGrantInput(agreement.id, r.id, { currency: 'MAD', amountMinor: 108_000_06 })), 'agreement_total_exceeded');
    const ok = await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id, { currency: 'MAD', amountMinor: 108_000_00 }));
    const detail = await core.must('grants.subGrants.get', { id: ok.id });
    expect(detail.rate).toEqual({ date: '2026-01-01', fromCurrency: 'MAD', toCurrency: 'EUR', rateMicro: 10_800_000, inverse: true });
    expect((await core.must('grants.dashboard', {})).agreements[0]?.committedMinor).toBe(10_000_00);
  });

  it('refuses dates outside the agreement period and tranches above the amount, writing nothing', async () => {
    const { core, path, userId } = await signedInFile();
    const { agreement } = await newAgreement(core);
    const r = await newOrganisation(core);
    await expectFailure(core.call('grants.subGrants.save', subGrantInput(agreement.id, r.id, { startDate: '2025-12-01' })), 'date_outside_period', {
      startDate: 'date_outside_period',
    });
    await expectFailure(
      core.call('grants.subGrants.save', subGrantInput(agreement.id, r.id, { tranches: [{ amountMinor: 6_000_00, dueDate: '2026-03-01' }, { amountMinor: 4_000_01, dueDate: '2026-04-01' }] })),
      'tranches_above_amount',
    );
    await expectFailure(
      core.call('grants.subGrants.save', subGrantInput(agreement.id, r.id, { tranches: [{ amountMinor: 1_000_00, dueDate: '2027-03-01' }] })),
      'invalid_input',
      { 'tranches.0.dueDate': 'date_outside_period' },
    );
    expect(await countRows(path, userId, 'sub_grants')).toBe(0);
    expect(await countRows(path, userId, 'grant_tranches')).toBe(0);
  });

  it('never disburses beyond the sub-grant, and holds a conditional tranche until enough is justified (override audited)', async () => {
    const { core, path, userId } = await signedInFile();
    const { agreement, lines } = await newAgreement(core);
    const r = await newOrganisation(core);
    const sg = await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id));
    const { tranches } = await core.must('grants.subGrants.get', { id: sg.id });
    const [t1, t2] = tranches as [(typeof tranches)[number], (typeof tranches)[number]];
    expect([t1.amountMinor, t2.amountMinor]).toEqual([6_000_00, 4_000_00]);
    // 70 % of the 6,000 first tranche must be justified before the second.
    expect(t2.conditionRequiredMinor).toBe(4_200_00);

    const pay = (trancheId: string, amountMinor: number, more: Partial<OpInput<'grants.disbursements.add'>> = {}) =>
      core.call('grants.disbursements.add', { trancheId, date: '2026-02-20', amountMinor, method: 'transfer', reference: 'VIR-1', ...more });
    expect((await pay(t1.id, 6_000_00)).ok).toBe(true);
    await expectFailure(pay(t2.id, 4_000_00), 'tranche_condition_unmet', { overrideReason: 'tranche_condition_unmet' });
    await expectFailure(pay(t2.id, 4_000_00, { date: '2028-01-05', overrideReason: 'x' }), 'date_outside_period');

    const line = lines[0]?.id as string;
    const expense = (amountMinor: number) =>
      core.must('grants.expenses.add', { subGrantId: sg.id, budgetLineId: line, date: '2026-03-01', supplier: 'Tissus Oujda', description: 'Tissu', amountMinor });
    const e1 = await expense(4_199_99);
    await core.must('grants.expenses.decide', { id: e1.id, status: 'accepted' });
    await expectFailure(pay(t2.id, 4_000_00), 'tranche_condition_unmet');
    const e2 = await expense(1);
    await core.must('grants.expenses.decide', { id: e2.id, status: 'accepted' });
    expect((await core.must('grants.subGrants.get', { id: sg.id })).tranches[1]?.conditionMet).toBe(true);

    // Everything is paid now but one centime too many.
    await expectFailure(pay(t2.id, 4_000_01), 'disbursement_exceeds_agreement');
    const paid = await core.must('grants.disbursements.add', { trancheId: t2.id, date: '2026-04-01', amountMinor: 4_000_00, method: 'cheque' });
    expect(paid.overrideReason).toBeNull();
    await expectFailure(pay(t1.id, 1), 'disbursement_exceeds_agreement');
    expect(await countRows(path, userId, 'grant_disbursements')).toBe(2);

    // A second sub-grant paid against its condition with a reason: stored and audited.
    const sg2 = await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id, { title: 'Deuxième' }));
    const t = (await core.must('grants.subGrants.get', { id: sg2.id })).tranches;
    const forced = await core.must('grants.disbursements.add', {
      trancheId: t[1]?.id as string,
      date: '2026-05-02',
      amountMinor: 1_000_00,
      method: 'transfer',
      overrideReason: 'Rapport validé oralement par le bailleur',
    });
    expect(forced.overrideReason).toBe('Rapport validé oralement par le bailleur');
    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    const audit = withDb(path, key, (db) => auditRows(db)).filter((a) => a.op === 'grants.disbursements.add');
    expect(audit.at(-1)).toMatchObject({ entity_id: forced.id, user_id: userId, note: 'override_tranche_condition' });
    expect(audit.slice(0, -1).every((a) => a.note === null)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('Rapport validé');
  });

  it('accepts justifications up to what was disbursed plus the agreement tolerance', async () => {
    const { core } = await signedInFile();
    const { agreement, lines } = await newAgreement(core, { tolerancePct: 5 });
    const r = await newOrganisation(core);
    const sg = await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id, { tranches: [{ amountMinor: 10_000_00, dueDate: '2026-02-15' }] }));
    const [t1] = (await core.must('grants.subGrants.get', { id: sg.id })).tranches;
    await core.must('grants.disbursements.add', { trancheId: t1?.id as string, date: '2026-02-20', amountMinor: 2_000_00, method: 'cash' });
    const expense = (amountMinor: number) =>
      core.must('grants.expenses.add', { subGrantId: sg.id, budgetLineId: lines[1]?.id as string, date: '2026-03-01', supplier: 'S', description: 'D', amountMinor });
    // 2,000 disbursed + 5 % = 2,100 at most.
    const a = await expense(2_100_00);
    const b = await expense(1);
    await core.must('grants.expenses.decide', { id: a.id, status: 'accepted' });
    await expectFailure(core.call('grants.expenses.decide', { id: b.id, status: 'accepted' }), 'justification_exceeds_disbursed');
    await expectFailure(core.call('grants.expenses.decide', { id: b.id, status: 'rejected' }), 'invalid_input', { reason: 'reason_required' });
    const rejected = await core.must('grants.expenses.decide', { id: b.id, status: 'rejected', reason: 'Facture illisible' });
    expect(rejected.rejectionReason).toBe('Facture illisible');
    const { figures } = await core.must('grants.subGrants.get', { id: sg.id });
    expect([figures.justifiedMinor, figures.rejectedMinor, figures.leftToJustifyMinor]).toEqual([2_100_00, 1, -100_00]);
  });

  it('archives a sub-grant cancelled before any payment, out of the totals, and refuses once paid', async () => {
    const { core } = await signedInFile();
    const { agreement } = await newAgreement(core);
    const r = await newOrganisation(core);
    const cancelled = await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id, { amountMinor: 60_000_00, tranches: [{ percent: 100, dueDate: '2026-03-01' }] }));
    await core.must('grants.subGrants.archive', { id: cancelled.id });
    expect((await core.must('grants.dashboard', {})).agreements[0]?.committedMinor).toBe(0);
    const paid = await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id, { amountMinor: 50_000_00, tranches: [{ percent: 100, dueDate: '2026-03-01' }] }));
    // Back in, 60,000 + 50,000 would pass the agreement's 100,000.
    await expectFailure(core.call('grants.subGrants.restore', { id: cancelled.id }), 'agreement_total_exceeded');
    const [tranche] = (await core.must('grants.subGrants.get', { id: paid.id })).tranches;
    await core.must('grants.disbursements.add', { trancheId: tranche?.id as string, date: '2026-03-02', amountMinor: 1_00, method: 'cash' });
    await expectFailure(core.call('grants.subGrants.archive', { id: paid.id }), 'sub_grant_has_disbursements');
    const kept = await core.must('grants.subGrants.get', { id: cancelled.id });
    expect(kept.subGrant.archivedAt).not.toBeNull();
    const detail = await core.must('grants.agreements.get', { id: agreement.id });
    expect(detail.subGrants.map((x) => x.id)).toEqual([paid.id]);
    expect(detail.archivedSubGrants.map((x) => x.id)).toEqual([cancelled.id]);
  });

  it('archives a closed agreement: off the dashboard by default, still in reports, no new sub-grant until restored', async () => {
    const { core } = await signedInFile();
    const { agreement } = await newAgreement(core);
    const r = await newOrganisation(core);
    const sg = await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id));
    const before = await core.must('reports.indicators', { from: '2026-01-01', to: '2026-12-31', agreementId: agreement.id });

    const archived = await core.must('grants.agreements.archive', { id: agreement.id });
    expect(archived.archivedAt).toBe(NOW);
    expect((await core.must('grants.dashboard', {})).agreements).toEqual([]);
    const all = await core.must('grants.dashboard', { includeArchived: true });
    expect(all.agreements.map((a) => [a.id, a.archivedAt, a.committedMinor])).toEqual([[agreement.id, NOW, 10_000_00]]);
    expect(await core.must('grants.agreements.list', {})).toEqual([]);
    // Its page still shows what it committed.
    expect((await core.must('grants.agreements.get', { id: agreement.id })).subGrants.map((x) => x.id)).toEqual([sg.id]);
    expect(await core.must('reports.indicators', { from: '2026-01-01', to: '2026-12-31', agreementId: agreement.id })).toEqual(before);
    await expectFailure(core.call('grants.subGrants.save', subGrantInput(agreement.id, r.id)), 'not_found');

    const restored = await core.must('grants.agreements.restore', { id: agreement.id });
    expect(restored.archivedAt).toBeNull();
    expect((await core.must('grants.dashboard', {})).agreements.map((a) => a.id)).toEqual([agreement.id]);
    await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id));
  });

  it('archives a closed call: no new application nor sub-grant under it, what it signed stays counted; an edit keeps it archived', async () => {
    const { core } = await signedInFile();
    const { agreement, call } = await withCall(core);
    const r = await newOrganisation(core);
    const other = await newOrganisation(core, 'Association Nour');
    const application = await core.must('grants.applications.save', { callId: call.id, recipientId: r.id, projectTitle: 'Couture', requestedMinor: 10_000_00 });
    const sg = await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id, { callId: call.id, applicationId: application.id }));

    await core.must('grants.calls.archive', { id: call.id });
    await expectFailure(core.call('grants.applications.save', { callId: call.id, recipientId: other.id, projectTitle: 'Cuisine', requestedMinor: 5_000_00 }), 'invalid_input', { callId: 'archived' });
    await expectFailure(core.call('grants.subGrants.save', subGrantInput(agreement.id, other.id, { callId: call.id })), 'invalid_input', { callId: 'archived' });
    // The sub-grant signed under it can still be corrected.
    await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id, { id: sg.id, callId: call.id, applicationId: application.id, title: 'Atelier de couture' }));
    const detail = await core.must('grants.agreements.get', { id: agreement.id });
    expect(detail.calls.map((c) => [c.id, c.archivedAt, c.committedMinor])).toEqual([[call.id, NOW, 10_000_00]]);
    expect((await core.must('grants.dashboard', {})).agreements[0]?.committedMinor).toBe(10_000_00);
    const { criteria } = await core.must('grants.calls.get', { id: call.id });
    await core.must('grants.calls.save', { id: call.id, agreementId: agreement.id, title: 'Appel (clos)', openDate: '2026-01-15', closeDate: '2026-03-01', envelopeMinor: 25_000_00, maxPerProjectMinor: 15_000_00, criteria });
    expect((await core.must('grants.calls.get', { id: call.id })).call.archivedAt).toBe(NOW);

    // A call comes back only while its agreement is open.
    await core.must('grants.agreements.archive', { id: agreement.id });
    await expectFailure(core.call('grants.calls.restore', { id: call.id }), 'not_found');
    await core.must('grants.agreements.restore', { id: agreement.id });
    expect((await core.must('grants.calls.restore', { id: call.id })).archivedAt).toBeNull();
    await core.must('grants.applications.save', { callId: call.id, recipientId: other.id, projectTitle: 'Cuisine', requestedMinor: 5_000_00 });
  });

  it('keeps the totals right when a decision is changed afterwards', async () => {
    const { core } = await signedInFile();
    const { agreement, lines } = await newAgreement(core);
    const r = await newOrganisation(core);
    const sg = await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id, { tranches: [{ amountMinor: 10_000_00, dueDate: '2026-02-15' }] }));
    const [t1] = (await core.must('grants.subGrants.get', { id: sg.id })).tranches;
    await core.must('grants.disbursements.add', { trancheId: t1?.id as string, date: '2026-02-20', amountMinor: 3_000_00, method: 'transfer' });
    const e = await core.must('grants.expenses.add', { subGrantId: sg.id, budgetLineId: lines[0]?.id as string, date: '2026-03-01', supplier: 'S', description: 'D', amountMinor: 1_234_56 });
    const figures = async () => (await core.must('grants.subGrants.get', { id: sg.id })).figures;
    expect((await figures()).submittedMinor).toBe(1_234_56);
    await core.must('grants.expenses.decide', { id: e.id, status: 'accepted' });
    expect([(await figures()).justifiedMinor, (await figures()).submittedMinor]).toEqual([1_234_56, 0]);
    await core.must('grants.expenses.decide', { id: e.id, status: 'rejected', reason: 'Doublon' });
    expect([(await figures()).justifiedMinor, (await figures()).rejectedMinor]).toEqual([0, 1_234_56]);
    await core.must('grants.expenses.decide', { id: e.id, status: 'submitted' });
    const back = await core.must('grants.subGrants.get', { id: sg.id });
    expect([back.figures.submittedMinor, back.figures.rejectedMinor, back.expenses[0]?.rejectionReason]).toEqual([1_234_56, 0, null]);
    expect(back.tranches[0]?.disbursedMinor).toBe(3_000_00);
  });

  it('keeps a receipt scan inside the file, and refuses a receipt that is not PDF/JPEG/PNG or an expense outside the period', async () => {
    const { core, path, userId } = await signedInFile();
    const { agreement, lines } = await newAgreement(core);
    const r = await newOrganisation(core);
    const sg = await core.must('grants.subGrants.save', subGrantInput(agreement.id, r.id));
    const base = { subGrantId: sg.id, budgetLineId: lines[0]?.id as string, date: '2026-03-01', supplier: 'Librairie', description: 'Fournitures', amountMinor: 250_00 };
    await expectFailure(
      core.call('grants.expenses.add', { ...base, receipt: { fileName: 'facture.pdf', contentBase64: Buffer.from('pas un pdf').toString('base64') } }),
      'attachment_type_not_allowed',
    );
    await expectFailure(core.call('grants.expenses.add', { ...base, date: '2027-01-02' }), 'date_outside_period', { date: 'date_outside_period' });
    await expectFailure(core.call('grants.expenses.add', { ...base, amountMinor: 0 }), 'invalid_input', { amountMinor: 'too_small' });
    expect(await countRows(path, userId, 'grant_expenses')).toBe(0);
    expect(await countRows(path, userId, 'attachments')).toBe(0);

    const saved = await core.must('grants.expenses.add', { ...base, receiptNumber: 'F-118', receipt: { fileName: 'scan.pdf', contentBase64: PNG.toString('base64') } });
    expect(saved.attachmentName).toBe('scan.pdf');
    const file = await core.must('attachments.get', { id: saved.attachmentId as string });
    expect(file.mime).toBe('image/png');
    expect(file.ownerType).toBe('grant_expense');
    expect(file.ownerId).toBe(saved.id);
  });

  it('lets an individual (a beneficiary) receive a grant, and follows a merge of that person', async () => {
    const { core } = await signedInFile();
    const a = await core.must('beneficiaries.create', person({ firstName: 'Awa', lastName: 'Ndiaye', phones: [] }));
    const b = await core.must('beneficiaries.create', person({ firstName: 'Awa', lastName: 'Ndiaye', phones: [] }));
    const recipient = await core.must('grants.recipients.save', { kind: 'individual', beneficiaryId: b.id });
    expect(recipient.name).toBe('Awa Ndiaye');
    await core.must('beneficiaries.merge', { survivorId: a.id, mergedId: b.id });
    const [after] = await core.must('grants.recipients.list', {});
    expect(after?.beneficiaryId).toBe(a.id);
  });
});

describe('no float arithmetic on money', () => {
  it('adds thousands of random amounts through the real operations and every total is exact to the centime', async () => {
    const { core } = await signedInFile();
    const funder = await newFunder(core);
    const big = 1_000_000_000_00;
    const agreement = await core.must('grants.agreements.save', agreementInput(funder.id, { currency: 'MAD', totalMinor: big, budgetLines: [{ code: 'L1', label: 'Tout', amountMinor: big }] }));
    const [line] = (await core.must('grants.agreements.get', { id: agreement.id })).budgetLines;
    const recipient = await newOrganisation(core);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 99_999_99 }), { minLength: 300, maxLength: 400 }),
        fc.array(fc.record({ amount: fc.integer({ min: 1, max: 9_999_99 }), accept: fc.boolean() }), { minLength: 400, maxLength: 500 }),
        async (payments, expenses) => {
          run += 1;
          const sg = await core.must(
            'grants.subGrants.save',
            subGrantInput(agreement.id, recipient.id, { title: `Run ${run}`, currency: 'MAD', amountMinor: 100_000_000_00, tranches: [{ percent: 100, dueDate: '2026-03-01' }] }),
          );
          const trancheId = (await core.must('grants.subGrants.get', { id: sg.id })).tranches[0]?.id as string;
          for (const amountMinor of payments) await core.must('grants.disbursements.add', { trancheId, date: '2026-03-02', amountMinor, method: 'transfer' });
          for (const e of expenses) {
            const saved = await core.must('grants.expenses.add', { subGrantId: sg.id, budgetLineId: line?.id as string, date: '2026-03-03', supplier: 'S', description: 'D', amountMinor: e.amount });
            if (e.accept) await core.must('grants.expenses.decide', { id: saved.id, status: 'accepted' });
          }
          const sum = (xs: number[]) => xs.reduce((s, x) => s + BigInt(x), 0n);
          const disbursed = sum(payments);
          const accepted = sum(expenses.filter((e) => e.accept).map((e) => e.amount));
          const submitted = sum(expenses.filter((e) => !e.accept).map((e) => e.amount));
          const { figures } = await core.must('grants.subGrants.get', { id: sg.id });
          expect(BigInt(figures.disbursedMinor)).toBe(disbursed);
          expect(BigInt(figures.justifiedMinor)).toBe(accepted);
          expect(BigInt(figures.submittedMinor)).toBe(submitted);
          expect(BigInt(figures.leftToDisburseMinor)).toBe(100_000_000_00n - disbursed);
          expect(BigInt(figures.leftToJustifyMinor)).toBe(disbursed - accepted);
          const row = (await core.must('grants.dashboard', {})).agreements[0]?.subGrants.find((s) => s.id === sg.id);
          expect(BigInt(row?.disbursedMinor ?? -1)).toBe(disbursed);
          expect(BigInt(row?.justifiedMinor ?? -1)).toBe(accepted);
          const statement = await core.must('grants.statement', { subGrantId: sg.id });
          expect(BigInt(statement.balanceMinor)).toBe(disbursed - accepted);
        },
      ),
      { numRuns: 3 },
    );
  }, 240_000);
});

describe('demo grants', () => {
  it('gives the demo treasurer an agreement in EUR paid in MAD, a ranked call and two sub-grants with receipts', async () => {
    const dir = tempDir();
    const core = testCore(dir, () => new Date(NOW));
    await signedInToDemo(core, 'Nadia El Amrani');
    const { agreements } = await core.must('grants.dashboard', {});
    expect(agreements).toHaveLength(1);
    const [agreement] = agreements;
    expect(agreement?.currency).toBe('EUR');
    expect(agreement?.subGrants.map((s) => [s.currency, s.state])).toEqual([
      ['MAD', 'ok'],
      ['MAD', 'late'],
    ]);
    // 100,000.00 + 84,000.00 MAD at 10.85 MAD per EUR: 9,216.59 + 7,741.94.
    expect(agreement?.committedMinor).toBe(16_958_53);
    const detail = await core.must('grants.agreements.get', { id: agreement?.id as string });
    const call = await core.must('grants.calls.get', { id: detail.calls[0]?.id as string });
    // The call's sub-grants are in MAD, its envelope in EUR: shown converted.
    expect(call.committedMinor).toBe(16_958_53);
    expect(detail.calls[0]?.committedMinor).toBe(16_958_53);
    expect(call.applications.map((a) => [a.rank, a.decision])).toEqual([
      [1, 'selected'],
      [2, 'selected'],
      [3, 'reserve'],
      [4, 'rejected'],
    ]);
    core.close();
  });
});

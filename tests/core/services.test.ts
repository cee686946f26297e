import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../electron/contract';
import { filteredMeasure } from '../../electron/core/reports/filters';
import { person } from './builders';
import { newAgreement, subGrantInput } from './grants-builders';
import { createdFile, databaseKey, expectFailure, PRESIDENT_PASSWORD, staffCore, testCore, useTempDir, withDb, type TestCore } from './helpers';

const tempDir = useTempDir();
const NOW = '2026-06-01T09:00:00.000Z';

async function signedInFile() {
  const dir = tempDir();
  const core = testCore(dir, () => new Date(NOW));
  const { session } = await createdFile(core, dir);
  const aminata = await core.must('beneficiaries.create', person());
  return { core, dir, path: session.path, userId: session.user.id, personId: aminata.id };
}

async function stored(path: string, userId: string, sql: string): Promise<unknown[]> {
  const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
  return withDb(path, key, (db) => db.prepare(sql).all());
}

const scholarship = (beneficiaryId: string, more: Partial<OpInput<'services.record'>> = {}): OpInput<'services.record'> => ({
  beneficiaryId,
  typeCode: 'training_scholarship',
  date: '2026-03-10',
  amountMinor: 1_500_00,
  currency: 'MAD',
  accountId: 'bank',
  ...more,
});

const serviceEntries = (core: TestCore) =>
  core.must('treasury.entries.list', { categoryId: 'services_to_people' }).then((p) => p.rows.map((e) => [e.source, e.sourceId, e.direction, e.amountMinor, e.accountId]));

describe("a person's services", () => {
  it('records a paid scholarship with its one journal entry, and a partner-given service without one', async () => {
    const { core, path, userId, personId } = await signedInFile();
    const partner = await core.must('partners.save', { name: 'Fondation Orient-Occident', type: 'ngo' });
    const paid = await core.must('services.record', scholarship(personId, { note: 'Formation en cuisine' }));
    const given = await core.must('services.record', {
      beneficiaryId: personId,
      typeCode: 'legal_aid',
      date: '2026-03-12',
      providerKind: 'partner',
      partnerId: partner.id,
    });
    expect(paid).toMatchObject({ typeCode: 'training_scholarship', amountMinor: 1_500_00, currency: 'MAD', accountName: 'Banque', note: 'Formation en cuisine' });
    expect(given).toMatchObject({ providerKind: 'partner', partnerName: 'Fondation Orient-Occident', journalEntryId: null, amountMinor: null });
    expect((await core.must('services.list', { beneficiaryId: personId })).map((s) => s.id)).toEqual([given.id, paid.id]);
    expect(await serviceEntries(core)).toEqual([['service', paid.id, 'out', 1_500_00, 'bank']]);
    const [entry] = (await core.must('treasury.entries.list', { categoryId: 'services_to_people' })).rows;
    expect(entry.counterpartKind).toBe('person');
    expect(entry.counterpartName).toMatch(/^B-2026-/);
    expect((await core.must('treasury.accounts.list', {})).find((a) => a.id === 'bank')?.balanceMinor).toBe(-1_500_00);
    // The journal refuses to reverse it itself: it is corrected in the person's log.
    await expectFailure(core.call('treasury.entries.reverse', { id: entry.id, date: '2026-03-20', reason: 'x' }), 'entry_from_other_area');
    expect(await stored(path, userId, "SELECT count(*) AS n FROM journal_entries WHERE source = 'service'")).toEqual([{ n: 1 }]);
    core.close();
  });

  it('warns when the legal status is outside the type, and saves once the user confirms', async () => {
    const { core, personId } = await signedInFile();
    await core.must('services.types.setRule', { code: 'hiring_incentive', legalStatuses: ['regularisation_1y', 'regularisation_3y'] });
    const input = { beneficiaryId: personId, typeCode: 'hiring_incentive', date: '2026-04-01', providerKind: 'partner' as const, partnerId: null };
    const partner = await core.must('partners.save', { name: 'ANAPEC Rabat', type: 'public_service' });
    await expectFailure(core.call('services.record', { ...input, partnerId: partner.id }), 'legal_status_outside', { typeCode: 'legal_status_outside' });
    expect(await core.must('services.list', { beneficiaryId: personId })).toEqual([]);
    const saved = await core.must('services.record', { ...input, partnerId: partner.id, confirmOutsideStatus: true });
    expect(saved.outsideStatus).toBe(true);
    // Open to the person's status: no warning.
    await core.must('services.types.setRule', { code: 'hiring_incentive', legalStatuses: ['residence_card'] });
    expect((await core.must('services.record', { ...input, partnerId: partner.id })).outsideStatus).toBe(false);
    expect(await core.must('services.types.rules', {})).toEqual([{ code: 'hiring_incentive', legalStatuses: ['residence_card'] }]);
    await expectFailure(core.call('services.types.setRule', { code: 'hiring_incentive', legalStatuses: ['no_such_status'] }), 'invalid_input', { 'legalStatuses.0': 'not_found' });
    core.close();
  });

  it('corrects an amount by reversal with its reason (the journal entry reversed with it), edits the rest, archives', async () => {
    const { core, personId } = await signedInFile();
    const paid = await core.must('services.record', scholarship(personId));
    await expectFailure(core.call('services.update', { id: paid.id, typeCode: 'training_scholarship', date: '2026-03-11' }), 'invalid_input', { date: 'correct_by_reversal' });
    const noted = await core.must('services.update', { id: paid.id, typeCode: 'training_scholarship', date: '2026-03-10', note: 'Cuisine, 3 mois' });
    expect(noted).toMatchObject({ note: 'Cuisine, 3 mois', amountMinor: 1_500_00 });
    await expectFailure(core.call('services.archive', { id: paid.id, archived: true }), 'reverse_first');
    const reversed = await core.must('services.reverse', { id: paid.id, date: '2026-03-15', reason: 'Montant erroné : 1 200 DH' });
    expect(reversed).toMatchObject({ reversedOn: '2026-03-15', reversalReason: 'Montant erroné : 1 200 DH', amountMinor: 1_500_00 });
    await expectFailure(core.call('services.reverse', { id: paid.id, date: '2026-03-16', reason: 'encore' }), 'already_reversed');
    expect(await serviceEntries(core)).toEqual([
      ['service', paid.id, 'in', 1_500_00, 'bank'],
      ['service', paid.id, 'out', 1_500_00, 'bank'],
    ]);
    expect((await core.must('treasury.accounts.list', {})).find((a) => a.id === 'bank')?.balanceMinor).toBe(0);
    await core.must('services.archive', { id: paid.id, archived: true });
    expect(await core.must('services.list', { beneficiaryId: personId })).toEqual([]);
    expect((await core.must('services.list', { beneficiaryId: personId, includeArchived: true }))[0].archivedAt).not.toBeNull();
    core.close();
  });

  it('refuses bad input at its field and writes nothing', async () => {
    const { core, path, userId, personId } = await signedInFile();
    await expectFailure(core.call('services.record', scholarship(personId, { amountMinor: 0 })), 'invalid_input', { amountMinor: 'too_small' });
    await expectFailure(core.call('services.record', scholarship(personId, { amountMinor: -100 })), 'invalid_input', { amountMinor: 'too_small' });
    await expectFailure(core.call('services.record', scholarship(personId, { typeCode: 'no_such_type' })), 'invalid_input', { typeCode: 'not_found' });
    await expectFailure(core.call('services.record', scholarship(personId, { accountId: null })), 'invalid_input', { accountId: 'required' });
    await expectFailure(core.call('services.record', scholarship(personId, { accountId: 'nope' })), 'invalid_input', { accountId: 'not_found' });
    await expectFailure(core.call('services.record', scholarship(personId, { providerKind: 'partner' })), 'invalid_input', { partnerId: 'required' });
    await expectFailure(core.call('services.record', scholarship(personId, { currency: 'EUR' })), 'exchange_rate_missing', { rateMicro: 'exchange_rate_missing' });
    await expectFailure(core.call('services.record', scholarship('nobody')), 'invalid_input', { beneficiaryId: 'not_found' });
    expect(await stored(path, userId, 'SELECT (SELECT count(*) FROM person_services) AS s, (SELECT count(*) FROM journal_entries) AS j')).toEqual([{ s: 0, j: 0 }]);
    core.close();
  });

  it('lets a volunteer log services but only the treasurer or president pay one or reverse it', async () => {
    const { core, dir, path, personId } = await signedInFile();
    const volunteer = await staffCore(core, path, `${dir}-v`, { displayName: 'Salma', role: 'volunteer', now: () => new Date(NOW) });
    await expectFailure(volunteer.call('services.record', scholarship(personId)), 'forbidden');
    const partner = await core.must('partners.save', { name: 'Caritas Rabat', type: 'ngo' });
    const kit = await volunteer.must('services.record', { beneficiaryId: personId, typeCode: 'hygiene_kit', date: '2026-05-02', providerKind: 'partner', partnerId: partner.id, amountMinor: 120_00 });
    expect(kit.journalEntryId).toBeNull();
    await expectFailure(volunteer.call('services.reverse', { id: kit.id, date: '2026-05-03', reason: 'x' }), 'forbidden');
    await expectFailure(volunteer.call('services.types.setRule', { code: 'cash_aid', legalStatuses: [] }), 'forbidden');
    const treasurer = await staffCore(core, path, `${dir}-t`, { displayName: 'Nadia', role: 'treasurer', now: () => new Date(NOW) });
    expect((await treasurer.must('services.record', scholarship(personId))).journalEntryId).not.toBeNull();
    volunteer.close();
    treasurer.close();
    core.close();
  });

  it("puts a paid service on its agreement's budget line and shows a sub-grant paid to the person in the log", async () => {
    const { core, personId } = await signedInFile();
    const { agreement, lines } = await newAgreement(core, { currency: 'MAD', totalMinor: 500_000_00 });
    await core.must('services.record', scholarship(personId, { agreementId: agreement.id, budgetLineId: lines[0].id }));
    const report = await core.must('treasury.agreementReport', { agreementId: agreement.id });
    expect(report.lines.find((l) => l.budgetLineId === lines[0].id)?.spentDirectlyMinor).toBe(1_500_00);
    const recipient = await core.must('grants.recipients.save', { kind: 'individual', beneficiaryId: personId });
    const subGrant = await core.must('grants.subGrants.save', subGrantInput(agreement.id, recipient.id, { currency: 'MAD', amountMinor: 20_000_00 }));
    const detail = await core.must('grants.subGrants.get', { id: subGrant.id });
    await core.must('grants.disbursements.add', { trancheId: detail.tranches[0].id, date: '2026-02-20', amountMinor: 12_000_00, method: 'transfer' });
    const log = await core.must('services.list', { beneficiaryId: personId });
    expect(log.map((s) => [s.origin, s.date, s.amountMinor, s.subGrantReference])).toEqual([
      ['service', '2026-03-10', 1_500_00, null],
      ['sub_grant', '2026-02-20', 12_000_00, subGrant.reference],
    ]);
    core.close();
  });
});

describe('a service in another currency', () => {
  it('is logged in its currency and leaves the account in the account’s, at the rate typed or else the stored rate of the day', async () => {
    const { core, personId } = await signedInFile();
    const typed = await core.must('services.record', scholarship(personId, { amountMinor: 100_00, currency: 'EUR', rateMicro: 10_900_000 }));
    expect(typed).toMatchObject({ amountMinor: 100_00, currency: 'EUR' });
    await core.must('grants.rates.save', { date: '2026-03-01', fromCurrency: 'EUR', toCurrency: 'MAD', rateMicro: 10_800_000 });
    await core.must('services.record', scholarship(personId, { amountMinor: 50_00, currency: 'EUR', date: '2026-03-20' }));
    expect((await serviceEntries(core)).map((e) => e[3])).toEqual([540_00, 1_090_00]);
    core.close();
  });
});

describe('the indicator report', () => {
  it('counts the people who received a type of service in the period, not one whose service was reversed', async () => {
    const { core, path, userId, personId } = await signedInFile();
    const other = await core.must('beneficiaries.create', person({ firstName: 'Moussa', lastName: 'Keita', phones: ['0698765432'] }, { sex: 'male' }));
    const third = await core.must('beneficiaries.create', person({ firstName: 'Grace', lastName: 'Mbala', phones: ['0677777777'] }));
    await core.must('services.record', scholarship(personId));
    await core.must('services.record', { beneficiaryId: other.id, typeCode: 'legal_aid', date: '2026-03-11' });
    const reversed = await core.must('services.record', scholarship(third.id));
    await core.must('services.reverse', { id: reversed.id, date: '2026-03-12', reason: 'Formation annulée' });
    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    const scope = { from: '2026-01-01', to: '2026-12-31', agreementId: null };
    withDb(path, key, (db) => {
      expect(filteredMeasure({ db, ...scope }, 'people_reached', { serviceType: ['training_scholarship'] })).toBe(1);
      expect(filteredMeasure({ db, ...scope }, 'people_reached', { serviceType: ['training_scholarship', 'legal_aid'] })).toBe(2);
      expect(filteredMeasure({ db, ...scope }, 'people_reached_male', { serviceType: ['training_scholarship', 'legal_aid'] })).toBe(1);
      expect(filteredMeasure({ db, ...scope, to: '2026-02-28' }, 'people_reached', { serviceType: ['training_scholarship'] })).toBe(0);
    });
    core.close();
  });
});

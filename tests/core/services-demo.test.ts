import { beforeAll, describe, expect, it } from 'vitest';
import { signedInToDemo, testCore, type TestCore, useSuiteTempDir } from './helpers';

describe('the demo services', () => {
  const suiteDir = useSuiteTempDir();
  let core: TestCore;

  beforeAll(async () => {
    core = testCore(suiteDir());
    await signedInToDemo(core);
  });

  it('gives some people services whose paid amounts are in the journal once each, a corrected one reversed, and the accounts stay in credit', async () => {
    const journal = await core.must('treasury.entries.list', { categoryId: 'services_to_people', limit: 500 });
    const originals = journal.rows.filter((e) => e.source === 'service' && !e.reversesId);
    const reversals = journal.rows.filter((e) => e.source === 'service' && e.reversesId);
    expect(originals.length).toBeGreaterThanOrEqual(10);
    expect(new Set(originals.map((e) => e.sourceId)).size).toBe(originals.length);
    expect(reversals).toHaveLength(1);
    expect(reversals[0].reversalReason).toMatch(/Montant mal saisi/);
    const corrected = originals.find((e) => e.sourceId === reversals[0].sourceId);
    // The journal names the person by reference, never by name.
    const found = await core.must('beneficiaries.search', { query: corrected?.counterpartName ?? '' });
    expect(found.rows).toHaveLength(1);
    const log = await core.must('services.list', { beneficiaryId: found.rows[0].id });
    expect(log.map((s) => [s.typeCode, s.amountMinor, s.reversedOn !== null])).toEqual(
      expect.arrayContaining([
        ['training_scholarship', 15_000_00, true],
        ['training_scholarship', 1_500_00, false],
      ]),
    );
    for (const a of await core.must('treasury.accounts.list', {})) expect(a.balanceMinor).toBeGreaterThan(0);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssociationDetails } from '../../electron/core/association/repository';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { memberInput } from './builders';
import { createdFile, expectFailure, fileAtVersion, staffCore, testCore, useTempDir } from './helpers';

const tempDir = useTempDir();
const NOW = '2026-06-01T09:00:00.000Z';
// A 16×16 green square.
const LOGO = 'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFUlEQVR4nGNgmJZCGhrVMKph+GoAAIVy+gG76RhsAAAAAElFTkSuQmCC';

describe('migration 0025: the association details', () => {
  it('keeps the association of an existing file, its address and registration number not known yet, and holds one row at most', () => {
    const version = migrations.findIndex((m) => m.name === '0025_association_details') + 1;
    const db = fileAtVersion(tempDir(), version - 1);
    db.prepare("INSERT INTO association (id, file_id, name, city, created_at) VALUES ('a1', 'f1', 'Association Amal', 'Oujda', ?)").run(NOW);
    migrate(db, { target: version });
    expect(db.prepare('SELECT name, city FROM association').all()).toEqual([{ name: 'Association Amal', city: 'Oujda' }]);
    expect(readAssociationDetails(db)).toEqual({ address: '', registrationNumber: '' });
    db.prepare("INSERT INTO association_details (id, address) VALUES (1, '12, rue Ibn Khaldoun')").run();
    expect(() => db.prepare("INSERT INTO association_details (id, address) VALUES (2, 'ailleurs')").run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});

describe('the association details on dues receipts', () => {
  it('are typed in by the president and printed on the receipt with the logo; others may read them only', async () => {
    const dir = tempDir();
    const core = testCore(dir, () => new Date(NOW));
    const { session } = await createdFile(core, dir);
    expect(await core.must('association.details', {})).toEqual({ address: '', registrationNumber: '' });

    const details = { address: '12, rue Ibn Khaldoun, quartier Al Qods', registrationNumber: '245/2019' };
    expect(await core.must('association.updateDetails', { ...details, address: `  ${details.address} ` })).toEqual(details);
    await expectFailure(core.call('association.updateDetails', { address: 'x'.repeat(301), registrationNumber: '' }), 'invalid_input', { address: 'too_big' });
    expect(await core.must('association.details', {})).toEqual(details);

    const treasurer = await staffCore(core, session.path, join(dir, 'treasurer'), { displayName: 'Nadia Treasurer', role: 'treasurer', now: () => new Date(NOW) });
    expect(await treasurer.must('association.details', {})).toEqual(details);
    await expectFailure(treasurer.call('association.updateDetails', { address: '', registrationNumber: '' }), 'forbidden');

    await core.must('logos.add', { kind: 'association', fileName: 'amal.png', contentBase64: LOGO });
    await treasurer.must('dues.setFees', { year: 2026, amounts: { standard: 12_000 } });
    const member = await treasurer.must('members.save', memberInput());
    const payment = await treasurer.must('dues.pay', { memberId: member.id, year: 2026, date: '2026-05-20', amount: 12_000, method: 'cash' });
    const receipt = await treasurer.must('dues.receipt', { paymentId: payment.id });
    expect(receipt.association).toEqual({ name: 'Association Amal', city: 'Oujda', ...details, logo: { mime: 'image/png', contentBase64: LOGO } });

    // Emptied, they are not known any more: the receipt prints nothing for them.
    await core.must('association.updateDetails', { address: '', registrationNumber: '' });
    expect((await treasurer.must('dues.receipt', { paymentId: payment.id })).association).toMatchObject({ address: '', registrationNumber: '' });
    core.close();
    treasurer.close();
  });
});

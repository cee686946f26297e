import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LOGO_BYTES, type Result } from '../../electron/contract';
import { createCore } from '../../electron/core/dispatcher';
import { agreementInput, newFunder } from './grants-builders';
import { auditRows, createdFile, databaseKey, PRESIDENT_PASSWORD, staffCore, testCore, useSuiteTempDir, withDb, type TestCore } from './helpers';

// A real 1×1 PNG, and bytes that only begin like a JPEG (the store recognises files by their first bytes).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF funder logo marker-4711')]);
const PDF = Buffer.from('%PDF-1.7 a signed agreement');
const b64 = (bytes: Buffer) => bytes.toString('base64');
const failure = (r: Result<unknown>) => (r.ok ? null : r.error);

describe('logos of the attendance sheets', () => {
  const suiteDir = useSuiteTempDir();
  let president: TestCore;
  let volunteer: TestCore;
  let path: string;
  let presidentId: string;
  let eu: string;
  let giz: string;

  beforeAll(async () => {
    const root = suiteDir();
    president = testCore(join(root, 'president'));
    const { session } = await createdFile(president, join(root, 'file'));
    path = session.path;
    presidentId = session.user.id;
    volunteer = await staffCore(president, path, join(root, 'volunteer'), { displayName: 'Meryem', role: 'volunteer' });
    eu = (await newFunder(president, 'Union européenne')).id;
    giz = (await newFunder(president, 'GIZ')).id;
  });

  afterAll(() => {
    president?.close();
    volunteer?.close();
  });

  it('keeps one association logo and funder logos in the order they were added', async () => {
    expect(await president.must('logos.list', {})).toEqual({ association: null, funders: [] });
    const first = await president.must('logos.add', { kind: 'association', fileName: 'amal.png', contentBase64: b64(PNG) });
    expect(first).toMatchObject({ kind: 'association', fileName: 'amal.png', mime: 'image/png', contentBase64: b64(PNG) });
    const second = await president.must('logos.add', { kind: 'association', fileName: 'amal-2026.png', contentBase64: b64(PNG) });
    const euLogo = await president.must('logos.add', { kind: 'funder', funderId: eu, fileName: 'eu.jpg', contentBase64: b64(JPEG) });
    const gizLogo = await president.must('logos.add', { kind: 'funder', funderId: giz, fileName: 'giz.png', contentBase64: b64(PNG) });

    // Volunteers print the sheets: they read the logos.
    const logos = await volunteer.must('logos.list', {});
    expect(logos.association).toMatchObject({ id: second.id, fileName: 'amal-2026.png' });
    expect(logos.funders.map((l) => [l.fileName, l.mime, l.funderId])).toEqual([
      ['eu.jpg', 'image/jpeg', eu],
      ['giz.png', 'image/png', giz],
    ]);
    expect(logos.funders[0].contentBase64).toBe(b64(JPEG));

    expect(await president.must('logos.remove', { id: euLogo.id })).toEqual({ id: euLogo.id });
    expect((await president.must('logos.list', {})).funders.map((l) => l.id)).toEqual([gizLogo.id]);
    expect(failure(await president.call('logos.remove', { id: first.id }))?.code).toBe('not_found'); // replaced already
  });

  it('refuses what is not a PNG or JPEG image, or is over 1 MB, writing nothing', async () => {
    const before = await president.must('logos.list', {});
    const refused = async (contentBase64: string, code: string) => {
      const r = await president.call('logos.add', { kind: 'funder', funderId: giz, fileName: 'logo.png', contentBase64 });
      expect(failure(r)).toEqual({ code, fields: { contentBase64: code } });
    };
    await refused(b64(PDF), 'logo_not_image');
    await refused(b64(Buffer.from('just text called logo.png')), 'logo_not_image');
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES + 1 - PNG.length)]);
    await refused(b64(big), 'logo_too_large');
    // A funder's logo belongs to a funder of the file.
    expect(failure(await president.call('logos.add', { kind: 'funder', fileName: 'logo.png', contentBase64: b64(PNG) }))).toEqual({
      code: 'invalid_input',
      fields: { funderId: 'funder_required' },
    });
    expect(failure(await president.call('logos.add', { kind: 'funder', funderId: 'f-unknown', fileName: 'logo.png', contentBase64: b64(PNG) }))).toEqual({
      code: 'not_found',
      fields: { funderId: 'not_found' },
    });
    expect(await president.must('logos.list', {})).toEqual(before);
  });

  it('gives a funder logo added before logos had funders its funder, and tells an activity\'s sheet which funder is its own', async () => {
    const key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
    president.close();
    // As an older version of the app stored it: owned by the association, printed on no sheet now.
    withDb(path, key, (db) =>
      db
        .prepare(
          `INSERT INTO attachments (id, owner_type, owner_id, file_name, mime, size, content, created_at)
           VALUES ('l-old', 'funder_logo', 'association', 'old.png', 'image/png', ?, ?, '2026-01-01T00:00:00.000Z')`,
        )
        .run(PNG.length, PNG),
    );
    await president.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
    expect((await president.must('logos.list', {})).funders.find((l) => l.id === 'l-old')?.funderId).toBeNull();
    expect(await president.must('logos.setFunder', { id: 'l-old', funderId: eu })).toMatchObject({ id: 'l-old', funderId: eu, fileName: 'old.png' });
    expect(failure(await volunteer.call('logos.setFunder', { id: 'l-old', funderId: giz }))?.code).toBe('forbidden');
    expect(failure(await president.call('logos.setFunder', { id: 'l-none', funderId: giz }))?.code).toBe('not_found');

    const agreement = await president.must('grants.agreements.save', agreementInput(giz));
    const activity = await president.must('activities.save', { title: 'Atelier CV', type: 'workshop', theme: 'employability', agreementId: agreement.id });
    expect((await volunteer.must('activities.get', { id: activity.id })).agreement).toMatchObject({ funderId: giz, funderName: 'GIZ' });
    await president.must('logos.remove', { id: 'l-old' });
  });

  it('lets only the president change them', async () => {
    const r = await volunteer.call('logos.add', { kind: 'funder', fileName: 'x.png', contentBase64: b64(PNG) });
    expect(failure(r)?.code).toBe('forbidden');
    const { funders } = await volunteer.must('logos.list', {});
    expect(failure(await volunteer.call('logos.remove', { id: funders[0].id }))?.code).toBe('forbidden');
  });

  it('stores them inside the encrypted file, audited', async () => {
    president.close();
    volunteer.close();
    // Closed, everything is in the file itself (no write-ahead log beside it).
    expect(readFileSync(path).includes(Buffer.from('funder logo marker-4711'))).toBe(false);
    const key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
    const ops = withDb(path, key, (db) => auditRows(db)).filter((r) => r.op.startsWith('logos.'));
    expect(ops.map((r) => r.op)).toEqual(['logos.add', 'logos.add', 'logos.add', 'logos.add', 'logos.remove', 'logos.setFunder', 'logos.remove']);

    // The file itself refuses a logo that is not a small image, whatever writes to it.
    withDb(path, key, (db) => {
      const insert = db.prepare(
        `INSERT INTO attachments (id, owner_type, owner_id, file_name, mime, size, content, created_at)
         VALUES (?, ?, 'association', 'x', ?, ?, ?, '2026-06-01T00:00:00Z')`,
      );
      expect(() => insert.run('l-pdf', 'funder_logo', 'application/pdf', PDF.length, PDF)).toThrow(/PNG or JPEG/);
      expect(() => insert.run('l-big', 'association_logo', 'image/png', MAX_LOGO_BYTES + 1, PNG)).toThrow(/at most 1 MB/);
      expect(() => insert.run('l-second', 'association_logo', 'image/png', PNG.length, PNG)).toThrow(/UNIQUE/);
      expect(() => insert.run('receipt', 'grant_expense', 'application/pdf', PDF.length, PDF)).not.toThrow();
    });
  });
});

describe('saving a sheet as a PDF', () => {
  const dir = useSuiteTempDir();

  it('goes through the host, and says not_supported where the host cannot (the web bridge)', async () => {
    const root = dir();
    const bare = testCore(join(root, 'bare'));
    await createdFile(bare, join(root, 'bare-file'));
    expect(failure(await bare.call('print.savePdf', { fileName: 'feuille' }))?.code).toBe('not_supported');
    bare.close();

    const asked: string[] = [];
    const core = createCore({
      dataDir: join(root, 'electron', 'data'),
      documentsDir: join(root, 'electron', 'documents'),
      savePdf: async (fileName) => (asked.push(fileName), `/chosen/${fileName}.pdf`),
    });
    const created = await core.dispatch('file.create', {
      associationName: 'Association Amal',
      city: 'Oujda',
      directory: join(root, 'electron-file'),
      displayName: 'Nadia Bennani',
      password: PRESIDENT_PASSWORD,
    });
    expect(created.ok).toBe(true);
    expect(await core.dispatch('print.savePdf', { fileName: 'Feuille A-2026-00001' })).toEqual({ ok: true, value: { path: '/chosen/Feuille A-2026-00001.pdf' } });
    expect(asked).toEqual(['Feuille A-2026-00001']);
    core.close();
  });

  it('is for signed-in users only', async () => {
    const root = dir();
    const core = createCore({ dataDir: join(root, 'data'), documentsDir: join(root, 'documents'), savePdf: async () => '/x.pdf' });
    expect(failure(await core.dispatch('print.savePdf', { fileName: 'feuille' }))?.code).toBe('no_open_file');
    core.close();
  });
});

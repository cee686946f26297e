import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../electron/contract';
import { createdFile, databaseKey, expectFailure, PRESIDENT_PASSWORD, staffCore, testCore, useTempDir, withDb } from './helpers';

const tempDir = useTempDir();

const MARKER = 'Feuille-signee-atelier-CV-Oujda';
/** A minimal PDF carrying a marker we can look for in the raw file. */
const PDF = Buffer.from(`%PDF-1.4\n% ${MARKER}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const upload = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') });

async function fixture() {
  const dir = tempDir();
  const core = testCore(dir, () => new Date('2026-06-01T09:00:00.000Z'));
  const { session } = await createdFile(core, dir);
  const activity = await core.must('activities.save', { title: 'Atelier CV', type: 'workshop', theme: 'employability' });
  const first = await core.must('sessions.save', { activityId: activity.id, date: '2026-05-20', startTime: '10:00', endTime: '12:00' });
  const second = await core.must('sessions.save', { activityId: activity.id, date: '2026-05-27', startTime: '10:00', endTime: '12:00' });
  return { dir, core, path: session.path, presidentId: session.user.id, activity, first, second };
}

const storedCount = (path: string, key: Buffer) =>
  withDb(path, key, (db) => (db.prepare("SELECT count(*) AS n FROM attachments WHERE owner_type = 'session_signed_sheet'").get() as { n: number }).n);

describe('scanned signed attendance sheets', () => {
  it('keeps a scan with its session inside the encrypted file, lists it per session and gives it back byte for byte', async () => {
    const { core, path, presidentId, activity, first, second } = await fixture();
    const pdf = await core.must('sessions.attachSignedSheet', { sessionId: second.id, file: upload('feuille 27 mai.pdf', PDF) });
    // Named .pdf, but a PNG: typed by its bytes.
    const png = await core.must('sessions.attachSignedSheet', { sessionId: first.id, file: upload('feuille 20 mai.pdf', PNG) });
    expect(pdf).toMatchObject({ ownerType: 'session_signed_sheet', ownerId: second.id, mime: 'application/pdf', size: PDF.length, createdBy: presidentId });
    expect(png.mime).toBe('image/png');

    const listed = await core.must('sessions.signedSheets', { activityId: activity.id });
    expect(listed.map((s) => [s.ownerId, s.fileName])).toEqual([
      [first.id, 'feuille 20 mai.pdf'],
      [second.id, 'feuille 27 mai.pdf'],
    ]);
    const back = await core.must('sessions.signedSheet', { id: pdf.id });
    expect(Buffer.from(back.contentBase64, 'base64').equals(PDF)).toBe(true);

    await core.must('session.lock', {});
    for (const file of [path, `${path}-wal`].filter(existsSync)) expect(readFileSync(file).includes(MARKER)).toBe(false);
    const key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
    const stored = withDb(path, key, (db) => db.prepare('SELECT content FROM attachments WHERE id = ?').get(pdf.id) as { content: Buffer });
    expect(stored.content.equals(PDF)).toBe(true);
  });

  it('refuses a text file named .pdf and a file over 10 MB, writing nothing', async () => {
    const { core, path, presidentId, first } = await fixture();
    await expectFailure(core.call('sessions.attachSignedSheet', { sessionId: first.id, file: upload('feuille.pdf', Buffer.from('Ceci est une feuille signée, promis.\n')) }), 'attachment_type_not_allowed', {
      contentBase64: 'attachment_type_not_allowed',
    });
    const tooBig = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PDF.length, 0x20)]);
    await expectFailure(core.call('sessions.attachSignedSheet', { sessionId: first.id, file: upload('gros.pdf', tooBig) }), 'attachment_too_large');
    await expectFailure(core.call('sessions.attachSignedSheet', { sessionId: 'no-such-session', file: upload('feuille.pdf', PDF) }), 'not_found');
    await core.must('session.lock', {});
    const key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
    expect(storedCount(path, key)).toBe(0);
  });

  it('is attached by any signed-in user; removed by the president or by whoever attached it', async () => {
    const { dir, core, path, activity, first } = await fixture();
    const volunteer = await staffCore(core, path, `${dir}/volunteer`, { displayName: 'Meryem', role: 'volunteer' });
    const treasurer = await staffCore(core, path, `${dir}/treasurer`, { displayName: 'Nadia', role: 'treasurer' });
    const byVolunteer = await volunteer.must('sessions.attachSignedSheet', { sessionId: first.id, file: upload('v.pdf', PDF) });
    const byTreasurer = await treasurer.must('sessions.attachSignedSheet', { sessionId: first.id, file: upload('t.png', PNG) });
    const byPresident = await core.must('sessions.attachSignedSheet', { sessionId: first.id, file: upload('p.pdf', PDF) });
    expect((await volunteer.must('sessions.signedSheet', { id: byPresident.id })).fileName).toBe('p.pdf');

    await expectFailure(volunteer.call('sessions.removeSignedSheet', { id: byTreasurer.id }), 'forbidden');
    await expectFailure(treasurer.call('sessions.removeSignedSheet', { id: byPresident.id }), 'forbidden');
    await volunteer.must('sessions.removeSignedSheet', { id: byVolunteer.id });
    await core.must('sessions.removeSignedSheet', { id: byTreasurer.id });
    expect((await core.must('sessions.signedSheets', { activityId: activity.id })).map((s) => s.id)).toEqual([byPresident.id]);
    await expectFailure(core.call('sessions.removeSignedSheet', { id: byVolunteer.id }), 'not_found');
  });

  it('gives through its ops only the scans of sessions, not the other areas’ files', async () => {
    const { core } = await fixture();
    const logo = await core.must('logos.add', { kind: 'association', fileName: 'logo.png', contentBase64: PNG.toString('base64') });
    await expectFailure(core.call('sessions.signedSheet', { id: logo.id }), 'not_found');
    await expectFailure(core.call('sessions.removeSignedSheet', { id: logo.id }), 'not_found');
  });

  it('keeps a session with a scan, and its activity, from being deleted', async () => {
    const { core, activity, first } = await fixture();
    await core.must('sessions.attachSignedSheet', { sessionId: first.id, file: upload('f.pdf', PDF) });
    await expectFailure(core.call('sessions.delete', { id: first.id }), 'has_attendance');
    await expectFailure(core.call('activities.delete', { id: activity.id }), 'has_attendance');
  });
});


import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, type User } from '../../electron/contract';
import { getAttachment, listAttachments, saveAttachment } from '../../electron/core/attachments/service';
import { sniffMime } from '../../electron/core/attachments/sniff';
import type { WriteTx } from '../../electron/core/context';
import type { Db } from '../../electron/core/db/database';
import { createdFile, databaseKey, PRESIDENT_PASSWORD, testCore, useTempDir, withDb } from './helpers';

const tempDir = useTempDir();

/** A real 1×1 PNG, a minimal PDF and the start of a JFIF JPEG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 1), Buffer.from([0xff, 0xd9])]);

async function openFile() {
  const dir = tempDir();
  const core = testCore(dir);
  const { session } = await createdFile(core, dir);
  const key = await databaseKey(session.path, session.user.id, PRESIDENT_PASSWORD);
  return { core, path: session.path, key, user: session.user };
}

/** Runs `work` in one transaction of a second connection to the real encrypted file, as the dispatcher would. */
function inTx<T>(db: Db, user: Pick<User, 'id'>, work: (tx: WriteTx) => T): T {
  return db.transaction(() => work({ db, user: user as User, at: '2026-06-01T09:00:00.000Z', audit: () => undefined }))();
}

const count = (db: Db) => (db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n;

describe('attachments', () => {
  it('recognises PDF, JPEG and PNG by their first bytes only', () => {
    expect(sniffMime(PDF)).toBe('application/pdf');
    expect(sniffMime(JPEG)).toBe('image/jpeg');
    expect(sniffMime(PNG)).toBe('image/png');
    expect(sniffMime(Buffer.from('hello, %PDF-1.4'))).toBeNull();
    expect(sniffMime(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
  });

  it('stores files inside the encrypted file, typed by content, and reads them back byte for byte', async () => {
    const { path, key, user } = await openFile();
    withDb(path, key, (db) => {
      const png = inTx(db, user, (tx) => saveAttachment(tx, { ownerType: 'grant_expense', ownerId: 'e1', fileName: 'facture.pdf', contentBase64: PNG.toString('base64') }));
      const pdf = inTx(db, user, (tx) => saveAttachment(tx, { ownerType: 'grant_expense', ownerId: 'e1', fileName: 'recu.pdf', contentBase64: PDF.toString('base64') }));
      inTx(db, user, (tx) => saveAttachment(tx, { ownerType: 'grant_expense', ownerId: 'e2', fileName: 'scan.jpg', contentBase64: JPEG.toString('base64') }));

      expect(png.mime).toBe('image/png');
      expect(png.size).toBe(PNG.length);
      expect(png.createdBy).toBe(user.id);
      expect(pdf.mime).toBe('application/pdf');
      expect(listAttachments(db, 'grant_expense', 'e1').map((a) => [a.fileName, a.mime])).toEqual([
        ['facture.pdf', 'image/png'],
        ['recu.pdf', 'application/pdf'],
      ]);
      const back = getAttachment(db, png.id);
      expect(Buffer.from(back.contentBase64, 'base64').equals(PNG)).toBe(true);
      expect(listAttachments(db, 'grant_expense', 'e2')[0]?.mime).toBe('image/jpeg');
    });
  });

  it('refuses a text file named .pdf, an empty file and a file of 10 MB + 1 byte, writing nothing', async () => {
    const { path, key, user } = await openFile();
    withDb(path, key, (db) => {
      const attempt = (bytes: Buffer, fileName: string) => {
        try {
          inTx(db, user, (tx) => {
            db.prepare("INSERT INTO grant_funders (id, name, type, created_at, updated_at) VALUES ('f', 'Funder', 'other', 'x', 'x')").run();
            return saveAttachment(tx, { ownerType: 'grant_expense', ownerId: 'e1', fileName, contentBase64: bytes.toString('base64') });
          });
        } catch (error) {
          return (error as { code?: string }).code;
        }
        return 'saved';
      };
      expect(attempt(Buffer.from('Ceci est un reçu, promis.\n'), 'recu.pdf')).toBe('attachment_type_not_allowed');
      expect(attempt(Buffer.alloc(0), 'vide.pdf')).toBe('attachment_type_not_allowed');
      const tooBig = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PDF.length, 0x20)]);
      expect(tooBig.length).toBe(MAX_ATTACHMENT_BYTES + 1);
      expect(attempt(tooBig, 'gros.pdf')).toBe('attachment_too_large');
      // The whole transaction rolled back, including what the operation wrote before the file.
      expect(count(db)).toBe(0);
      expect((db.prepare('SELECT count(*) AS n FROM grant_funders').get() as { n: number }).n).toBe(0);

      const justRight = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES - PDF.length, 0x20)]);
      expect(attempt(justRight, 'limite.pdf')).toBe('saved');
      expect(count(db)).toBe(1);
    });
  });

  it('gives a stored file to the treasurer and the president through attachments.get, and nothing unknown', async () => {
    const { core, path, key, user } = await openFile();
    const saved = withDb(path, key, (db) =>
      inTx(db, user, (tx) => saveAttachment(tx, { ownerType: 'grant_expense', ownerId: 'e1', fileName: 'a.png', contentBase64: PNG.toString('base64') })),
    );
    const got = await core.must('attachments.get', { id: saved.id });
    expect(got.fileName).toBe('a.png');
    expect(got.contentBase64).toBe(PNG.toString('base64'));
    expect((await core.call('attachments.get', { id: 'nope' })).ok).toBe(false);
  });
});

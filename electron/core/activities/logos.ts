import { MAX_LOGO_BYTES, type LogoKind, type SheetLogo, type SheetLogos } from '../../contract';
import { attachmentBytes, attachmentsOf } from '../attachments/repository';
import { saveAttachment } from '../attachments/service';
import { sniffMime } from '../attachments/sniff';
import type { WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';

// The sheets' logos live in the shared attachments store (inside the encrypted file). The
// association's is owned by the association itself (one per file, so the owner id is a constant);
// a funder's by its funder (grants area), so that a sheet prints its own activity's funders only.
// Funder logos added before that still have the association as owner: they print on no sheet
// until a president gives them their funder.
const OWNER_TYPE: Record<LogoKind, string> = { association: 'association_logo', funder: 'funder_logo' };
const OWNER_ID = 'association';

function logosOf(db: Db, kind: LogoKind): SheetLogo[] {
  const owned = db.prepare('SELECT DISTINCT owner_id AS id FROM attachments WHERE owner_type = ?').all(OWNER_TYPE[kind]) as { id: string }[];
  return owned
    .flatMap(({ id }) => attachmentsOf(db, OWNER_TYPE[kind], id).map((info) => ({ info, funderId: kind === 'funder' && id !== OWNER_ID ? id : null })))
    .sort((a, b) => a.info.createdAt.localeCompare(b.info.createdAt) || a.info.id.localeCompare(b.info.id))
    .flatMap(({ info, funderId }) => {
      const bytes = attachmentBytes(db, info.id);
      if (!bytes || info.mime === 'application/pdf') return [];
      return [{ id: info.id, kind, funderId, fileName: info.fileName, mime: info.mime, contentBase64: bytes.toString('base64') }];
    });
}

export function listLogos(db: Db): SheetLogos {
  return { association: logosOf(db, 'association').at(-1) ?? null, funders: logosOf(db, 'funder') };
}

const funderExists = (db: Db, id: string) => Boolean(db.prepare('SELECT 1 FROM grant_funders WHERE id = ?').get(id));

function removeLogos(db: Db, where: { id: string } | { kind: LogoKind }): number {
  const sql =
    'id' in where
      ? db.prepare('DELETE FROM attachments WHERE id = ? AND owner_type IN (?, ?)').run(where.id, OWNER_TYPE.association, OWNER_TYPE.funder)
      : db.prepare('DELETE FROM attachments WHERE owner_type = ?').run(OWNER_TYPE[where.kind]);
  return sql.changes;
}

/**
 * A PNG or JPEG of at most 1 MB (a logo is printed small; the store takes PDFs up to 10 MB, a logo
 * may not be one). The association has one logo: a new one replaces it.
 */
export function addLogo(input: { kind: LogoKind; funderId?: string; fileName: string; contentBase64: string }) {
  return (tx: WriteTx): SheetLogo => {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > MAX_LOGO_BYTES) throw new AppError('logo_too_large', { contentBase64: 'logo_too_large' });
    const mime = sniffMime(bytes);
    if (mime !== 'image/png' && mime !== 'image/jpeg') throw new AppError('logo_not_image', { contentBase64: 'logo_not_image' });
    const funderId = input.kind === 'funder' ? (input.funderId ?? null) : null;
    if (funderId !== null && !funderExists(tx.db, funderId)) throw new AppError('not_found', { funderId: 'not_found' });
    if (input.kind === 'association') removeLogos(tx.db, { kind: 'association' });
    const info = saveAttachment(tx, { ownerType: OWNER_TYPE[input.kind], ownerId: funderId ?? OWNER_ID, fileName: input.fileName, contentBase64: input.contentBase64 });
    tx.audit(info.id);
    return { id: info.id, kind: input.kind, funderId, fileName: info.fileName, mime, contentBase64: input.contentBase64 };
  };
}

export function removeLogo(id: string) {
  return (tx: WriteTx): { id: string } => {
    if (removeLogos(tx.db, { id }) === 0) throw new AppError('not_found');
    tx.audit(id);
    return { id };
  };
}

export function setLogoFunder(input: { id: string; funderId: string }) {
  return (tx: WriteTx): SheetLogo => {
    if (!funderExists(tx.db, input.funderId)) throw new AppError('not_found', { funderId: 'not_found' });
    const changed = tx.db.prepare('UPDATE attachments SET owner_id = ? WHERE id = ? AND owner_type = ?').run(input.funderId, input.id, OWNER_TYPE.funder).changes;
    if (changed === 0) throw new AppError('not_found');
    tx.audit(input.id);
    return listLogos(tx.db).funders.find((l) => l.id === input.id)!;
  };
}

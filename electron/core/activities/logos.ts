import { MAX_LOGO_BYTES, type LogoKind, type SheetLogo, type SheetLogos } from '../../contract';
import { attachmentBytes, attachmentsOf } from '../attachments/repository';
import { saveAttachment } from '../attachments/service';
import { sniffMime } from '../attachments/sniff';
import type { WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';

// The sheets' logos live in the shared attachments store (inside the encrypted file), owned by the
// association itself: there is one association per file, so the owner id is a constant.
const OWNER_TYPE: Record<LogoKind, string> = { association: 'association_logo', funder: 'funder_logo' };
const OWNER_ID = 'association';

function logosOf(db: Db, kind: LogoKind): SheetLogo[] {
  return attachmentsOf(db, OWNER_TYPE[kind], OWNER_ID).flatMap((info) => {
    const bytes = attachmentBytes(db, info.id);
    if (!bytes || info.mime === 'application/pdf') return [];
    return [{ id: info.id, kind, fileName: info.fileName, mime: info.mime, contentBase64: bytes.toString('base64') }];
  });
}

export function listLogos(db: Db): SheetLogos {
  return { association: logosOf(db, 'association').at(-1) ?? null, funders: logosOf(db, 'funder') };
}

function removeLogos(db: Db, where: { id: string } | { kind: LogoKind }): number {
  const sql =
    'id' in where
      ? db.prepare('DELETE FROM attachments WHERE id = ? AND owner_type IN (?, ?)').run(where.id, OWNER_TYPE.association, OWNER_TYPE.funder)
      : db.prepare('DELETE FROM attachments WHERE owner_type = ? AND owner_id = ?').run(OWNER_TYPE[where.kind], OWNER_ID);
  return sql.changes;
}

/**
 * A PNG or JPEG of at most 1 MB (a logo is printed small; the store takes PDFs up to 10 MB, a logo
 * may not be one). The association has one logo: a new one replaces it.
 */
export function addLogo(input: { kind: LogoKind; fileName: string; contentBase64: string }) {
  return (tx: WriteTx): SheetLogo => {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > MAX_LOGO_BYTES) throw new AppError('logo_too_large', { contentBase64: 'logo_too_large' });
    const mime = sniffMime(bytes);
    if (mime !== 'image/png' && mime !== 'image/jpeg') throw new AppError('logo_not_image', { contentBase64: 'logo_not_image' });
    if (input.kind === 'association') removeLogos(tx.db, { kind: 'association' });
    const info = saveAttachment(tx, { ownerType: OWNER_TYPE[input.kind], ownerId: OWNER_ID, fileName: input.fileName, contentBase64: input.contentBase64 });
    tx.audit(info.id);
    return { id: info.id, kind: input.kind, fileName: info.fileName, mime, contentBase64: input.contentBase64 };
  };
}

export function removeLogo(id: string) {
  return (tx: WriteTx): { id: string } => {
    if (removeLogos(tx.db, { id }) === 0) throw new AppError('not_found');
    tx.audit(id);
    return { id };
  };
}

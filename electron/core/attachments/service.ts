import { MAX_ATTACHMENT_BYTES, type AttachmentContent, type AttachmentInfo, type AttachmentUpload } from '../../contract/attachments';
import type { WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { newId } from '../ids';
import { attachmentBytes, attachmentInfo, attachmentsOf, insertAttachment } from './repository';
import { sniffMime } from './sniff';

export interface AttachmentToSave extends AttachmentUpload {
  /** What the file belongs to, e.g. `grant_expense`. */
  ownerType: string;
  ownerId: string;
}

/**
 * Stores a file inside the (encrypted) database, in the caller's transaction. Its type is read from
 * its first bytes: a text file named `.pdf` is refused, a PNG named `.pdf` is stored as a PNG.
 * Throws before writing anything, so a refused file leaves the whole operation unwritten.
 */
export function saveAttachment(tx: WriteTx, file: AttachmentToSave): AttachmentInfo {
  const content = Buffer.from(file.contentBase64, 'base64');
  if (content.length > MAX_ATTACHMENT_BYTES) throw new AppError('attachment_too_large', { contentBase64: 'attachment_too_large' });
  const mime = content.length > 0 ? sniffMime(content) : null;
  if (!mime) throw new AppError('attachment_type_not_allowed', { contentBase64: 'attachment_type_not_allowed' });
  const info: AttachmentInfo = {
    id: newId(),
    ownerType: file.ownerType,
    ownerId: file.ownerId,
    fileName: file.fileName,
    mime,
    size: content.length,
    createdAt: tx.at,
    createdBy: tx.user.id,
  };
  insertAttachment(tx.db, info, content);
  return info;
}

export function getAttachment(db: Db, id: string): AttachmentContent {
  const info = attachmentInfo(db, id);
  const bytes = attachmentBytes(db, id);
  if (!info || !bytes) throw new AppError('not_found');
  return { ...info, contentBase64: bytes.toString('base64') };
}

export function listAttachments(db: Db, ownerType: string, ownerId: string): AttachmentInfo[] {
  return attachmentsOf(db, ownerType, ownerId);
}

import { SIGNED_SHEET_OWNER, type AttachmentContent, type AttachmentInfo, type AttachmentUpload } from '../../contract';
import { attachmentInfo } from '../attachments/repository';
import { getAttachment, saveAttachment } from '../attachments/service';
import type { SignedInContext, WriteTx } from '../context';
import { AppError } from '../errors';
import { activitySignedSheets, deleteSignedSheet } from './repository';
import { existingActivity, existingSession, openActivity } from './service';

// The paper attendance sheet, signed by the participants, scanned and kept with its session inside
// the encrypted file: the funder pack carries it as proof of the attendance the tables count.

export function attachSignedSheet(sessionId: string, file: AttachmentUpload) {
  return (tx: WriteTx): AttachmentInfo => {
    const session = existingSession(tx.db, sessionId);
    openActivity(tx.db, session.activityId);
    const info = saveAttachment(tx, { ...file, ownerType: SIGNED_SHEET_OWNER, ownerId: session.id });
    tx.audit(info.id);
    return info;
  };
}

export function listSignedSheets(ctx: SignedInContext, activityId: string): AttachmentInfo[] {
  const { db } = ctx.session.file;
  existingActivity(db, activityId);
  return activitySignedSheets(db, activityId);
}

/** Only scans of sessions: the attachments of other areas keep their own access rules. */
export function getSignedSheet(ctx: SignedInContext, id: string): AttachmentContent {
  const file = getAttachment(ctx.session.file.db, id);
  if (file.ownerType !== SIGNED_SHEET_OWNER) throw new AppError('not_found');
  return file;
}

/**
 * The president may remove any scan; anyone else only the ones they attached, to undo a wrong
 * file. A scan someone else attached is evidence for the funder, not theirs to withdraw.
 */
export function removeSignedSheet(id: string) {
  return (tx: WriteTx): { id: string } => {
    const info = attachmentInfo(tx.db, id);
    if (!info || info.ownerType !== SIGNED_SHEET_OWNER) throw new AppError('not_found');
    if (tx.user.role !== 'president' && info.createdBy !== tx.user.id) throw new AppError('forbidden');
    openActivity(tx.db, existingSession(tx.db, info.ownerId).activityId);
    deleteSignedSheet(tx.db, id);
    tx.audit(id);
    return { id };
  };
}

import { z } from 'zod';
import { defineOp } from './operation';

// Files (receipt scans, signed agreements…) kept inside the encrypted database. Any area may attach
// files to its records: the owner is a (type, id) pair. The type is recognised from the bytes, not
// from the name (errors `attachment_type_not_allowed`, `attachment_too_large`).

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const attachmentMimeSchema = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type AttachmentMime = z.infer<typeof attachmentMimeSchema>;

/** base64 of at most MAX_ATTACHMENT_BYTES + a little, so the core can say `attachment_too_large` itself. */
const MAX_BASE64_CHARS = Math.ceil(((MAX_ATTACHMENT_BYTES + 1024) * 4) / 3);

/** An uploaded file, as a form or an operation input carries it. */
export const attachmentUploadSchema = z.object({
  fileName: z.string().trim().min(1).max(260),
  /** The file's bytes, base64: the same on IPC and on the web bridge. */
  contentBase64: z.string().min(1).max(MAX_BASE64_CHARS),
});
export type AttachmentUpload = z.infer<typeof attachmentUploadSchema>;

export interface AttachmentInfo {
  id: string;
  ownerType: string;
  ownerId: string;
  fileName: string;
  mime: AttachmentMime;
  size: number;
  createdAt: string;
  createdBy: string | null;
}

export interface AttachmentContent extends AttachmentInfo {
  contentBase64: string;
}

export const attachmentsOps = {
  /** Files are read by those who handle money (grants, dues): receipts name people and amounts. */
  'attachments.get': defineOp<AttachmentContent>()({
    input: z.object({ id: z.string().min(1).max(64) }),
    kind: 'read',
    access: ['treasurer', 'president'],
  }),
};

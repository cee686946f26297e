import type { AttachmentInfo, AttachmentMime } from '../../contract/attachments';
import type { Db } from '../db/database';

interface AttachmentDbRow {
  id: string;
  owner_type: string;
  owner_id: string;
  file_name: string;
  mime: AttachmentMime;
  size: number;
  created_at: string;
  created_by: string | null;
}

const INFO_COLUMNS = 'id, owner_type, owner_id, file_name, mime, size, created_at, created_by';

const toInfo = (r: AttachmentDbRow): AttachmentInfo => ({
  id: r.id,
  ownerType: r.owner_type,
  ownerId: r.owner_id,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function insertAttachment(db: Db, info: AttachmentInfo, content: Buffer): void {
  db.prepare(
    `INSERT INTO attachments (id, owner_type, owner_id, file_name, mime, size, content, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(info.id, info.ownerType, info.ownerId, info.fileName, info.mime, info.size, content, info.createdAt, info.createdBy);
}

export function attachmentInfo(db: Db, id: string): AttachmentInfo | undefined {
  const row = db.prepare(`SELECT ${INFO_COLUMNS} FROM attachments WHERE id = ?`).get(id) as AttachmentDbRow | undefined;
  return row && toInfo(row);
}

export function attachmentBytes(db: Db, id: string): Buffer | undefined {
  const row = db.prepare('SELECT content FROM attachments WHERE id = ?').get(id) as { content: Buffer } | undefined;
  return row?.content;
}

export function attachmentsOf(db: Db, ownerType: string, ownerId: string): AttachmentInfo[] {
  const rows = db
    .prepare(`SELECT ${INFO_COLUMNS} FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY created_at, id`)
    .all(ownerType, ownerId) as AttachmentDbRow[];
  return rows.map(toInfo);
}

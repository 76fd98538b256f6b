/**
 * Attachment metadata. The bytes live on disk under the data directory with a random
 * `storage_key` for a name (the server's attachment store); the uploaded file name is kept
 * here only as text and never becomes a path.
 */
import type { AttachmentInfo } from '@multitable/core';
import type { Executor } from '../database';

export interface AttachmentRow extends AttachmentInfo {
  baseId: string;
  storageKey: string;
  createdBy: string;
  createdAt: string;
}

export async function insertAttachment(db: Executor, row: AttachmentRow): Promise<void> {
  await db
    .insertInto('attachments')
    .values({
      id: row.id,
      base_id: row.baseId,
      name: row.name,
      mime_type: row.mimeType,
      size: row.size,
      storage_key: row.storageKey,
      created_by: row.createdBy,
      created_at: row.createdAt,
    })
    .execute();
}

function toRow(raw: {
  id: string;
  base_id: string;
  name: string;
  mime_type: string;
  size: number | string;
  storage_key: string;
  created_by: string;
  created_at: string;
}): AttachmentRow {
  return {
    id: raw.id,
    baseId: raw.base_id,
    name: raw.name,
    mimeType: raw.mime_type,
    size: Number(raw.size),
    storageKey: raw.storage_key,
    createdBy: raw.created_by,
    createdAt: raw.created_at,
  };
}

export async function getAttachment(db: Executor, baseId: string, id: string): Promise<AttachmentRow | undefined> {
  const raw = await db.selectFrom('attachments').selectAll().where('base_id', '=', baseId).where('id', '=', id).executeTakeFirst();
  return raw ? toRow(raw) : undefined;
}

/** Metadata for the given ids within one base; ids of other bases are simply not found. */
export async function getAttachmentsByIds(db: Executor, baseId: string, ids: readonly string[]): Promise<AttachmentInfo[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'name', 'mime_type', 'size'])
    .where('base_id', '=', baseId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((raw) => ({ id: raw.id, name: raw.name, mimeType: raw.mime_type, size: Number(raw.size) }));
}

/** Comments on records: SQL only (who may read or write them is decided in the server). */
import type { Executor } from '../database';

export interface CommentRecord {
  id: string;
  baseId: string;
  tableId: string;
  recordId: string;
  authorId: string;
  text: string;
  /** User ids mentioned in the text. */
  mentions: string[];
  createdAt: string;
  updatedAt: string;
}

type CommentRow = { id: string; base_id: string; table_id: string; record_id: string; author_id: string; text: string; mentions: string; created_at: string; updated_at: string };

function toRecord(row: CommentRow & { seq?: unknown }): CommentRecord {
  return {
    id: row.id,
    baseId: row.base_id,
    tableId: row.table_id,
    recordId: row.record_id,
    authorId: row.author_id,
    text: row.text,
    mentions: JSON.parse(row.mentions) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertComment(db: Executor, comment: Omit<CommentRecord, 'updatedAt'>): Promise<CommentRecord> {
  const row: CommentRow = {
    id: comment.id,
    base_id: comment.baseId,
    table_id: comment.tableId,
    record_id: comment.recordId,
    author_id: comment.authorId,
    text: comment.text,
    mentions: JSON.stringify(comment.mentions),
    created_at: comment.createdAt,
    updated_at: comment.createdAt,
  };
  await db.insertInto('comments').values(row).execute();
  return toRecord(row);
}

/** A record's comments, oldest first, at most `limit` after the comment `after` (its id). */
export async function listComments(db: Executor, tableId: string, recordId: string, page: { limit: number; after?: string }): Promise<CommentRecord[]> {
  let query = db.selectFrom('comments').where('table_id', '=', tableId).where('record_id', '=', recordId);
  if (page.after !== undefined) {
    const after = page.after;
    query = query.where('seq', '>', (eb) => eb.selectFrom('comments').select('seq').where('id', '=', after));
  }
  const rows = await query.selectAll().orderBy('seq').limit(page.limit).execute();
  return rows.map(toRecord);
}

export async function findComment(db: Executor, tableId: string, recordId: string, commentId: string): Promise<CommentRecord | undefined> {
  const row = await db.selectFrom('comments').selectAll().where('id', '=', commentId).where('table_id', '=', tableId).where('record_id', '=', recordId).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function updateComment(db: Executor, commentId: string, change: { text: string; mentions: string[]; updatedAt: string }): Promise<void> {
  await db.updateTable('comments').set({ text: change.text, mentions: JSON.stringify(change.mentions), updated_at: change.updatedAt }).where('id', '=', commentId).execute();
}

export async function deleteComment(db: Executor, commentId: string): Promise<void> {
  await db.deleteFrom('comments').where('id', '=', commentId).execute();
}

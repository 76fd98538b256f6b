/**
 * Comments on records (issue 6 point 6). A comment is reachable only through its record, under
 * the caller's read policy (RELIABILITY A1.4): a record the caller cannot read has no comments
 * to them — "not found", as a record that does not exist. Mentions are written `@[usr_…]` in
 * the text (as in Airtable); each must name a member of the base, and they are kept as a list
 * for the notification inbox. Authors edit and delete their own comments; admins delete any.
 */
import { EngineError, newId, type ApiComment } from '@multitable/core';
import * as store from '@multitable/storage';
import { nowIso, type Platform } from '../../platform';
import { clocked, type Caller } from '../access/caller';
import { readTableAs, type ReadableTable } from '../access/readable-table';
import { loadUserDirectory } from './directories';
import { inReadScope, recordNotFound } from './record-query';

export const maxCommentLength = 10_000;
const mentionPattern = /@\[(usr_[0-9a-z]{16})\]/g;

export type { ApiComment };

/** The record as the caller may read it, or "not found". */
async function withReadableRecord<T>(platform: Platform, caller: Caller, tableKey: string, recordId: string, work: (readable: ReadableTable) => Promise<T>): Promise<T> {
  const { db, dialect } = platform.database;
  return readTableAs(db, clocked(platform, caller), tableKey, async (readable) => {
    const row = await store.getRecord(db, dialect, readable.table, readable.allFields, recordId);
    if (!row || !inReadScope(readable, row)) throw recordNotFound(recordId);
    return work(readable);
  });
}

async function checkedText(platform: Platform, baseId: string, text: string): Promise<{ text: string; mentions: string[] }> {
  const trimmed = text.trim();
  if (trimmed === '') throw new EngineError('VALIDATION_FAILED', 'body.text: a comment needs some text', { path: 'body.text' });
  if (trimmed.length > maxCommentLength) throw new EngineError('VALIDATION_FAILED', `body.text: at most ${maxCommentLength} characters`, { path: 'body.text' });
  const mentions = [...new Set([...trimmed.matchAll(mentionPattern)].map((match) => match[1]!))];
  for (const userId of mentions) {
    if (!(await store.findMemberRole(platform.database.db, baseId, userId))) {
      throw new EngineError('VALIDATION_FAILED', `body.text: @[${userId}] is not a member of this base`, { path: 'body.text', user: userId });
    }
  }
  return { text: trimmed, mentions };
}

async function present(platform: Platform, comments: readonly store.CommentRecord[]): Promise<ApiComment[]> {
  const users = await loadUserDirectory(platform.database.db);
  const person = (id: string) => ({ id, name: users.byId(id)?.name ?? '' });
  return comments.map((comment) => ({
    id: comment.id,
    author: person(comment.authorId),
    text: comment.text,
    mentions: comment.mentions.map(person),
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
  }));
}

export async function listComments(platform: Platform, caller: Caller, tableKey: string, recordId: string, page: { pageSize?: number; after?: string }) {
  const limit = page.pageSize ?? 100;
  const rows = await withReadableRecord(platform, caller, tableKey, recordId, (readable) =>
    store.listComments(platform.database.db, readable.table.id, recordId, { limit: limit + 1, ...(page.after ? { after: page.after } : {}) }),
  );
  const comments = await present(platform, rows.slice(0, limit));
  return rows.length > limit ? { comments, after: comments.at(-1)!.id } : { comments };
}

export async function addComment(platform: Platform, caller: Caller, tableKey: string, recordId: string, text: string): Promise<ApiComment> {
  const checked = await checkedText(platform, caller.baseId, text);
  const comment = await withReadableRecord(platform, caller, tableKey, recordId, async (readable) => {
    const created = await platform.database.transaction(async (trx) => {
      const row = await store.insertComment(trx, { id: newId('comment'), baseId: caller.baseId, tableId: readable.table.id, recordId, authorId: caller.userId, ...checked, createdAt: nowIso(platform) });
      await store.appendOutbox(trx, [{ baseId: caller.baseId, tableId: readable.table.id, type: 'comment.created', payload: { tableId: readable.table.id, recordId, commentId: row.id }, actorId: caller.userId, createdAt: row.createdAt }]);
      return row;
    });
    platform.bus.wake();
    return created;
  });
  return (await present(platform, [comment]))[0]!;
}

async function ownComment(platform: Platform, caller: Caller, tableKey: string, recordId: string, commentId: string, mayModerate: boolean) {
  return withReadableRecord(platform, caller, tableKey, recordId, async (readable) => {
    const comment = await store.findComment(platform.database.db, readable.table.id, recordId, commentId);
    if (!comment) throw new EngineError('NOT_FOUND', `Comment "${commentId}" not found`, { comment: commentId });
    if (comment.authorId !== caller.userId && !(mayModerate && readable.permission.canDesign)) {
      throw new EngineError('FORBIDDEN', 'Only its author can change this comment', { comment: commentId });
    }
    return comment;
  });
}

export async function editComment(platform: Platform, caller: Caller, tableKey: string, recordId: string, commentId: string, text: string): Promise<ApiComment> {
  const comment = await ownComment(platform, caller, tableKey, recordId, commentId, false);
  const checked = await checkedText(platform, caller.baseId, text);
  const updatedAt = nowIso(platform);
  await store.updateComment(platform.database.db, comment.id, { ...checked, updatedAt });
  return (await present(platform, [{ ...comment, ...checked, updatedAt }]))[0]!;
}

export async function removeComment(platform: Platform, caller: Caller, tableKey: string, recordId: string, commentId: string): Promise<void> {
  const comment = await ownComment(platform, caller, tableKey, recordId, commentId, true);
  await store.deleteComment(platform.database.db, comment.id);
}

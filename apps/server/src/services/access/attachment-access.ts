/**
 * Downloading a file is a read path too (RELIABILITY A1.4): under a custom role a file is
 * readable when the caller uploaded it or it sits in an attachment cell they can read — a
 * readable attachment field of a record in their read scope. Otherwise it is "not found", word
 * for word as an id that does not exist. Built-in roles read every record, hence every file.
 */
import { EngineError, isBaseRoleKey, targetOf, type Predicate } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { sqlScopeOf } from '../data/record-selection';
import type { Caller } from './caller';
import { andPredicates, findReadableTable } from './readable-table';

export function attachmentNotFound(id: string): EngineError {
  return new EngineError('NOT_FOUND', `Attachment "${id}" not found`, { attachment: id });
}

async function inReadableCell(platform: Platform, caller: Caller, attachmentId: string): Promise<boolean> {
  const { db, dialect } = platform.database;
  for (const table of await store.listTables(db, caller.baseId)) {
    const readable = await findReadableTable(platform, caller, table.id);
    const cells = readable?.fields.filter((field) => field.type === 'attachment') ?? [];
    if (!readable || cells.length === 0) continue;
    const holds: Predicate = { type: 'or', items: cells.map((field) => ({ type: 'objectArrayHasAny', target: targetOf(field), key: 'id', values: [attachmentId] })) };
    const where = andPredicates(readable.readScope, holds)!;
    const sqlScope = await sqlScopeOf(platform.database, readable, caller.baseId, where);
    const found = await store.listRecords(db, dialect, readable.table, readable.allFields, { where: store.compileFilter(where, sqlScope), fieldIds: [], limit: 1, offset: 0 });
    if (found.length > 0) return true;
  }
  return false;
}

/** Refuses (as not found) a file the caller may not read. */
export async function assertAttachmentReadable(platform: Platform, caller: Caller, attachment: { id: string; createdBy: string }): Promise<void> {
  if (isBaseRoleKey(caller.memberRole) || attachment.createdBy === caller.userId) return;
  if (!(await inReadableCell(platform, caller, attachment.id))) throw attachmentNotFound(attachment.id);
}

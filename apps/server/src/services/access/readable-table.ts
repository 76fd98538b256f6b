/**
 * One read policy for every read path (DESIGN §7, RELIABILITY A1.4): a table as the caller may
 * read it. `fields` holds only what they may read — so a hidden field is, to every filter, sort,
 * group, projection and name lookup, exactly a field that does not exist — and `readScope` the
 * records they may read, which every query ANDs in. A table they cannot read is not found.
 */
import { isEngineError, recordScopePredicate, readableFields, type Field, type Predicate, type TablePermission } from '@multitable/core';
import type { Executor } from '@multitable/storage';
import { loadTableContext, readWithStableSchema, tableNotFound, type TableContext } from '../data/table-lookup';
import type { Platform } from '../../platform';
import { clocked, seenVersion, type Caller, type ClockedCaller } from './caller';
import { tablePermission } from './table-permissions';

export interface ReadableTable extends TableContext {
  /** Every field, hidden ones included: for storage's columns and the scope predicate only, never for output. */
  allFields: Field[];
  permission: TablePermission;
  /** The records the caller may read; undefined when they may read all. */
  readScope: Predicate | undefined;
  /** Who reads: their personal views are theirs alone. */
  readerId: string;
}

/** The scope as a predicate, undefined for "all records" (so queries stay as they were for owners). */
export function scopePredicateOf(permission: TablePermission, scope: 'read' | 'edit', context: TableContext, caller: ClockedCaller): Predicate | undefined {
  const recordScope = scope === 'read' ? permission.readScope : permission.editScope;
  if (recordScope.type === 'all') return undefined;
  return recordScopePredicate(recordScope, context.table.id, context.fields, { me: caller.userId, now: caller.now, timeZone: context.timeZone });
}

/** `context` (read with every field) narrowed to `caller`; NOT_FOUND for a table they cannot read. */
export async function restrictTable(db: Executor, caller: ClockedCaller, context: TableContext, tableKey: string): Promise<ReadableTable> {
  const permission = await tablePermission(
    { db, baseId: caller.baseId, schemaVersion: context.schemaVersion, timeZone: context.timeZone, usersVersion: context.usersVersion },
    caller,
    context.table.id,
    context.fields,
  );
  if (permission.access === 'none') throw tableNotFound(tableKey);
  return {
    ...context,
    fields: readableFields(permission, context.fields),
    allFields: context.fields,
    permission,
    readScope: scopePredicateOf(permission, 'read', context, caller),
    readerId: caller.userId,
  };
}

/** The table `tableKey` as `caller` may read it now (metadata from the cache); NOT_FOUND when they cannot. */
export async function loadReadableTable(platform: Platform, caller: Caller, tableKey: string): Promise<ReadableTable> {
  const db = platform.database.db;
  return restrictTable(db, clocked(platform, caller), await loadTableContext(db, caller.baseId, tableKey, seenVersion(db, caller)), tableKey);
}

/** …or undefined when the caller cannot read it or it is gone (other errors still throw). */
export async function findReadableTable(platform: Platform, caller: Caller, tableKey: string): Promise<ReadableTable | undefined> {
  try {
    return await loadReadableTable(platform, caller, tableKey);
  } catch (error) {
    if (isEngineError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/** `readWithStableSchema` for a caller: the read sees the table as they may read it. */
export function readTableAs<T>(db: Executor, caller: ClockedCaller, tableKey: string, read: (table: ReadableTable) => Promise<T>): Promise<T> {
  return readWithStableSchema(db, caller.baseId, tableKey, async (context) => read(await restrictTable(db, caller, context, tableKey)), seenVersion(db, caller));
}

/** Both predicates, either of which may be absent. */
export function andPredicates(a: Predicate | undefined, b: Predicate | undefined): Predicate | undefined {
  if (!a) return b;
  if (!b) return a;
  return { type: 'and', items: [a, b] };
}

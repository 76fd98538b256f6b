/**
 * A record's history, newest first: who changed which field when, from where, old and new.
 * Field names are today's; entries of fields deleted since keep their id and an empty name.
 */
import type { ApiHistoryEntry } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { loadUserDirectory } from './directories';
import { clocked, type Caller } from '../access/caller';
import { readTableAs } from '../access/readable-table';
import { inReadScope, recordNotFound } from './record-query';

export type { ApiHistoryEntry };

export async function recordHistory(
  platform: Platform,
  caller: Caller,
  tableKey: string,
  recordId: string,
  page: { pageSize?: number; before?: number },
): Promise<{ history: ApiHistoryEntry[]; before?: number }> {
  const db = platform.database.db;
  const limit = page.pageSize ?? 100;
  const { readable, entries } = await readTableAs(db, clocked(platform, caller), tableKey, async (readable) => {
    const current = await store.getRecord(db, platform.database.dialect, readable.table, readable.allFields, recordId);
    // Under a record scope only records readable now have a history: a deleted record can no
    // longer be tested against the scope.
    if (current ? !inReadScope(readable, current) : readable.readScope !== undefined) throw recordNotFound(recordId);
    const entries = await store.listRecordHistory(db, readable.table.id, recordId, { limit: limit + 1, ...(page.before ? { before: page.before } : {}) });
    if (!current && entries.length === 0) throw recordNotFound(recordId);
    return { readable, entries };
  });
  const users = await loadUserDirectory(db);
  const names = new Map(readable.fields.map((field) => [field.id, field.name]));
  // Cells of fields the caller cannot read are left out. Fields deleted since show with an empty
  // name to roles that read the whole table by design (built-in ones); a custom role's rule for
  // a field that no longer exists is unknowable, so it sees only today's readable fields.
  const shown = (fieldId: string | null) =>
    fieldId === null || names.has(fieldId) || (readable.permission.builtin && !readable.permission.fields.has(fieldId));
  const pageEntries = entries.slice(0, limit);
  const history = pageEntries
    .filter((entry) => shown(entry.fieldId))
    .map(
      (entry): ApiHistoryEntry => ({
        id: entry.id,
        at: entry.at,
        action: entry.action,
        source: entry.source,
        actor: { id: entry.actorId, name: users.byId(entry.actorId)?.name ?? '' },
        field: entry.fieldId === null ? null : { id: entry.fieldId, name: names.get(entry.fieldId) ?? '' },
        oldValue: entry.oldValue,
        newValue: entry.newValue,
      }),
    );
  const last = pageEntries.at(-1);
  return entries.length > limit && last ? { history, before: last.id } : { history };
}

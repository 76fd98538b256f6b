/**
 * A record's history, newest first: who changed which field when, from where, old and new.
 * Field names are today's; entries of fields deleted since keep their id and an empty name.
 */
import { EngineError } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { loadUserDirectory } from './directories';
import { readWithStableSchema } from './table-lookup';

export interface ApiHistoryEntry {
  id: number;
  at: string;
  action: 'create' | 'update' | 'delete';
  source: string;
  actor: { id: string; name: string };
  field: { id: string; name: string } | null;
  oldValue: unknown;
  newValue: unknown;
}

export async function recordHistory(
  platform: Platform,
  scope: { baseId: string },
  tableKey: string,
  recordId: string,
  page: { pageSize?: number; before?: number },
): Promise<{ history: ApiHistoryEntry[]; before?: number }> {
  const db = platform.database.db;
  const limit = page.pageSize ?? 100;
  const { fields, entries, current } = await readWithStableSchema(db, scope.baseId, tableKey, async ({ table, fields }) => ({
    fields,
    entries: await store.listRecordHistory(db, table.id, recordId, { limit: limit + 1, ...(page.before ? { before: page.before } : {}) }),
    current: await store.getRecord(db, platform.database.dialect, table, fields, recordId, { fieldIds: [] }),
  }));
  if (entries.length === 0 && !current) throw new EngineError('NOT_FOUND', `Record "${recordId}" not found`, { record: recordId });
  const users = await loadUserDirectory(db);
  const names = new Map(fields.map((field) => [field.id, field.name]));
  const history = entries.slice(0, limit).map(
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
  const last = history.at(-1);
  return entries.length > limit && last ? { history, before: last.id } : { history };
}

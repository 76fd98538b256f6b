/**
 * Group-by counts for a table: the request's group-by (one to three levels) over the records a
 * view's filter AND the request's own filter keep, counted in SQL (storage's
 * `groupRecordCounts`) with core's group semantics. Keys are shown as the API shows cells
 * (persons with names, links as `{ id, title }`, empty as null); at most `maxGroups` groups
 * are returned, `truncated` saying more exist.
 */
import { assertJsonDepth, getFieldType, resolveGroupBy, type RecordGroups } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { buildFormatContext } from './format-context';
import { selectionOf, sqlScopeOf } from './record-selection';
import { clocked, type Caller } from '../access/caller';
import { readTableAs } from '../access/readable-table';

export const maxGroups = 1000;

export interface RecordGroupsRequest {
  /** Group levels `[{ field, direction? }]` (already parsed when it came as JSON text). */
  groupBy: unknown;
  view?: string;
  filter?: unknown;
}

export type { RecordGroups };

export async function groupRecordCounts(
  platform: Platform,
  caller: Caller,
  tableKey: string,
  request: RecordGroupsRequest,
): Promise<RecordGroups> {
  const { database } = platform;
  const db = database.db;
  const scope = clocked(platform, caller);
  // Only readable fields group or filter, and only records in the read scope are counted (A1.6).
  return readTableAs(db, scope, tableKey, async (readable) => {
    const { table, fields, allFields } = readable;
    assertJsonDepth(request.groupBy, 'groupBy');
    const levels = resolveGroupBy(request.groupBy, fields, { path: 'groupBy' });
    const { where } = await selectionOf(db, readable, scope, request);
    const scopeSql = await sqlScopeOf(database, readable, scope.baseId, where);
    const counted = await store.groupRecordCounts(db, database.dialect, table, allFields, {
      ...(where ? { where: store.compileFilter(where, scopeSql) } : {}),
      levels,
      limit: maxGroups + 1,
    });
    const format = await buildFormatContext(db, readable);
    const groups = counted.slice(0, maxGroups).map(({ keys, count }) => ({
      key: keys.map((value, index) => {
        const field = levels[index]!.target.field;
        const type = getFieldType(field.type);
        return value === null || !type.present ? value : type.present(value, field.options, format);
      }),
      count,
    }));
    return counted.length > maxGroups ? { groups, truncated: true } : { groups };
  });
}

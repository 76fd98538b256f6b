/**
 * Group-by counts for a table: the request's group-by (one to three levels) over the records a
 * view's filter AND the request's own filter keep, counted in SQL (storage's
 * `groupRecordCounts`) with core's group semantics. Keys are shown as the API shows cells
 * (persons with names, links as `{ id, title }`, empty as null); at most `maxGroups` groups
 * are returned, `truncated` saying more exist.
 */
import { assertJsonDepth, getFieldType, resolveFilter, resolveGroupBy, type FilterGroup, type Predicate } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { buildFormatContext } from './format-context';
import { findViewOfTable, readWithStableSchema } from './table-lookup';
import { storedViewConfig } from './views';

export const maxGroups = 1000;

export interface RecordGroupsRequest {
  /** Group levels `[{ field, direction? }]` (already parsed when it came as JSON text). */
  groupBy: unknown;
  view?: string;
  filter?: unknown;
}

export interface RecordGroups {
  groups: Array<{ key: unknown[]; count: number }>;
  truncated?: true;
}

export async function groupRecordCounts(
  platform: Platform,
  scope: { baseId: string; userId: string },
  tableKey: string,
  request: RecordGroupsRequest,
): Promise<RecordGroups> {
  const { database } = platform;
  const db = database.db;
  return readWithStableSchema(db, scope.baseId, tableKey, async ({ table, fields, timeZone }) => {
    const resolveContext = { me: scope.userId, now: new Date(platform.clock()), timeZone };
    assertJsonDepth(request.groupBy, 'groupBy');
    const levels = resolveGroupBy(request.groupBy, fields, { path: 'groupBy' });
    const filters: Predicate[] = [];
    if (request.view !== undefined) {
      const config = storedViewConfig(await findViewOfTable(db, table.id, request.view));
      if (config.filter) filters.push(resolveFilter(config.filter as FilterGroup, fields, resolveContext, { path: 'view.filter' }));
    }
    if (request.filter !== undefined) {
      assertJsonDepth(request.filter, 'filter');
      filters.push(resolveFilter(request.filter, fields, resolveContext, { path: 'filter' }));
    }
    const where: Predicate | undefined = filters.length > 1 ? { type: 'and', items: filters } : filters[0];
    const counted = await store.groupRecordCounts(db, database.dialect, table, fields, {
      ...(where ? { where: store.compileFilter(where, store.tableScope(database.dialect)) } : {}),
      levels,
      limit: maxGroups + 1,
    });
    const format = await buildFormatContext(db, timeZone);
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

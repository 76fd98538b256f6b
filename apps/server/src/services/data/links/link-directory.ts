/**
 * Core casts link values synchronously; this preloads the linked records a request names, per
 * linked table: by id (every `rec_`-shaped string or `{ id }` under a link field), and — when
 * typecasting — by title (every text under a link field, whole and split into its list pieces).
 *
 * Titles are found without scanning the linked table: each text is cast to the primary field's
 * own type (so `12` finds a number primary 12, `2026-03-05` a date) and looked up by equality
 * on its column; a found record answers to its formatted title and to that raw text. A text
 * that several records answer to is ambiguous.
 */
import {
  getFieldType,
  indexFields,
  isId,
  isLinkField,
  looseText,
  recordTitle,
  splitList,
  targetOf,
  type CastContext,
  type Field,
  type FormatContext,
  type LinkDirectory,
  type LinkedRecord,
} from '@multitable/core';
import * as store from '@multitable/storage';

/** Enough rows to tell a unique title from an ambiguous one, per batch of texts. */
const titleMatchLimit = 10_000;

interface Wanted {
  ids: Set<string>;
  texts: Set<string>;
}

/** Ids and texts given under each link field of `input` (an API batch's `fields` objects, or a column's values). */
export function linkInputsByTable(linkFields: readonly Field[], cells: Iterable<{ field: Field; value: unknown }>): Map<string, Wanted> {
  const byTable = new Map<string, Wanted>();
  const wantedOf = (tableId: string) => {
    const wanted = byTable.get(tableId) ?? { ids: new Set<string>(), texts: new Set<string>() };
    byTable.set(tableId, wanted);
    return wanted;
  };
  const linkIds = new Set(linkFields.map((field) => field.id));
  for (const { field, value } of cells) {
    if (!linkIds.has(field.id) || !isLinkField(field)) continue;
    const wanted = wantedOf(field.options.linkedTableId);
    for (const item of Array.isArray(value) ? value.slice(0, 10_000) : [value]) {
      const text = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : typeof item === 'number' ? String(item) : item;
      if (typeof text !== 'string') continue;
      const trimmed = text.trim();
      if (isId('record', trimmed)) wanted.ids.add(trimmed);
      else if (trimmed !== '') {
        wanted.texts.add(looseText(trimmed));
        for (const piece of splitList(trimmed)) wanted.texts.add(looseText(piece));
      }
    }
  }
  return byTable;
}

/** The cells of an API batch: each `fields` object's entries, keyed by field name or id. */
export function batchCells(fields: readonly Field[], input: unknown): Array<{ field: Field; value: unknown }> {
  const index = indexFields(fields);
  const cells: Array<{ field: Field; value: unknown }> = [];
  for (const record of Array.isArray(input) ? input : []) {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) continue;
    for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
      const field = index.find(key);
      if (field) cells.push({ field, value });
    }
  }
  return cells;
}

interface TableRecords {
  byId: Map<string, LinkedRecord>;
  byTitle: Map<string, LinkedRecord | 'ambiguous'>;
}

function addTitle(map: Map<string, LinkedRecord | 'ambiguous'>, text: string, record: LinkedRecord): void {
  const seen = map.get(text);
  map.set(text, seen === undefined || (seen !== 'ambiguous' && seen.id === record.id) ? record : 'ambiguous');
}

/** The primary value a title text stands for, when it can sit in the primary's column. */
function primaryOperand(primary: Field, text: string, castContext: CastContext): string | number | undefined {
  const cast = getFieldType(primary.type).cast(text, primary.options, { ...castContext, typecast: true });
  const value = cast.ok ? cast.value : undefined;
  const kind = targetOf(primary).kind;
  if (typeof value === 'string' && kind === 'text') return value;
  if (typeof value === 'number' && (kind === 'number' || kind === 'integer')) return value;
  return undefined;
}

async function loadTable(
  db: store.Executor,
  dialect: store.SqlDialect,
  tableId: string,
  wanted: Wanted,
  typecast: boolean,
  format: FormatContext,
  castContext: CastContext,
): Promise<TableRecords> {
  const result: TableRecords = { byId: new Map(), byTitle: new Map() };
  const table = await store.getTable(db, tableId);
  if (!table) return result;
  const primary = (await store.listFields(db, tableId)).find((field) => field.id === table.primaryFieldId);
  const fields = primary ? [primary] : [];
  const toLinked = (row: store.StoredRecord): LinkedRecord => ({ id: row.id, title: recordTitle(primary, primary ? row.values[primary.id] : null, format) });

  for (const row of await store.getRecords(db, dialect, table, fields, [...wanted.ids])) result.byId.set(row.id, toLinked(row));
  if (!typecast || !primary || wanted.texts.size === 0) return result;

  const operands = new Map<string | number, string[]>(); // primary value → the texts that stand for it
  for (const text of wanted.texts) {
    const operand = primaryOperand(primary, text, castContext);
    if (operand !== undefined) operands.set(operand, [...(operands.get(operand) ?? []), text]);
  }
  const values = [...operands.keys()];
  for (let start = 0; start < values.length; start += 1_000) {
    const chunk = values.slice(start, start + 1_000);
    const rows = await store.listRecords(db, dialect, table, fields, {
      where: store.compileFilter({ type: 'in', target: targetOf(primary), values: chunk }, store.tableScope(dialect)),
      limit: titleMatchLimit,
    });
    for (const row of rows) {
      const record = toLinked(row);
      addTitle(result.byTitle, record.title, record);
      const raw = row.values[primary.id];
      for (const text of operands.get(raw as string | number) ?? []) if (text !== record.title) addTitle(result.byTitle, text, record);
    }
  }
  return result;
}

/** A directory over the records `cells` name in their link fields' tables. */
export async function loadLinkDirectory(
  db: store.Executor,
  dialect: store.SqlDialect,
  scope: { linkFields: readonly Field[]; cells: Iterable<{ field: Field; value: unknown }>; typecast: boolean; format: FormatContext; castContext: CastContext },
): Promise<LinkDirectory> {
  const tables = new Map<string, TableRecords>();
  for (const [tableId, wanted] of linkInputsByTable(scope.linkFields, scope.cells)) {
    tables.set(tableId, await loadTable(db, dialect, tableId, wanted, scope.typecast, scope.format, scope.castContext));
  }
  return {
    byId: (tableId, id) => tables.get(tableId)?.byId.get(id),
    byTitle: (tableId, text) => tables.get(tableId)?.byTitle.get(text),
  };
}

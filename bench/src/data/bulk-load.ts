/**
 * Loads the bulk of the visits straight through @multitable/storage — the same `insertRecords`
 * the server's write path ends in, with canonical values — but without the API's casting, cell
 * history and outbox, in transactions of 10,000. That is how the suite gets a million records in
 * seconds; BENCHMARKS.md says so. The "create records" figure is measured through the API on a
 * separate slice, never on this path.
 *
 * A link is loaded the same way, in the same transactions: the junction rows (storage's
 * `junctionOf` layout) and the link's materialized `{ id, title }` cell; for a two-way link also
 * the inverse cells (bulk-inverse.ts) — what the server's write path stores for them. The suite
 * checks loaded cells against the server's own recomputation afterwards. Computed fields
 * (lookup, rollup, formula) get their values from core's own computers (bulk-compute.ts).
 */
import { newId, type ComputedRecord, type Field } from '@multitable/core';
import { insertRecords, junctionOf, listFields, openDatabase, reversed, type Database } from '@multitable/storage';
import type { Kysely } from 'kysely';
import { fillInverseCells } from './bulk-inverse';
import type { RecordComputer } from './bulk-compute';
import type { CellValues } from './hospital-rows';

export interface StorageTarget {
  dataDir: string;
  databaseUrl?: string;
}

export async function openStorage(target: StorageTarget): Promise<Database> {
  return openDatabase({ dataDir: target.dataDir, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) });
}

export interface BulkLoadResult {
  records: number;
  seconds: number;
  recordsPerSecond: number;
}

/**
 * Record `i`'s link: the linked record, its title (the linked table's primary value) and its
 * cells by field id (what lookups and rollups through the link read).
 */
export interface BulkLink {
  fieldName: string;
  of(index: number): { id: string; title: string; values: Record<string, unknown> };
}

/** Where the next inverse position of each linked record starts (after what the API wrote). */
async function nextInverseOrders(database: Database, field: Field): Promise<Map<string, number>> {
  const junction = reversed(junctionOf(field));
  const rows = (await (database.db as unknown as Kysely<any>)
    .selectFrom(junction.table)
    .select((eb) => [`${junction.selfColumn} as target`, eb.fn.max(junction.orderColumn).as('last')])
    .groupBy(junction.selfColumn)
    .execute()) as Array<{ target: string; last: unknown }>;
  return new Map(rows.map((row) => [row.target, Number(row.last) + 1]));
}

/**
 * Runs `work` again while SQLite answers SQLITE_BUSY: the server may be in the middle of a
 * background batch (a fill after a schema change) whose transaction holds the one write lock
 * longer than the 5 s busy timeout. Up to two minutes.
 */
async function whenNotBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 24) throw error;
    }
  }
}

/**
 * Inserts records `from`…`to - 1` produced by `valuesOf(i)` (keyed by field name; names with
 * no stored column of this table are skipped), with their link when `link` is given.
 */
export async function bulkLoad(
  database: Database,
  tableId: string,
  actorId: string,
  range: { from: number; to: number },
  valuesOf: (index: number) => CellValues,
  link?: BulkLink,
  computer?: RecordComputer,
): Promise<BulkLoadResult> {
  const fields = await listFields(database.db, tableId);
  const idByName = new Map(fields.map((field: Field) => [field.name, field.id]));
  const linkField = link ? fields.find((field) => field.name === link.fieldName) : undefined;
  if (link && !linkField) throw new Error(`No link field "${link.fieldName}" to load`);
  const junction = linkField ? junctionOf(linkField) : undefined;
  const inverseOrder = junction ? reversed(junction).orderColumn : undefined;
  const nextOrder = linkField ? await nextInverseOrders(database, linkField) : new Map<string, number>();

  const started = performance.now();
  const batch = 10_000;
  for (let start = range.from; start < range.to; start += batch) {
    const end = Math.min(range.to, start + batch);
    const at = new Date();
    const iso = at.toISOString();
    const rows: Array<{ id: string; values: Record<string, unknown> }> = [];
    const memberships: Array<Record<string, unknown>> = [];
    for (let i = start; i < end; i++) {
      const values: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(valuesOf(i))) {
        const id = idByName.get(name);
        if (id !== undefined) values[id] = value;
      }
      const id = newId('record');
      let linked: ComputedRecord[] = [];
      if (link && linkField && junction && inverseOrder) {
        const target = link.of(i);
        values[linkField.id] = [{ id: target.id, title: target.title }];
        linked = [{ id: target.id, values: target.values, createdTime: iso, modifiedTime: iso }];
        const order = nextOrder.get(target.id) ?? 0;
        nextOrder.set(target.id, order + 1);
        memberships.push({ [junction.selfColumn]: id, [junction.otherColumn]: target.id, [junction.orderColumn]: 0, [inverseOrder]: order });
      }
      computer?.fill(id, values, (linkFieldId) => (linkFieldId === linkField?.id ? linked : []), iso);
      rows.push({ id, values });
    }
    await whenNotBusy(() => database.transaction(async (trx) => {
      await insertRecords(trx, database.dialect, { id: tableId }, fields, rows, { userId: actorId }, at);
      if (junction) {
        const perStatement = Math.floor(database.dialect.maxParameters / 4);
        for (let k = 0; k < memberships.length; k += perStatement) {
          await (trx as unknown as Kysely<any>).insertInto(junction.table).values(memberships.slice(k, k + perStatement)).execute();
        }
      }
    }));
  }
  // A two-way link: the linked records' inverse cells, from the whole junction.
  if (linkField) await fillInverseCells(database, linkField, fields.find((field) => field.isPrimary)!);
  const seconds = (performance.now() - started) / 1000;
  const records = range.to - range.from;
  return { records, seconds, recordsPerSecond: Math.round(records / seconds) };
}

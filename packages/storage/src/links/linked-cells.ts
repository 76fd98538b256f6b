/**
 * Reads for values computed through links (lookups, rollups, counts, link titles), sized to what
 * the computation needs: which records link to which changed targets (pairs, for updates from the
 * changed records alone), how many records each record links to (to page a full computation), and
 * the linked records' cells of a few fields in cell order — one join of the junction with the
 * linked table, only those columns.
 */
import type { ComputedRecord, Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { fieldPlacement } from '../physical/field-storage';
import { chunkForParameters, userDb } from '../physical/executor';
import { recordIdColumn, systemColumns, userTableName } from '../physical/naming';
import { cellReader } from '../records/stored-record';
import { junctionOf, linkedTableIdOf } from './junction';

const chunkSize = 10_000;
/** The junction's side of a joined row (no user table column starts with `mt_`). */
const selfAlias = 'mt_link_self';

/** (record, linked record) for every record whose `field` links to one of `targetIds`. */
export async function linkPairs(db: Executor, field: Pick<Field, 'id' | 'options'>, targetIds: readonly string[]): Promise<Array<{ recordId: string; linkedId: string }>> {
  const junction = junctionOf(field);
  const pairs: Array<{ recordId: string; linkedId: string }> = [];
  for (const chunk of chunkForParameters([...new Set(targetIds)], 1, chunkSize)) {
    const rows = (await userDb(db)
      .selectFrom(junction.table)
      .select([`${junction.selfColumn} as self`, `${junction.otherColumn} as other`])
      .where(junction.otherColumn, 'in', chunk)
      .execute()) as Array<{ self: string; other: string }>;
    for (const row of rows) pairs.push({ recordId: row.self, linkedId: row.other });
  }
  return pairs;
}

/** How many records each of `recordIds` links to through `field` (absent: none). */
export async function linkedCounts(db: Executor, field: Pick<Field, 'id' | 'options'>, recordIds: readonly string[]): Promise<Map<string, number>> {
  const junction = junctionOf(field);
  const counts = new Map<string, number>();
  for (const chunk of chunkForParameters([...new Set(recordIds)], 1, chunkSize)) {
    const rows = (await userDb(db)
      .selectFrom(junction.table)
      .select((eb) => [`${junction.selfColumn} as self`, eb.fn.countAll().as('n')])
      .where(junction.selfColumn, 'in', chunk)
      .groupBy(junction.selfColumn)
      .execute()) as Array<{ self: string; n: unknown }>;
    for (const row of rows) counts.set(row.self, Number(row.n));
  }
  return counts;
}

/**
 * For each of `recordIds`: the records it links to through `field`, in cell order, with the cells
 * of `fields` (fields of the linked table) and their created and modified times. Records of the
 * junction missing from the linked table are left out.
 */
export async function linkedRecordCells(
  db: Executor,
  dialect: SqlDialect,
  field: Pick<Field, 'id' | 'options'>,
  recordIds: readonly string[],
  fields: readonly Field[],
): Promise<Map<string, ComputedRecord[]>> {
  const junction = junctionOf(field);
  const columns = new Set<string>([recordIdColumn, systemColumns.createdTime, systemColumns.modifiedTime]);
  for (const target of fields) {
    const placement = fieldPlacement(target);
    columns.add(placement.column);
    if (placement.own && placement.errorColumn) columns.add(placement.errorColumn);
  }
  const result = new Map<string, ComputedRecord[]>();
  const readers = fields.map((target) => [target.id, cellReader(dialect, target)] as const);
  for (const chunk of chunkForParameters([...new Set(recordIds)], 1, dialect.maxParameters)) {
    const rows = (await userDb(db)
      .selectFrom(`${junction.table} as j`)
      .innerJoin(`${userTableName(linkedTableIdOf(field))} as t`, `t.${recordIdColumn}`, `j.${junction.otherColumn}`)
      .select([`j.${junction.selfColumn} as ${selfAlias}`, ...[...columns].map((column) => `t.${column}`)])
      .where(`j.${junction.selfColumn}`, 'in', chunk)
      .orderBy(`j.${junction.selfColumn}`)
      .orderBy(`j.${junction.orderColumn}`)
      .orderBy(`j.${junction.otherColumn}`) // as membersThrough orders them
      .execute()) as Array<Record<string, unknown>>;
    for (const row of rows) {
      const values: Record<string, unknown> = {};
      for (const [id, read] of readers) values[id] = read(row);
      const self = String(row[selfAlias]);
      const list = result.get(self) ?? [];
      list.push({ id: String(row[recordIdColumn]), values, createdTime: String(row[systemColumns.createdTime]), modifiedTime: String(row[systemColumns.modifiedTime]) });
      result.set(self, list);
    }
  }
  return result;
}

/**
 * Reading link memberships: which records a set of records links to (in cell order), and which
 * records link to a set of targets, plus the same reads from the other side of a junction (the
 * inverse cell's order), which writes use. Reads through links for computed values: ./linked-cells.ts.
 */
import type { Field } from '@multitable/core';
import type { Executor } from '../database';
import { chunkForParameters, userDb } from '../physical/executor';
import { junctionOf, type Junction } from './junction';

const chunkSize = 10_000;

/** The junction seen from the other side: its records are the linked ones, ordered by the inverse order. */
export function reversed(junction: Junction): Junction {
  return {
    table: junction.table,
    selfColumn: junction.otherColumn,
    otherColumn: junction.selfColumn,
    orderColumn: junction.orderColumn === 'owner_order' ? 'linked_order' : 'owner_order',
  };
}

/** For each of `recordIds` (of the junction's self column): the ids it links to, in cell order. */
export async function membersThrough(db: Executor, junction: Junction, recordIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const chunk of chunkForParameters([...new Set(recordIds)], 1, chunkSize)) {
    const rows = (await userDb(db)
      .selectFrom(junction.table)
      .select([`${junction.selfColumn} as self`, `${junction.otherColumn} as other`])
      .where(junction.selfColumn, 'in', chunk)
      .orderBy(junction.selfColumn)
      .orderBy(junction.orderColumn)
      .orderBy(junction.otherColumn) // equal orders (concurrent appends) still read the same way every time
      .execute()) as Array<{ self: string; other: string }>;
    for (const row of rows) {
      const list = result.get(row.self) ?? [];
      list.push(row.other);
      result.set(row.self, list);
    }
  }
  return result;
}

/** For each record id: the ids it links to through `field`, in the cell's order. */
export async function linkedRecordIds(db: Executor, field: Pick<Field, 'id' | 'options'>, recordIds: readonly string[]): Promise<Map<string, string[]>> {
  return membersThrough(db, junctionOf(field), recordIds);
}

/** Ids of the records whose `field` links to any of `targetIds`. */
export async function recordsLinkingTo(db: Executor, field: Pick<Field, 'id' | 'options'>, targetIds: readonly string[]): Promise<string[]> {
  const junction = junctionOf(field);
  const found = new Set<string>();
  for (const chunk of chunkForParameters([...new Set(targetIds)], 1, chunkSize)) {
    const rows = (await userDb(db)
      .selectFrom(junction.table)
      .select(`${junction.selfColumn} as self`)
      .where(junction.otherColumn, 'in', chunk)
      .execute()) as Array<{ self: string }>;
    for (const row of rows) found.add(row.self);
  }
  return [...found];
}

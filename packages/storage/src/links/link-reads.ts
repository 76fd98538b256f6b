/**
 * Reading link memberships: which records a set of records links to (in cell order), and which
 * records link to a set of targets — the two lookups the recalculation executor needs.
 */
import type { Field } from '@multitable/core';
import type { Executor } from '../database';
import { chunkForParameters, userDb } from '../physical/executor';
import { junctionOf } from './junction';

const chunkSize = 10_000;

/** For each record id: the ids it links to through `field`, in the cell's order. */
export async function linkedRecordIds(db: Executor, field: Pick<Field, 'id' | 'options'>, recordIds: readonly string[]): Promise<Map<string, string[]>> {
  const junction = junctionOf(field);
  const result = new Map<string, string[]>();
  for (const chunk of chunkForParameters([...new Set(recordIds)], 1, chunkSize)) {
    const rows = (await userDb(db)
      .selectFrom(junction.table)
      .select([`${junction.selfColumn} as self`, `${junction.otherColumn} as other`])
      .where(junction.selfColumn, 'in', chunk)
      .orderBy(junction.selfColumn)
      .orderBy(junction.orderColumn)
      .execute()) as Array<{ self: string; other: string }>;
    for (const row of rows) {
      const list = result.get(row.self) ?? [];
      list.push(row.other);
      result.set(row.self, list);
    }
  }
  return result;
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

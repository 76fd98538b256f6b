/**
 * Taking deleted records out of every link, in the caller's transaction (the records' rows go in
 * the same one). Every link field whose linked table is the records' table loses them from its
 * cells; the result names those cells (old and new ids) per field, for history and for the
 * recalculation executor. Memberships *of* the deleted records (their own link cells) simply go.
 */
import type { Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { chunkForParameters, userDb } from '../physical/executor';
import { junctionOf, linkedTableIdOf } from './junction';
import { membersThrough, recordsLinkingTo } from './link-reads';
import type { LinkCellChange } from './set-links';

export interface LinkFieldChanges {
  fieldId: string;
  changes: LinkCellChange[];
}

type LinkField = Pick<Field, 'id' | 'tableId' | 'type' | 'options'>;

/** Link fields whose cells live in `tableId` or point at it (both members of a two-way pair). */
export function linkFieldsTouching<F extends LinkField>(fields: Iterable<F>, tableId: string): F[] {
  return [...fields].filter((field) => field.type === 'link' && (field.tableId === tableId || linkedTableIdOf(field) === tableId));
}

export async function removeRecordsFromLinks(
  trx: Executor,
  dialect: SqlDialect,
  tableId: string,
  recordIds: readonly string[],
  linkFields: readonly LinkField[],
): Promise<LinkFieldChanges[]> {
  const deleted = new Set(recordIds);
  if (deleted.size === 0) return [];
  const result: LinkFieldChanges[] = [];

  // First the cells that lose targets, read before any junction row goes.
  for (const field of linkFields) {
    if (field.type !== 'link' || linkedTableIdOf(field) !== tableId) continue;
    const affected = (await recordsLinkingTo(trx, field, [...deleted])).filter((id) => !(field.tableId === tableId && deleted.has(id)));
    if (affected.length === 0) continue;
    const before = await membersThrough(trx, junctionOf(field), affected);
    const changes = affected.sort().map((recordId) => {
      const oldIds = before.get(recordId) ?? [];
      return { recordId, oldIds, newIds: oldIds.filter((id) => !deleted.has(id)) };
    });
    result.push({ fieldId: field.id, changes });
  }

  const done = new Set<string>();
  for (const field of linkFields) {
    if (field.type !== 'link') continue;
    const junction = junctionOf(field);
    const columns = [
      ...(field.tableId === tableId ? [junction.selfColumn] : []),
      ...(linkedTableIdOf(field) === tableId ? [junction.otherColumn] : []),
    ].filter((column) => !done.has(`${junction.table}.${column}`));
    for (const column of columns) {
      done.add(`${junction.table}.${column}`);
      for (const chunk of chunkForParameters([...deleted], 1, dialect.maxParameters)) {
        await userDb(trx).deleteFrom(junction.table).where(column, 'in', chunk).execute();
      }
    }
  }
  return result;
}

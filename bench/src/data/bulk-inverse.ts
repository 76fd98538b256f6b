/**
 * The other half of bulk-loading a two-way link: the inverse field's materialized cells in the
 * linked table (each patient's `[{ id, title }]` list of visits, in the inverse order the
 * junction keeps), written through storage's `writeComputedCells` — what the server's
 * recalculation would write. The suite then has the server recompute one such cell and checks
 * it equals what was loaded (suite.ts, checkLoadedLink).
 */
import { fieldColumnName, junctionOf, linkInverseId, linkedTableIdOf, listFields, reversed, userTableName, writeComputedCells, type Database } from '@multitable/storage';
import type { Field } from '@multitable/core';
import type { Kysely } from 'kysely';

export async function fillInverseCells(database: Database, linkField: Field, ownPrimary: Field): Promise<number> {
  const inverseId = linkInverseId(linkField);
  if (inverseId === null) return 0;
  const db = database.db as unknown as Kysely<any>;
  const inverse = (await listFields(database.db, linkedTableIdOf(linkField))).find((field) => field.id === inverseId);
  if (!inverse) throw new Error(`The inverse field ${inverseId} of ${linkField.name} is missing`);

  const titleRows = (await db
    .selectFrom(userTableName(linkField.tableId))
    .select(['id', `${fieldColumnName(ownPrimary)} as title`])
    .execute()) as Array<{ id: string; title: string | null }>;
  const titles = new Map(titleRows.map((row) => [row.id, row.title ?? '']));

  const side = reversed(junctionOf(linkField));
  const members = (await db
    .selectFrom(side.table)
    .select([`${side.selfColumn} as target`, `${side.otherColumn} as source`])
    .orderBy(side.selfColumn)
    .orderBy(side.orderColumn)
    .orderBy(side.otherColumn)
    .execute()) as Array<{ target: string; source: string }>;
  const cells = new Map<string, Array<{ id: string; title: string }>>();
  for (const { target, source } of members) {
    const list = cells.get(target) ?? [];
    list.push({ id: source, title: titles.get(source) ?? '' });
    cells.set(target, list);
  }
  const entries = [...cells].map(([id, value]) => ({ id, value }));
  for (let start = 0; start < entries.length; start += 1000) {
    await database.transaction((trx) => writeComputedCells(trx, database.dialect, inverse, entries.slice(start, start + 1000)));
  }
  return entries.length;
}

/**
 * PostgreSQL's many-row UPDATE: one array parameter per column, joined through `unnest` —
 * `UPDATE t SET c = v.c1, … FROM unnest($1::keytype[], $2::type[], …) AS v(k, c1, …) WHERE
 * t.key = v.k` — so a statement binds a handful of parameters whatever its row count, and its
 * text stays short to parse. pg sends each array as an array literal; the element types' input
 * functions read it as a CAST of each value would.
 */
import { sql, type Kysely } from 'kysely';
import type { RowUpdates } from './dialect';

const maxChunkRows = 10_000;

export async function postgresUpdateRows(executor: Kysely<any>, updates: RowUpdates): Promise<void> {
  const { table, key, columns, rows, extraSets } = updates;
  if (rows.length === 0 || columns.length + extraSets.length === 0) return;
  const sets = [...columns.map((c, i) => sql`${sql.ref(c.column)} = ${sql.ref(`v.c${i + 1}`)}`), ...extraSets];
  const names = sql.join([sql.ref('k'), ...columns.map((_, i) => sql.ref(`c${i + 1}`))]);
  for (let start = 0; start < rows.length; start += maxChunkRows) {
    const chunk = rows.slice(start, start + maxChunkRows);
    const arrays = [
      sql`CAST(${chunk.map((row) => row.key)} AS ${sql.raw(key.type)}[])`,
      ...columns.map((c, i) => sql`CAST(${chunk.map((row) => row.params[i] ?? null)} AS ${sql.raw(c.type)}[])`),
    ];
    await sql`UPDATE ${sql.table(table)} SET ${sql.join(sets)} FROM unnest(${sql.join(arrays)}) AS v(${names}) WHERE ${sql.ref(
      `${table}.${key.column}`,
    )} = ${sql.ref('v.k')}`.execute(executor);
  }
}

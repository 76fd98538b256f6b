/**
 * SQLite's many-row UPDATE: `UPDATE t SET c = v.column2, … FROM (VALUES (?, CAST(? AS type), …),
 * …) AS v WHERE t.key = v.column1` (SQLite ≥ 3.33), each value CAST to its column type. Rows go
 * in chunks whose sizes are powers of two up to 512, so the few statement texts a table's writes
 * use recur and the connection's statement cache (./sqlite-statement-cache.ts) prepares each
 * once — preparing a VALUES list of hundreds of rows costs more than running it.
 *
 * The key is bound bare, never CAST: a VALUES column without affinity can only be matched through
 * the table's index on the key. With `CAST(? AS TEXT)` SQLite may instead scan the whole table
 * and probe an automatic index on the VALUES rows — seen at a few hundred rows: every statement
 * then costs a full scan (a 5,000-record fill batch took ~200 ms instead of ~10).
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { RowUpdates } from './dialect';

const maxChunkRows = 512;
const rowsMarker = '/*rows*/';

/** The largest power of two ≤ min(n, limit). */
function chunkRows(n: number, limit: number): number {
  let size = 1;
  while (size * 2 <= Math.min(n, limit)) size *= 2;
  return size;
}

export async function sqliteUpdateRows(executor: Kysely<any>, updates: RowUpdates, maxParameters: number): Promise<void> {
  const { table, key, columns, rows, extraSets } = updates;
  if (rows.length === 0 || columns.length + extraSets.length === 0) return;
  const sets = [...columns.map((c, i) => sql`${sql.ref(c.column)} = ${sql.ref(`v.column${i + 2}`)}`), ...extraSets];
  const statement = sql`UPDATE ${sql.table(table)} SET ${sql.join(sets)} FROM (VALUES ${sql.raw(rowsMarker)}) AS v WHERE ${sql.ref(
    `${table}.${key.column}`,
  )} = ${sql.ref('v.column1')}`.compile(executor);
  const [head, tail] = statement.sql.split(rowsMarker) as [string, string];
  const tuple = `(${['?', ...columns.map((c) => `CAST(? AS ${c.type})`)].join(', ')})`;
  const width = 1 + columns.length;
  const limit = Math.max(1, Math.floor((maxParameters - statement.parameters.length) / width));
  const texts = new Map<number, string>();
  for (let start = 0; start < rows.length; ) {
    const size = chunkRows(rows.length - start, Math.min(maxChunkRows, limit));
    let text = texts.get(size);
    if (!text) {
      text = head + Array.from({ length: size }, () => tuple).join(', ') + tail;
      texts.set(size, text);
    }
    const parameters: unknown[] = [...statement.parameters];
    for (let i = start; i < start + size; i++) parameters.push(rows[i]!.key, ...rows[i]!.params);
    await executor.executeQuery(CompiledQuery.raw(text, parameters));
    start += size;
  }
}

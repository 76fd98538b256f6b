/**
 * Multi-row INSERTs for batch writes (records, their history, junction rows). The statement text
 * of a table, column list, shape and row count is compiled by kysely once and then run with each
 * chunk's parameters: compiling a statement of a thousand VALUES rows costs about as much as
 * running it, and the same text lets SQLite reuse its prepared statement
 * (dialects/sqlite-statement-cache.ts). Rows go in chunks of a fixed size under the dialect's
 * parameter limit, so a large batch runs one text over and over.
 */
import { CompiledQuery, type InsertQueryBuilder } from 'kysely';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from './executor';
import { placeholderRow, statementTexts } from './statement-texts';

export type AnyInsert = InsertQueryBuilder<any, any, any>;

export interface RowInsert {
  table: string;
  columns: readonly string[];
  /** What the statement adds after its VALUES (ON CONFLICT, RETURNING), named for the text cache. */
  shape?: { name: string; apply(query: AnyInsert): { compile(): CompiledQuery } };
}

/** Rows per statement at most: past a few hundred, longer statements save nothing. */
const maxRowsPerStatement = 500;
const texts = statementTexts(500);

function statementText(executor: Executor, dialect: SqlDialect, insert: RowInsert, rowCount: number): string {
  const key = `${dialect.name}\n${insert.table}\n${insert.columns.join(',')}\n${insert.shape?.name ?? ''}\n${rowCount}`;
  return texts(key, () => {
    const row = placeholderRow(insert.columns);
    const query = userDb(executor).insertInto(insert.table).values(Array.from({ length: rowCount }, () => row));
    return (insert.shape ? insert.shape.apply(query) : query).compile().sql;
  });
}

/** Inserts `rows` (values in `insert.columns` order); returns what the statements return (RETURNING). */
export async function insertRows(executor: Executor, dialect: SqlDialect, insert: RowInsert, rows: readonly (readonly unknown[])[]): Promise<Array<Record<string, unknown>>> {
  const perStatement = Math.max(1, Math.min(maxRowsPerStatement, Math.floor(dialect.maxParameters / Math.max(1, insert.columns.length))));
  const returned: Array<Record<string, unknown>> = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const text = statementText(executor, dialect, insert, chunk.length);
    const result = await executor.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, chunk.flat()));
    returned.push(...result.rows);
  }
  return returned;
}

/**
 * The scope to compile a filter over one table in, knowing the fields its lookups reach: the
 * table's own fields (the lookups' links) and the fields of the linked tables whose lookup
 * targets a condition could be asked of (./through-link.ts). A target that is not among them is
 * left out, and its lookup is then read by its own column.
 *
 *   const scope = await filterScope(db, dialect, fields, predicate);
 *   listRecords(db, dialect, table, fields, { where: compileFilter(predicate, scope), orderBy: compileOrderBy(sorts, scope), … })
 *
 * Which way is faster depends on the data. Read through the link, a condition costs about one
 * row fetch (and a place in the sort) per matching record, however few the page shows; read from
 * the lookup's column, a scan in page order until the page is full — short when many records
 * match, the whole table when few do. Neither planner can weigh the two (they are different
 * queries), so each condition is first sized — counted up to `throughLinkLimit` + 1 links on
 * SQLite (one statement for all of them), estimated by PostgreSQL's planner — and read through
 * the link only when it matches no more than `throughLinkLimit`.
 */
import { sql } from 'kysely';
import type { Field, Predicate } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { linkedTableIdOf } from '../links/junction';
import { listFields } from '../schema/field-meta';
import { tableScope, type QueryScope } from './query-scope';
import { throughLinkCandidates, throughLinkRead } from './through-link-compilers';
import { linkedRowsSelect } from './through-link';
import type { SqlFragment } from '../dialects/query-dialect';

/**
 * Links a condition may match and still be read through them. Measured on SQLite (200,000
 * records): through the link about 6 µs a match (a row fetch and a place in the sort), so 13 ms
 * at 2,000; from the column about 0.8 µs a row scanned, and a first page of 100 scans about
 * 100 × rows ÷ matches: 8 ms of 200,000 records, 40 ms of a million at the limit — and less
 * the more match. Counting costs at most the limit's worth of index reads.
 */
export const defaultThroughLinkLimit = 2_000;

export interface FilterScopeOptions {
  /** Qualifies the table's columns (see tableScope). */
  alias?: string;
  /** See defaultThroughLinkLimit. */
  throughLinkLimit?: number;
  /** The fields of a linked table (default: read from the metadata; a server may keep them cached). */
  fieldsOfTable?: (tableId: string) => Promise<readonly Field[]>;
}

export async function filterScope(
  executor: Executor,
  dialect: SqlDialect,
  fields: readonly Field[],
  predicate: Predicate | undefined,
  options: FilterScopeOptions = {},
): Promise<QueryScope> {
  const own = new Map(fields.map((field) => [field.id, field]));
  const candidates = predicate ? throughLinkCandidates(predicate).filter(({ targetFieldId }) => !own.has(targetFieldId)) : [];
  const linkedTables = new Set(candidates.flatMap(({ linkFieldId }) => (own.has(linkFieldId) ? [linkedTableIdOf(own.get(linkFieldId)!)] : [])));
  if (!predicate || linkedTables.size === 0) return tableScope(dialect, options.alias);
  const load = options.fieldsOfTable ?? ((tableId: string) => listFields(executor, tableId));
  const linked = await Promise.all([...linkedTables].map(load));
  const scope = tableScope(dialect, options.alias, [...fields, ...linked.flat()]);
  return probeThroughLinks(executor, scope, predicate, options.throughLinkLimit === undefined ? {} : { limit: options.throughLinkLimit });
}

export interface ProbeOptions {
  limit?: number;
  /** Count links now, even where the planner could estimate them and a size was found a moment ago (tests: an exact threshold). */
  count?: boolean;
}

/** `scope`, reading through links only the conditions of `predicate` that match at most `limit` links (see the header). */
export async function probeThroughLinks(executor: Executor, scope: QueryScope, predicate: Predicate, options: ProbeOptions = {}): Promise<QueryScope> {
  const limit = options.limit ?? defaultThroughLinkLimit;
  const reads = throughLinkCandidates(predicate).flatMap(({ node }) => {
    const read = throughLinkRead(node, scope);
    return read ? [{ node, selects: read.conditions.map((condition) => linkedRowsSelect(read.path, condition)) }] : [];
  });
  if (reads.length === 0) return scope;
  const selects = reads.flatMap(({ selects }) => selects);
  const { estimateRows } = scope.dialect.query;
  const sizes = options.count
    ? await countUpTo(executor, selects, limit)
    : estimateRows
      ? await remembered(executor, 'estimate', selects, (missing) => sequentially(missing, (select) => estimateRows(executor, select)))
      : await remembered(executor, `count ${limit}`, selects, (missing) => countUpTo(executor, missing, limit));
  let at = 0;
  const narrow = new Set(
    reads.filter(({ selects: own }) => sizes.slice(at, (at += own.length)).reduce((sum, size) => sum + size, 0) <= limit).map(({ node }) => node),
  );
  return { ...scope, readsThroughLink: (node) => narrow.has(node) };
}

/** Rows of each SELECT, counted up to `limit` + 1, in one statement. */
async function countUpTo(executor: Executor, selects: readonly SqlFragment[], limit: number): Promise<number[]> {
  const columns = selects.map((select, i) => sql`(SELECT COUNT(*) FROM (${select} LIMIT ${limit + 1}) AS counted) AS ${sql.ref(`n${i}`)}`);
  const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.join(columns)}`.execute(executor);
  return selects.map((_, i) => Number(rows[0]?.[`n${i}`]));
}

/**
 * Sizes only choose between two exact ways of reading, so one found a moment ago is as good as a
 * new one: a grid asks the same filter page after page. Kept per database (or transaction) for
 * `sizeLifetimeMs`, at most `maxSizes` of them, keyed by the statement with its parameters.
 */
const sizeLifetimeMs = 10_000;
const maxSizes = 1_000;
const sizesByExecutor = new WeakMap<Executor, Map<string, { size: number; at: number }>>();

async function remembered(
  executor: Executor,
  kind: string,
  selects: readonly SqlFragment[],
  size: (missing: readonly SqlFragment[]) => Promise<number[]>,
): Promise<number[]> {
  let known = sizesByExecutor.get(executor);
  if (!known) sizesByExecutor.set(executor, (known = new Map()));
  const now = Date.now();
  const keys = selects.map((select) => {
    const compiled = select.compile(executor);
    return `${kind}\u0000${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
  });
  const cached = keys.map((key) => {
    const entry = known!.get(key);
    return entry !== undefined && now - entry.at < sizeLifetimeMs ? entry.size : undefined;
  });
  const missing = selects.filter((_, i) => cached[i] === undefined);
  const found = missing.length > 0 ? await size(missing) : [];
  let next = 0;
  return selects.map((_, i) => {
    if (cached[i] !== undefined) return cached[i]!;
    const measured = found[next++]!;
    if (known!.size >= maxSizes) known!.delete(known!.keys().next().value!);
    known!.set(keys[i]!, { size: measured, at: now });
    return measured;
  });
}

async function sequentially<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await work(item));
  return results;
}

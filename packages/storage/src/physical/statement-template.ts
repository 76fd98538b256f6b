/**
 * A statement every request runs, built and compiled by kysely once per dialect and then run
 * with each request's values. For the read of the caller's credentials (with five subqueries
 * for their access to the base), kysely building and compiling the query cost more than SQLite
 * took to run it: a tenth of the server's time under the benchmark's mixed load.
 *
 * Values go into named slots: the query is built once with a marker string in each slot, and
 * where each marker lands among the compiled parameters is where that value goes on every run.
 * Parameters that are not markers are constants of the query and stay as compiled.
 */
import { CompiledQuery, sql, type Compilable } from 'kysely';
import type { Executor } from '../database';

type Slots<Name extends string> = { readonly [K in Name]: string };

interface Compiled<Name extends string> {
  sql: string;
  /** Per parameter: the slot it takes its value from, or the constant compiled into the query. */
  parameters: Array<{ slot: Name } | { value: unknown }>;
}

export interface StatementTemplate<Name extends string, Row> {
  run(db: Executor, values: { readonly [K in Name]: unknown }): Promise<Row[]>;
}

const markerPrefix = '\u0000slot:';

/**
 * Which dialect compiles for `db`, told by how it writes an identifier and a parameter (`"x" = ?`
 * on SQLite, `"x" = $1` on PostgreSQL): a template compiled for one is reused by every executor of
 * that dialect, transactions included. Kysely's own handle on the dialect (`getExecutor()`) is
 * internal to it.
 */
function dialectKey(db: Executor): string {
  return sql`${sql.ref('x')} = ${0}`.compile(db).sql;
}

export function statementTemplate<Name extends string, Row>(
  names: readonly Name[],
  build: (db: Executor, slots: Slots<Name>) => Compilable<Row>,
): StatementTemplate<Name, Row> {
  const compiledFor = new Map<string, Compiled<Name>>();
  const slotOf = new Map(names.map((name) => [`${markerPrefix}${name}`, name]));
  const slots = Object.fromEntries(names.map((name) => [name, `${markerPrefix}${name}`])) as Slots<Name>;

  function compile(db: Executor): Compiled<Name> {
    const key = dialectKey(db);
    let compiled = compiledFor.get(key);
    if (!compiled) {
      const query = build(db, slots).compile();
      const parameters = query.parameters.map((value) => {
        const slot = typeof value === 'string' ? slotOf.get(value) : undefined;
        return slot === undefined ? { value } : { slot };
      });
      const missing = names.filter((name) => !parameters.some((parameter) => 'slot' in parameter && parameter.slot === name));
      if (missing.length > 0) throw new Error(`statementTemplate: slot ${missing.join(', ')} is not a parameter of the query`);
      compiled = { sql: query.sql, parameters };
      compiledFor.set(key, compiled);
    }
    return compiled;
  }

  return {
    async run(db, values) {
      const compiled = compile(db);
      const bound = compiled.parameters.map((parameter) => ('slot' in parameter ? values[parameter.slot] : parameter.value));
      return (await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, bound))).rows;
    },
  };
}

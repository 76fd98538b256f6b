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
import { CompiledQuery, type Compilable } from 'kysely';
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

export function statementTemplate<Name extends string, Row>(
  names: readonly Name[],
  build: (db: Executor, slots: Slots<Name>) => Compilable<Row>,
): StatementTemplate<Name, Row> {
  // Per query adapter (one per dialect; a transaction shares its database's).
  const compiledFor = new WeakMap<object, Compiled<Name>>();
  const slotOf = new Map(names.map((name) => [`${markerPrefix}${name}`, name]));
  const slots = Object.fromEntries(names.map((name) => [name, `${markerPrefix}${name}`])) as Slots<Name>;

  function compile(db: Executor): Compiled<Name> {
    const adapter = db.getExecutor().adapter;
    let compiled = compiledFor.get(adapter);
    if (!compiled) {
      const query = build(db, slots).compile();
      const parameters = query.parameters.map((value) => {
        const slot = typeof value === 'string' ? slotOf.get(value) : undefined;
        return slot === undefined ? { value } : { slot };
      });
      const missing = names.filter((name) => !parameters.some((parameter) => 'slot' in parameter && parameter.slot === name));
      if (missing.length > 0) throw new Error(`statementTemplate: slot ${missing.join(', ')} is not a parameter of the query`);
      compiled = { sql: query.sql, parameters };
      compiledFor.set(adapter, compiled);
    }
    return compiled;
  }

  return {
    async run(db, values) {
      const { sql, parameters } = compile(db);
      const bound = parameters.map((parameter) => ('slot' in parameter ? values[parameter.slot] : parameter.value));
      return (await db.executeQuery<Row>(CompiledQuery.raw(sql, bound))).rows;
    },
  };
}

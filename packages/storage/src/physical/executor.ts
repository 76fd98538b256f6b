/**
 * Small helpers every repository module uses on an `Executor` (the database or an open
 * transaction): an untyped view for the dynamic user tables, atomic multi-statement work, and
 * parameter-limit chunking. Not a repository itself.
 */
import type { Kysely } from 'kysely';
import type { Executor } from '../database';

/** Untyped view of the executor: user tables (`t_<id>`) are not in the meta schema's typing. */
export function userDb(executor: Executor): Kysely<any> {
  return executor as unknown as Kysely<any>;
}

/**
 * Runs `work` inside the caller's transaction when there is one, else in a new transaction, so a
 * multi-statement write is never half applied even when called with the bare database.
 */
export function atomically<T>(executor: Executor, work: (trx: Executor) => Promise<T>): Promise<T> {
  if (executor.isTransaction) return work(executor);
  return executor.transaction().execute(work);
}

/** Splits `items` so each chunk binds at most `maxParameters` (`parametersPerItem` each). */
export function chunkForParameters<T>(items: readonly T[], parametersPerItem: number, maxParameters: number): T[][] {
  const size = Math.max(1, Math.floor(maxParameters / Math.max(1, parametersPerItem)));
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

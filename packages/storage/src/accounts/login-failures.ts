/**
 * Failed sign-in attempts, one row per failure per key (`account:<email>`, `ip:<address>`),
 * so throttling works across server processes sharing one database. Policy (how many, how
 * long) lives in the server.
 */
import type { Executor } from '../database';

export interface FailureWindow {
  count: number;
  /** Time of the oldest failure counted, if any. */
  oldest: string | undefined;
}

export async function recordLoginFailure(db: Executor, keys: readonly string[], at: string): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('login_failures')
    .values(keys.map((key) => ({ key, at })))
    .execute();
}

/** Failures recorded for `key` at or after `since`. */
export async function countLoginFailuresSince(db: Executor, key: string, since: string): Promise<FailureWindow> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min('at').as('oldest')])
    .where('key', '=', key)
    .where('at', '>=', since)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ?? undefined };
}

export async function clearLoginFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}

/** Drops failures too old to matter. */
export async function pruneLoginFailures(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<', before).execute();
}

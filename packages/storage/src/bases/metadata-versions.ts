/**
 * The counters migration 0002's triggers keep: a base's schema version (tables, fields, views)
 * and the user directory's version. Reading them is one indexed row each; a cache keyed by them
 * is current after every commit, on every server sharing the database.
 */
import type { Executor } from '../database';

export interface BaseVersion {
  /** Changes with every change to the base's tables, fields or views. */
  schemaVersion: string;
  timeZone: string;
}

export async function readBaseVersion(db: Executor, baseId: string): Promise<BaseVersion | undefined> {
  const row = await db.selectFrom('bases').select(['schema_version', 'time_zone']).where('id', '=', baseId).executeTakeFirst();
  return row ? { schemaVersion: String(row.schema_version), timeZone: row.time_zone } : undefined;
}

/** Changes with every change to the users table (a random token: unique across databases too). */
export async function readUsersVersion(db: Executor): Promise<string> {
  const row = await db.selectFrom('meta_versions').select('token').where('name', '=', 'users').executeTakeFirstOrThrow();
  return row.token;
}

/**
 * The counters migration 0002's triggers keep: a base's schema version (tables, fields, views)
 * and the user directory's version. Reading them is one indexed row; a cache keyed by them is
 * current after every commit, on every server sharing the database. Both are read in one
 * statement: on PostgreSQL every statement is a round trip, and most requests need both.
 */
import { expressionBuilder } from 'kysely';
import type { Executor } from '../database';
import { statementTemplate } from '../physical/statement-template';
import type { MetaSchema } from '../meta-schema';

export interface BaseVersion {
  /** Changes with every change to the base's tables, fields or views. */
  schemaVersion: string;
  timeZone: string;
  /** Changes with every change to the users table (a random token: unique across databases too). */
  usersVersion: string;
}

/** The users table's version as a scalar subquery, to ride on another statement. */
export function usersVersionColumn() {
  return expressionBuilder<MetaSchema, never>().selectFrom('meta_versions').select('token').where('name', '=', 'users');
}

// Every write and many reads run this: compiled once (physical/statement-template.ts).
const baseVersionRead = statementTemplate(['baseId'], (db, slot) =>
  db.selectFrom('bases').select(['schema_version', 'time_zone', usersVersionColumn().as('users_version')]).where('id', '=', slot.baseId),
);

export async function readBaseVersion(db: Executor, baseId: string): Promise<BaseVersion | undefined> {
  const [row] = await baseVersionRead.run(db, { baseId });
  return row ? { schemaVersion: String(row.schema_version), timeZone: row.time_zone, usersVersion: String(row.users_version) } : undefined;
}

export async function readUsersVersion(db: Executor): Promise<string> {
  const row = await db.selectFrom('meta_versions').select('token').where('name', '=', 'users').executeTakeFirstOrThrow();
  return row.token;
}

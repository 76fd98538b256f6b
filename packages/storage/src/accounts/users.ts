/**
 * Users of the instance: SQL for creating, finding and listing accounts. Emails are stored
 * lower-cased and trimmed (callers pass them normalised); password hashes are opaque strings.
 * The first-run owner is created through `insertInstanceOwner`, which is atomic.
 */
import { EngineError } from '@multitable/core';
import type { Database, Executor } from '../database';
import { isUniqueViolation, serializable } from './serializable';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  isInstanceOwner: boolean;
  disabled: boolean;
  createdAt: string;
}

/** What any signed-in user may see of another. */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
}

type UserRow = {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_instance_owner: number | string;
  disabled: number | string;
  created_at: string;
};

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    isInstanceOwner: Number(row.is_instance_owner) === 1,
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
  };
}

/**
 * The user's columns under `u_` names, for a read that joins a row to its user: each request's
 * token or session and the user it acts for come in one statement (on PostgreSQL a round trip).
 */
export const joinedUserColumns = [
  'users.id as u_id',
  'users.email as u_email',
  'users.name as u_name',
  'users.password_hash as u_password_hash',
  'users.is_instance_owner as u_is_instance_owner',
  'users.disabled as u_disabled',
  'users.created_at as u_created_at',
] as const;

type JoinedUserRow = { [K in keyof UserRow as `u_${K}`]: UserRow[K] | null };

/** The user of a row read with joinedUserColumns (undefined when a left join found none). */
export function joinedUser(row: JoinedUserRow): UserRecord | undefined {
  if (row.u_id === null) return undefined;
  return toUser({
    id: row.u_id,
    email: row.u_email!,
    name: row.u_name!,
    password_hash: row.u_password_hash!,
    is_instance_owner: row.u_is_instance_owner!,
    disabled: row.u_disabled!,
    created_at: row.u_created_at!,
  });
}

function emailTaken(email: string): EngineError {
  return new EngineError('CONFLICT', `A user with email "${email}" already exists`, { path: 'body.email' });
}

/** Adds a user; CONFLICT when the email is taken. */
export async function insertUser(db: Executor, user: NewUser): Promise<void> {
  try {
    await db
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email,
        name: user.name,
        password_hash: user.passwordHash,
        is_instance_owner: 0,
        disabled: 0,
        created_at: user.createdAt,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(user.email);
    throw error;
  }
}

/**
 * Creates the instance owner unless one exists — atomically, so of two racing first-run
 * requests exactly one succeeds and the other gets SETUP_ALREADY_DONE.
 */
export async function insertInstanceOwner(database: Database, user: NewUser): Promise<void> {
  const attempt = () =>
    serializable(database, async (trx) => {
      if (await hasInstanceOwner(trx)) throw setupDone();
      await trx
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email,
          name: user.name,
          password_hash: user.passwordHash,
          is_instance_owner: 1,
          disabled: 0,
          created_at: user.createdAt,
        })
        .execute();
    });
  try {
    await attempt();
  } catch (error) {
    // A racing setup with the same email trips the unique index instead of the owner check.
    if (isUniqueViolation(error)) {
      if (await hasInstanceOwner(database.db)) throw setupDone();
      throw emailTaken(user.email);
    }
    throw error;
  }
}

function setupDone(): EngineError {
  return new EngineError('SETUP_ALREADY_DONE', 'This instance already has an owner; sign in instead');
}

export async function hasInstanceOwner(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('is_instance_owner', '=', 1).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function findUserById(db: Executor, id: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** Every user, oldest first. */
export async function listUsers(db: Executor): Promise<UserSummary[]> {
  return db.selectFrom('users').select(['id', 'email', 'name']).orderBy('created_at').orderBy('id').execute();
}

export async function setPasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/**
 * Server-side sessions: one row per signed-in browser, keyed by the SHA-256 of the cookie
 * token (the token itself is never stored). Times are ISO-8601 UTC strings, which compare
 * correctly as text. Expiry rules live in the server; this is only the SQL.
 */
import type { Executor } from '../database';
import type { MemberAccess } from '../bases/member-access';
import { credentialsRead } from './credentials-read';
import { joinedUser, joinedUserColumns, type UserRecord } from './users';

export interface SessionRecord {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  /** Absolute limit: the session ends here however active it is. */
  expiresAt: string;
}

export async function insertSession(db: Executor, session: SessionRecord): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

function sessionWithUser(db: Executor, idHash: string) {
  return db
    .selectFrom('sessions')
    .leftJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select(joinedUserColumns)
    .where('sessions.id_hash', '=', idHash);
}

const readSession = credentialsRead(sessionWithUser);

/**
 * The session with that hash and the user it is for, read together (every signed-in request
 * asks), with the user's access to `baseId` when the request names a base (bases/member-access.ts).
 */
export async function findSessionWithUser(
  db: Executor,
  idHash: string,
  baseId?: string,
): Promise<{ session: SessionRecord; user: UserRecord | undefined; access: MemberAccess | undefined } | undefined> {
  const found = await readSession(db, idHash, baseId);
  return found && { session: sessionOf(found.row), user: joinedUser(found.row), access: found.access };
}

function sessionOf(row: { id_hash: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string; expires_at: string }): SessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

export async function touchSession(db: Executor, idHash: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Signs a user out everywhere (password change, account disabled). */
export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes sessions past their absolute limit or idle since before `idleBefore`. */
export async function deleteExpiredSessions(db: Executor, now: string, idleBefore: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Personal API tokens: SQL only. The secret is never stored — only its SHA-256 — and a
 * revoked token keeps its row (with `revoked_at`) so it can never be confused with a new one.
 */
import type { Executor } from '../database';
import type { MemberAccess } from '../bases/member-access';
import { credentialsRead } from './credentials-read';
import { joinedUser, joinedUserColumns, type UserRecord } from './users';

export type TokenAccess = 'read' | 'readWrite';

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  access: TokenAccess;
  /** The only bases the token may reach (its owner's membership still applies). */
  baseIds: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiToken {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  access: TokenAccess;
  baseIds: readonly string[];
  createdAt: string;
}

type TokenRow = {
  id: string;
  user_id: string;
  name: string;
  access: string;
  base_ids: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

function toToken(row: TokenRow): ApiTokenRecord {
  const baseIds: unknown = JSON.parse(row.base_ids);
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    access: row.access === 'readWrite' ? 'readWrite' : 'read',
    baseIds: Array.isArray(baseIds) ? baseIds.filter((id): id is string => typeof id === 'string') : [],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

const tokenColumns = ['id', 'user_id', 'name', 'access', 'base_ids', 'created_at', 'last_used_at', 'revoked_at'] as const;

export async function insertApiToken(db: Executor, token: NewApiToken): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      access: token.access,
      base_ids: JSON.stringify(token.baseIds),
      created_at: token.createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

function tokenWithUser(db: Executor, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.user_id')
    .select(tokenColumns.map((column) => `api_tokens.${column}` as const))
    .select(joinedUserColumns)
    .where('api_tokens.token_hash', '=', tokenHash);
}

const readToken = credentialsRead(tokenWithUser);

/**
 * The token with that hash and the user it belongs to, read together (every API request asks),
 * with the user's access to `baseId` when the request names a base (see bases/member-access.ts).
 */
export async function findApiTokenWithUser(
  db: Executor,
  tokenHash: string,
  baseId?: string,
): Promise<{ token: ApiTokenRecord; user: UserRecord | undefined; access: MemberAccess | undefined } | undefined> {
  const found = await readToken(db, tokenHash, baseId);
  return found && { token: toToken(found.row), user: joinedUser(found.row), access: found.access };
}

/** A user's tokens that are not revoked, oldest first. */
export async function listApiTokens(db: Executor, userId: string): Promise<ApiTokenRecord[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(tokenColumns)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toToken);
}

/** Revokes one of the user's own tokens; false when the user has no such live token. */
export async function revokeApiToken(db: Executor, userId: string, tokenId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchApiToken(db: Executor, tokenId: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}

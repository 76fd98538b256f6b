/**
 * Personal API tokens (DESIGN §10, RELIABILITY A1.10): `mt_` + 256 random bits, shown once at
 * creation, stored as SHA-256. A token acts as its owner narrowed to the bases it lists and,
 * for `read` tokens, to read routes; the owner's membership still applies at each request.
 */
import { EngineError, newId } from '@multitable/core';
import {
  findApiTokenWithUser,
  findMemberRole,
  insertApiToken,
  listApiTokens as listTokenRows,
  revokeApiToken as revokeTokenRow,
  touchApiToken,
  type ApiTokenRecord,
  type MemberAccess,
  type TokenAccess,
  type UserRecord,
} from '@multitable/storage';
import { nowIso, type Platform } from '../../platform';
import { isWellFormedApiToken, newApiTokenSecret, sha256Hex } from '../../auth/secrets';
import { displayName } from './identity';

export interface ApiTokenView {
  id: string;
  name: string;
  access: TokenAccess;
  baseIds: string[];
  createdAt: string;
  lastUsedAt: string | null;
}

function view(token: ApiTokenRecord): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    access: token.access,
    baseIds: token.baseIds,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
  };
}

export interface NewTokenInput {
  name: string;
  access: TokenAccess;
  baseIds: readonly string[];
}

/** Creates a token for `userId`; each listed base must be one the user is a member of. */
export async function createApiToken(
  platform: Platform,
  userId: string,
  input: NewTokenInput,
): Promise<ApiTokenView & { secret: string }> {
  const { db } = platform.database;
  const baseIds = [...new Set(input.baseIds)];
  for (const [index, baseId] of baseIds.entries()) {
    if (!(await findMemberRole(db, baseId, userId))) {
      throw new EngineError('VALIDATION_FAILED', `body.baseIds[${index}] is not a base you are a member of`, {
        path: `body.baseIds[${index}]`,
      });
    }
  }
  const secret = newApiTokenSecret();
  const token = {
    id: newId('token'),
    userId,
    name: displayName(input.name),
    access: input.access,
    baseIds,
    createdAt: nowIso(platform),
  };
  await insertApiToken(db, { ...token, tokenHash: sha256Hex(secret) });
  return { ...view({ ...token, lastUsedAt: null, revokedAt: null }), secret };
}

export async function listApiTokens(platform: Platform, userId: string): Promise<ApiTokenView[]> {
  return (await listTokenRows(platform.database.db, userId)).map(view);
}

export async function revokeApiToken(platform: Platform, userId: string, tokenId: string): Promise<void> {
  if (!(await revokeTokenRow(platform.database.db, userId, tokenId, nowIso(platform)))) {
    throw new EngineError('NOT_FOUND', `You have no API token ${tokenId}`, { tokenId });
  }
}

/** Last-used times are written at most this often. */
const touchIntervalMs = 60_000;

/** The live token for a bearer secret and its owner (with their access to `baseId`, when given), or undefined for anything else. */
export async function resolveApiToken(
  platform: Platform,
  secret: string,
  baseId?: string,
): Promise<{ token: ApiTokenRecord; user: UserRecord; access: MemberAccess | undefined } | undefined> {
  if (!isWellFormedApiToken(secret)) return undefined;
  const { db } = platform.database;
  const found = await findApiTokenWithUser(db, sha256Hex(secret), baseId);
  if (!found || found.token.revokedAt !== null) return undefined;
  const { token, user, access } = found;
  if (!user || user.disabled) return undefined;
  if (!token.lastUsedAt || platform.clock() - Date.parse(token.lastUsedAt) >= touchIntervalMs) {
    await touchApiToken(db, token.id, nowIso(platform));
  }
  return { token, user, access };
}

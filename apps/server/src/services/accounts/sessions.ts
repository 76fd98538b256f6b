/**
 * Browser sessions (RELIABILITY A7.4): a fresh random 256-bit token per sign-in (so signing in
 * always rotates the session id), only its SHA-256 stored; ends after `sessionIdleMinutes`
 * without use and `sessionAbsoluteHours` after sign-in, whichever comes first.
 */
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionWithUser,
  insertSession,
  touchSession,
  type MemberAccess,
  type UserRecord,
} from '@multitable/storage';
import { nowIso, type Platform } from '../../platform';
import { randomSecret, sha256Hex } from '../../auth/secrets';

export interface StartedSession {
  /** The cookie value: shown to the browser once, never stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
  maxAgeSeconds: number;
}

export interface ActiveSession {
  user: UserRecord;
  /** The user's access to the base the request names, when it names one. */
  access: MemberAccess | undefined;
  idHash: string;
  csrfToken: string;
}

/** Last-seen times are written at most this often, so busy sessions do not write on every request. */
const touchIntervalMs = 60_000;

function idleMs(platform: Platform): number {
  return platform.config.sessionIdleMinutes * 60_000;
}

function absoluteMs(platform: Platform): number {
  return platform.config.sessionAbsoluteHours * 3_600_000;
}

export async function startSession(platform: Platform, userId: string): Promise<StartedSession> {
  const { db } = platform.database;
  const now = nowIso(platform);
  await deleteExpiredSessions(db, now, nowIso(platform, -idleMs(platform)));
  const token = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = nowIso(platform, absoluteMs(platform));
  await insertSession(db, { idHash: sha256Hex(token), userId, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, csrfToken, expiresAt, maxAgeSeconds: absoluteMs(platform) / 1000 };
}

/** The live session for a cookie token, or undefined (an ended session is deleted on sight). */
export async function resolveSession(platform: Platform, token: string, baseId?: string): Promise<ActiveSession | undefined> {
  const { db } = platform.database;
  const idHash = sha256Hex(token);
  const found = await findSessionWithUser(db, idHash, baseId);
  if (!found) return undefined;
  const { session, user } = found;
  const now = platform.clock();
  const idleFor = now - Date.parse(session.lastSeenAt);
  if (now >= Date.parse(session.expiresAt) || idleFor > idleMs(platform)) {
    await deleteSession(db, idHash);
    return undefined;
  }
  if (!user || user.disabled) {
    await deleteSession(db, idHash);
    return undefined;
  }
  if (idleFor >= touchIntervalMs) await touchSession(db, idHash, nowIso(platform));
  return { user, access: found.access, idHash, csrfToken: session.csrfToken };
}

export async function endSession(platform: Platform, idHash: string): Promise<void> {
  await deleteSession(platform.database.db, idHash);
}

/** Ends the session a (possibly stale) cookie token names, if any. */
export async function endSessionByToken(platform: Platform, token: string): Promise<void> {
  await deleteSession(platform.database.db, sha256Hex(token));
}

/**
 * Signing in with email and password. Wrong password, unknown email and disabled account get
 * the same 401 after the same amount of hashing work; throttling is checked first. A hash
 * made with weaker argon2 parameters than today's is upgraded on the way through.
 */
import { EngineError } from '@multitable/core';
import { findUserByEmail, setPasswordHash, type UserRecord } from '@multitable/storage';
import type { Platform } from '../../platform';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from '../../auth/passwords';
import { normalizeEmail } from './identity';
import { assertNotThrottled, recordFailure, recordSuccess, throttleKeys } from './login-throttle';
import { startSession, type StartedSession } from './sessions';

export interface SignInInput {
  email: string;
  password: string;
  /** Client address, for per-IP throttling. */
  ip: string;
}

export async function signIn(platform: Platform, input: SignInInput): Promise<{ user: UserRecord; session: StartedSession }> {
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, input.ip);
  await assertNotThrottled(platform, keys);

  const user = await findUserByEmail(platform.database.db, email);
  const passwordMatches = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !passwordMatches || user.disabled) {
    await recordFailure(platform, keys);
    throw new EngineError('UNAUTHENTICATED', 'Email or password is incorrect');
  }

  await recordSuccess(platform, keys);
  if (needsRehash(user.passwordHash)) {
    await setPasswordHash(platform.database.db, user.id, await hashPassword(input.password));
  }
  return { user, session: await startSession(platform, user.id) };
}

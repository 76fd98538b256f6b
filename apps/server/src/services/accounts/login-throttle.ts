/**
 * Sign-in throttling (RELIABILITY A7.2): after `loginMaxFailures` failures within
 * `loginWindowMinutes`, for the account or for the client IP, further attempts get 429
 * RATE_LIMITED with Retry-After until the oldest counted failure leaves the window. Failures
 * live in the database, so every server process sees them. Known and unknown emails are
 * counted alike, so the response never tells whether an account exists.
 */
import { EngineError } from '@multitable/core';
import {
  clearLoginFailures,
  countLoginFailuresSince,
  pruneLoginFailures,
  recordLoginFailure,
} from '@multitable/storage';
import { nowIso, type Platform } from '../../platform';

export interface ThrottleKeys {
  account: string;
  ip: string;
}

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { account: `account:${email}`, ip: `ip:${ip}` };
}

function windowMs(platform: Platform): number {
  return platform.config.loginWindowMinutes * 60_000;
}

/** Throws RATE_LIMITED when the account or the IP has used up its failures. */
export async function assertNotThrottled(platform: Platform, keys: ThrottleKeys): Promise<void> {
  const since = nowIso(platform, -windowMs(platform));
  let retryAfterMs = 0;
  for (const key of [keys.account, keys.ip]) {
    const window = await countLoginFailuresSince(platform.database.db, key, since);
    if (window.count >= platform.config.loginMaxFailures && window.oldest) {
      retryAfterMs = Math.max(retryAfterMs, Date.parse(window.oldest) + windowMs(platform) - platform.clock());
    }
  }
  if (retryAfterMs > 0) {
    const retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
    throw new EngineError('RATE_LIMITED', `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds`, {
      retryAfterSeconds,
    });
  }
}

export async function recordFailure(platform: Platform, keys: ThrottleKeys): Promise<void> {
  const { db } = platform.database;
  await recordLoginFailure(db, [keys.account, keys.ip], nowIso(platform));
  await pruneLoginFailures(db, nowIso(platform, -windowMs(platform)));
}

/** A successful sign-in forgives the account's failures (the IP's stay counted). */
export async function recordSuccess(platform: Platform, keys: ThrottleKeys): Promise<void> {
  await clearLoginFailures(platform.database.db, keys.account);
}

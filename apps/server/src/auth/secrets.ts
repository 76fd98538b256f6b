/**
 * Random secrets and their stored form. Session cookies, CSRF tokens and API tokens carry 256
 * random bits; the database keeps only SHA-256 of a session or API token, so a leaked table
 * cannot be replayed. Comparison of secrets is constant-time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Personal API tokens look like `mt_` + 43 base64url characters. */
export const apiTokenPrefix = 'mt_';
const apiTokenPattern = /^mt_[A-Za-z0-9_-]{43}$/;

export function newApiTokenSecret(): string {
  return `${apiTokenPrefix}${randomSecret()}`;
}

export function isWellFormedApiToken(value: string): boolean {
  return apiTokenPattern.test(value);
}

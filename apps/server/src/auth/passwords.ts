/**
 * Password hashing: argon2id at the OWASP minimum (m = 19 MiB, t = 2, p = 1; RELIABILITY A7.1).
 * `needsRehash` tells sign-in to upgrade a hash made with weaker parameters. Unknown emails are
 * verified against a dummy hash so they take as long as known ones (A7.2).
 */
import argon2 from 'argon2';
import { randomSecret } from './secrets';

export const passwordHashParameters = {
  type: argon2.argon2id,
  memoryCost: 19_456, // KiB
  timeCost: 2,
  parallelism: 1,
} as const;

export const minPasswordLength = 8;
/** Longer inputs only cost hashing time; nobody types more. */
export const maxPasswordLength = 1024;

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, passwordHashParameters);
}

/** False for a wrong password and for a malformed stored hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  try {
    const { memoryCost, timeCost, parallelism } = passwordHashParameters;
    return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, { memoryCost, timeCost, parallelism });
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time a real verification would, for an email that has no account. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomSecret());
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * First-run setup: creating the instance owner, once (RELIABILITY A7.7). The owner check and
 * insert are one serializable step in storage, so of two racing requests exactly one wins.
 */
import { EngineError, newId } from '@multitable/core';
import { hasInstanceOwner, insertInstanceOwner, findUserById, type UserRecord } from '@multitable/storage';
import { nowIso, type Platform } from '../../platform';
import { hashPassword } from '../../auth/passwords';
import { displayName, normalizeEmail } from './identity';
import { startSession, type StartedSession } from './sessions';

export async function setupNeeded(platform: Platform): Promise<boolean> {
  return !(await hasInstanceOwner(platform.database.db));
}

export interface OwnerInput {
  email: string;
  name: string;
  password: string;
}

export async function setUpOwner(platform: Platform, input: OwnerInput): Promise<{ user: UserRecord; session: StartedSession }> {
  if (!(await setupNeeded(platform))) {
    throw new EngineError('SETUP_ALREADY_DONE', 'This instance already has an owner; sign in instead');
  }
  const id = newId('user');
  await insertInstanceOwner(platform.database, {
    id,
    email: normalizeEmail(input.email),
    name: displayName(input.name),
    passwordHash: await hashPassword(input.password),
    createdAt: nowIso(platform),
  });
  const user = await findUserById(platform.database.db, id);
  if (!user) throw new EngineError('INTERNAL', 'The owner just created could not be read back');
  return { user, session: await startSession(platform, id) };
}

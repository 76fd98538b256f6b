/**
 * Normalising what users type into account fields: emails are trimmed and lower-cased (one
 * account per mailbox however it is capitalised), names trimmed and never empty.
 */
import { EngineError } from '@multitable/core';
import type { UserRecord, UserSummary } from '@multitable/storage';
import type { ActorUser } from '../../auth/actor';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function displayName(name: string, path = 'body.name'): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new EngineError('VALIDATION_FAILED', `${path} must not be blank`, { path });
  return trimmed;
}

/** The user as the API shows it to themselves. */
export function selfView(user: UserRecord): ActorUser {
  return { id: user.id, email: user.email, name: user.name, isInstanceOwner: user.isInstanceOwner };
}

export function summaryView(user: UserRecord): UserSummary {
  return { id: user.id, email: user.email, name: user.name };
}

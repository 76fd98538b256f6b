/**
 * Resolving users for person, created-by and modified-by values, and presenting them. Values
 * store user ids only; names and emails come from the directory when presented, so renaming a
 * user needs no data migration.
 */
import { isId } from '../ids';
import { describeInput, toHalfWidth } from './cast-helpers';
import type { DirectoryUser, UserDirectory } from './field-type';

/** A user as the API shows them inside a cell. */
export type PresentedUser = DirectoryUser;

/**
 * The user `input` names: a user id or `{ id }`; when `loose`, also an email or display name
 * (`byText`) or `{ email }`. Returns the user id or the reason no user was found.
 */
export function resolveUser(input: unknown, users: UserDirectory, loose: boolean): { ok: true; id: string } | { ok: false; reason: string } {
  let text: unknown = input;
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const record = input as Record<string, unknown>;
    text = typeof record.id === 'string' ? record.id : loose && typeof record.email === 'string' ? record.email : undefined;
    if (text === undefined) return { ok: false, reason: `${describeInput(input)} is not a user (expected { id })` };
  }
  if (typeof text !== 'string') return { ok: false, reason: `${describeInput(input)} is not a user id` };
  const trimmed = text.trim();
  if (isId('user', trimmed) && users.byId(trimmed)) return { ok: true, id: trimmed };
  if (loose) {
    const found = users.byText(toHalfWidth(trimmed));
    if (found) return { ok: true, id: found.id };
    return { ok: false, reason: `no single user has the id, email or name ${describeInput(trimmed)}` };
  }
  return { ok: false, reason: `${describeInput(trimmed)} is not the id of a user` };
}

/** `{ id, name, email }`, with empty name and email for an id the directory no longer knows. */
export function presentUser(id: string, users: UserDirectory): PresentedUser {
  const user = users.byId(id);
  return user ? { id: user.id, name: user.name, email: user.email } : { id, name: '', email: '' };
}

/** Display text of a user: the name, else the email, else the id. */
export function userLabel(id: string, users: UserDirectory): string {
  const user = users.byId(id);
  return user?.name || user?.email || id;
}

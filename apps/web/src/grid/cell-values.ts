/**
 * Cell values as the web handles them, all through core's field types (the web re-implements
 * none of their rules):
 * - the API shows a value in its *presented* form (persons with names); `canonicalOf` reads it
 *   back to core's canonical form with a strict cast, and `cellText` formats it for display and copy;
 * - what a user types, picks or pastes is *input*; `castInput` checks it with core's loose cast
 *   before anything is sent, and gives the value to show at once and the value to send.
 */
import { getFieldType, type AttachmentDirectory, type CastContext, type DirectoryUser, type FormatContext, type UserDirectory } from '@multitable/core';
import type { ApiField } from '../api/tables';

export interface CellEnvironment {
  users: UserDirectory;
  timeZone: string;
  locale: string;
}

/** A user directory over the users the web has loaded (GET /users). */
export function userDirectory(users: readonly DirectoryUser[]): UserDirectory {
  const byId = new Map(users.map((user) => [user.id, user]));
  return {
    byId: (id) => byId.get(id),
    byText(text) {
      const wanted = text.trim().toLowerCase();
      const matches = users.filter((user) => user.email.toLowerCase() === wanted || user.name.trim().toLowerCase() === wanted);
      return matches.length === 1 ? matches[0] : undefined;
    },
  };
}

// The web never holds attachment metadata outside a cell; attachment input is checked by the server.
const noAttachments: AttachmentDirectory = { byId: () => undefined };

function castContext(env: CellEnvironment, typecast: boolean): CastContext {
  return { typecast, timeZone: env.timeZone, now: new Date(), users: env.users, attachments: noAttachments };
}

export function formatContext(env: CellEnvironment): FormatContext {
  return { timeZone: env.timeZone, locale: env.locale, users: env.users };
}

/** True when the value is an error value of a computed field (`{ error, reason }`). */
function isErrorValue(value: unknown): value is { error: string; reason?: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { error?: unknown }).error === 'string';
}

/** The canonical value of an API value; null for an empty cell. */
export function canonicalOf(field: ApiField, value: unknown, env: CellEnvironment): unknown {
  if (value === null || value === undefined) return null;
  const type = getFieldType(field.type);
  if (!type.present) return value;
  const cast = type.cast(value, field.options, castContext(env, false));
  return cast.ok ? cast.value : null;
}

/** Display and copy text of an API value ('' when empty). */
export function cellText(field: ApiField, value: unknown, env: CellEnvironment): string {
  if (value === null || value === undefined) return '';
  if (isErrorValue(value)) return `#${value.error}`;
  const canonical = canonicalOf(field, value, env);
  if (canonical === null) return '';
  try {
    return getFieldType(field.type).format(canonical, field.options, formatContext(env));
  } catch {
    // A computed value of a shape its type does not format (should not happen): show it as data.
    return typeof canonical === 'string' ? canonical : JSON.stringify(canonical);
  }
}

export type CastOutcome =
  | {
      ok: true;
      /** Canonical value (null = empty). */
      value: unknown;
      /** What the cell shows until the server answers (the presented form). */
      shown: unknown;
      /** What is sent: the canonical value, or the input itself when core would add a select choice (the server adds it). */
      send: unknown;
    }
  | { ok: false; reason: string };

/** Checks input for a field with core's loose cast, as the server will with `typecast`. */
export function castInput(field: ApiField, input: unknown, env: CellEnvironment): CastOutcome {
  const type = getFieldType(field.type);
  const cast = type.cast(input, field.options, castContext(env, true));
  if (!cast.ok) return cast;
  const shown = cast.value === null ? null : type.present ? type.present(cast.value, field.options, formatContext(env)) : cast.value;
  return { ok: true, value: cast.value, shown, send: cast.options ? input : cast.value };
}

/** Whether users may write the field (computed and system fields are read-only). */
export function isWritable(field: ApiField): boolean {
  return getFieldType(field.type).writable;
}

/** Equality of canonical values (JSON shapes). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Cell values as the web handles them, all through core's field types (the web re-implements
 * none of their rules):
 * - the API shows a value in its *presented* form (persons with names); `canonicalOf` reads it
 *   back to core's canonical form with a strict cast, and `cellText` formats it for display and copy;
 * - what a user types, picks or pastes is *input*; `castInput` checks it with core's loose cast
 *   before anything is sent, and gives the value to show at once and the value to send.
 */
import { fieldStorage, getFieldType, type AttachmentDirectory, type AttachmentInfo, type LinkDirectory, type LinkedRecord, type CastContext, type DirectoryUser, type FormatContext, type UserDirectory } from '@multitable/core';
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

/**
 * The web holds attachment metadata only inside cell values: the files a cell had and the ones
 * just uploaded, both as full `{ id, name, size, mimeType }` objects. Input naming those is read
 * with their metadata; a bare id is unknown here (the server checks every id again anyway).
 */
function attachmentsIn(input: unknown): AttachmentDirectory {
  const byId = new Map<string, AttachmentInfo>();
  for (const item of Array.isArray(input) ? input : [input]) {
    const file = item as Partial<AttachmentInfo> | null;
    if (typeof file === 'object' && file !== null && typeof file.id === 'string' && typeof file.name === 'string' && typeof file.size === 'number' && typeof file.mimeType === 'string') {
      byId.set(file.id, { id: file.id, name: file.name, size: file.size, mimeType: file.mimeType });
    }
  }
  return { byId: (id) => byId.get(id) };
}

/**
 * Likewise for links: the web knows linked records only as the `{ id, title }` objects of a cell or
 * of its record picker. Input naming those is read; other ids and titles are the server's to check.
 */
function linksIn(input: unknown): LinkDirectory {
  const byId = new Map<string, LinkedRecord>();
  for (const item of Array.isArray(input) ? input : [input]) {
    const record = item as Partial<LinkedRecord> | null;
    if (typeof record === 'object' && record !== null && typeof record.id === 'string' && typeof record.title === 'string') byId.set(record.id, { id: record.id, title: record.title });
  }
  return {
    byId: (_tableId, id) => byId.get(id),
    byTitle(_tableId, text) {
      const matches = [...byId.values()].filter((record) => record.title === text);
      return matches.length > 1 ? 'ambiguous' : matches[0];
    },
  };
}

function castContext(env: CellEnvironment, typecast: boolean, input: unknown = null): CastContext {
  return { typecast, timeZone: env.timeZone, now: new Date(), users: env.users, attachments: attachmentsIn(input), links: linksIn(input) };
}

export function formatContext(env: CellEnvironment): FormatContext {
  return { timeZone: env.timeZone, locale: env.locale, users: env.users };
}

/** True when the value is an error value of a computed field (`{ error, reason }`). */
function isErrorValue(value: unknown): value is { error: string; reason?: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { error?: unknown }).error === 'string';
}

/** The canonical value of an API value; null for an empty cell. */
/**
 * A row read before its field became a number still holds the old text until the rows are read
 * again (just after a type change): such a value is shown as nothing rather than "NaN".
 */
function heldByNumericColumn(field: ApiField): boolean {
  const storage = fieldStorage(field);
  return 'kind' in storage && (storage.kind === 'number' || storage.kind === 'integer');
}

export function canonicalOf(field: ApiField, value: unknown, env: CellEnvironment): unknown {
  if (value === null || value === undefined) return null;
  const type = getFieldType(field.type);
  if (!type.present) return heldByNumericColumn(field) && typeof value !== 'number' && !isErrorValue(value) ? null : value;
  const cast = type.cast(value, field.options, castContext(env, false, value));
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
  const cast = type.cast(input, field.options, castContext(env, true, input));
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

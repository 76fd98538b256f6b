/**
 * Prefixed random ids (`tbl_…`, `fld_…`). Ids are never reused and never derived from names,
 * so they are safe to use as SQL identifiers (`t_<tableId>`, `f_<fieldId>`).
 */
import { customAlphabet } from 'nanoid';

export const idPrefixes = {
  base: 'bse',
  table: 'tbl',
  field: 'fld',
  view: 'viw',
  record: 'rec',
  user: 'usr',
  dashboard: 'dsh',
  automation: 'aut',
  role: 'rol',
  choice: 'cho',
  attachment: 'att',
  token: 'tok',
  session: 'ses',
  history: 'his',
  event: 'evt',
  comment: 'cmt',
} as const;

export type IdKind = keyof typeof idPrefixes;

// Lower-case alphanumerics only: ids become SQL identifiers and must survive case-folding
// databases. 16 characters of a 36-letter alphabet carry ~82 bits.
const randomPart = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 16);

export function newId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${randomPart()}`;
}

const idPattern = /^[a-z]{3}_[0-9a-z]{16}$/;

/** True when `value` is an id of the given kind, exactly (no whitespace, no case changes). */
export function isId(kind: IdKind, value: unknown): value is string {
  return typeof value === 'string' && idPattern.test(value) && value.startsWith(`${idPrefixes[kind]}_`);
}

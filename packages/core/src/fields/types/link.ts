/**
 * Link to another table (or the same one). Value: a non-empty array of `{ id, title }`, one per
 * linked record in link order, `title` being the linked record's primary field as its type
 * formats it. The array is an array even when `multiple` is false.
 *
 * Memberships live in a junction table (storage/src/links); the cell's column holds the
 * materialized `{ id, title }` list, recomputed by the recalculation executor whenever the
 * membership or a linked record's primary value changes — so the link is both writable (a write
 * sets the membership) and computed (its titles follow the linked records). After such a change
 * the cell is updated in place (`update`): new members and changed titles are read, the others kept.
 *
 * Strict input: a record id, an array of ids, or `{ id }` objects (the canonical value itself is
 * accepted: titles in it are ignored). With typecast also primary-field text and comma-separated
 * text (a text that is itself a whole title is not split). Records are looked up through the
 * cast context's `links` directory, preloaded by the server. Options: `linkedTableId`,
 * `inverseFieldId` (the paired field of a two-way link, null for one-way), `multiple`.
 * Sorted by the JSON text of the titles, as SQL orders the titles of the stored column.
 * Titles are formatted by the primary field's own type, found through the registry: that import
 * is circular (the registry imports this file) and only used at call time, so load this module
 * through the registry (or `@multitable/core`), as everything but its own test does.
 */
import { Type, type Static } from '@sinclair/typebox';
import { isId } from '../../ids';
import { describeInput, isBlank, looseText, splitList } from '../cast-helpers';
import type { Field } from '../field';
import type { CastResult, ComputeContext, ComputedRecord, ComputeInput, FieldComputer, FieldTypeDefinition, FormatContext, LinkDirectory, LinkedRecord } from '../field-type';
import { getFieldType } from '../registry';
import { compareText } from '../text-helpers';

const optionsSchema = Type.Object(
  {
    linkedTableId: Type.String({ default: '' }),
    inverseFieldId: Type.Union([Type.String(), Type.Null()], { default: null }),
    multiple: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);

export type LinkOptions = Static<typeof optionsSchema>;

/** A link cell: the linked records in link order. */
export type LinkValue = LinkedRecord[];

/** True when `field` is a link field (its options are then link options). */
export function isLinkField(field: Pick<Field, 'type'>): field is Field<LinkOptions> {
  return field.type === 'link';
}

type Resolved = { ok: true; record: LinkedRecord } | { ok: false; reason: string };

function byTitle(links: LinkDirectory, tableId: string, text: string): Resolved {
  const found = links.byTitle(tableId, text);
  if (found === 'ambiguous') return { ok: false, reason: `more than one linked record is titled ${describeInput(text)}` };
  if (!found) return { ok: false, reason: `no linked record is titled ${describeInput(text)}` };
  return { ok: true, record: found };
}

/** The record one input item names: an id, `{ id }`, or (typecast) a title. */
function resolveItem(item: unknown, tableId: string, links: LinkDirectory, typecast: boolean): Resolved {
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const id = (item as Record<string, unknown>).id;
    if (typeof id !== 'string') return { ok: false, reason: `${describeInput(item)} is not a record (expected { id })` };
    item = id;
  }
  if (typeof item === 'number' && typecast && Number.isFinite(item)) item = String(item);
  if (typeof item !== 'string') return { ok: false, reason: `${describeInput(item)} is not a record id` };
  const text = item.trim();
  if (isId('record', text)) {
    const record = links.byId(tableId, text);
    if (record) return { ok: true, record };
    if (!typecast) return { ok: false, reason: `no record ${describeInput(text)} in the linked table` };
  }
  if (!typecast) return { ok: false, reason: `${describeInput(text)} is not the id of a record in the linked table` };
  const loose = looseText(text);
  const found = byTitle(links, tableId, loose);
  return !found.ok && isId('record', text) ? { ok: false, reason: `no record ${describeInput(text)} in the linked table` } : found;
}

/** Input items: arrays as given; with typecast, a text is a list of titles unless it is one whole title. */
function itemsOf(input: unknown, tableId: string, links: LinkDirectory, typecast: boolean): unknown[] {
  const items = Array.isArray(input) ? input : [input];
  if (!typecast) return items;
  return items.flatMap((item) => {
    if (typeof item !== 'string' || isId('record', item.trim())) return [item];
    const whole = looseText(item);
    return links.byTitle(tableId, whole) !== undefined ? [whole] : splitList(item);
  });
}

function castLink(input: unknown, options: LinkOptions, ctx: { typecast: boolean; links?: LinkDirectory }): CastResult<LinkValue, LinkOptions> {
  if (isBlank(input)) return { ok: true, value: null };
  const links = ctx.links;
  if (!links) return { ok: false, reason: 'linked records cannot be looked up here' };
  const records: LinkedRecord[] = [];
  for (const item of itemsOf(input, options.linkedTableId, links, ctx.typecast)) {
    if (isBlank(item)) continue;
    const resolved = resolveItem(item, options.linkedTableId, links, ctx.typecast);
    if (!resolved.ok) return resolved;
    if (!records.some((record) => record.id === resolved.record.id)) records.push({ id: resolved.record.id, title: resolved.record.title });
  }
  if (records.length === 0) return { ok: true, value: null };
  if (records.length > 1 && !options.multiple) return { ok: false, reason: `this field links to one record, got ${records.length}` };
  return { ok: true, value: records };
}

/**
 * The title of a record: its primary value as the primary field's type formats it ('' when empty
 * or when the table has no primary field).
 */
export function recordTitle(primary: Field | undefined, value: unknown, format: FormatContext): string {
  if (!primary || value === null || value === undefined) return '';
  if (Array.isArray(value) && value.length === 0) return '';
  return getFieldType(primary.type).format(value, primary.options, format);
}

function linkComputer(field: Field<LinkOptions>, ctx: ComputeContext): FieldComputer {
  const primaryId = ctx.primaryFieldIdOf(field.options.linkedTableId) ?? null;
  const primary = primaryId === null ? undefined : ctx.fields.get(primaryId);
  const titleOf = (record: ComputedRecord) => recordTitle(primary, primaryId === null ? null : record.values[primaryId], ctx.format);
  return {
    dependencies: [{ kind: 'viaLink' as const, linkFieldId: field.id, targetFieldId: primaryId }],
    compute({ linked }: ComputeInput) {
      const records = linked(field.id).map((record) => ({ id: record.id, title: titleOf(record) }));
      return records.length === 0 ? null : records;
    },
    // The stored cell with the changed records' titles replaced, in the order the link has now:
    // a record added to 10,000 does not re-read the other 10,000 titles.
    update({ current, changes, linkedIds }) {
      if (current !== null && !Array.isArray(current)) return undefined;
      const stored = (current ?? []) as LinkValue;
      const titles = new Map(stored.map((record) => [record.id, record.title]));
      for (const change of changes) {
        if (change.linkFieldId === field.id && change.after) titles.set(change.after.id, titleOf(change.after));
      }
      const ids = linkedIds(field.id) ?? stored.map((record) => record.id);
      const records: LinkedRecord[] = [];
      for (const id of ids) {
        const title = titles.get(id);
        if (title === undefined) return undefined;
        records.push({ id, title });
      }
      return { value: records.length === 0 ? null : records };
    },
  };
}

const titlesText = (value: LinkValue) => JSON.stringify(value.map((record) => record.title));

export const link: FieldTypeDefinition<LinkOptions, LinkValue> = {
  type: 'link',
  optionsSchema,
  checkOptions(options) {
    if (!isId('table', options.linkedTableId)) return { ok: false, path: 'linkedTableId', reason: 'expected the id of a table (tbl_…)' };
    if (options.inverseFieldId !== null && !isId('field', options.inverseFieldId)) {
      return { ok: false, path: 'inverseFieldId', reason: 'expected the id of a field (fld_…) or null' };
    }
    return { ok: true, options };
  },
  valueSchema: (options) =>
    Type.Array(Type.Object({ id: Type.String({ pattern: '^rec_[0-9a-z]{16}$' }), title: Type.String() }, { additionalProperties: false }), {
      minItems: 1,
      ...(options.multiple ? {} : { maxItems: 1 }),
    }),
  storage: { kind: 'json' },
  writable: true,
  cast: castLink,
  format: (value) => value.map((record) => record.title).join(', '),
  operators: ['hasAnyOf', 'hasNoneOf', 'contains', 'doesNotContain', 'isEmpty', 'isNotEmpty'],
  compare: (a, b) => compareText(titlesText(a), titlesText(b)),
  computer: linkComputer,
};

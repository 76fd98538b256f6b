/**
 * Attachment. Value: a non-empty array of `{ id, name, size, mimeType }` (ids `att_…`), without
 * duplicate ids, in the order given. Input names uploaded files by id — `{ id }` objects or id
 * strings; the metadata is copied from the upload store (`ctx.attachments`), so a client-sent
 * name, size or type is ignored (RELIABILITY A4.4: the server sniffs the type). Loose input
 * also takes a single id or object, and comma-separated ids.
 * Objects are built with keys in the order id, name, size, mimeType — the order PostgreSQL's
 * jsonb keeps them in — so the JSON text used for sorting is the same on both dialects.
 */
import { Type } from '@sinclair/typebox';
import { describeInput, isBlank, splitList } from '../cast-helpers';
import type { AttachmentInfo, FieldTypeDefinition } from '../field-type';
import { compareText } from '../text-helpers';

export type AttachmentOptions = Record<string, never>;

const attachmentSchema = Type.Object(
  {
    id: Type.String({ pattern: '^att_[0-9a-z]{16}$' }),
    name: Type.String(),
    size: Type.Integer({ minimum: 0 }),
    mimeType: Type.String(),
  },
  { additionalProperties: false },
);

function attachmentId(item: unknown): string | undefined {
  if (typeof item === 'string') return item.trim();
  if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string') return (item as { id: string }).id;
  return undefined;
}

export const attachment: FieldTypeDefinition<AttachmentOptions, AttachmentInfo[]> = {
  type: 'attachment',
  optionsSchema: Type.Object({}, { additionalProperties: false }),
  valueSchema: () => Type.Array(attachmentSchema, { minItems: 1 }),
  storage: { kind: 'json' },
  writable: true,
  cast(input, _options, ctx) {
    if (isBlank(input)) return { ok: true, value: null };
    let items: unknown[];
    if (Array.isArray(input)) items = input;
    else if (!ctx.typecast) return { ok: false, reason: `expected an array of attachments ({ id }), got ${describeInput(input)}` };
    else items = typeof input === 'string' ? splitList(input) : [input];
    const value: AttachmentInfo[] = [];
    for (const [index, item] of items.entries()) {
      const id = attachmentId(item);
      if (id === undefined) return { ok: false, reason: `[${index}]: ${describeInput(item)} is not an attachment (expected { id })` };
      const stored = ctx.attachments.byId(id);
      if (!stored) return { ok: false, reason: `[${index}]: no uploaded file has the id ${describeInput(id)}` };
      if (value.some((existing) => existing.id === stored.id)) continue;
      value.push({ id: stored.id, name: stored.name, size: stored.size, mimeType: stored.mimeType });
    }
    return value.length === 0 ? { ok: true, value: null } : { ok: true, value };
  },
  format: (value) => value.map((file) => file.name).join(', '),
  operators: ['isEmpty', 'isNotEmpty'],
  compare: (a, b) => compareText(JSON.stringify(a), JSON.stringify(b)),
};

/**
 * Converting a stored value when a field's type (or its options) changes. Storage runs every value
 * of the column through here in one transaction and reports the values that fail, rather than
 * losing them (DESIGN §4). Conversion is always loose (typecast on): first the raw value is cast
 * to the new type (text `1,234.5` → number, `['A']` → single select `A`), and when that fails, the
 * value's display text under the old type (person ids → names, multiple choices → `A, B`).
 * When the cast adds select choices, the result carries the extended `options`: pass those to the
 * next call so a whole column adds each new choice once.
 */
import { describeInput } from './cast-helpers';
import type { CastContext, CastResult } from './field-type';
import { getFieldType } from './registry';

export interface FieldShape {
  type: string;
  options: unknown;
}

/** The value of a field of shape `from` as a value of shape `to`; `value` must be a stored (canonical) value of `from`. */
export function convertValue(from: FieldShape, to: FieldShape, value: unknown, ctx: CastContext): CastResult<unknown, unknown> {
  if (value === null || value === undefined) return { ok: true, value: null };
  const target = getFieldType(to.type);
  const looseContext: CastContext = { ...ctx, typecast: true };
  const direct = target.cast(value, to.options, looseContext);
  if (direct.ok) return direct;
  const text = getFieldType(from.type).format(value, from.options, { timeZone: ctx.timeZone, locale: 'en', users: ctx.users });
  if (text === value) return direct;
  const viaText = target.cast(text, to.options, looseContext);
  if (viaText.ok) return viaText;
  return { ok: false, reason: `${describeInput(text)} cannot become a ${to.type} value: ${viaText.reason}` };
}

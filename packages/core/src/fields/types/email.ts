/**
 * Email address. Value: `local@domain.tld`, trimmed, with the domain lower-cased (domains are
 * case-insensitive; the local part, strictly, is not, so it is kept as typed). Unicode letters are
 * allowed on both sides. Loose input also folds full-width characters (`＠`), drops a `mailto:`
 * prefix and takes the address out of `Name <address>`.
 */
import { Type } from '@sinclair/typebox';
import { describeInput, toHalfWidth } from '../cast-helpers';
import type { FieldTypeDefinition } from '../field-type';
import { compareText, readTextInput, textOperators } from '../text-helpers';

export type EmailOptions = Record<string, never>;

export const maxEmailLength = 254;
const localPart = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const domainPart = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

function looseAddress(text: string): string {
  const folded = toHalfWidth(text).trim();
  const angled = /<([^<>]+)>$/.exec(folded);
  const address = angled ? angled[1]!.trim() : folded;
  return address.replace(/^mailto:/i, '');
}

export const email: FieldTypeDefinition<EmailOptions, string> = {
  type: 'email',
  optionsSchema: Type.Object({}, { additionalProperties: false }),
  // No `format: 'email'`: ajv's email format refuses the Unicode addresses this type accepts.
  valueSchema: () => Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: maxEmailLength }),
  storage: { kind: 'text' },
  writable: true,
  cast(input, _options, ctx) {
    const read = readTextInput(input, ctx.typecast);
    if (!read.ok || read.text === null) return read.ok ? { ok: true, value: null } : read;
    const text = ctx.typecast ? looseAddress(read.text) : read.text.trim();
    const at = text.lastIndexOf('@');
    const local = text.slice(0, at);
    const domain = text.slice(at + 1).toLowerCase();
    if (at <= 0 || !localPart.test(local) || !domainPart.test(domain) || local.length > 64) {
      return { ok: false, reason: `${describeInput(read.text)} is not an email address (name@example.com)` };
    }
    const value = `${local}@${domain}`;
    if (value.length > maxEmailLength) return { ok: false, reason: `an email address has at most ${maxEmailLength} characters` };
    return { ok: true, value };
  },
  format: (value) => value,
  operators: textOperators,
  compare: compareText,
};

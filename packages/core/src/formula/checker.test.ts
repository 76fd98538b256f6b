import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { prepareFormula } from './compile';
import { formulaResolverForFields } from './references';
import type { ValueKind } from './value-kinds';

const fields: { id: string; name: string; kind: ValueKind }[] = [
  { id: 'fld_text000000000000', name: 'Name', kind: 'text' },
  { id: 'fld_number0000000000', name: 'Price', kind: 'number' },
  { id: 'fld_date000000000000', name: 'Due', kind: 'date' },
  { id: 'fld_check00000000000', name: 'Done', kind: 'boolean' },
  { id: 'fld_tags000000000000', name: 'Tags', kind: { list: 'text' } },
  { id: 'fld_lookup0000000000', name: 'Amounts', kind: { list: 'number' } },
  { id: 'fld_dates00000000000', name: 'Visits', kind: { list: 'date' } },
];
const resolver = formulaResolverForFields(fields);
const compile = (text: string) => prepareFormula(text, resolver).compiled;
const kindOf = (text: string) => compile(text).resultKind;

function refusal(text: string): EngineError {
  try {
    compile(text);
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('result kind inference', () => {
  it('infers the kinds of literals, operators and fields', () => {
    expect(kindOf('1 + {Price}')).toBe('number');
    expect(kindOf('{Name} & 1')).toBe('text');
    expect(kindOf('{Price} > 3')).toBe('boolean');
    expect(kindOf('{Due}')).toBe('date');
    expect(kindOf('{Tags}')).toEqual({ list: 'text' });
  });

  it('infers function results, including ones that depend on their arguments', () => {
    expect(kindOf('DATEADD({Due}, 1, "days")')).toBe('date');
    expect(kindOf('DATETIME_FORMAT({Due}, "YYYY")')).toBe('text');
    expect(kindOf('IF({Done}, {Price}, BLANK())')).toBe('number');
    expect(kindOf('IF({Done}, {Price})')).toBe('number');
    expect(kindOf('IF({Done}, {Price}, "none")')).toBe('any');
    expect(kindOf('IFERROR({Price} / 2, ERROR())')).toBe('number');
    expect(kindOf('SWITCH({Price}, 1, "one", 2, "two", "many")')).toBe('text');
    expect(kindOf('MAX({Visits})')).toBe('date');
    expect(kindOf('MAX({Amounts})')).toBe('number');
    expect(kindOf('ARRAYUNIQUE({Tags})')).toEqual({ list: 'text' });
    expect(kindOf('ARRAYFLATTEN({Amounts})')).toEqual({ list: 'number' });
    expect(kindOf('ARRAYJOIN({Tags})')).toBe('text');
    expect(kindOf('BLANK()')).toBe('blank');
  });

  it('records the kinds of referenced fields, the dependencies and time dependence', () => {
    const compiled = compile('IF({Done}, DATETIME_DIFF(TODAY(), {Due}, "days"), {Price})');
    expect(compiled.referencedFieldIds).toEqual(['fld_check00000000000', 'fld_date000000000000', 'fld_number0000000000']);
    expect(compiled.fieldKinds.get('fld_date000000000000')).toBe('date');
    expect(compiled.timeDependent).toBe(true);
  });
});

describe('save-time refusals', () => {
  it('refuses an unknown function by name and position, with a suggestion when one is close', () => {
    const error = refusal('1 + DATEAD({Due}, 1, "days")');
    expect(error.code).toBe('INVALID_FORMULA');
    expect(error.details.position).toBe(4);
    expect(error.message).toContain('Unknown function DATEAD()');
    expect(error.message).toContain('DATEADD');
  });

  it('refuses a wrong number of arguments', () => {
    expect(refusal('LEN()').message).toContain('LEN() takes 1 argument, not 0');
    expect(refusal('IF(1)').message).toContain('IF() takes 2 to 3 arguments, not 1');
    expect(refusal('NOW(1)').message).toContain('NOW() takes 0 arguments, not 1');
    expect(refusal('SUM()').message).toContain('at least 1');
    expect(refusal('IFS(1, 2, 3)').message).toContain('pairs');
  });

  it('validates enum arguments given as literals against their lists', () => {
    const unit = refusal('DATEADD({Due}, 1, "dayz")');
    expect(unit.details.position).toBe(18);
    expect(unit.message).toContain('"dayz" is not a date unit');
    expect(refusal('DATETIME_DIFF({Due}, NOW(), "fortnights")').message).toContain('not a date unit');
    expect(refusal('DATEDIF({Due}, NOW(), "W")').message).toContain('not a DATEDIF unit');
    expect(refusal('DATETIME_FORMAT({Due}, "YYYY-MM-DD at HH:mm")').message).toContain('"t" is not a date format specifier');
    expect(refusal('SET_TIMEZONE({Due}, "Mars/Olympus")').message).toContain('not an IANA time zone');
    expect(refusal('WEEKDAY({Due}, "Tuesday")').message).toContain('"Sunday" or "Monday"');
    expect(refusal('DATEADD({Due}, 1, 5)').message).toContain('"5" is not a date unit');
  });

  it('accepts every documented unit spelling', () => {
    for (const unit of ['days', 'day', 'DAYS', 'd', 'weeks', 'w', 'months', 'M', 'quarters', 'Q', 'years', 'y', 'hours', 'h', 'minutes', 'm', 'seconds', 's', 'milliseconds', 'ms']) {
      expect(kindOf(`DATEADD({Due}, 1, "${unit}")`)).toBe('date');
    }
    expect(kindOf('DATETIME_FORMAT({Due}, "YYYY年M月D日 HH:mm [UTC]Z, dddd Do LL")')).toBe('text');
  });

  it('refuses dates in arithmetic and numbers or booleans as dates', () => {
    expect(refusal('{Due} + 1').message).toContain('use DATEADD or DATETIME_DIFF');
    expect(refusal('-{Due}').message).toContain('cannot be a date');
    expect(refusal('DATEADD(5, 1, "days")').message).toContain("DATEADD's date must be a date, not a number");
    expect(refusal('YEAR({Done})').message).toContain('not a boolean');
    expect(refusal('{Due} > 5').message).toContain('cannot compare a date with a number');
  });

  it('refuses literal text that can never be a number or a date where one is needed', () => {
    expect(refusal('"abc" * 2').message).toContain('"abc" is not one (use & to join text)');
    expect(refusal('ROUND("abc", 2)').message).toContain("ROUND's value must be a number");
    expect(refusal('DATEADD("x", 1, "days")').message).toContain('"x" is not one');
    expect(kindOf('"3" * 2')).toBe('number');
    expect(kindOf('DATEADD("2026-03-05", 1, "days")')).toBe('date');
  });

  it('leaves run-time conversions alone: text fields in arithmetic, anything as text', () => {
    expect(kindOf('{Name} * 2')).toBe('number');
    expect(kindOf('LEN({Price})')).toBe('number');
    expect(kindOf('DATEADD({Name}, 1, "days")')).toBe('date');
  });

  it('requires LAST_MODIFIED_TIME arguments to be fields', () => {
    expect(kindOf('LAST_MODIFIED_TIME({Price}, {Name})')).toBe('date');
    expect(refusal('LAST_MODIFIED_TIME("Price")').message).toContain('must be a {field}');
  });
});

import { describe, expect, it } from 'vitest';
import { evaluateFormula } from './evaluator';
import { formulaLimits } from './limits';
import { parseFormula } from './parser';
import { errorOf, evaluate, run } from './test-support';

const context = { values: {}, recordId: 'rec_1', now: new Date('2026-03-05T04:00:00Z'), timeZone: 'Asia/Shanghai' };

describe('arithmetic', () => {
  it('follows precedence and associativity', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('8 / 4 / 2')).toBe(1);
    expect(run('-2 * -3')).toBe(6);
    expect(run('2 - -2')).toBe(4);
  });

  it('reads blank as 0, booleans as 1 and 0, and numeric text as numbers', () => {
    expect(run('{Qty} + 1', { fields: { Qty: { kind: 'number' } } })).toBe(1);
    expect(run('TRUE + TRUE')).toBe(2);
    expect(run('"3" * "4"')).toBe(12);
    expect(run('{Amount} * 2', { fields: { Amount: { kind: 'text', value: '１,２００' } } })).toBe(2400);
  });

  it('gives #DIV/0 for division by zero and #VALUE for text that is no number', () => {
    expect(errorOf('1 / 0')).toBe('#DIV/0');
    expect(errorOf('1 / {Qty}', { fields: { Qty: { kind: 'number' } } })).toBe('#DIV/0');
    expect(errorOf('{Name} * 2', { fields: { Name: { kind: 'text', value: 'abc' } } })).toBe('#VALUE');
  });

  it('gives #NUM for results beyond a double', () => {
    expect(errorOf('1e308 * 10')).toBe('#NUM');
  });
});

describe('& concatenation', () => {
  it('joins numbers as a spreadsheet shows them and blanks as nothing', () => {
    expect(run('"Total: " & 42')).toBe('Total: 42');
    expect(run('1 & 2')).toBe('12');
    expect(run('0.1 + 0.2 & ""')).toBe('0.3');
    expect(run('"a" & BLANK() & "b"')).toBe('ab');
    expect(run('{Name} & "!"', { fields: { Name: { kind: 'text' } } })).toBe('!');
    expect(run('TRUE & ""')).toBe('TRUE');
  });

  it('joins lists with ", " and dates as UTC instants', () => {
    expect(run('{Tags} & ""', { fields: { Tags: { kind: { list: 'text' }, value: ['a', 'b'] } } })).toBe('a, b');
    expect(run('{Due} & ""', { fields: { Due: { kind: 'date', value: '2026-03-05T08:00:00.000Z' } } })).toBe('2026-03-05T08:00:00.000Z');
  });

  it('binds looser than + so "a" & 1 + 2 is "a3"', () => {
    expect(run('"a" & 1 + 2')).toBe('a3');
  });

  it('refuses to build text past the limit with #LIMIT', () => {
    expect(errorOf('REPT("x", 60000) & REPT("y", 60000)')).toBe('#LIMIT');
  });
});

describe('comparisons', () => {
  it('compares numbers numerically and text by code point, case-sensitively', () => {
    expect(run('2 < 10')).toBe(true);
    expect(run('"2" < "10"')).toBe(false);
    expect(run('"a" = "A"')).toBe(false);
    expect(run('"a" != "A"')).toBe(true);
    expect(run('"b" > "a"')).toBe(true);
    expect(run('"口" = "口"')).toBe(true);
  });

  it('compares a number with numeric text as numbers, and with other text as text', () => {
    expect(run('1 = "1"')).toBe(true);
    expect(run('10 > "9"')).toBe(true);
    expect(run('1 = "one"')).toBe(false);
  });

  it('treats blank as 0 beside numbers, "" beside text, and FALSE beside booleans', () => {
    const fields = { Empty: { kind: 'any' as const } };
    expect(run('{Empty} = 0', { fields })).toBe(true);
    expect(run('{Empty} = ""', { fields })).toBe(true);
    expect(run('{Empty} = FALSE', { fields })).toBe(true);
    expect(run('BLANK() = BLANK()')).toBe(true);
  });

  it('compares dates as instants, also with date text, and never orders a blank date', () => {
    const fields = { Due: { kind: 'date' as const, value: '2026-03-05' }, None: { kind: 'date' as const } };
    expect(run('{Due} < TODAY()', { fields, now: '2026-03-06T04:00:00Z' })).toBe(true);
    expect(run('{Due} = "2026-03-05"', { fields })).toBe(true);
    expect(run('{Due} > "2026-03-04"', { fields })).toBe(true);
    expect(run('{None} < TODAY()', { fields })).toBe(false);
    expect(run('{None} > TODAY()', { fields })).toBe(false);
    expect(run('{None} = TODAY()', { fields })).toBe(false);
    expect(run('{None} != TODAY()', { fields })).toBe(true);
  });

  it('compares booleans as 1 and 0', () => {
    expect(run('TRUE = 1')).toBe(true);
    expect(run('FALSE < TRUE')).toBe(true);
  });

  it('compares a one-item list as its item', () => {
    expect(run('{Lookup} = 5', { fields: { Lookup: { kind: { list: 'number' }, value: [5] } } })).toBe(true);
    expect(run('{Lookup} = "a, b"', { fields: { Lookup: { kind: { list: 'text' }, value: ['a', 'b'] } } })).toBe(true);
  });
});

describe('errors', () => {
  it('propagate through operators and strict functions', () => {
    expect(run('(1 / 0) + 1')).toEqual({ error: '#DIV/0', reason: 'division by zero' });
    expect(errorOf('LEN(1 / 0)')).toBe('#DIV/0');
    expect(errorOf('"a" & ERROR()')).toBe('#ERROR');
    expect(errorOf('IF(1 / 0, 1, 2)')).toBe('#DIV/0');
  });

  it('are not reached in branches that are not taken', () => {
    expect(run('IF(FALSE, 1 / 0, 2)')).toBe(2);
    expect(run('IF({Qty} = 0, 0, 10 / {Qty})', { fields: { Qty: { kind: 'number', value: 0 } } })).toBe(0);
  });

  it('carry the reason to the cell', () => {
    expect(run('ERROR("missing price")')).toEqual({ error: '#ERROR', reason: 'missing price' });
  });
});

describe('cell inputs', () => {
  it('read date cells as dates: calendar dates at local midnight, instants as they are', () => {
    const fields = { Day: { kind: 'date' as const, value: '2026-03-05' }, At: { kind: 'date' as const, value: '2026-03-05T01:30:00.000Z' } };
    expect(run('{Day}', { fields })).toBe('2026-03-04T16:00:00.000Z');
    expect(run('HOUR({At})', { fields })).toBe(9);
  });

  it('read link, user and attachment objects as their titles or names', () => {
    const fields = {
      Links: { kind: { list: 'text' as const }, value: [{ id: 'rec_1', title: '张三' }, { id: 'rec_2', title: '李四' }] },
      Owner: { kind: 'text' as const, value: { id: 'usr_1', name: 'Alice Chen' } },
    };
    expect(run('ARRAYJOIN({Links}, "、")', { fields })).toBe('张三、李四');
    expect(run('{Owner}', { fields })).toBe('Alice Chen');
  });

  it('give #VALUE for a date cell that is no date', () => {
    expect(errorOf('{Due}', { fields: { Due: { kind: 'date', value: 'soon' } } })).toBe('#VALUE');
  });
});

describe('limits', () => {
  it('counts steps and stops with #LIMIT past the budget, never above it', () => {
    const small = evaluate('1 + 2');
    expect(small.steps).toBe(3);
    const limited = evaluate('SUM(1, 2, 3, 4, 5)', { stepBudget: 4 });
    expect(limited.value).toMatchObject({ type: 'error', error: '#LIMIT' });
    expect(limited.steps).toBeLessThanOrEqual(4);
  });

  it('charges for the items of lists, so large lookups cost their size', () => {
    const values = Array.from({ length: 5000 }, (_, i) => i);
    const result = evaluate('SUM({Lookup}) + COUNT({Lookup})', { fields: { Lookup: { kind: { list: 'number' }, value: values } } });
    expect(result.value).toBe(12497500 + 5000);
    expect(result.steps).toBeGreaterThan(5000);
    expect(result.steps).toBeLessThanOrEqual(formulaLimits.stepBudget);
  });

  it('stops a hand-built tree deeper than 64 with #LIMIT instead of recursing', () => {
    let tree = parseFormula('1');
    for (let i = 0; i < 10_000; i++) tree = { kind: 'unary', operator: '-', operand: tree, start: 0, end: 0 };
    const result = evaluateFormula(tree, context);
    expect(result.value).toMatchObject({ type: 'error', error: '#LIMIT' });
  });

  it('returns an error value for an unknown function or wrong argument count in an unchecked tree', () => {
    expect(evaluateFormula(parseFormula('NOPE(1)'), context).value).toMatchObject({ error: '#ERROR', reason: 'unknown function NOPE' });
    expect(evaluateFormula(parseFormula('LEN()'), context).value).toMatchObject({ error: '#ERROR' });
  });

  it('refuses an invalid base time zone with an error value', () => {
    expect(evaluateFormula(parseFormula('1'), { ...context, timeZone: 'Nowhere/Land' }).value).toMatchObject({ error: '#ERROR' });
  });
});

import { describe, expect, it } from 'vitest';
import { evaluate, run } from '../test-support';

const list = (value: unknown[], kind: 'any' | 'text' | 'number' | 'date' = 'any') => ({ kind: { list: kind }, value });

describe('array functions (Airtable reference examples)', () => {
  it('ARRAYJOIN joins items with a separator, ", " by default', () => {
    const fields = { Names: list(['张三', '李四', null, 3]) };
    expect(run('ARRAYJOIN({Names})', { fields })).toBe('张三, 李四, , 3');
    expect(run('ARRAYJOIN({Names}, "; ")', { fields })).toBe('张三; 李四; ; 3');
    expect(run('ARRAYJOIN("solo", "|")')).toBe('solo');
  });
  it('ARRAYUNIQUE keeps the first of equal items of the same kind', () => {
    expect(run('ARRAYUNIQUE({V})', { fields: { V: list([1, 2, 3, 3, 2, 1, '1', null, null]) } })).toEqual([1, 2, 3, '1', null]);
  });
  it('ARRAYCOMPACT drops blanks and empty text, keeping 0 and FALSE', () => {
    expect(run('ARRAYCOMPACT({V})', { fields: { V: list([1, '', null, 'two', 0, false, ' ']) } })).toEqual([1, 'two', 0, false, ' ']);
  });
  it('ARRAYFLATTEN flattens nested lists', () => {
    expect(run('ARRAYFLATTEN({V})', { fields: { V: list([1, [2, [3, 4]], 'x']) } })).toEqual([1, 2, 3, 4, 'x']);
    expect(run('ARRAYFLATTEN(BLANK())')).toEqual([]);
  });
  it('ARRAYSLICE is 1-based with the end included, negative positions from the end', () => {
    const fields = { V: list(['a', 'b', 'c', 'd']) };
    expect(run('ARRAYSLICE({V}, 2, 3)', { fields })).toEqual(['b', 'c']);
    expect(run('ARRAYSLICE({V}, 2)', { fields })).toEqual(['b', 'c', 'd']);
    expect(run('ARRAYSLICE({V}, -2)', { fields })).toEqual(['c', 'd']);
    expect(run('ARRAYSLICE({V}, 1, -2)', { fields })).toEqual(['a', 'b', 'c']);
    expect(run('ARRAYSLICE({V}, 3, 2)', { fields })).toEqual([]);
  });
});

describe('COUNTIF and SUMIF over lookup values', () => {
  const fields = {
    Status: list(['done', 'Done', 'open', '', null, 'done']),
    Scores: list([5, 8, 3, null, 10, '7'], 'number'),
    Names: list(['王伟', '王芳', '李娜', 'Wang']),
  };
  it('COUNTIF counts items equal to a value, ignoring case for text', () => {
    expect(run('COUNTIF({Status}, "done")', { fields })).toBe(3);
    expect(run('COUNTIF({Scores}, 8)', { fields })).toBe(1);
    expect(run('COUNTIF({Scores}, "7")', { fields })).toBe(1);
  });
  it('COUNTIF reads comparison conditions, numerically when the operand is a number', () => {
    expect(run('COUNTIF({Scores}, ">5")', { fields })).toBe(3);
    expect(run('COUNTIF({Scores}, "<=5")', { fields })).toBe(2);
    expect(run('COUNTIF({Status}, "<>done")', { fields })).toBe(3);
    expect(run('COUNTIF({Status}, "<>")', { fields })).toBe(4);
    expect(run('COUNTIF({Status}, "=")', { fields })).toBe(2);
  });
  it('COUNTIF matches * and ? wildcards, with ~ escaping them', () => {
    expect(run('COUNTIF({Names}, "王*")', { fields })).toBe(2);
    expect(run('COUNTIF({Names}, "?娜")', { fields })).toBe(1);
    expect(run('COUNTIF({V}, "a~*")', { fields: { V: list(['a*', 'ab']) } })).toBe(1);
  });
  it('COUNTIF matches wildcards in linear time and charges long items to the step budget', () => {
    const long = { V: list(Array.from({ length: 50 }, () => 'a'.repeat(2000))) };
    expect(run('COUNTIF({V}, "*a*a*a*a*a*a*a*a*a*a*c")', { fields: long })).toBe(0);
    expect(evaluate('COUNTIF({V}, "*a*a*a*a*a*a*a*a*a*a*c")', { fields: long, stepBudget: 5000 }).value).toMatchObject({ error: '#LIMIT' });
    expect(run(`COUNTIF({V}, "${'*'.repeat(1001)}")`, { fields: long })).toMatchObject({ error: '#LIMIT' });
  });
  it('COUNTIF with a blank condition counts blank items', () => {
    expect(run('COUNTIF({Status}, "")', { fields })).toBe(2);
  });
  it('SUMIF adds matching items, or the items of a second list at the same positions', () => {
    expect(run('SUMIF({Scores}, ">5")', { fields })).toBe(25);
    expect(run('SUMIF({Status}, "done", {Scores})', { fields })).toBe(5 + 8 + 7);
    expect(run('SUMIF({Scores}, "<0")', { fields })).toBe(0);
  });
});

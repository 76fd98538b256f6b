import { describe, expect, it } from 'vitest';
import { errorOf, run } from '../test-support';

const fields = {
  Priority: { kind: 'number' as const, value: 1 },
  Waiting: { kind: 'boolean' as const, value: true },
  Empty: { kind: 'text' as const },
  Checks: { kind: { list: 'boolean' as const }, value: [true, true, false] },
};

describe('logical functions (Airtable reference examples)', () => {
  it('IF picks a branch by truthiness and gives blank without an else', () => {
    expect(run('IF({Waiting}, "Wait", "Go")', { fields })).toBe('Wait');
    expect(run('IF({Empty}, "set", "empty")', { fields })).toBe('empty');
    expect(run('IF(0, "x")')).toBeNull();
    expect(run('IF("text", 1, 2)')).toBe(1);
    expect(run('IF("", 1, 2)')).toBe(2);
  });
  it('IFS returns the value of the first true condition, blank when none', () => {
    expect(run('IFS({Priority} = 0, "Low", {Priority} = 1, "Middle", TRUE, "Other")', { fields })).toBe('Middle');
    expect(run('IFS(FALSE, 1)')).toBeNull();
  });
  it('SWITCH matches with = and falls back to the default or blank', () => {
    expect(run('SWITCH({Priority}, 0, "Low", 1, "Middle", 2, "High", "Unknown")', { fields })).toBe('Middle');
    expect(run('SWITCH(9, 0, "Low", 1, "Middle", "Unknown")')).toBe('Unknown');
    expect(run('SWITCH(9, 0, "Low", 1, "Middle")')).toBeNull();
    expect(run('SWITCH({Empty}, BLANK(), "none", "some")', { fields })).toBe('none');
    expect(run('SWITCH("1", 1, "numeric text matches")')).toBe('numeric text matches');
  });
  it('AND, OR, XOR and NOT, also over lists', () => {
    expect(run('AND(TRUE(), FALSE())')).toBe(false);
    expect(run('AND(1, "a")')).toBe(true);
    expect(run('OR(FALSE(), 1)')).toBe(true);
    expect(run('XOR(TRUE(), FALSE(), TRUE())')).toBe(false);
    expect(run('XOR(TRUE(), FALSE())')).toBe(true);
    expect(run('NOT(0)')).toBe(true);
    expect(run('AND({Checks})', { fields })).toBe(false);
    expect(run('OR({Checks})', { fields })).toBe(true);
  });
  it('TRUE, FALSE and BLANK', () => {
    expect(run('TRUE()')).toBe(true);
    expect(run('FALSE()')).toBe(false);
    expect(run('BLANK()')).toBeNull();
  });
  it('ISBLANK is true for blank, empty text and empty lists but not 0', () => {
    expect(run('ISBLANK({Empty})', { fields })).toBe(true);
    expect(run('ISBLANK("")')).toBe(true);
    expect(run('ISBLANK(0)')).toBe(false);
    expect(run('ISBLANK({L})', { fields: { L: { kind: { list: 'text' }, value: [] } } })).toBe(true);
  });
  it('ERROR, ISERROR and IFERROR', () => {
    expect(errorOf('ERROR()')).toBe('#ERROR');
    expect(run('ISERROR(2/0)')).toBe(true);
    expect(run('ISERROR(2/1)')).toBe(false);
    expect(run('IFERROR(2/0, "oops")')).toBe('oops');
    expect(run('IFERROR(4/2, "oops")')).toBe(2);
    expect(run('IFERROR(SQRT(-1), -1)')).toBe(-1);
  });
  it('propagates an error in a condition', () => {
    expect(errorOf('IF(1/0, 1, 2)')).toBe('#DIV/0');
    expect(errorOf('AND(1, 1/0)')).toBe('#DIV/0');
    expect(errorOf('SWITCH(1/0, 1, 2)')).toBe('#DIV/0');
    expect(errorOf('NOT(ERROR())')).toBe('#ERROR');
  });
});

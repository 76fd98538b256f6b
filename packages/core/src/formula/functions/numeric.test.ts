import { describe, expect, it } from 'vitest';
import { errorOf, run } from '../test-support';

const lookup = (value: unknown[]) => ({ fields: { Values: { kind: { list: 'any' as const }, value } } });

describe('numeric functions (Airtable reference examples)', () => {
  it('ABS, INT, MOD, POWER, SQRT, EXP, LOG', () => {
    expect(run('ABS(-5.5)')).toBe(5.5);
    expect(run('INT(1.99)')).toBe(1);
    expect(run('INT(-1.99)')).toBe(-2);
    expect(run('MOD(7, 5)')).toBe(2);
    expect(run('MOD(-1, 3)')).toBe(2);
    expect(run('MOD(5.5, 1)')).toBe(0.5);
    expect(run('POWER(2, 5)')).toBe(32);
    expect(run('SQRT(100)')).toBe(10);
    expect(run('EXP(1)')).toBeCloseTo(2.718281828, 8);
    expect(run('LOG(1024, 2)')).toBeCloseTo(10, 10);
    expect(run('LOG(10000)')).toBeCloseTo(4, 10);
  });
  it('ROUND rounds half away from zero on the decimal digits', () => {
    expect(run('ROUND(1.99, 0)')).toBe(2);
    expect(run('ROUND(16.8, -1)')).toBe(20);
    expect(run('ROUND(1.005, 2)')).toBe(1.01);
    expect(run('ROUND(-2.5, 0)')).toBe(-3);
    expect(run('ROUND(2.5)')).toBe(3);
    expect(run('ROUND(1.5, 400)')).toBe(1.5);
  });
  it('ROUNDUP rounds away from zero and ROUNDDOWN toward zero', () => {
    expect(run('ROUNDUP(1.1, 0)')).toBe(2);
    expect(run('ROUNDUP(-1.1, 0)')).toBe(-2);
    expect(run('ROUNDUP(1.234, 2)')).toBe(1.24);
    expect(run('ROUNDDOWN(1.99, 0)')).toBe(1);
    expect(run('ROUNDDOWN(-1.99, 0)')).toBe(-1);
    expect(run('ROUNDDOWN(1234, -2)')).toBe(1200);
  });
  it('CEILING and FLOOR go to multiples of the significance, without binary noise', () => {
    expect(run('CEILING(1.01, 0.1)')).toBe(1.1);
    expect(run('CEILING(-1.99, 0.1)')).toBe(-1.9);
    expect(run('CEILING(0.3, 0.1)')).toBe(0.3);
    expect(run('CEILING(2.1)')).toBe(3);
    expect(run('FLOOR(1.99, 0.1)')).toBe(1.9);
    expect(run('FLOOR(-1.99, 0.1)')).toBe(-2);
    expect(run('FLOOR(7, 5)')).toBe(5);
    expect(run('FLOOR(7, 0)')).toBe(0);
  });
  it('SUM, AVERAGE, MIN and MAX take the numeric items of their arguments and lists', () => {
    expect(run('SUM(1, 3, 5)')).toBe(9);
    expect(run('AVERAGE(1, 2, 3, 4)')).toBe(2.5);
    expect(run('MAX(1, 3, 5, 7)')).toBe(7);
    expect(run('MIN(1, 3, 5, 7)')).toBe(1);
    expect(run('SUM({Values})', lookup([1, 2, '3', null, 'x', true]))).toBe(6);
    expect(run('AVERAGE({Values}, 10)', lookup([2, null, 'x']))).toBe(6);
    expect(run('MAX({Values})', lookup([4, 12, 7]))).toBe(12);
    expect(run('MIN({Values})', lookup([]))).toBe(0);
  });
  it('MIN and MAX of dates give dates', () => {
    const dates = { fields: { Visits: { kind: { list: 'date' as const }, value: ['2026-03-05', '2026-01-02T03:00:00.000Z', '2026-02-01'] } } };
    expect(run('MIN({Visits})', dates)).toBe('2026-01-02T03:00:00.000Z');
    expect(run('DATETIME_FORMAT(MAX({Visits}), "YYYY-MM-DD")', dates)).toBe('2026-03-05');
  });
  it('COUNT counts numeric items, COUNTA non-blank items and COUNTALL every item', () => {
    expect(run('COUNT(1, 2, 3, "", "four")')).toBe(3);
    expect(run('COUNTA(1, 2, 3, "", "four")')).toBe(4);
    expect(run('COUNTALL(1, 2, 3, "", "four")')).toBe(5);
    expect(run('COUNT({Values})', lookup([1, '2', 'x', null]))).toBe(2);
    expect(run('COUNTA({Values})', lookup([1, '', null, 'x', false]))).toBe(3);
    expect(run('COUNTALL({Values})', lookup([1, '', null]))).toBe(3);
    expect(run('COUNTALL({Values})', lookup([]))).toBe(0);
  });
  it('VALUE reads numbers people type', () => {
    expect(run('VALUE("$1000")')).toBe(1000);
    expect(run('VALUE("1,234.5")')).toBe(1234.5);
    expect(run('VALUE("50%")')).toBe(0.5);
    expect(run('VALUE("１２３")')).toBe(123);
    expect(run('VALUE("")')).toBeNull();
    expect(errorOf('VALUE("abc")')).toBe('#VALUE');
  });
  it('gives #NUM, #DIV/0 and #VALUE for impossible input', () => {
    expect(errorOf('SQRT(-1)')).toBe('#NUM');
    expect(errorOf('LOG(0)')).toBe('#NUM');
    expect(errorOf('LOG(8, 1)')).toBe('#NUM');
    expect(errorOf('POWER(-8, 0.5)')).toBe('#NUM');
    expect(errorOf('POWER(10, 400)')).toBe('#NUM');
    expect(errorOf('MOD(1, 0)')).toBe('#DIV/0');
    expect(errorOf('AVERAGE({Values})', lookup(['x']))).toBe('#DIV/0');
    expect(errorOf('ABS({Values})', lookup([1, 2]))).toBe('#VALUE');
  });
  it('reads blank as 0 and a one-item list as its item', () => {
    expect(run('ABS({Values})', lookup([-3]))).toBe(3);
    expect(run('ROUND(BLANK(), 2)')).toBe(0);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecimalSum, decimalSum, sumIsExact } from './decimal-sum';
import { run } from './test-support';

/** The exact decimal of a double's shortest form, as a bigint scaled by 10^40 (numbers in tests stay within that). */
function reference(values: number[]): bigint {
  let total = 0n;
  for (const value of values) {
    const [mantissa, exponent = '0'] = String(value).split('e');
    const [whole, fraction = ''] = mantissa!.split('.');
    const scale = 40 - fraction.length + Number(exponent);
    const units = BigInt(`${whole}${fraction}`);
    total += scale >= 0 ? units * 10n ** BigInt(scale) : units / 10n ** BigInt(-scale);
  }
  return total;
}

const asReference = (value: number) => reference([value]);

/** Decimals as people type them: up to 9 digits and 0–8 places, sometimes negative. */
const typed = fc.tuple(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 8 })).map(([units, places]) => Number(`${units}e-${places}`));
/** Any finite double, large and tiny ones included. */
const anyNumber = fc.oneof(typed, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }), fc.constantFrom(1 / 3, 2 / 3, 0.1, 0.2, 1e-17, 5e-324, 1e15, 123456789012345.6));

describe('decimalSum', () => {
  it('adds decimals as people read them', () => {
    expect(decimalSum([0.1, 0.2])).toBe(0.3);
    expect(decimalSum([0.1, 0.7])).toBe(0.8);
    expect(decimalSum([1.005, 2.335, -0.34])).toBe(3);
    expect(decimalSum(Array.from({ length: 10_000 }, () => 0.01))).toBe(100);
    expect(decimalSum([123456789012345.6, 0.01])).toBe(123456789012345.61); // 17 digits: the nearest double
    expect(decimalSum([])).toBe(0);
    expect(decimalSum([-0])).toBe(0);
    expect(run('SUM(0.1, 0.2)')).toBe(0.3);
    expect(run('0.1 + 0.2')).toBe(0.30000000000000004); // the operator stays binary, as in every spreadsheet
  });

  it('never gives a sum it cannot hold as a short decimal it is not', () => {
    // 0.1 + 1e-17 = 0.10000000000000001: its nearest double prints as 0.1, so the next one is given.
    const sum = decimalSum([0.1, 1e-17]);
    expect(sum).toBeGreaterThan(0.1);
    expect(sumIsExact(sum)).toBe(false);
    expect(decimalSum([1e21, 1])).toBe(1.0000000000000001e21); // not 1e21, which it is not
    expect(sumIsExact(decimalSum([0.1, 0.2]))).toBe(true);
  });

  it('does not depend on the order of the numbers', () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 30 }), fc.nat(), (values, seed) => {
        const shuffled = [...values].sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
        expect(Object.is(decimalSum(values), decimalSum(shuffled))).toBe(true);
      }),
    );
  });

  it('gives the exact sum whenever the result looks exact', () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 30 }), (values) => {
        const sum = decimalSum(values);
        if (sumIsExact(sum) && values.every((value) => Math.abs(value) >= 1e-30 || value === 0)) expect(asReference(sum)).toBe(reference(values));
      }),
    );
  });

  it('updates an exact sum by taking away and adding terms to exactly the sum of the new terms', () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: 1, maxLength: 30 }), fc.nat(), fc.array(anyNumber, { maxLength: 3 }), (values, at, added) => {
        const stored = decimalSum(values);
        fc.pre(sumIsExact(stored));
        const index = at % values.length;
        const update = new DecimalSum();
        update.add(stored);
        update.add(values[index]!, -1);
        for (const value of added) update.add(value);
        const after = [...values.slice(0, index), ...values.slice(index + 1), ...added];
        expect(Object.is(update.result(), decimalSum(after))).toBe(true);
      }),
    );
  });
});

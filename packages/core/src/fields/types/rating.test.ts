import { describe, expect, it } from 'vitest';
import { normalizeFieldOptions } from '../field-options';
import { makeCastContext } from '../test-support';
import { rating, type RatingOptions } from './rating';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });
const options = (input: Partial<RatingOptions> = {}) => normalizeFieldOptions('rating', input);

describe('rating', () => {
  it('defaults to five stars', () => {
    expect(options()).toEqual({ max: 5, icon: 'star' });
  });
  it('accepts an integer from 1 to the maximum', () => {
    expect(rating.cast(1, options(), strict)).toEqual({ ok: true, value: 1 });
    expect(rating.cast(5, options(), strict)).toEqual({ ok: true, value: 5 });
  });
  it('treats 0 as an empty cell', () => {
    expect(rating.cast(0, options(), strict)).toEqual({ ok: true, value: null });
  });
  it('refuses a rating above the maximum, even when typecasting', () => {
    expect(rating.cast(6, options(), strict)).toEqual({ ok: false, reason: '6 is above the maximum rating of 5' });
    expect(rating.cast('11', options({ max: 10 }), loose)).toEqual({ ok: false, reason: '11 is above the maximum rating of 10' });
  });
  it('refuses fractions and negatives in strict mode', () => {
    expect(rating.cast(2.5, options(), strict)).toEqual({ ok: false, reason: '2.5 is not a whole number; a rating is 1 to 5' });
    expect(rating.cast(-1, options(), strict)).toEqual({ ok: false, reason: '-1 is negative; a rating is 1 to 5' });
  });
  it('rounds fractions half up when typecasting', () => {
    expect(rating.cast(3.5, options(), loose)).toEqual({ ok: true, value: 4 });
    expect(rating.cast('2.4', options(), loose)).toEqual({ ok: true, value: 2 });
  });
  it('reads digits, full-width digits and star strings when typecasting', () => {
    expect(rating.cast(' ４ ', options(), loose)).toEqual({ ok: true, value: 4 });
    expect(rating.cast('★★★☆☆', options(), loose)).toEqual({ ok: true, value: 3 });
    expect(rating.cast('3', options(), strict)).toEqual({ ok: false, reason: 'expected an integer rating, got "3"' });
  });
  it('refuses text that is not a rating', () => {
    expect(rating.cast('good', options(), loose)).toEqual({ ok: false, reason: '"good" is not a rating' });
    expect(rating.cast('50%', options(), loose).ok).toBe(false);
  });
  it('refuses a maximum outside 1..10 in the options', () => {
    expect(() => normalizeFieldOptions('rating', { max: 11 })).toThrow(/options\.max/);
    expect(() => normalizeFieldOptions('rating', { icon: 'smile' })).toThrow(/"star", "heart", "thumb", "flag"/);
  });
  it('formats as digits and sorts numerically', () => {
    expect(rating.format(3, options(), { timeZone: 'UTC', locale: 'en', users: strict.users })).toBe('3');
    expect(rating.compare(2, 10, options())).toBeLessThan(0);
    expect(rating.valueSchema(options({ max: 3 }))).toMatchObject({ type: 'integer', minimum: 1, maximum: 3 });
  });
});

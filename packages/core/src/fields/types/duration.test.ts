import { describe, expect, it } from 'vitest';
import { normalizeFieldOptions } from '../field-options';
import { makeCastContext, makeFormatContext } from '../test-support';
import { duration, type DurationOptions } from './duration';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });
const formatContext = makeFormatContext();
const options = (format?: DurationOptions['format']) => normalizeFieldOptions('duration', format ? { format } : {});

describe('duration cast', () => {
  it('defaults to the h:mm format', () => {
    expect(options()).toEqual({ format: 'h:mm' });
  });
  it('stores seconds as given', () => {
    expect(duration.cast(5400, options(), strict)).toEqual({ ok: true, value: 5400 });
    expect(duration.cast(1.25, options(), strict)).toEqual({ ok: true, value: 1.25 });
    expect(duration.cast(0, options(), strict)).toEqual({ ok: true, value: 0 });
  });
  it('refuses negative durations and non-finite numbers', () => {
    expect(duration.cast(-60, options(), strict)).toEqual({ ok: false, reason: '-60 is negative; a duration is zero or more seconds' });
    expect(duration.cast(Number.POSITIVE_INFINITY, options(), strict).ok).toBe(false);
    expect(duration.cast('-1:00', options(), loose).ok).toBe(false);
  });
  it('refuses text unless typecasting', () => {
    expect(duration.cast('1:30', options(), strict)).toEqual({ ok: false, reason: 'expected a number of seconds, got "1:30"' });
  });
  it.each([
    ['1:30', 5400],
    ['1:30:15', 5415],
    ['0:01:30.5', 90.5],
    ['1:30.5', 90.5],
    ['１：３０', 5400],
    ['1h 30m', 5400],
    ['1h30m', 5400],
    ['1.5h', 5400],
    ['90min', 5400],
    ['45s', 45],
    ['2d', 172800],
    ['1 hour 30 minutes', 5400],
    ['1小时30分', 5400],
    ['1小时30分钟', 5400],
    ['30分钟', 1800],
    ['15秒', 15],
    ['1天', 86400],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(duration.cast(text, options(), loose)).toEqual({ ok: true, value: seconds });
  });
  it('reads a bare number in text as minutes in h:mm and as seconds in the other formats', () => {
    expect(duration.cast('90', options('h:mm'), loose)).toEqual({ ok: true, value: 5400 });
    expect(duration.cast('90', options('h:mm:ss'), loose)).toEqual({ ok: true, value: 90 });
    expect(duration.cast('1.5', options('h:mm:ss.S'), loose)).toEqual({ ok: true, value: 1.5 });
  });
  it('keeps a JSON number as seconds in every format', () => {
    expect(duration.cast(90, options('h:mm'), loose)).toEqual({ ok: true, value: 90 });
  });
  it('refuses text that is not a duration', () => {
    expect(duration.cast('soon', options(), loose)).toEqual({ ok: false, reason: '"soon" is not a duration' });
    expect(duration.cast('1:75', options(), loose).ok).toBe(false);
    expect(duration.cast('3 parsecs', options(), loose).ok).toBe(false);
  });
});

describe('duration format', () => {
  it('shows h:mm rounded to the minute, without wrapping at 24 hours', () => {
    expect(duration.format(5400, options('h:mm'), formatContext)).toBe('1:30');
    expect(duration.format(89, options('h:mm'), formatContext)).toBe('0:01');
    expect(duration.format(93600, options('h:mm'), formatContext)).toBe('26:00');
  });
  it('shows seconds and fractions per the format', () => {
    expect(duration.format(5415, options('h:mm:ss'), formatContext)).toBe('1:30:15');
    expect(duration.format(90.56, options('h:mm:ss.S'), formatContext)).toBe('0:01:30.6');
    expect(duration.format(90.05, options('h:mm:ss.SS'), formatContext)).toBe('0:01:30.05');
    expect(duration.format(59.9996, options('h:mm:ss.SSS'), formatContext)).toBe('0:01:00.000');
  });
  it('produces text that reads back as the same value', () => {
    expect(duration.cast(duration.format(5415, options('h:mm:ss'), formatContext), options('h:mm:ss'), loose)).toEqual({ ok: true, value: 5415 });
  });
  it('sorts numerically and offers number operators', () => {
    expect(duration.compare(59, 600, options())).toBeLessThan(0);
    expect(duration.operators).toContain('isLessEqual');
  });
});

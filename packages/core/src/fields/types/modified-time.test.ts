import { describe, expect, it } from 'vitest';
import { normalizeFieldOptions } from '../field-options';
import { makeCastContext, makeFormatContext } from '../test-support';
import { modifiedTime } from './modified-time';

const options = normalizeFieldOptions('modifiedTime', {});

describe('modifiedTime', () => {
  it('is a read-only system field backed by the modified_time column', () => {
    expect(modifiedTime.writable).toBe(false);
    expect(modifiedTime.storage).toEqual({ system: 'modifiedTime' });
  });
  it('shows the time by default', () => {
    expect(options).toEqual({ includeTime: true, timeZone: '', dateFormat: 'iso', timeFormat: '24h' });
  });
  it('validates a stored instant and keeps it as is', () => {
    expect(modifiedTime.cast('2026-03-05T06:30:00.000Z', options, makeCastContext())).toEqual({ ok: true, value: '2026-03-05T06:30:00.000Z' });
  });
  it('always stores an instant, even when the display hides the time', () => {
    const dateOnly = normalizeFieldOptions('modifiedTime', { includeTime: false });
    expect(modifiedTime.cast('2026-03-05T08:00:00+08:00', dateOnly, makeCastContext())).toEqual({ ok: true, value: '2026-03-05T00:00:00.000Z' });
    expect(modifiedTime.format('2026-03-05T20:00:00.000Z', dateOnly, makeFormatContext())).toBe('2026-03-06');
  });
  it('refuses what is not a time', () => {
    expect(modifiedTime.cast('yesterday-ish', options, makeCastContext()).ok).toBe(false);
    expect(modifiedTime.cast(42, options, makeCastContext()).ok).toBe(false);
  });
  it('formats in the zone and offers date operators', () => {
    expect(modifiedTime.format('2026-03-05T06:30:00.000Z', options, makeFormatContext())).toBe('2026-03-05 14:30');
    expect(modifiedTime.operators).toContain('isWithin');
    expect(() => normalizeFieldOptions('modifiedTime', { timeZone: 'Nowhere/City' })).toThrow(/options\.timeZone/);
  });
});

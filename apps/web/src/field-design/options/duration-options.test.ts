import { durationFormats, getFieldType } from '@multitable/core';
import { describe, expect, it } from 'vitest';
import { formatSamples } from './duration-options';

describe('the duration format choices', () => {
  it('show each format as core displays 1 h 30 min 15.25 s in it', () => {
    const ctx = { timeZone: 'UTC', locale: 'en', users: { byId: () => undefined, byText: () => undefined } };
    for (const format of durationFormats) {
      expect(formatSamples[format], format).toBe(getFieldType('duration').format(5415.25, { format }, ctx));
    }
  });
});

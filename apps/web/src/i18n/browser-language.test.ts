import { describe, expect, it } from 'vitest';
import { browserLanguage } from './browser-language';

const known = ['en', 'zh'] as const;

describe('browserLanguage', () => {
  it('picks Chinese for any zh tag, by primary subtag', () => {
    expect(browserLanguage(['zh-CN'], known, 'en')).toBe('zh');
    expect(browserLanguage(['zh-TW', 'en-US'], known, 'en')).toBe('zh');
  });

  it('takes the first preferred language it speaks', () => {
    expect(browserLanguage(['fr-FR', 'en-GB', 'zh-CN'], known, 'en')).toBe('en');
    expect(browserLanguage(['de', 'zh'], known, 'en')).toBe('zh');
  });

  it('falls back when it speaks none of them', () => {
    expect(browserLanguage(['fr', 'de'], known, 'en')).toBe('en');
    expect(browserLanguage([], known, 'en')).toBe('en');
  });
});

/**
 * The languages the app speaks, each with everything that must follow it: our texts, antd's
 * component texts, AG Grid's own texts, dayjs's calendar words and the Intl locale used for dates
 * and numbers. Adding a language is one entry here plus its texts file.
 */
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import type { Locale } from 'antd/es/locale';
import antdEn from 'antd/locale/en_US';
import antdZh from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import { browserLanguage } from './browser-language';
import { en, type Messages } from './en';
import { zh } from './zh';

export interface Language {
  /** Shown in the language switch, in its own language. */
  label: string;
  messages: Messages;
  antd: Locale;
  agGrid: Record<string, string>;
  dayjs: string;
  /** BCP 47 tag for Intl (dates, numbers) and `<html lang>`. */
  intl: string;
}

export const languages = {
  en: { label: 'English', messages: en, antd: antdEn, agGrid: AG_GRID_LOCALE_EN, dayjs: 'en', intl: 'en-US' },
  zh: { label: '简体中文', messages: zh, antd: antdZh, agGrid: AG_GRID_LOCALE_CN, dayjs: 'zh-cn', intl: 'zh-CN' },
} satisfies Record<string, Language>;

export type LanguageKey = keyof typeof languages;

export const languageKeys = Object.keys(languages) as LanguageKey[];

export function isLanguageKey(value: unknown): value is LanguageKey {
  return typeof value === 'string' && Object.hasOwn(languages, value);
}

/** The first of the browser's preferred languages that we speak, else English. */
export function preferredLanguage(preferred: readonly string[]): LanguageKey {
  return browserLanguage(preferred, languageKeys, 'en');
}

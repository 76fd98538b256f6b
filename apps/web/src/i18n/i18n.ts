/**
 * i18next set up with our languages. The language is the user's choice kept in localStorage
 * (a preference, not a secret), else the browser's. Changing it updates `<html lang>` and dayjs;
 * antd and AG Grid read it through `useLanguage()`.
 */
import i18next from 'i18next';
import dayjs from 'dayjs';
import { initReactI18next, useTranslation } from 'react-i18next';
import { isLanguageKey, languageKeys, languages, preferredLanguage, type Language, type LanguageKey } from './languages';

const storageKey = 'multitable.language';

function initialLanguage(): LanguageKey {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (isLanguageKey(stored)) return stored;
  return preferredLanguage(globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en']);
}

function applyLanguage(key: LanguageKey): void {
  document.documentElement.lang = languages[key].intl;
  dayjs.locale(languages[key].dayjs);
}

export async function initI18n(): Promise<void> {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: languageKeys,
    resources: Object.fromEntries(languageKeys.map((key) => [key, { translation: languages[key].messages }])),
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  applyLanguage(language);
}

export async function switchLanguage(key: LanguageKey): Promise<void> {
  localStorage.setItem(storageKey, key);
  applyLanguage(key);
  await i18next.changeLanguage(key);
}

/** The current language's settings; re-renders when the language changes. */
export function useLanguage(): { key: LanguageKey } & Language {
  const { i18n } = useTranslation();
  const key = isLanguageKey(i18n.language) ? i18n.language : 'en';
  return { key, ...languages[key] };
}

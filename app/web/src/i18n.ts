// Every string the app shows goes through i18next; the language is remembered on the device.
import i18next from 'i18next';

import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'ruralmed.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  // Rural China first: Chinese unless the browser asks for something else that we have.
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export async function initI18n(): Promise<void> {
  await i18next.init({
    lng: initialLanguage(),
    fallbackLng: false,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    // Text is always set with textContent, never as HTML, so i18next need not escape it.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export function language(): Language {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

export async function setLanguage(lng: Language): Promise<void> {
  localStorage.setItem(KEY, lng);
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export function t(key: string, options?: Record<string, unknown>): string {
  return i18next.t(key, options ?? {});
}

/** A date and time in the user's language, e.g. 2026年12月2日 10:30 / 2 Dec 2026, 10:30. */
export function formatTime(ms: number | bigint): string {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(Number(ms)));
}

export function formatDate(ms: number | bigint): string {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium' }).format(new Date(Number(ms)));
}

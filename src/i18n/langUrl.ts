// The language's part of the address: `lang=zh-CN`, nothing for English (the default), so a
// shared link opens in the language it was copied in.
import { useI18nStore } from './i18nStore';
import { notice } from './notices';
import { isLang, type Lang } from './types';

export function langFromSearch(search: string): { lang: Lang; notices: string[] } {
  const raw = new URLSearchParams(search).get('lang');
  if (raw === null || raw === '') return { lang: 'en', notices: [] };
  if (isLang(raw)) return { lang: raw, notices: [] };
  // Be lenient with the case people type ("zh-cn", "EN").
  const folded = ['en', 'zh-CN'].find((l) => l.toLowerCase() === raw.toLowerCase());
  if (folded && isLang(folded)) return { lang: folded, notices: [] };
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return { lang: 'en', notices: [notice('app.languageUnknown', { value: `“${shown}”` })] };
}

/** `&lang=…` for the address bar (empty in English). */
export function langSearch(): string {
  const { lang } = useI18nStore.getState();
  return lang === 'en' ? '' : `&lang=${lang}`;
}

/** Calls back when the language changes (to rewrite the address). */
export function subscribeLangUrl(callback: () => void): () => void {
  return useI18nStore.subscribe((s, prev) => {
    if (s.lang !== prev.lang) callback();
  });
}

let ready: Promise<void> = Promise.resolve();

/**
 * Reads `lang` from the link and starts loading that language; returns the notices to show. The
 * first render waits for `languageReady()` so a Chinese link never flashes English first.
 */
export function initLanguageFromUrl(search: string): string[] {
  const { lang, notices } = langFromSearch(search);
  // The switching code (and the language's texts) load only when a link asks for another language.
  if (lang !== useI18nStore.getState().lang) ready = import('./setLanguage').then((m) => m.setLanguage(lang));
  return notices;
}

/** Resolves when the linked language is on screen, or after `maxWaitMs` (a slow network must not blank the page). */
export function languageReady(maxWaitMs = 3000): Promise<void> {
  return Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]);
}

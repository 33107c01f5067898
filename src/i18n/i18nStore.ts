// The interface language, as a tiny store: the language, its loaded catalogue and the `t` that
// words messages in it. English needs no loading (it is the source catalogue); another language
// becomes current only once its catalogue has arrived (see setLanguage.ts), so the screen never
// shows a half-translated moment.
import { create } from 'zustand';
import { tEn, translator, type Catalogue, type Translate } from './format';
import type { MessageKey } from './messages.en';
import type { Lang, Params } from './types';

export interface I18nState {
  lang: Lang;
  catalogue: Catalogue | null;
  /** Changes identity with the language: components that read it re-render on a switch. */
  t: Translate;
  /** Translations of the scenarios' node roles ("ships orders"), by English text. */
  roles: Readonly<Record<string, string>>;
}

export const useI18nStore = create<I18nState>()(() => ({ lang: 'en', catalogue: null, t: tEn, roles: {} }));

export function setCatalogue(lang: Lang, catalogue: Catalogue | null, roles: Readonly<Record<string, string>> = {}): void {
  useI18nStore.setState({ lang, catalogue, t: translator(catalogue), roles });
}

/** Words a message in the current language (for code outside React: the live region, notices). */
export function t(key: MessageKey, params?: Params): string {
  return useI18nStore.getState().t(key, params);
}

export function useT(): Translate {
  return useI18nStore((s) => s.t);
}

export function useLanguage(): Lang {
  return useI18nStore((s) => s.lang);
}

/** A node's role line in the current language (roles are scenario data, translated by text). */
export function useRoleText(role: string): string {
  return useI18nStore((s) => s.roles[role] ?? role);
}

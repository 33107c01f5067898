// Switching the interface language at run time. English is built in; another language loads its
// interface catalogue and the scenarios' translations (two lazy chunks, fetched together) and
// only then becomes current, with <html lang> and the document title following.
import { applyScenarioTranslations, loadScenarioTranslations } from '../scenarios/translations/scenarioTranslations';
import { useNarrativeStore } from '../state/narrative';
import { scenarios } from '../state/scenarioRegistry';
import { useLabStore } from '../state/store';
import type { Catalogue } from './format';
import { setCatalogue, useI18nStore } from './i18nStore';
import { notice } from './notices';
import { applyTables } from './tables';
import { LANG_NAMES, type Lang } from './types';

interface LoadedLanguage {
  catalogue: Catalogue;
  roles: Readonly<Record<string, string>>;
  tables: Readonly<Record<string, Record<string, unknown>>>;
}

const loaded = new Map<Lang, LoadedLanguage>();

async function load(lang: Exclude<Lang, 'en'>): Promise<LoadedLanguage> {
  const hit = loaded.get(lang);
  if (hit) return hit;
  const [mod, table] = await Promise.all([import('./messages.zh-CN'), loadScenarioTranslations(lang)]);
  applyScenarioTranslations(scenarios, lang, table);
  const result = { catalogue: mod.default, roles: mod.roles, tables: mod.tables };
  loaded.set(lang, result);
  return result;
}

let latest = 0;

function showLanguage(lang: Lang): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang;
  document.title = useI18nStore.getState().t('app.title');
}

/** Resolves once the language is on screen (or, if its texts cannot load, English stays with a notice). */
export async function setLanguage(lang: Lang): Promise<void> {
  const ticket = ++latest;
  if (lang === 'en') {
    setCatalogue('en', null);
    applyTables({});
  } else {
    let texts: LoadedLanguage;
    try {
      texts = await load(lang);
    } catch (err) {
      // Offline before the chunk was ever fetched, say: keep working in English and say why.
      if (ticket === latest) {
        const reason = err instanceof Error ? err.message : String(err);
        useLabStore.getState().addNotice(notice('app.languageLoadFailed', { language: LANG_NAMES[lang], reason }));
      }
      return;
    }
    if (ticket !== latest) return; // a later choice won the race
    // Tables first: the catalogue's change is what re-renders the interface.
    applyTables(texts.tables);
    setCatalogue(lang, texts.catalogue, texts.roles);
  }
  // The scenario texts (Scenario.i18n[lang]) are read by the story, list and titles through this.
  useNarrativeStore.setState({ lang });
  showLanguage(lang);
}

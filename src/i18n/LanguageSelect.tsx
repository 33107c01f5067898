// The header's language menu. Each language is named in itself (English, 简体中文), whatever the
// interface language, so a learner who cannot read the current one still finds theirs. Pointing
// at the menu starts fetching the switching code.
import { useI18nStore, useT } from './i18nStore';
import { isLang, LANG_NAMES, LANGS } from './types';

export function LanguageSelect() {
  const t = useT();
  const lang = useI18nStore((s) => s.lang);
  return (
    <label className="lab-field lab-lang">
      <span className="lab-field__label">{t('app.language')}</span>
      <select
        value={lang}
        onPointerEnter={() => void import('./setLanguage')}
        onFocus={() => void import('./setLanguage')}
        onChange={(e) => {
          const lang = e.target.value;
          // The switching code loads with the first switch (most learners never switch).
          if (isLang(lang)) void import('./setLanguage').then((m) => m.setLanguage(lang));
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

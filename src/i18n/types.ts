// The shapes of the message catalogue. A message is a string with `{name}` placeholders, or, where
// English needs a plural, a pair chosen by the `count` parameter (Chinese has no plural: a string).

export type Message = string | { one: string; other: string };

/** Parameter values: text, numbers, or a message worded in the same language (a nested message). */
export type Params = { [name: string]: string | number | { key: string; params?: Params } };

/** Languages the interface ships in; English is the source of truth and the fallback. */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The language's own name, shown in the language menu whatever the interface language. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' };

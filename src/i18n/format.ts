// Message formatting: `{name}` placeholders and the one/other plural. Pure, no React, no store,
// so the view layer (screen-reader sentences, inspector history) can word things too.
import { en, type MessageKey } from './messages.en';
import type { Message, Params } from './types';

export type Catalogue = Partial<Record<MessageKey, Message>>;

/** Words a message: the catalogue's own, else English (a missing translation falls back). */
export type Translate = (key: MessageKey, params?: Params) => string;

/** A message to be worded later, in whatever language is current then. */
export interface Msg {
  key: MessageKey;
  params?: Params;
}

/**
 * The English table: the first screen's words, plus those of messages.details.en.ts once a lazily
 * loaded module that needs them has imported it (see addEnglish).
 */
const english: Partial<Record<MessageKey, Message>> = { ...en };

export function addEnglish(part: Partial<Record<MessageKey, Message>>): void {
  Object.assign(english, part);
}

export function formatMessage(message: Message, params?: Params): string {
  const count = params?.count;
  const text = typeof message === 'string' ? message : count === 1 ? message.one : message.other;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(catalogue: Catalogue | null): Translate {
  const translate: Translate = (key, params) => {
    if (params) {
      // A parameter that is itself a message ("All commands" inside a chart title) is worded first.
      for (const name in params) {
        const v: Params[string] = params[name];
        if (typeof v === 'object') params = { ...params, [name]: translate(v.key as MessageKey, v.params) };
      }
    }
    const message = catalogue?.[key] ?? english[key];
    if (message === undefined) {
      // A module worded a key of messages.details.en.ts without importing it: say so loudly (the
      // e2e harness fails on console errors) and show the key rather than nothing.
      console.error(`i18n: no English text for “${key}” (import messages.details.en.ts where it is used)`);
      return key;
    }
    return formatMessage(message, params);
  };
  return translate;
}

/** English, for tests, exports and the view layer's default wording. */
export const tEn: Translate = translator(null);

/** The placeholder names a message uses (both plural forms), for the catalogue tests. */
export function placeholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : [message.one, message.other];
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/\{(\w+)\}/g)) names.add(m[1]);
  return [...names].sort();
}

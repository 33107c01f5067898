// Notices about a link ("Unknown scenario …") are plain English strings in the store and in the
// URL parser's results (other code and tests rely on that shape). Each one worded through
// `notice()` is remembered with its key and parameters, so the banner can say it again in the
// language on screen, also after a switch.
import { tEn, type Translate } from './format';
import type { MessageKey } from './messages.en';
import type { Params } from './types';

const worded = new Map<string, { key: MessageKey; params?: Params }>();

export function notice(key: MessageKey, params?: Params): string {
  const text = tEn(key, params);
  worded.set(text, { key, params });
  return text;
}

/** The notice in the current language; text that did not come from `notice()` is shown as it is. */
export function noticeText(text: string, t: Translate): string {
  const m = worded.get(text);
  return m ? t(m.key, m.params) : text;
}

import type { Random } from './random';
import type { PayloadSpec } from './types';

/** Fill a payload template: every string value `{key}` becomes the command's key. */
export function fillTemplate(template: unknown, key: string): unknown {
  if (template === '{key}') return key;
  if (Array.isArray(template)) return template.map((v) => fillTemplate(v, key));
  if (template !== null && typeof template === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(template)) out[k] = fillTemplate(v, key);
    return out;
  }
  return template;
}

export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Set a dotted path in a (fresh) object. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  // A path through __proto__ would write onto Object.prototype (the file reader refuses these too).
  if (parts.some((p) => UNSAFE_KEYS.has(p))) return;
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** The payload of one command: the valid template, or one of its seeded invalid variants. */
export function makePayload(spec: PayloadSpec | undefined, key: string, invalid: boolean, random: Random): Record<string, unknown> {
  const payload = fillTemplate(spec?.valid ?? { id: '{key}' }, key) as Record<string, unknown>;
  if (invalid && spec && spec.invalid.length > 0) {
    const variant = spec.invalid[Math.floor(random.next() * spec.invalid.length)];
    setPath(payload, variant.path, variant.value);
  }
  return payload;
}

/** The fix a client applies to a rejected command: back to the valid template. */
export function fixPayload(spec: PayloadSpec | undefined, key: string): Record<string, unknown> {
  return fillTemplate(spec?.valid ?? { id: '{key}' }, key) as Record<string, unknown>;
}

// The postMessage API of an embedded lab, as pure functions (no DOM, no store): which origins may
// drive it, what a valid command looks like, and the state it answers with.
//
// A host page lists its origin in the iframe's address (`?origins=https://a.example,…`); the lab
// accepts a message only when event.origin is exactly one of them (nothing when the list is
// empty), and only these shapes:
//   { type: 'play' } | { type: 'pause' } | { type: 'step' } | { type: 'goToStep', step: N }
//   { type: 'selectScenario', id: 'checkout-pubsub' }
// (N is the story's step, 1-based, as in `step=N`). Anything else is ignored; message data is only
// ever read as plain values, never evaluated. After each accepted command the lab posts
//   { type: 'state', t, playing, step, scenario }
// to the parent with the sender's origin as targetOrigin (never '*'). t is in seconds; step is
// 1-based, or null when the scenario tells no story.

export type HostCommand =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'goToStep'; step: number }
  | { type: 'selectScenario'; id: string };

export interface LabStateMessage {
  type: 'state';
  /** Virtual time in seconds (ms precision). */
  t: number;
  playing: boolean;
  /** The story's step, 1-based; null without a story. */
  step: number | null;
  scenario: string;
}

export interface OriginList {
  origins: string[];
  /** Entries that are not an exact http(s) origin, as written (for a notice). */
  rejected: string[];
}

const MAX_ORIGINS = 20;
const MAX_STEP = 10_000;
const SCENARIO_ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/** Parses `origins=` — a comma-separated list of exact origins like `https://slides.example:8443`. */
export function parseAllowedOrigins(param: string | null | undefined): OriginList {
  const origins: string[] = [];
  const rejected: string[] = [];
  if (!param) return { origins, rejected };
  for (const raw of param.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const origin = normalizeOrigin(item);
    if (origin === null) rejected.push(item);
    else if (!origins.includes(origin) && origins.length < MAX_ORIGINS) origins.push(origin);
  }
  return { origins, rejected };
}

/** `scheme://host[:port]` exactly (no path, query, credentials or wildcard); http(s) only. */
export function normalizeOrigin(item: string): string | null {
  if (!/^https?:\/\/[^/?#*@\s]+$/i.test(item)) return null;
  let url: URL;
  try {
    url = new URL(item);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // What a browser reports as event.origin for that page: lower-case host, default port dropped.
  return url.origin;
}

/** Exact match only: no prefixes, suffixes, wildcards or "null" origins. */
export function isAllowedOrigin(origin: unknown, allowed: readonly string[]): boolean {
  return typeof origin === 'string' && origin !== 'null' && allowed.includes(origin);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A host command, or null for anything that is not exactly one (ignored by the lab). */
export function parseHostCommand(data: unknown, hasScenario: (id: string) => boolean = () => true): HostCommand | null {
  if (!isPlainObject(data)) return null;
  const type = data.type;
  switch (type) {
    case 'play':
    case 'pause':
    case 'step':
      return { type };
    case 'goToStep': {
      const step = data.step;
      if (typeof step !== 'number' || !Number.isInteger(step) || step < 1 || step > MAX_STEP) return null;
      return { type, step };
    }
    case 'selectScenario': {
      const id = data.id;
      if (typeof id !== 'string' || !SCENARIO_ID.test(id) || !hasScenario(id)) return null;
      return { type, id };
    }
    default:
      return null;
  }
}

export function stateMessage(s: { tMs: number; playing: boolean; stepIndex: number | null; scenarioId: string }): LabStateMessage {
  return {
    type: 'state',
    t: Math.round(s.tMs) / 1000,
    playing: s.playing,
    step: s.stepIndex === null ? null : s.stepIndex + 1,
    scenario: s.scenarioId,
  };
}

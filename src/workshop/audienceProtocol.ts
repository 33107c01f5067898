// The presenter ↔ audience-window protocol over a BroadcastChannel (same browser, same origin), as
// pure functions. The presenter's window owns the experiment; each audience window is a
// read-only follower that mirrors scenario, seed, t, playing, speed, view, story step, faults and
// the interface language.
//
//   audience  → presenter   { p, type: 'hello' }                 "send me everything"
//   presenter → audience    { p, type: 'state', state }          after every change (each frame while playing)
//   presenter → audience    { p, type: 'scenario', json }        the custom scenario's JSON, on hello and on change
//   presenter → audience    { p, type: 'bye' }                   the presenter's window is closing
//
// Even a same-origin channel is input: every message is validated before it touches the store.
import type { FaultKind, FaultSpec } from '../engine/types';
import { isLang, type Lang } from '../i18n/types';

export const AUDIENCE_PROTOCOL = 'cel-audience/1';

export interface MirrorState {
  scenarioId: string;
  seed: number;
  t: number;
  playing: boolean;
  speed: number;
  view: 'single' | 'compare';
  interventions: FaultSpec[];
  /** The story's step, 0-based. */
  step: number;
  guided: boolean;
  /** The presenter's interface language: the audience window switches with it. */
  lang: Lang;
}

export type AudienceMessage =
  | { p: typeof AUDIENCE_PROTOCOL; type: 'hello' }
  | { p: typeof AUDIENCE_PROTOCOL; type: 'bye' }
  | { p: typeof AUDIENCE_PROTOCOL; type: 'state'; state: MirrorState }
  | { p: typeof AUDIENCE_PROTOCOL; type: 'scenario'; json: string };

export const MAX_SCENARIO_JSON = 200_000;
const MAX_FAULTS = 200;
const FAULT_KINDS: readonly FaultKind[] = ['down', 'slow', 'error', 'crash', 'poison', 'cut'];
const ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;
const TARGET = /^[A-Za-z0-9_.-]{1,80}(->[A-Za-z0-9_.-]{1,80})?$/;

export function channelName(id: string): string {
  return `commands-events-lab:audience:${id}`;
}

export function hello(): AudienceMessage {
  return { p: AUDIENCE_PROTOCOL, type: 'hello' };
}

export function bye(): AudienceMessage {
  return { p: AUDIENCE_PROTOCOL, type: 'bye' };
}

export function stateMsg(state: MirrorState): AudienceMessage {
  return { p: AUDIENCE_PROTOCOL, type: 'state', state };
}

export function scenarioMsg(json: string): AudienceMessage {
  return { p: AUDIENCE_PROTOCOL, type: 'scenario', json };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const finiteAtLeast0 = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function readFault(v: unknown): FaultSpec | null {
  if (!isObj(v)) return null;
  const { target, kind, fromMs, untilMs, factor, rate, restartMs } = v;
  if (typeof target !== 'string' || !TARGET.test(target)) return null;
  if (typeof kind !== 'string' || !FAULT_KINDS.includes(kind as FaultKind)) return null;
  if (!finiteAtLeast0(fromMs)) return null;
  const f: FaultSpec = { target, kind: kind as FaultKind, fromMs };
  if (untilMs !== undefined) {
    if (!finiteAtLeast0(untilMs) || untilMs <= fromMs) return null;
    f.untilMs = untilMs;
  }
  if (factor !== undefined) {
    if (!finiteAtLeast0(factor) || factor === 0) return null;
    f.factor = factor;
  }
  if (rate !== undefined) {
    if (!finiteAtLeast0(rate) || rate > 1) return null;
    f.rate = rate;
  }
  if (restartMs !== undefined) {
    if (!finiteAtLeast0(restartMs)) return null;
    f.restartMs = restartMs;
  }
  return f;
}

export function readMirrorState(v: unknown, speeds: readonly number[]): MirrorState | null {
  if (!isObj(v)) return null;
  const { scenarioId, seed, t, playing, speed, view, interventions, step, guided, lang } = v;
  if (typeof scenarioId !== 'string' || !ID.test(scenarioId)) return null;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) return null;
  if (!finiteAtLeast0(t)) return null;
  if (typeof playing !== 'boolean' || typeof guided !== 'boolean') return null;
  if (typeof speed !== 'number' || !speeds.includes(speed)) return null;
  if (view !== 'single' && view !== 'compare') return null;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > 10_000) return null;
  // Only a language the lab ships (en, zh-CN): anything else would name a chunk that does not exist.
  if (typeof lang !== 'string' || !isLang(lang)) return null;
  if (!Array.isArray(interventions) || interventions.length > MAX_FAULTS) return null;
  const faults: FaultSpec[] = [];
  for (const x of interventions) {
    const f = readFault(x);
    if (!f) return null;
    faults.push(f);
  }
  return { scenarioId, seed, t, playing, speed, view, interventions: faults, step, guided, lang };
}

/** A protocol message, or null for anything else (ignored). */
export function parseAudienceMessage(data: unknown, speeds: readonly number[]): AudienceMessage | null {
  if (!isObj(data) || data.p !== AUDIENCE_PROTOCOL) return null;
  switch (data.type) {
    case 'hello':
      return hello();
    case 'bye':
      return bye();
    case 'state': {
      const state = readMirrorState(data.state, speeds);
      return state ? stateMsg(state) : null;
    }
    case 'scenario':
      return typeof data.json === 'string' && data.json.length <= MAX_SCENARIO_JSON ? scenarioMsg(data.json) : null;
    default:
      return null;
  }
}

/** The follower's changes for a new mirror state: only what differs, so unchanged faults keep their identity (no recomputed run). */
export function mirrorPatch(current: MirrorState, next: MirrorState): Partial<MirrorState> {
  const patch: Partial<MirrorState> = {};
  for (const key of ['scenarioId', 'seed', 't', 'playing', 'speed', 'view', 'step', 'guided', 'lang'] as const) {
    if (current[key] !== next[key]) (patch as Record<string, unknown>)[key] = next[key];
  }
  if (JSON.stringify(current.interventions) !== JSON.stringify(next.interventions)) patch.interventions = next.interventions;
  return patch;
}

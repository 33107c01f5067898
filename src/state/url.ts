// The address bar is the share format: ?scenario=…&seed=…&t=… (t in seconds), view=compare, and
// faults=… for the learner's interventions, so a reload or a shared link shows the same moment.
// Parsing never throws: each bad value becomes a readable notice and falls back to a default.
import type { FaultKind, FaultSpec } from '../engine/types';
import { notice } from '../i18n/notices';
import { DEFAULT_ERROR_RATE, DEFAULT_RESTART_MS, DEFAULT_SLOW_FACTOR } from './interventions';
import { SPEEDS, type ViewMode } from './store';

export interface ScenarioRef {
  id: string;
  seed: number;
  durationMs: number;
  title: string;
  /** The end of the compare view with this scenario (the later of the pair's ends), when it has a partner. */
  compareDurationMs?: number;
}

export interface UrlState {
  scenarioId: string;
  seed: number;
  t: number;
  view: ViewMode;
  interventions: FaultSpec[];
  /** Playback speed; absent from a link means 1×. */
  speed?: number;
}

const FAULT_KINDS: readonly FaultKind[] = ['down', 'slow', 'error', 'crash', 'poison', 'cut'];
/** Plain decimal seconds, as links write them (no hex, no exponent: the runner refuses those too). */
const DECIMAL = /^\d+(\.\d+)?$/;
const MAX_SEED = 2 ** 32 - 1;

// Quote user-supplied text in notices, shortened so a hostile URL cannot flood the page.
function quote(v: string): string {
  const s = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return `“${s}”`;
}

/** Millisecond precision: a shared link must land on the very moment (faults are placed to the ms too). */
function formatSeconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

export function parseUrl(search: string, scenarios: readonly ScenarioRef[], defaultId?: string): { state: UrlState; notices: string[] } {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  // A bare or broken link opens the default scenario (the flagship), not whatever happens to be listed first.
  const fallback = scenarios.find((s) => s.id === defaultId) ?? scenarios[0];
  let scenario = fallback;

  const sid = params.get('scenario');
  if (sid !== null) {
    const found = scenarios.find((s) => s.id === sid);
    if (found) scenario = found;
    else notices.push(notice('notice.unknownScenario', { value: quote(sid), title: fallback.title }));
  }

  let seed = scenario.seed;
  const rawSeed = params.get('seed');
  if (rawSeed !== null) {
    const n = Number(rawSeed);
    if (/^\d+$/.test(rawSeed) && n <= MAX_SEED) seed = n;
    else notices.push(notice('notice.badSeed', { value: quote(rawSeed), max: MAX_SEED, seed: scenario.seed }));
  }

  let view: ViewMode = 'single';
  const rawView = params.get('view');
  if (rawView !== null) {
    if (rawView === 'compare' || rawView === 'single') view = rawView;
    else notices.push(notice('notice.badView', { value: quote(rawView) }));
  }

  // Side by side the clock runs to the later of the two ends.
  const endMs = view === 'compare' ? (scenario.compareDurationMs ?? scenario.durationMs) : scenario.durationMs;
  let t = 0;
  const rawT = params.get('t');
  if (rawT !== null) {
    const secs = Number(rawT);
    if (!DECIMAL.test(rawT) || !Number.isFinite(secs) || secs < 0) {
      notices.push(notice('notice.badTime', { value: quote(rawT) }));
    } else if (secs * 1000 > endMs) {
      t = endMs;
      notices.push(notice('notice.pastEnd', { value: quote(rawT), end: formatSeconds(endMs) }));
    } else {
      t = secs * 1000;
    }
  }

  let speed: number | undefined;
  const rawSpeed = params.get('speed');
  if (rawSpeed !== null) {
    const n = Number(rawSpeed);
    if ((SPEEDS as readonly number[]).includes(n) && rawSpeed.trim() !== '') speed = n;
    else notices.push(notice('notice.badSpeed', { value: quote(rawSpeed), speeds: SPEEDS.join(', ') }));
  }

  const interventions: FaultSpec[] = [];
  const rawFaults = params.get('faults');
  if (rawFaults !== null && rawFaults !== '') {
    for (const item of rawFaults.split(',')) {
      if (item.trim() === '') continue; // a stray comma
      const f = parseFault(item);
      if (typeof f !== 'string') interventions.push(f);
      else if (f === '') notices.push(notice('notice.badFault', { value: quote(item), kinds: FAULT_KINDS.join('|') }));
      else notices.push(notice('notice.faultLeftOut', { fault: quote(item), reason: f }));
    }
  }

  const state: UrlState = { scenarioId: scenario.id, seed, t, view, interventions };
  if (speed !== undefined) state.speed = speed;
  return { state, notices };
}

const MAX_FAULT_MS = 3_600_000;

// `target:kind:from-until[:param]`, times in seconds. The optional param is the fault's knob when it
// is not the default: slow → factor, error → rate (0..1), crash → restart delay in seconds.
// Returns the fault, or why it was refused ('' when it does not even have the shape).
function parseFault(item: string): FaultSpec | string {
  // A node id, or `a->b` for a cut link.
  // `from-until`, `from-` or `from` (the last two: until the end).
  const m = /^([A-Za-z0-9_.-]+(?:->[A-Za-z0-9_.-]+)?):([a-z]+):(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?)?)?(?::(\d+(?:\.\d+)?))?$/.exec(item.trim());
  if (!m) return '';
  const kind = m[2] as FaultKind;
  if (!FAULT_KINDS.includes(kind)) return '';
  const isLink = m[1].includes('->');
  if ((kind === 'cut') !== isLink) return kind === 'cut' ? 'a cut takes a link “a->b”' : `${kind} takes a node, not a link`;
  const fromMs = Math.round(Number(m[3]) * 1000);
  const untilMs = m[4] === undefined ? undefined : Math.round(Number(m[4]) * 1000);
  // Beyond any run (an hour at most): refuse rather than write back "Infinity" or 1e+30 into the link.
  if (fromMs > MAX_FAULT_MS || (untilMs !== undefined && untilMs > MAX_FAULT_MS)) return 'its times are past any run (an hour at most)';
  if (untilMs !== undefined && untilMs <= fromMs) return 'the end must come at least 1 ms after the start';
  // A crash fires once, on the next message; poison marks the next record: neither lasts.
  if (untilMs !== undefined && (kind === 'crash' || kind === 'poison')) return `${kind} happens once: give only a start, e.g. “${m[1]}:${kind}:${m[3]}”`;
  const param = m[5] === undefined ? undefined : Number(m[5]);
  const f: FaultSpec = { target: m[1], kind, fromMs };
  if (untilMs !== undefined) f.untilMs = untilMs;
  switch (kind) {
    case 'slow':
      // A factor below 1 would speed the node up; the runner and scenario files refuse it too.
      if (param !== undefined && !(param >= 1 && param <= 1000)) return 'a slow factor must be from 1 to 1000';
      f.factor = param ?? DEFAULT_SLOW_FACTOR;
      break;
    case 'error':
      if (param !== undefined && !(param > 0 && param <= 1)) return 'an error rate must be in (0, 1]';
      f.rate = param ?? DEFAULT_ERROR_RATE;
      break;
    case 'crash':
      if (param !== undefined && !(param >= 0.001 && param <= 3600)) return 'a crash’s restart time must be from 0.001 to 3600 seconds';
      f.restartMs = param === undefined ? DEFAULT_RESTART_MS : Math.round(param * 1000);
      break;
    default:
      if (param !== undefined) return `${kind} takes no value`; // down, poison and cut have no knob
  }
  return f;
}

export function formatFault(f: FaultSpec): string {
  const until = f.untilMs === undefined ? '' : String(f.untilMs / 1000);
  let param: number | undefined;
  if (f.kind === 'slow' && f.factor !== undefined && f.factor !== DEFAULT_SLOW_FACTOR) param = f.factor;
  if (f.kind === 'error' && f.rate !== undefined && f.rate !== DEFAULT_ERROR_RATE) param = f.rate;
  if (f.kind === 'crash' && f.restartMs !== undefined && f.restartMs !== DEFAULT_RESTART_MS) param = f.restartMs / 1000;
  return `${f.target}:${f.kind}:${f.fromMs / 1000}-${until}${param === undefined ? '' : `:${param}`}`;
}

/** The search string for a state; t is rounded to 0.1 s so the address does not churn every frame. */
export function formatUrl(s: UrlState): string {
  const params = new URLSearchParams();
  params.set('scenario', s.scenarioId);
  params.set('seed', String(s.seed));
  params.set('t', formatSeconds(s.t));
  if (s.view === 'compare') params.set('view', 'compare');
  if (s.speed !== undefined && s.speed !== 1) params.set('speed', String(s.speed));
  if (s.interventions.length > 0) params.set('faults', s.interventions.map(formatFault).join(','));
  // Keep the separators readable in the address bar.
  return `?${params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}

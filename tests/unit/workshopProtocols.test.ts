// The pure protocols of the workshop features: the embed's postMessage API (origin checks, message
// validation, the state it answers with), the presenter ↔ audience channel, the page-mode
// parameters, and the embed snippet.
import { describe, expect, it } from 'vitest';
import {
  isAllowedOrigin,
  normalizeOrigin,
  parseAllowedOrigins,
  parseHostCommand,
  stateMessage,
} from '../../src/workshop/embedProtocol';
import {
  AUDIENCE_PROTOCOL,
  bye,
  hello,
  MAX_SCENARIO_JSON,
  mirrorPatch,
  parseAudienceMessage,
  readMirrorState,
  scenarioMsg,
  stateMsg,
  type MirrorState,
} from '../../src/workshop/audienceProtocol';
import { embedSnippet, embedSrc } from '../../src/workshop/embedCode';
import { pageBase } from '../../src/workshop/shareLinks';
import { isChannelId, modeSearch, parseWorkshopModes, initialWorkshopState } from '../../src/state/workshop';
import { customIdFor } from '../../src/state/customScenario';

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16];

describe('embed: allowed origins', () => {
  it('reads exact http(s) origins, normalised as a browser reports event.origin', () => {
    const { origins, rejected } = parseAllowedOrigins('https://a.example, https://B.example:443,http://127.0.0.1:4187,https://a.example');
    expect(origins).toEqual(['https://a.example', 'https://b.example', 'http://127.0.0.1:4187']);
    expect(rejected).toEqual([]);
  });

  it('rejects anything that is not exactly an origin', () => {
    const bad = ['*', 'https://*.example.com', 'https://a.example/path', 'https://a.example?x=1', 'javascript:alert(1)', 'null', 'a.example', 'ftp://a.example', 'https://user@a.example', 'https://a.example#x'];
    const { origins, rejected } = parseAllowedOrigins(bad.join(','));
    expect(origins).toEqual([]);
    expect(rejected).toEqual(bad);
    expect(normalizeOrigin('https://a.example/')).toBeNull();
  });

  it('accepts nothing when the list is absent or empty', () => {
    expect(parseAllowedOrigins(null).origins).toEqual([]);
    expect(parseAllowedOrigins('').origins).toEqual([]);
    expect(isAllowedOrigin('https://a.example', [])).toBe(false);
  });

  it('matches event.origin exactly: no prefix, suffix, case or port games', () => {
    const allowed = parseAllowedOrigins('https://a.example,http://127.0.0.1:4187').origins;
    expect(isAllowedOrigin('https://a.example', allowed)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4187', allowed)).toBe(true);
    for (const o of ['https://a.example.evil.com', 'https://evil-a.example', 'http://a.example', 'https://a.example:8443', 'http://127.0.0.1:4188', 'null', '', undefined, null, 42]) {
      expect(isAllowedOrigin(o, allowed), String(o)).toBe(false);
    }
  });
});

describe('embed: host commands', () => {
  const has = (id: string) => id === 'checkout-sync' || id === 'checkout-pubsub';

  it('accepts exactly the documented shapes', () => {
    expect(parseHostCommand({ type: 'play' }, has)).toEqual({ type: 'play' });
    expect(parseHostCommand({ type: 'pause' }, has)).toEqual({ type: 'pause' });
    expect(parseHostCommand({ type: 'step' }, has)).toEqual({ type: 'step' });
    expect(parseHostCommand({ type: 'goToStep', step: 3 }, has)).toEqual({ type: 'goToStep', step: 3 });
    expect(parseHostCommand({ type: 'selectScenario', id: 'checkout-pubsub' }, has)).toEqual({ type: 'selectScenario', id: 'checkout-pubsub' });
    // Extra fields are dropped, not passed on.
    expect(parseHostCommand({ type: 'play', also: 'x' }, has)).toEqual({ type: 'play' });
  });

  it('ignores everything else', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'play',
      '{"type":"play"}',
      ['play'],
      42,
      { type: 'PLAY' },
      { type: 'eval', code: 'alert(1)' },
      { type: 'goToStep' },
      { type: 'goToStep', step: 0 },
      { type: 'goToStep', step: 1.5 },
      { type: 'goToStep', step: '2' },
      { type: 'goToStep', step: 1e9 },
      { type: 'selectScenario' },
      { type: 'selectScenario', id: 'nope' },
      { type: 'selectScenario', id: '../checkout-sync' },
      { type: 'selectScenario', id: { toString: () => 'checkout-sync' } },
      Object.assign(Object.create({ type: 'play' }), {}),
      new (class {
        type = 'play';
      })(),
    ];
    for (const data of bad) expect(parseHostCommand(data, has), JSON.stringify(data) ?? String(data)).toBeNull();
  });

  it('answers with the state: t in seconds, step 1-based or null', () => {
    expect(stateMessage({ tMs: 12_345.6, playing: true, stepIndex: 2, scenarioId: 'checkout-sync' })).toEqual({
      type: 'state',
      t: 12.346,
      playing: true,
      step: 3,
      scenario: 'checkout-sync',
    });
    expect(stateMessage({ tMs: 0, playing: false, stepIndex: null, scenarioId: 'x' }).step).toBeNull();
  });
});

describe('audience channel', () => {
  const state: MirrorState = {
    scenarioId: 'checkout-sync',
    seed: 42,
    t: 1234.5,
    playing: true,
    speed: 2,
    view: 'compare',
    interventions: [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }],
    step: 2,
    guided: true,
    lang: 'en',
  };

  it('round-trips every message', () => {
    for (const m of [hello(), bye(), stateMsg(state), scenarioMsg('{"id":"x"}')]) {
      expect(parseAudienceMessage(structuredClone(m), SPEEDS)).toEqual(m);
    }
  });

  it('ignores other protocols and malformed messages', () => {
    const bad: unknown[] = [
      null,
      'hello',
      { type: 'hello' },
      { p: 'other/1', type: 'hello' },
      { p: AUDIENCE_PROTOCOL, type: 'reload' },
      { p: AUDIENCE_PROTOCOL, type: 'state' },
      { p: AUDIENCE_PROTOCOL, type: 'scenario', json: 42 },
      { p: AUDIENCE_PROTOCOL, type: 'scenario', json: 'x'.repeat(MAX_SCENARIO_JSON + 1) },
    ];
    for (const d of bad) expect(parseAudienceMessage(d, SPEEDS)).toBeNull();
  });

  it('validates every field of a mirrored state', () => {
    const broken: Partial<Record<keyof MirrorState, unknown>>[] = [
      { scenarioId: '<b>x</b>' },
      { seed: -1 },
      { seed: 1.5 },
      { t: -1 },
      { t: Infinity },
      { playing: 'yes' },
      { speed: 3 },
      { view: 'grid' },
      { step: -1 },
      { guided: 1 },
      // The language: only one the lab ships, spelled exactly; never missing (a window must not guess).
      { lang: undefined },
      { lang: 'fr' },
      { lang: 'zh' },
      { lang: 'zh-cn' },
      { lang: 'EN' },
      { lang: '' },
      { lang: 'zh-CN ' },
      { lang: '__proto__' },
      { lang: 1 },
      { lang: ['en'] },
      { lang: { toString: () => 'en' } },
      { interventions: 'none' },
      { interventions: [{ target: 'a', kind: 'explode', fromMs: 0 }] },
      { interventions: [{ target: 'a b', kind: 'down', fromMs: 0 }] },
      { interventions: [{ target: 'a', kind: 'down', fromMs: 5, untilMs: 5 }] },
      { interventions: [{ target: 'a', kind: 'error', fromMs: 0, rate: 2 }] },
      { interventions: new Array(201).fill({ target: 'a', kind: 'down', fromMs: 0 }) },
    ];
    for (const b of broken) expect(readMirrorState({ ...state, ...b }, SPEEDS), JSON.stringify(b).slice(0, 80)).toBeNull();
    expect(readMirrorState({ ...state, interventions: [{ target: 'a->b', kind: 'cut', fromMs: 0 }] }, SPEEDS)).not.toBeNull();
    expect(readMirrorState({ ...state, lang: 'zh-CN' }, SPEEDS)?.lang).toBe('zh-CN');
  });

  it('carries the presenter’s language, so the audience window follows a later switch', () => {
    const zh: MirrorState = { ...state, lang: 'zh-CN' };
    const parsed = parseAudienceMessage(structuredClone(stateMsg(zh)), SPEEDS);
    expect(parsed).toEqual({ p: AUDIENCE_PROTOCOL, type: 'state', state: zh });
    // A switch alone is a change worth applying, and nothing else changes with it.
    expect(mirrorPatch(state, zh)).toEqual({ lang: 'zh-CN' });
    expect(mirrorPatch(zh, state)).toEqual({ lang: 'en' });
    // A message without it is refused whole: nothing of it touches the store.
    const { lang: _omitted, ...withoutLang } = zh;
    expect(parseAudienceMessage({ p: AUDIENCE_PROTOCOL, type: 'state', state: withoutLang }, SPEEDS)).toBeNull();
  });

  it('patches only what changed (unchanged faults keep their identity: no recomputed run)', () => {
    const next = { ...state, t: 2000, interventions: structuredClone(state.interventions) };
    expect(mirrorPatch(state, next)).toEqual({ t: 2000 });
    const more = { ...state, interventions: [...state.interventions, { target: 'inventory', kind: 'slow' as const, fromMs: 0, factor: 10 }] };
    expect(Object.keys(mirrorPatch(state, more))).toEqual(['interventions']);
    expect(mirrorPatch(state, { ...state, step: 0, guided: false })).toEqual({ step: 0, guided: false });
  });
});

describe('page modes in the address', () => {
  it('reads embed, controls, origins, present, audience and channel', () => {
    expect(parseWorkshopModes('?embed=1&controls=0&origins=https://a.example')).toMatchObject({ embed: true, controls: false, origins: 'https://a.example', present: false, audience: false });
    expect(parseWorkshopModes('?present=1')).toMatchObject({ present: true });
    // The audience window is for a projector: presenter styling unless present=0.
    expect(parseWorkshopModes('?audience=1&channel=abcdef123456')).toMatchObject({ audience: true, present: true, channel: 'abcdef123456' });
    expect(parseWorkshopModes('?audience=1&channel=abcdef123456&present=0')).toMatchObject({ audience: true, present: false });
    // No (valid) channel, no audience.
    expect(parseWorkshopModes('?audience=1')).toMatchObject({ audience: false, channel: null });
    expect(parseWorkshopModes('?audience=1&channel=<script>')).toMatchObject({ audience: false, channel: null });
    expect(isChannelId('abc')).toBe(false);
  });

  it('writes them back so a reload keeps the mode', () => {
    const modes = { ...initialWorkshopState, ...parseWorkshopModes('?embed=1&controls=0&origins=http://127.0.0.1:4187') };
    expect(modeSearch(modes)).toBe('&embed=1&controls=0&origins=http://127.0.0.1:4187');
    expect(modeSearch(initialWorkshopState)).toBe('');
    expect(modeSearch({ ...initialWorkshopState, ...parseWorkshopModes('?audience=1&channel=abcdef123456&present=0') })).toBe('&present=0&audience=1&channel=abcdef123456');
  });
});

describe('share links and embed code', () => {
  it('strips the query and fragment from the page address', () => {
    expect(pageBase('https://x.example/lab/index.html?scenario=a#top')).toBe('https://x.example/lab/index.html');
    expect(pageBase('file:///home/me/commands-events-lab.html?t=3')).toBe('file:///home/me/commands-events-lab.html');
  });

  it('puts the embed parameters before a custom scenario', () => {
    expect(embedSrc('https://x.example/', '?scenario=a&seed=1&t=0', { controls: true, origins: [] })).toBe('https://x.example/?scenario=a&seed=1&t=0&embed=1');
    expect(embedSrc('https://x.example/', '?scenario=a&t=0&s=QUJD', { controls: false, origins: ['https://h.example'] })).toBe(
      'https://x.example/?scenario=a&t=0&embed=1&controls=0&origins=https://h.example&s=QUJD',
    );
  });

  it('escapes every attribute of the iframe snippet', () => {
    const code = embedSnippet('https://x.example/?a=1&b="2"', 'Lab: <script>alert("x")</script> & co', 800, 500);
    expect(code).toBe(
      '<iframe src="https://x.example/?a=1&amp;b=&quot;2&quot;" title="Lab: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" width="800" height="500" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
    expect(embedSnippet('u', 't', 1e9, Number.NaN)).toContain('width="4000" height="500"');
    expect(code).not.toContain('allow=');
  });

  it('gives a custom scenario its own id unless a built-in has it', () => {
    const builtin = (id: string) => id === 'checkout-sync' || id === 'checkout-sync-custom';
    expect(customIdFor('mine', builtin)).toBe('mine');
    expect(customIdFor('checkout-sync', builtin)).toBe('checkout-sync-custom-2');
  });
});

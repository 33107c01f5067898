// The `?s=` share encoding: round trip, size limits (encoded length and unpacked size, with the
// stream stopped early), bad base64, damaged data, bad JSON (with its line), invalid scenarios,
// and hostile text that must stay text.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/builtins';
import {
  compactJson,
  decodeScenarioJson,
  decodeSharedScenario,
  encodeScenarioJson,
  fromBase64Url,
  SHARE_LIMITS,
  ShareError,
  toBase64Url,
} from '../../src/workshop/shareCodec';
import { linkErrorNotices } from '../../src/workshop/loadShared';
import { formatUrl, parseUrl } from '../../src/state/url';

const mini = {
  id: 'mini',
  title: 'Mini',
  nodes: [
    { kind: 'client', id: 'c', target: 's', command: 'do' },
    { kind: 'service', id: 's', endpoints: [{ name: 'do' }] },
  ],
  workload: [{ kind: 'poisson', client: 'c', ratePerSec: 1 }],
};

async function failure(p: Promise<unknown>): Promise<ShareError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ShareError) return e;
    throw e;
  }
  throw new Error('expected a ShareError');
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe('base64url', () => {
  it('round-trips every byte value, without padding or + and /', () => {
    const bytes = new Uint8Array(256 * 3).map((_, i) => i % 256);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect([...fromBase64Url(text)]).toEqual([...bytes]);
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    for (const bad of ['abc$', 'ab cd', 'a+b/', 'abcde', '<script>']) {
      expect(() => fromBase64Url(bad), bad).toThrow(ShareError);
    }
  });
});

describe('share encoding of a scenario', () => {
  it('round-trips a custom scenario and validates it', async () => {
    const json = JSON.stringify(mini);
    const encoded = await encodeScenarioJson(json);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    const { scenario, json: back } = await decodeSharedScenario(encoded, 'shared link');
    expect(back).toBe(json);
    expect(scenario.id).toBe('mini');
    expect(scenario.nodes.map((n) => n.id)).toEqual(['c', 's']);
  });

  it('round-trips every built-in scenario (Infinity written as "Infinity"), small enough for a link', async () => {
    for (const s of builtinScenarios) {
      const json = JSON.stringify(s, (_k, v) => (v === Infinity ? 'Infinity' : v));
      const encoded = await encodeScenarioJson(json);
      expect(encoded.length, s.id).toBeLessThan(SHARE_LIMITS.maxEncodedChars);
      const { scenario } = await decodeSharedScenario(encoded, 'link');
      expect(scenario.id).toBe(s.id);
      expect(scenario.nodes).toEqual(s.nodes);
    }
  });

  it('sits in a URL beside the rest of the state', async () => {
    const encoded = await encodeScenarioJson(JSON.stringify(mini));
    const search = `${formatUrl({ scenarioId: 'mini', seed: 3, t: 2500, view: 'single', interventions: [], speed: 4 })}&s=${encoded}`;
    const params = new URLSearchParams(search);
    expect(params.get('s')).toBe(encoded); // base64url needs no escaping
    const refs = [{ id: 'mini', seed: 1, durationMs: 60_000, title: 'Mini' }];
    expect(parseUrl(search, refs).state).toMatchObject({ scenarioId: 'mini', seed: 3, t: 2500, speed: 4 });
  });

  it('compacts a pretty-printed file', () => {
    expect(compactJson(JSON.stringify(mini, null, 2))).toBe(JSON.stringify(mini));
  });
});

describe('decoding limits and damage', () => {
  it('refuses an empty or over-long parameter before any work', async () => {
    expect((await failure(decodeScenarioJson(''))).code).toBe('empty');
    const long = await failure(decodeScenarioJson('A'.repeat(SHARE_LIMITS.maxEncodedChars + 1)));
    expect(long.code).toBe('too-long');
    expect(long.size).toEqual({ actual: SHARE_LIMITS.maxEncodedChars + 1, limit: SHARE_LIMITS.maxEncodedChars });
  });

  it('stops unpacking a "zip bomb" as soon as it passes the size limit', async () => {
    // 50 MB of zeros packs into a few tens of KB; unpacking must stop just past 200 KB.
    const bomb = await deflate(new Uint8Array(50_000_000));
    expect(bomb.length).toBeLessThan(SHARE_LIMITS.maxEncodedChars);
    const e = await failure(decodeScenarioJson(bomb));
    expect(e.code).toBe('too-large');
    expect(e.size!.actual).toBeGreaterThan(SHARE_LIMITS.maxJsonBytes);
    expect(e.size!.actual).toBeLessThan(SHARE_LIMITS.maxJsonBytes + 1_100_000);
  });

  it('refuses to encode what could not be decoded', async () => {
    const big = JSON.stringify({ ...mini, summary: 'x'.repeat(SHARE_LIMITS.maxJsonBytes) });
    expect((await failure(encodeScenarioJson(big))).code).toBe('too-large');
    const tight = { maxEncodedChars: 10, maxJsonBytes: 1000 };
    expect((await failure(encodeScenarioJson(JSON.stringify(mini), tight))).code).toBe('too-long');
  });

  it('says "not base64" and "damaged" for mangled links', async () => {
    expect((await failure(decodeScenarioJson('%%%not-base64%%%'))).code).toBe('not-base64');
    expect((await failure(decodeScenarioJson('AAAA'))).code).toBe('damaged');
    const good = await encodeScenarioJson(JSON.stringify(mini));
    // Cut short, as a chat client might do.
    expect(['damaged', 'not-base64']).toContain((await failure(decodeScenarioJson(good.slice(0, good.length >> 1)))).code);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const e = await failure(decodeScenarioJson(await deflate(new Uint8Array([0xff, 0xfe, 0x7b]))));
    expect(e.code).toBe('not-utf8');
  });

  it('reports bad JSON with its line, and invalid scenarios with path and line', async () => {
    const badJson = await encodeScenarioJson('{\n  "id": "x",\n  "nodes": [ , ]\n}');
    const e = await failure(decodeSharedScenario(badJson, 'shared link'));
    expect(e.code).toBe('invalid');
    expect(e.problems[0]).toMatchObject({ line: 3 });
    expect(e.problems[0].message).toMatch(/not valid JSON/);
    expect(linkErrorNotices(e)[1]).toMatch(/^shared link:3: not valid JSON/);

    const invalid = await encodeScenarioJson('{\n  "id": "x",\n  "nodes": [\n    { "kind": "topic", "id": "t", "partitions": 0 }\n  ]\n}');
    const notices = linkErrorNotices(await failure(decodeSharedScenario(invalid, 'shared link')));
    expect(notices[0]).toMatch(/could not be opened: it is not a valid scenario \(1 problem/);
    expect(notices).toContain('shared link:4: nodes[0].partitions: must be at least 1, found 0');
  });

  it('keeps hostile text as inert text in what it reports', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const encoded = await encodeScenarioJson(JSON.stringify({ ...mini, id: hostile }));
    const notices = linkErrorNotices(await failure(decodeSharedScenario(encoded, 'shared link')));
    // The validator quotes it; it is a string for the UI to render as text (see workshopComponents.test.tsx).
    expect(notices.join('\n')).toContain(hostile);
    // A valid scenario may carry hostile text too: it decodes as data, nothing runs.
    const ok = await decodeSharedScenario(await encodeScenarioJson(JSON.stringify({ ...mini, title: hostile })), 'link');
    expect(ok.scenario.title).toBe(hostile);
  });

  it('every failure has words', () => {
    for (const code of ['empty', 'too-long', 'not-base64', 'damaged', 'too-large', 'not-utf8', 'invalid'] as const) {
      const [first] = linkErrorNotices(new ShareError(code, [], { actual: 1, limit: 1 }));
      expect(first, code).toMatch(/^The scenario in this link could not be opened: .+ Pick a scenario from the list instead\.$/);
    }
    expect(linkErrorNotices(new Error('?'))[0]).toMatch(/damaged/);
  });
});

describe('speed in the URL', () => {
  const refs = [{ id: 'a', seed: 1, durationMs: 60_000, title: 'A' }];
  it('reads a listed speed and writes it only when not 1×', () => {
    expect(parseUrl('?speed=4', refs).state.speed).toBe(4);
    expect(parseUrl('?speed=0.25', refs).state.speed).toBe(0.25);
    expect(parseUrl('', refs).state.speed).toBeUndefined();
    const base = { scenarioId: 'a', seed: 1, t: 0, view: 'single' as const, interventions: [] };
    expect(formatUrl({ ...base, speed: 1 })).not.toContain('speed');
    expect(formatUrl({ ...base, speed: 8 })).toContain('speed=8');
    expect(parseUrl(formatUrl({ ...base, speed: 0.5 }), refs).state.speed).toBe(0.5);
  });

  it('says so and plays at 1× for anything else', () => {
    for (const bad of ['3', 'fast', '', '1e9', '-1']) {
      const { state, notices } = parseUrl(`?speed=${bad}`, refs);
      expect(state.speed, bad).toBeUndefined();
      expect(notices.join(' '), bad).toMatch(/Speed .* is not one of 0.25, 0.5, 1, 2, 4, 8, 16: playing at 1×/);
    }
  });
});

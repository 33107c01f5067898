import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { parseFault, UsageError } from '../../src/cliArgs';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run sim', () => {
  it('--list prints one scenario id a line', () => {
    const r = run(['--list']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toContain('checkout-sync');
    expect(r.out.split('\n')).toContain('checkout-pubsub');
  });

  it('--json prints one object with the documented fields', () => {
    const r = run(['checkout-pubsub', '--fault', 'fulfillment:down@10-30', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['submitted', 'succeeded', 'successRate', 'p50LatencyMs', 'p99LatencyMs']) expect(typeof j.metrics.checkout[k]).toBe('number');
    for (const g of ['fulfillment', 'inventory', 'analytics']) {
      for (const k of ['processed', 'lag', 'maxLag', 'lost', 'duplicates']) expect(typeof j.metrics.groups[g][k]).toBe('number');
    }
    expect(j.metrics.groups.fulfillment.maxLag).toBeGreaterThan(0);
    expect(typeof j.metrics.events.published).toBe('number');
    expect(j.expectations.length).toBeGreaterThan(0);
    for (const e of j.expectations) expect(e).toEqual({ name: expect.any(String), passed: true, detail: expect.any(String) });
  });

  it('sync mode with Fulfillment down fails orders (seen in the printed metrics)', () => {
    const noFault = JSON.parse(run(['checkout-sync', '--json']).out);
    const down = JSON.parse(run(['checkout-sync', '--fault', 'fulfillment:down@10-30', '--json']).out);
    expect(noFault.metrics.checkout.successRate).toBe(1);
    expect(down.metrics.checkout.successRate).toBeLessThan(0.85);
  });

  it('--seed and --until change the run', () => {
    const a = JSON.parse(run(['checkout-sync', '--seed', '5', '--until', '20', '--json']).out);
    expect(a.seed).toBe(5);
    expect(a.untilMs).toBe(20_000);
  });

  it.each([
    [['nope'], /unknown scenario 'nope'/],
    [['checkout-sync', '--seed', '-1'], /--seed '-1'/],
    [['checkout-sync', '--seed'], /--seed needs a value/],
    [['checkout-sync', '--until', 'abc'], /--until 'abc'/],
    [['checkout-sync', '--fault', 'fulfillment:explode@1-2'], /--fault 'fulfillment:explode@1-2'/],
    [['checkout-sync', '--fault', 'fulfillment:down@30-10'], /must come at least 1 ms after the start/],
    [['checkout-sync', '--fault', 'warehouse:down@1-2'], /'warehouse' is not a node of checkout-sync/],
    [['checkout-sync', '--frobnicate'], /unknown option '--frobnicate'/],
    [[], /name a scenario/],
    [['--file', '/nonexistent/x.json'], /cannot read it/],
  ])('bad arguments %j exit 2 with a message saying which', (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
  });

  it('a failing expectation exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cel-'));
    const file = join(dir, 'wrong.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'wrong',
        nodes: [
          { kind: 'client', id: 'c', target: 's', command: 'do' },
          { kind: 'service', id: 's', endpoints: [{ name: 'do' }] },
        ],
        workload: [{ kind: 'poisson', client: 'c', ratePerSec: 5 }],
        expectations: [{ name: 'impossible', assert: [{ metric: 's.successRate', op: '<', value: 0.5 }] }],
      }),
    );
    const r = run(['--file', file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL\s+impossible/);
  });

  it('a malformed scenario file exits 2 naming file, line and path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cel-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{\n  "id": "bad",\n  "nodes": [\n    { "kind": "service", "id": "s", "workers": -3 }\n  ]\n}\n');
    const r = run(['--file', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:4: nodes[0].workers: must be at least 1, found -3`);
  });

  it('accepts every documented seed, 0 … 2^32-1, and names the range beyond it', () => {
    expect(JSON.parse(run(['checkout-sync', '--seed', '4294967295', '--until', '5', '--json']).out).seed).toBe(4_294_967_295);
    expect(JSON.parse(run(['checkout-sync', '--seed', '1000000000', '--until', '5', '--json']).out).seed).toBe(1_000_000_000);
    expect(JSON.parse(run(['checkout-sync', '--seed', '0', '--until', '5', '--json']).out).seed).toBe(0);
    const r = run(['checkout-sync', '--seed', '4294967296']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--seed '4294967296': expected a whole number from 0 to 4294967295");
  });

  it('checks --fault against the end --until gives, not the scenario duration', () => {
    const r = run(['checkout-sync', '--until', '120', '--fault', 'fulfillment:down@70-80', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).untilMs).toBe(120_000);
    const short = run(['checkout-sync', '--until', '30', '--fault', 'fulfillment:down@30-40']);
    expect(short.code).toBe(2);
    expect(short.err).toContain("--fault 'fulfillment:down@30-40': starts at 30s, at or after the run ends (30s): it could do nothing");
  });

  it('a fault starting at the run end is refused, from --fault and from a file, in the same words', () => {
    const cli = run(['checkout-sync', '--fault', 'fulfillment:down@60']);
    expect(cli.code).toBe(2);
    expect(cli.err).toContain("--fault 'fulfillment:down@60': starts at 60s, at or after the run ends (60s): it could do nothing");
    const dir = mkdtempSync(join(tmpdir(), 'cel-'));
    const file = join(dir, 'late.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          id: 'late',
          durationMs: 60_000,
          nodes: [
            { kind: 'client', id: 'c', target: 's', command: 'do' },
            { kind: 'service', id: 's', endpoints: [{ name: 'do' }] },
          ],
          workload: [{ kind: 'poisson', client: 'c', ratePerSec: 1 }],
          faults: [{ target: 's', kind: 'down', fromMs: 60_000 }],
        },
        null,
        2,
      ),
    );
    const r = run(['--file', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`${file.replace(/[.\\/]/g, '\\$&')}:\\d+: faults\\[0\\]\\.fromMs: starts at 60s, at or after the run ends \\(60s\\): it could do nothing`));
  });

  it('a scenario id and --file together are refused', () => {
    const r = run(['checkout-sync', '--file', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('give a scenario id or --file, not both');
    expect(run(['--file', 'x.json', 'checkout-sync']).err).toContain('give a scenario id or --file, not both');
  });

  it('with no finished command the success rate is n/a (null in --json), not 100%', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cel-'));
    const file = join(dir, 'allfail.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'allfail',
        durationMs: 10_000,
        nodes: [
          { kind: 'client', id: 'c', target: 's', command: 'do', retry: { maxAttempts: 'Infinity', backoffMs: 100 } },
          { kind: 'service', id: 's', endpoints: [{ name: 'do', errorRate: 1 }] },
        ],
        workload: [{ kind: 'poisson', client: 'c', ratePerSec: 5 }],
      }),
    );
    const text = run(['--file', file]);
    expect(text.out).toMatch(/s: \d+ submitted, 0 ok, 0 rejected \(4xx\), 0 failed \(5xx\/timeout\), \d+ pending; success n\/a \(no command finished\), p50 n\/a, p99 n\/a/);
    expect(text.out).not.toContain('100.0%');
    const j = JSON.parse(run(['--file', file, '--json']).out);
    expect(j.metrics.s.pending).toBeGreaterThan(0);
    expect(j.metrics.s.successRate).toBeNull();
    expect(j.metrics.s.p50LatencyMs).toBeNull();
    expect(j.metrics.clients.c.successRate).toBeNull();
    // A run where commands did finish keeps its numbers.
    expect(JSON.parse(run(['checkout-sync', '--json']).out).metrics.clients.shoppers.successRate).toBe(1);
  });

  it.each([
    [['checkout-sync', '--seed', '1', '--seed', '2'], /--seed given twice/],
    [['--file', 'a.json', '--file', 'b.json'], /--file given twice/],
    [['--list', 'checkout-sync'], /--list takes no scenario/],
    [['checkout-sync', '--fault', 'Fulfillment:down@1'], /node ids and kinds are lowercase, e.g. 'fulfillment:down@1'/],
    [['checkout-sync', '--fault', 'fulfillment:slow=5000@1'], /a slow factor must be from 1 to 1000/],
  ])('more bad arguments %j exit 2 with a message saying which', (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
  });

  it('parses fault values', () => {
    expect(parseFault('checkout:slow=5@1.5-')).toEqual({ target: 'checkout', kind: 'slow', fromMs: 1500, factor: 5 });
    expect(parseFault('b:error=0.25@0-3')).toEqual({ target: 'b', kind: 'error', fromMs: 0, untilMs: 3000, rate: 0.25 });
    expect(() => parseFault('b:down=3@0-3')).toThrow(UsageError);
  });
});

describe('a run that never lets time pass', () => {
  it('stops with a clear error instead of hanging (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cel-'));
    const file = join(dir, 'spin.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'spin',
        durationMs: 5000,
        nodes: [
          { kind: 'client', id: 'p', target: 't', command: 'e' },
          { kind: 'topic', id: 't' },
          {
            kind: 'service',
            id: 'c',
            consumers: [{ group: 'g', topic: 't', processing: { kind: 'const', ms: 0 }, errorRate: 1, retry: { maxAttempts: 'Infinity', backoffMs: 0, jitter: 0 } }],
          },
        ],
        workload: [{ kind: 'script', client: 'p', items: [{ atMs: 0, key: 'k' }] }],
      }),
    );
    const r = run(['--file', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the run stopped after 3,000,000 steps at t = 0\.0\d\d s/);
  }, 60_000);
});

describe('hostile scenario files (found by the adversarial review)', () => {
  const write = (name: string, scenario: unknown): string => {
    const dir = mkdtempSync(join(tmpdir(), 'cel-'));
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(scenario));
    return file;
  };
  const base = (extra: Record<string, unknown>) => ({
    id: 'x',
    durationMs: 5000,
    nodes: [
      { kind: 'client', id: 'c', target: 's', command: 'do', payload: { valid: { a: 'x' }, invalid: [] } },
      { kind: 'service', id: 's', endpoints: [{ name: 'do' }] },
    ],
    workload: [{ kind: 'script', client: 'c', items: [{ atMs: 0, invalid: true }] }],
    ...extra,
  });

  it('a payload path through __proto__ is refused and pollutes nothing', () => {
    const s = base({});
    (s.nodes[0] as { payload: unknown }).payload = { valid: {}, invalid: [{ path: '__proto__.ghost', value: 1 }] };
    const r = run(['--file', write('proto.json', s)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("goes through a reserved name");
    expect(({} as Record<string, unknown>).ghost).toBeUndefined();
  });

  it('a catastrophic-backtracking pattern is refused before it can hang the run', () => {
    const s = base({});
    (s.nodes[1] as { endpoints: unknown[] }).endpoints = [{ name: 'do', schema: { type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' } } } }];
    const r = run(['--file', write('redos.json', s)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nested quantifiers');
  });

  it('an event type named like an Object.prototype member is just an unknown event to a state machine', () => {
    const r = run([
      '--file',
      write('tostring.json', {
        id: 'x',
        durationMs: 5000,
        nodes: [
          { kind: 'client', id: 'p', target: 't', command: 'toString' },
          { kind: 'topic', id: 't' },
          { kind: 'service', id: 's', consumers: [{ group: 'g', topic: 't' }], state: { initial: 'A', transitions: { placed: { from: ['A'], to: 'B' } } } },
        ],
        workload: [{ kind: 'script', client: 'p', items: [{ atMs: 0, key: 'k' }] }],
      }),
    ]);
    expect(r.code).toBe(0);
  });

  it('faults that could do nothing are refused, from files and from --fault', () => {
    expect(run(['checkout-sync', '--fault', 'fulfillment:poison@1']).err).toMatch(/poison applies to a topic or queue/);
    expect(run(['checkout-sync', '--fault', 'shoppers->analytics:cut@1-2']).err).toMatch(/no messages travel between/);
    expect(run(['checkout-sync', '--fault', 'checkout->checkout:cut@1-2']).err).toMatch(/two different nodes/);
    expect(run(['checkout-sync', '--fault', 'fulfillment:down@99']).err).toMatch(/after the run ends/);
  });

  it('a dead-letter topic equal to its own topic and an out-of-range partition are refused', () => {
    const r = run([
      '--file',
      write('dlt.json', {
        id: 'x',
        nodes: [
          { kind: 'client', id: 'p', target: 't', command: 'e' },
          { kind: 'topic', id: 't', partitions: 2 },
          { kind: 'service', id: 's', consumers: [{ group: 'g', topic: 't', deadLetterTopic: 't' }] },
        ],
        workload: [{ kind: 'script', client: 'p', items: [{ atMs: 0, partition: 5 }] }],
      }),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('a dead-letter topic must differ');
    expect(r.err).toContain('partition 5 does not exist');
  });

  it('a device or a huge file is refused before reading it', () => {
    expect(run(['--file', '/dev/zero']).err).toContain('not a regular file');
  });

  it('fault times are finite and bounded; crash and poison take no end; a crash restarts within an hour', () => {
    const nines = '9'.repeat(400);
    expect(run(['checkout-sync', '--fault', `fulfillment:down@5-${nines}`]).err).toMatch(/the end must be at most 86400 s/);
    expect(run(['checkout-sync', '--fault', `fulfillment:crash=${nines}@5`]).err).toMatch(/restart time must be from 0\.001 to 3600 seconds/);
    expect(run(['checkout-sync', '--fault', 'fulfillment:crash@1-5']).err).toMatch(/crash happens once \(on its next message\): give only a start, e\.g\. fulfillment:crash@1/);
    expect(run(['checkout-pubsub', '--fault', 'online-orders:poison@1-5']).err).toMatch(/poison happens once/);
  });

  it('the text report lists every queue, and passes no terminal escapes through from a file', () => {
    const r = run(['c7-delivery-limit-dlq']);
    expect(r.out).toMatch(/queue q: enqueued 2, delivered 7 \(5 redelivered, most of one message 6\), acked 1, nacked 6, now 0 ready \+ 0 unacked, dead-lettered 1/);
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const file = join(dir, 'esc.json');
    writeFileSync(file, JSON.stringify({ id: 'esc', title: 'Evil \u001b[2J\u001b]0;pwned\u0007 title', nodes: [] }));
    const out = run(['--file', file]).out;
    expect(out).toContain('Evil \ufffd[2J\ufffd]0;pwned\ufffd title');
    expect(out).not.toMatch(/\u001b/);
  });

  it('records a producing client gave up on are counted, not silently missing', () => {
    const r = run(['--file', 'docs/examples/two-subscribers.json', '--fault', 'orders:down@5-15']);
    expect(r.out).toMatch(/events published: 25; 16 never published \(the producer gave up on them\)/);
    const j = JSON.parse(run(['--file', 'docs/examples/two-subscribers.json', '--fault', 'orders:down@5-15', '--json']).out);
    expect(j.metrics.events).toEqual({ published: 25, notPublished: 16 });
  });
});

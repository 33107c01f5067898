// The inspector's selectors, on real runs of the built-in scenarios (deterministic: same seed,
// same trace) so that every kind of record an event or a command can have is exercised.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import type { FaultSpec, Scenario } from '../../src/engine/types';
import { findScenario } from '../../src/scenarios/builtins';
import {
  commandAt,
  describeMessage,
  eventAt,
  inspectCommand,
  inspectEvent,
  inspectNodeAt,
  recentMessages,
  virtualIso,
} from '../../src/view/inspect';
import { hopRefKind } from '../../src/view/refKind';
import { buildTraceIndex } from '../../src/view/traceIndex';
import { worldAt } from '../../src/view/worldAt';

function run(id: string, interventions: FaultSpec[] = []) {
  const scenario = findScenario(id) as Scenario;
  const trace = simulate(scenario, { interventions });
  return { scenario, trace, index: buildTraceIndex(trace, scenario) };
}

const outage: FaultSpec[] = [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }];

describe('virtualIso', () => {
  it('renders virtual ms after 2026-01-01T00:00:00Z', () => {
    expect(virtualIso(0)).toBe('2026-01-01T00:00:00.000Z');
    expect(virtualIso(16_453.9)).toBe('2026-01-01T00:00:16.453Z');
    expect(virtualIso(3_600_000 + 61_001)).toBe('2026-01-01T01:01:01.001Z');
    // Plain arithmetic agrees with Date across month, leap-year and century boundaries.
    const epoch = Date.UTC(2026, 0, 1);
    for (const ms of [31 * 86_400_000 - 1, 59 * 86_400_000, 800 * 86_400_000 + 12_345, 36_600 * 86_400_000 + 7]) {
      expect(virtualIso(ms)).toBe(new Date(epoch + ms).toISOString());
    }
  });
});

describe('hopRefKind', () => {
  it('calls anything to or from a topic or queue an event, the rest commands', () => {
    const { index } = run('checkout-pubsub');
    expect(hopRefKind(index, { from: 'shoppers', to: 'checkout' })).toBe('command');
    expect(hopRefKind(index, { from: 'checkout', to: 'online-orders' })).toBe('event');
    expect(hopRefKind(index, { from: 'online-orders', to: 'fulfillment' })).toBe('event');
    const q = run('c7-nack-requeue-loop');
    const queue = q.scenario.nodes.find((n) => n.kind === 'queue')!.id;
    const consumer = q.scenario.nodes.find((n) => n.kind === 'service')!.id;
    expect(hopRefKind(q.index, { from: queue, to: consumer })).toBe('event');
  });

  it('agrees with the engine: every event hop refers to an existing event, every command hop to a command', () => {
    const { index, trace } = run('checkout-sync', outage);
    const commandIds = new Set(trace.records.flatMap((r) => (r.type === 'command' ? [r.cmd] : [])));
    for (const r of trace.records) {
      if (r.type !== 'hop') continue;
      if (hopRefKind(index, r) === 'command') expect(commandIds.has(r.ref)).toBe(true);
      else expect(trace.events[r.ref]).toBeDefined();
    }
  });
});

describe('inspectEvent (checkout-pubsub, Fulfillment down 10–30 s)', () => {
  const { index, trace } = run('checkout-pubsub', outage);
  const event = trace.events.find((e) => e.time > 15_000 && e.time < 20_000)!;
  const detail = inspectEvent(index, event.id);

  it('builds the CloudEvents envelope from the EventInfo', () => {
    expect(detail.envelope).toEqual({
      specversion: '1.0',
      id: String(event.id),
      source: 'checkout',
      type: 'order-placed',
      time: virtualIso(event.time),
      subject: event.key,
      datacontenttype: 'application/json',
    });
    expect(detail.info?.data).toEqual(event.data);
    expect(detail.cmd).toBe(event.cmd);
  });

  it('finds its log position from the append record', () => {
    const append = trace.records.find((r) => r.type === 'append' && r.event === event.id)!;
    expect(append.type).toBe('append');
    if (append.type !== 'append') return;
    expect(detail.appends[0]).toEqual({ t: append.t, topic: 'online-orders', partition: append.partition, offset: append.offset });
  });

  it('lists every hop of the event (produce, ack, one delivery per group) and none of other messages', () => {
    const expected = trace.records.filter((r) => r.type === 'hop' && r.ref === event.id && hopRefKind(index, r) === 'event').length;
    expect(detail.hops).toHaveLength(expected);
    expect(detail.hops.map((h) => h.kind).sort()).toEqual(['ack', 'event', 'event', 'event', 'event']);
  });

  it('at a time during the outage: processed by inventory and analytics, fulfillment still owes it', () => {
    const at = eventAt(detail, 25_000);
    const byGroup = Object.fromEntries(at.groups.map((g) => [g.group, g.status]));
    expect(byGroup).toEqual({ inventory: 'processed', analytics: 'processed', fulfillment: 'waiting' });
    expect(at.later).toBeGreaterThan(0);
  });

  it('after the outage: every group has processed it exactly once', () => {
    const at = eventAt(detail, 60_000);
    expect(at.groups.map((g) => g.status)).toEqual(['processed', 'processed', 'processed']);
    expect(at.groups.every((g) => g.duplicates === 0)).toBe(true);
    expect(at.later).toBe(0);
  });

  it('before it was created it does not exist yet and shows nothing', () => {
    const at = eventAt(detail, event.time - 1);
    expect(at.exists).toBe(false);
    expect(at.hops).toEqual([]);
    expect(at.history).toEqual([]);
  });
});

describe('inspectEvent: attempts and dead letters (C4 with a dead-letter topic)', () => {
  const { index } = run('c4-dead-letter-topic');
  const m1 = inspectEvent(index, 1);

  it('records three delivery attempts, three failures, then the dead-letter copy', () => {
    const at = eventAt(m1, 30_000);
    expect(at.groups).toEqual([
      expect.objectContaining({ group: 'g', status: 'dead-lettered', attempts: 3, failures: 3 }),
    ]);
    expect(at.appends.map((a) => a.topic)).toEqual(['t', 't.dlt']);
    expect(at.history.filter((h) => h.text.includes('handler failed'))).toHaveLength(3);
  });

  it('is retrying between a failure and the next delivery', () => {
    const firstFailure = m1.groups[0].failedT[0];
    expect(groupStatus(eventAt(m1, firstFailure))).toBe('retrying');
  });
});

describe('inspectEvent: a blocked partition (C4 without DLT)', () => {
  const { index } = run('c4-poison-blocks-partition');
  it('m2 waits behind the poison record m1 for the whole run', () => {
    const m2 = eventAt(inspectEvent(index, 2), 30_000);
    expect(groupStatus(m2)).toBe('waiting');
  });
});

describe('inspectEvent: a queued message (C7)', () => {
  const { index, trace } = run('c7-delivery-limit-dlq');
  const queued = trace.records.find((r) => r.type === 'enqueue')!;
  it('lists the enqueue, deliveries and acks or nacks in its history', () => {
    if (queued.type !== 'enqueue') throw new Error('no enqueue');
    const d = inspectEvent(index, queued.message);
    expect(d.enqueues[0].queue).toBe(queued.queue);
    expect(d.history.some((h) => h.text.includes('delivered to'))).toBe(true);
  });
});

function groupStatus(at: ReturnType<typeof eventAt>): string {
  return at.groups[0].status;
}

describe('inspectCommand', () => {
  it('in sync mode during the outage: retried downstream calls, failed with 502, row committed anyway', () => {
    const { index, trace } = run('checkout-sync', outage);
    const failed = trace.records.find((r) => r.type === 'command-done' && r.outcome === 'failed' && r.t > 12_000)!;
    if (failed.type !== 'command-done') throw new Error('no failed command');
    const d = inspectCommand(index, failed.cmd);
    expect(d.service).toBe('checkout');
    expect(d.done).toMatchObject({ outcome: 'failed', status: failed.status });
    // The call to Fulfillment carries the command id: its attempts are this command's hops.
    expect(d.hops.filter((h) => h.to === 'fulfillment').length).toBeGreaterThanOrEqual(2);
    expect(d.history.some((h) => h.text.includes('committed the row'))).toBe(true);
    expect(d.events).toEqual([]);

    const before = commandAt(d, d.submittedAt!);
    expect(before.status).toBe('pending');
    expect(before.attempts).toBe(1);
    const after = commandAt(d, 60_000);
    expect(after.status).toBe('failed');
    expect(after.done?.latencyMs).toBeCloseTo(failed.latencyMs);
  });

  it('in pub/sub mode: ok, and names the order-placed event it caused', () => {
    const { index, trace } = run('checkout-pubsub', outage);
    const event = trace.events.find((e) => e.cmd !== undefined)!;
    const d = inspectCommand(index, event.cmd!);
    expect(d.events.map((e) => e.id)).toEqual([event.id]);
    expect(d.payload).toEqual(event.data);
    expect(commandAt(d, event.time - 1).events).toEqual([]);
    expect(commandAt(d, 60_000)).toMatchObject({ status: 'ok', attempts: 1 });
  });

  it('a rejected command names the field validation failed on', () => {
    const { index, trace } = run('checkout-pubsub');
    const rejected = trace.records.find((r) => r.type === 'command-done' && r.outcome === 'rejected')!;
    if (rejected.type !== 'command-done') throw new Error('no rejection');
    const d = inspectCommand(index, rejected.cmd);
    expect(d.valid).toBe(false);
    expect(d.history.some((h) => h.text.includes('rejected it'))).toBe(true);
    expect(commandAt(d, 60_000).status).toBe('rejected');
  });
});

describe('inspectNodeAt', () => {
  const { index } = run('checkout-pubsub', outage);
  it('a service: pool, commands handled, the offsets its group committed', () => {
    const w = worldAt(index, 20_000);
    const checkout = inspectNodeAt(index, w, 'checkout')!;
    expect(checkout.pool?.workers).toBe(8);
    expect(checkout.handled).toBeGreaterThan(10);
    expect(checkout.handledOk).toBeLessThanOrEqual(checkout.handled!);
    const fulfillment = inspectNodeAt(index, w, 'fulfillment')!;
    expect(fulfillment.status).toBe('down');
    expect(fulfillment.committed.map((c) => c.partition)).toEqual([0, 1, 2]);
    expect(fulfillment.committed.reduce((s, c) => s + c.lag, 0)).toBe(w.topics['online-orders'].groups.fulfillment.lag);
  });

  it('a topic: partitions and every group reading it', () => {
    const w = worldAt(index, 20_000);
    const topic = inspectNodeAt(index, w, 'online-orders')!;
    expect(topic.partitions).toHaveLength(3);
    expect(new Set(topic.committed.map((c) => c.group))).toEqual(new Set(['fulfillment', 'inventory', 'analytics']));
  });

  it('a queue: depth and unacked', () => {
    const q = run('c7-nack-requeue-loop');
    const queue = q.scenario.nodes.find((n) => n.kind === 'queue')!.id;
    const d = inspectNodeAt(q.index, worldAt(q.index, 5000), queue)!;
    expect(d.queue).toBeDefined();
    expect(d.queue!.enqueued).toBeGreaterThan(0);
  });

  it('an unknown node is undefined', () => {
    expect(inspectNodeAt(index, worldAt(index, 0), 'nope')).toBeUndefined();
  });
});

describe('describeMessage and recentMessages', () => {
  const { index, trace } = run('checkout-pubsub');
  it('names commands and events in words', () => {
    const e = trace.events[0];
    expect(describeMessage(index, { kind: 'event', id: e.id })).toBe(`event order-placed ${e.label} (#${e.id})`);
    expect(describeMessage(index, { kind: 'command', id: e.cmd! })).toBe(`command place-order ${e.key} (#${e.cmd})`);
    expect(describeMessage(index, { kind: 'event', id: 99_999 })).toBe('event #99999');
  });

  it('lists the newest messages first, each once, only those seen by t', () => {
    const list = recentMessages(index, 10_000, 20);
    expect(list.length).toBe(20);
    expect(new Set(list.map((m) => `${m.kind}${m.id}`)).size).toBe(20);
    expect(recentMessages(index, -1)).toEqual([]);
  });
});

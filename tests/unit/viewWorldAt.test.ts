import { describe, expect, it } from 'vitest';
import { buildTraceIndex } from '../../src/view/traceIndex';
import { worldAt } from '../../src/view/worldAt';
import { emptyTrace, hop, makeScenario, makeTrace } from './viewFixtures';

const index = buildTraceIndex(makeTrace(), makeScenario());
const records = makeTrace().records;
const keyOf = (label: string, t: number) => records.findIndex((r) => r.type === 'hop' && r.label === label && r.t === t);

describe('worldAt: tokens', () => {
  it('shows nothing before the first record', () => {
    expect(worldAt(index, -1).tokens).toEqual([]);
  });

  it('shows a hop from its departure (progress 0) until just before its arrival', () => {
    const [token] = worldAt(index, 0).tokens;
    expect(token).toEqual({
      key: keyOf('place-order o1', 0),
      kind: 'command',
      label: 'place-order o1',
      status: undefined,
      from: 'shop',
      to: 'checkout',
      ref: 1,
      departAt: 0,
      arriveAt: 10,
      progress: 0,
      lost: false,
    });
    expect(worldAt(index, 9.999).tokens.map((x) => x.key)).toEqual([keyOf('place-order o1', 0)]);
    expect(worldAt(index, 10).tokens).toEqual([]); // landed
  });

  it('interpolates progress linearly and keeps trace order across duration classes', () => {
    const tokens = worldAt(index, 17).tokens;
    expect(tokens.map((x) => [x.key, x.progress])).toEqual([
      [keyOf('place-order o2', 12), 0.5],
      [keyOf('order-placed o1', 15), 0.4],
    ]);
    const at20 = worldAt(index, 20).tokens;
    expect(at20.map((x) => x.label)).toEqual(['place-order o2', '201']);
    expect(at20[1].status).toBe(201);
    expect(at20[1].progress).toBe(0);
  });

  it('finds a long hop among short ones, and nothing after the last arrival', () => {
    expect(worldAt(index, 580).tokens.map((x) => [x.label, x.progress])).toEqual([['place-order o4', 0.5]]);
    expect(worldAt(index, 1080).tokens).toEqual([]);
    expect(worldAt(index, 5000).tokens).toEqual([]);
  });
});

describe('worldAt: nodes', () => {
  it('starts every node up with an idle pool sized from the scenario', () => {
    const w = worldAt(index, -1);
    expect(Object.keys(w.nodes)).toEqual(['shop', 'checkout', 'orders', 'fulfillment', 'analytics']);
    expect(w.nodes.checkout).toEqual({
      id: 'checkout',
      kind: 'service',
      label: 'Checkout',
      status: 'up',
      pool: { busy: 0, queued: 0, workers: 2, queueLimit: 3 },
      crashes: 0,
    });
    expect(w.nodes.shop.pool).toBeUndefined();
    expect(w.nodes.orders.kind).toBe('topic');
  });

  it('applies status and pool records from their own instant on', () => {
    expect(worldAt(index, 24.9).nodes.fulfillment.status).toBe('up');
    expect(worldAt(index, 25).nodes.fulfillment.status).toBe('down');
    expect(worldAt(index, 59).nodes.fulfillment.status).toBe('down');
    expect(worldAt(index, 60).nodes.fulfillment.status).toBe('up');
    expect(worldAt(index, 10).nodes.checkout.pool).toMatchObject({ busy: 1, queued: 0 });
    expect(worldAt(index, 500).nodes.checkout.pool).toMatchObject({ busy: 2, queued: 1 });
  });
});

describe('worldAt: topics and groups', () => {
  it('has empty partitions and zero lag before any append', () => {
    const orders = worldAt(index, 0).topics.orders;
    expect(orders.label).toBe('Online orders');
    expect(orders.partitions).toEqual([
      { partition: 0, logStart: 0, logEnd: 0, recent: [] },
      { partition: 1, logStart: 0, logEnd: 0, recent: [] },
    ]);
    expect(Object.keys(orders.groups)).toEqual(['ful', 'ana']);
    expect(orders.groups.ana.lag).toBe(0);
  });

  it('lists the retained records only, after retention moved the log start', () => {
    const [p0, p1] = worldAt(index, 50).topics.orders.partitions;
    expect(p0).toEqual({
      partition: 0,
      logStart: 1,
      logEnd: 2,
      recent: [{ offset: 1, t: 45, key: 'o3', eventType: 'order-placed', event: 2, label: 'm3' }],
    });
    expect(p1.recent.map((r) => r.offset)).toEqual([0]);
    // Just before retention the old record is still there.
    expect(worldAt(index, 49).topics.orders.partitions[0].recent.map((r) => r.offset)).toEqual([0, 1]);
  });

  it('limits the recent records', () => {
    const p1 = worldAt(index, 200, { recentLimit: 1 }).topics.orders.partitions[1];
    expect(p1.recent.map((r) => r.offset)).toEqual([1]);
  });

  it('gives a group that never committed the log start as committed offset', () => {
    const ana = worldAt(index, 50).topics.orders.groups.ana;
    expect(ana.partitions).toEqual([
      { partition: 0, committed: 1, lag: 1, member: undefined },
      { partition: 1, committed: 0, lag: 1, member: undefined },
    ]);
    expect(ana.lag).toBe(2);
    expect(ana.members).toEqual([]);
    expect(ana.service).toBe('analytics');
  });

  it('shows commits, assignment and rebalancing of a committing group', () => {
    const at50 = worldAt(index, 50).topics.orders.groups.ful;
    expect(at50.members).toEqual(['f1', 'f2']);
    expect(at50.partitions).toEqual([
      { partition: 0, committed: 1, lag: 1, member: 'f1' },
      { partition: 1, committed: 0, lag: 1, member: 'f2' },
    ]);
    expect(at50.lag).toBe(2);
    expect(at50.rebalancing).toBe(false);
    expect(worldAt(index, 65).topics.orders.groups.ful.rebalancing).toBe(true);
    const at70 = worldAt(index, 70).topics.orders.groups.ful;
    expect(at70.rebalancing).toBe(false);
    expect(at70.assignment).toEqual({ f1: [0, 1], f2: [] });
    expect(at70.partitions.map((p) => p.member)).toEqual(['f1', 'f1']);
    expect(worldAt(index, -1).topics.orders.groups.ful.assignment).toEqual({});
  });

  it('applies an append and a commit at the same instant together', () => {
    const ful = worldAt(index, 100).topics.orders.groups.ful;
    expect(ful.partitions.map((p) => [p.committed, p.lag])).toEqual([
      [1, 1],
      [2, 0],
    ]);
  });

  it('shows a group found only in the trace from its first record on', () => {
    expect(worldAt(index, 109).topics.orders.groups.audit).toBeUndefined();
    const audit = worldAt(index, 110).topics.orders.groups.audit;
    expect(audit.service).toBeUndefined();
    expect(audit.partitions.map((p) => [p.committed, p.lag])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(audit.lag).toBe(1);
  });
});

describe('worldAt: faults on links and crashes', () => {
  const faulty = buildTraceIndex(
    {
      ...emptyTrace(),
      records: [
        { type: 'link', t: 5, a: 'checkout', b: 'orders', cut: true },
        { ...hop(6, 16, 'checkout', 'orders', 'event', 'order-placed o1', 0), lost: true },
        hop(7, 17, 'shop', 'checkout', 'command', 'place-order o2', 2),
        { type: 'crash', t: 8, node: 'fulfillment', ref: 0 },
        { type: 'node', t: 8, node: 'fulfillment', status: 'down' },
        { type: 'link', t: 20, a: 'checkout', b: 'orders', cut: false },
      ],
    },
    makeScenario(),
  );

  it('lists a link as cut from its cut record until it is restored', () => {
    expect(worldAt(faulty, 4).cutLinks).toEqual([]);
    expect(worldAt(faulty, 5).cutLinks).toEqual([{ a: 'checkout', b: 'orders' }]);
    expect(worldAt(faulty, 20).cutLinks).toEqual([]);
  });

  it('still shows a dropped message setting off, flagged as lost', () => {
    expect(worldAt(faulty, 10).tokens.map((x) => [x.label, x.lost])).toEqual([
      ['order-placed o1', true],
      ['place-order o2', false],
    ]);
  });

  it('counts crashes per node', () => {
    expect(worldAt(faulty, 7).nodes.fulfillment.crashes).toBe(0);
    expect(worldAt(faulty, 8).nodes.fulfillment).toMatchObject({ crashes: 1, status: 'down' });
  });
});

describe('worldAt: counts', () => {
  it('counts nothing before the first record', () => {
    expect(worldAt(index, -1).counts).toEqual({
      commandsSubmitted: 0,
      commandsOk: 0,
      commandsRejected: 0,
      commandsFailed: 0,
      commandsPending: 0,
      eventsPublished: 0,
      notPublished: 0,
      processedByGroup: { ful: 0, ana: 0, audit: 0 },
    });
  });

  it('counts what happened so far, records at exactly t included', () => {
    expect(worldAt(index, 30).counts).toMatchObject({ commandsSubmitted: 2, commandsOk: 1, commandsPending: 1, eventsPublished: 1 });
    expect(worldAt(index, 45).counts).toEqual({
      commandsSubmitted: 2,
      commandsOk: 1,
      commandsRejected: 1,
      commandsFailed: 0,
      commandsPending: 0,
      eventsPublished: 3,
      notPublished: 0,
      processedByGroup: { ful: 1, ana: 0, audit: 0 },
    });
    expect(worldAt(index, 1e9).counts).toMatchObject({ commandsSubmitted: 3, commandsFailed: 1, eventsPublished: 4 });
  });

  it('works on an empty trace', () => {
    const w = worldAt(buildTraceIndex(emptyTrace(), makeScenario()), 100);
    expect(w.tokens).toEqual([]);
    expect(w.counts.commandsSubmitted).toBe(0);
    expect(w.topics.orders.groups.ful.lag).toBe(0);
    expect(w.t).toBe(100);
  });
});

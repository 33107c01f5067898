import { Random } from './random';
import { Scheduler } from './scheduler';
import type { EventInfo, FaultSpec, HopRecord, MessageKind, NodeStatus, TraceRecord } from './types';

/** What a node does when its process stops or starts again (faults call these). */
export interface Lifecycle {
  onDown(): void;
  onUp(): void;
}

interface NodeHealth {
  downCount: number;
  slowFactors: number[];
  errorRates: number[];
  /** Bumped whenever the process stops or starts: callbacks scheduled by an older incarnation are void. */
  incarnation: number;
  status: NodeStatus;
}

/**
 * The shared context of one run: clock, trace, seeded random streams and node health.
 * Components hold a reference to it; nothing here knows about any particular component.
 */
export class Sim {
  readonly scheduler = new Scheduler();
  readonly records: TraceRecord[] = [];
  readonly events: EventInfo[] = [];
  private readonly health = new Map<string, NodeHealth>();
  private readonly lifecycles = new Map<string, Lifecycle>();
  private readonly streams = new Map<string, Random>();

  constructor(
    readonly seed: number,
    readonly networkMs: number,
  ) {}

  get now(): number {
    return this.scheduler.now;
  }

  record(r: TraceRecord): void {
    this.records.push(r);
  }

  /** A named random stream: draws in one stream never shift another's. */
  random(stream: string): Random {
    let r = this.streams.get(stream);
    if (!r) {
      r = new Random(this.seed, stream);
      this.streams.set(stream, r);
    }
    return r;
  }

  registerNode(id: string, lifecycle?: Lifecycle): void {
    this.health.set(id, { downCount: 0, slowFactors: [], errorRates: [], incarnation: 0, status: 'up' });
    if (lifecycle) this.lifecycles.set(id, lifecycle);
  }

  hasNode(id: string): boolean {
    return this.health.has(id);
  }

  isUp(id: string): boolean {
    return this.health.get(id)!.downCount === 0;
  }

  incarnation(id: string): number {
    return this.health.get(id)!.incarnation;
  }

  /** Processing-time multiplier from active `slow` faults (the worst one wins). */
  slowFactor(id: string): number {
    const f = this.health.get(id)!.slowFactors;
    return f.length === 0 ? 1 : Math.max(...f);
  }

  /** Extra failure probability from active `error` faults (independent faults combine). */
  faultErrorRate(id: string): number {
    const rates = this.health.get(id)!.errorRates;
    let ok = 1;
    for (const r of rates) ok *= 1 - r;
    return 1 - ok;
  }

  /** Send a message along an edge; returns its arrival time. One-way latency is the scenario's. */
  hop(from: string, to: string, kind: MessageKind, label: string, ref: number, status?: number): number {
    const t = this.now;
    const arriveAt = t + this.networkMs;
    const r: HopRecord = { type: 'hop', t, arriveAt, from, to, kind, label, ref };
    if (status !== undefined) r.status = status;
    this.records.push(r);
    return arriveAt;
  }

  /** Schedule every fault's start and end. Overlapping faults of a kind stack (down until the last ends). */
  scheduleFaults(faults: FaultSpec[]): void {
    for (const fault of faults) {
      const h = this.health.get(fault.target);
      if (!h) continue; // validated earlier; unknown targets are reported by the loader
      this.scheduler.at(fault.fromMs, () => this.applyFault(fault, +1));
      if (fault.untilMs !== undefined) this.scheduler.at(fault.untilMs, () => this.applyFault(fault, -1));
    }
  }

  private applyFault(fault: FaultSpec, direction: 1 | -1): void {
    const h = this.health.get(fault.target)!;
    const wasUp = h.downCount === 0;
    switch (fault.kind) {
      case 'down':
        h.downCount += direction;
        break;
      case 'slow':
        edit(h.slowFactors, fault.factor ?? 10, direction);
        break;
      case 'error':
        edit(h.errorRates, fault.rate ?? 0.5, direction);
        break;
    }
    const isUp = h.downCount === 0;
    const lifecycle = this.lifecycles.get(fault.target);
    if (wasUp && !isUp) {
      h.incarnation++;
      lifecycle?.onDown();
    }
    this.updateStatus(fault.target, h);
    if (!wasUp && isUp) {
      h.incarnation++;
      lifecycle?.onUp();
    }
  }

  private updateStatus(id: string, h: NodeHealth): void {
    const status: NodeStatus =
      h.downCount > 0 ? 'down' : h.slowFactors.length > 0 ? 'slow' : h.errorRates.length > 0 ? 'erroring' : 'up';
    if (status !== h.status) {
      h.status = status;
      this.records.push({ type: 'node', t: this.now, node: id, status });
    }
  }
}

function edit(list: number[], value: number, direction: 1 | -1): void {
  if (direction > 0) list.push(value);
  else {
    const i = list.indexOf(value);
    if (i >= 0) list.splice(i, 1);
  }
}

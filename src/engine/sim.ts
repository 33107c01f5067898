import { Random } from './random';
import { Scheduler } from './scheduler';
import { LABEL_TEXT, TraceLog } from './traceLog';
import type { EventInfo, FaultSpec, MessageKind, NodeStatus, TraceRecord } from './types';

/** What a node does when its process stops or starts again (faults call these). */
export interface Lifecycle {
  onDown(): void;
  onUp(): void;
}

/** A node's process state. Hot paths hold on to it (`healthOf`) instead of looking it up by id per message. */
export interface NodeHealth {
  readonly id: string;
  /** The node's id in the trace's name table. */
  readonly name: number;
  downCount: number;
  slowFactors: number[];
  errorRates: number[];
  /** Processing-time multiplier from active `slow` faults (the worst one wins); kept in step with slowFactors. */
  slowFactor: number;
  /** Extra failure probability from active `error` faults (independent faults combine); kept in step with errorRates. */
  errorRate: number;
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
  readonly events: EventInfo[] = [];
  readonly log: TraceLog;
  private readonly health = new Map<string, NodeHealth>();
  private readonly lifecycles = new Map<string, Lifecycle>();
  private readonly streams = new Map<string, Random>();
  /** Cut links, by `a|b` with a < b, counting overlapping cuts. */
  private readonly cuts = new Map<string, number>();
  private readonly linkListeners: (() => void)[] = [];
  private readonly cutListeners: ((a: string, b: string) => void)[] = [];
  private readonly armedCrashes = new Map<string, number[]>();
  private readonly armedPoison = new Map<string, number>();
  /** Crashes on their way (the message started, its midpoint not reached yet), per node. */
  private readonly pendingCrashes = new Map<string, { restartMs: number; cancelled: boolean }[]>();

  constructor(
    readonly seed: number,
    readonly networkMs: number,
  ) {
    this.log = new TraceLog(this.events, networkMs);
  }

  get now(): number {
    return this.scheduler.now;
  }

  /** Append a record of a rare kind (frequent kinds have their own writers on `log`). */
  record(r: TraceRecord): void {
    this.log.object(r);
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
    this.health.set(id, { id, name: this.log.name(id), downCount: 0, slowFactors: [], errorRates: [], slowFactor: 1, errorRate: 0, incarnation: 0, status: 'up' });
    if (lifecycle) this.lifecycles.set(id, lifecycle);
  }

  hasNode(id: string): boolean {
    return this.health.has(id);
  }

  healthOf(id: string): NodeHealth {
    return this.health.get(id)!;
  }

  isUp(id: string): boolean {
    return this.health.get(id)!.downCount === 0;
  }

  incarnation(id: string): number {
    return this.health.get(id)!.incarnation;
  }

  /** Processing-time multiplier from active `slow` faults (the worst one wins). */
  slowFactor(id: string): number {
    return this.health.get(id)!.slowFactor;
  }

  /** Extra failure probability from active `error` faults (independent faults combine). */
  faultErrorRate(id: string): number {
    return this.health.get(id)!.errorRate;
  }

  /**
   * Send a message along an edge; returns its arrival time (one-way latency is the scenario's), or
   * Infinity when a cut link drops it: callers schedule on the arrival, so a lost message simply
   * never arrives and whoever waits for an answer times out.
   */
  hop(from: string, to: string, kind: MessageKind, label: string, ref: number, status?: number): number {
    return this.hopWith(from, to, kind, LABEL_TEXT, label, ref, 0, 0, status);
  }

  /**
   * A hop between two nodes whose health the caller holds (the hot paths: no lookups by id), with a
   * label the trace rebuilds from event `ref` when read (`how` is one of traceLog's LABEL_ kinds):
   * no string is built or kept for the millions of fetches of a long run.
   */
  hopBetween(from: NodeHealth, to: NodeHealth, kind: MessageKind, how: number, ref: number, partition: number, offset: number, status?: number): number {
    const t = this.now;
    const lost = this.cuts.size > 0 && this.isCut(from.id, to.id);
    this.log.hop(t, from.name, to.name, kind, how, '', partition, offset, ref, status, lost);
    return lost ? Infinity : t + this.networkMs;
  }

  private hopWith(from: string, to: string, kind: MessageKind, how: number, text: string, ref: number, partition: number, offset: number, status: number | undefined): number {
    const t = this.now;
    const lost = this.cuts.size > 0 && this.isCut(from, to);
    this.log.hop(t, this.log.name(from), this.log.name(to), kind, how, text, partition, offset, ref, status, lost);
    return lost ? Infinity : t + this.networkMs;
  }

  /**
   * Run `task(arg)` when a hop sent now arrives (`arriveAt` as hop() returned it). Every hop takes
   * networkMs, so arrivals queue in one of the scheduler's FIFO lanes instead of its heap (same
   * order either way); a lost hop's Infinity goes to the heap and never comes due.
   */
  atArrival<T>(arriveAt: number, task: (arg: T) => void, arg: T): void {
    if (arriveAt === this.scheduler.now + this.networkMs) this.scheduler.timer(this.networkMs, task, arg);
    else this.scheduler.at(arriveAt, task, arg);
  }

  isCut(a: string, b: string): boolean {
    if (this.cuts.size === 0) return false;
    return (this.cuts.get(a < b ? `${a}|${b}` : `${b}|${a}`) ?? 0) > 0;
  }

  /** Called whenever a cut link is restored (pollers re-try). */
  onLinkRestored(listener: () => void): void {
    this.linkListeners.push(listener);
  }

  /** Called whenever a link is cut (its two nodes, in the fault's order): heartbeats across it stop. */
  onLinkCut(listener: (a: string, b: string) => void): void {
    this.cutListeners.push(listener);
  }

  /**
   * A node starts handling message `ref` for `durationMs`: if a crash fault is armed on it, the node
   * dies halfway through and restarts later. Returns true when it will crash.
   */
  maybeCrashMidway(node: string, durationMs: number, ref: number): boolean {
    if (this.armedCrashes.size === 0) return false;
    const armed = this.armedCrashes.get(node);
    if (!armed || armed.length === 0) return false;
    const restartMs = armed.shift()!;
    const incarnation = this.incarnation(node);
    const pending = { restartMs, cancelled: false };
    const list = this.pendingCrashes.get(node);
    if (list) list.push(pending);
    else this.pendingCrashes.set(node, [pending]);
    this.scheduler.after(durationMs / 2, () => {
      if (pending.cancelled || this.incarnation(node) !== incarnation) return;
      const all = this.pendingCrashes.get(node)!;
      all.splice(all.indexOf(pending), 1);
      this.record({ type: 'crash', t: this.now, node, ref });
      const fault: FaultSpec = { target: node, kind: 'down', fromMs: this.now };
      this.applyFault(fault, +1);
      this.scheduler.after(restartMs, () => this.applyFault(fault, -1));
    });
    return true;
  }

  /** True once per armed poison fault: the next record appended to `node` is poison. */
  takePoison(node: string): boolean {
    if (this.armedPoison.size === 0) return false; // every append asks: the usual answer is quick
    const n = this.armedPoison.get(node) ?? 0;
    if (n === 0) return false;
    this.armedPoison.set(node, n - 1);
    return true;
  }

  /** Schedule every fault's start and end. Overlapping faults of a kind stack (down until the last ends). */
  scheduleFaults(faults: FaultSpec[]): void {
    for (const fault of faults) {
      if (fault.kind === 'cut') {
        this.scheduleCut(fault);
        continue;
      }
      if (fault.kind === 'crash') {
        this.scheduler.at(fault.fromMs, () => {
          const list = this.armedCrashes.get(fault.target) ?? [];
          list.push(fault.restartMs ?? 1000);
          this.armedCrashes.set(fault.target, list);
        });
        continue;
      }
      if (fault.kind === 'poison') {
        this.scheduler.at(fault.fromMs, () => this.armedPoison.set(fault.target, (this.armedPoison.get(fault.target) ?? 0) + 1));
        continue;
      }
      const h = this.health.get(fault.target);
      if (!h) continue; // validated earlier; unknown targets are reported by the loader
      this.scheduler.at(fault.fromMs, () => this.applyFault(fault, +1));
      if (fault.untilMs !== undefined) this.scheduler.at(fault.untilMs, () => this.applyFault(fault, -1));
    }
  }

  private scheduleCut(fault: FaultSpec): void {
    const [a, b] = fault.target.split('->');
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    const change = (direction: 1 | -1): void => {
      const before = this.cuts.get(key) ?? 0;
      const after = before + direction;
      if (after === 0) this.cuts.delete(key);
      else this.cuts.set(key, after);
      if ((before === 0) !== (after === 0)) {
        this.record({ type: 'link', t: this.now, a, b, cut: after > 0 });
        if (after === 0) for (const listener of this.linkListeners) listener();
        else for (const listener of this.cutListeners) listener(a, b);
      }
    };
    this.scheduler.at(fault.fromMs, () => change(+1));
    if (fault.untilMs !== undefined) this.scheduler.at(fault.untilMs, () => change(-1));
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
        h.slowFactor = h.slowFactors.length === 0 ? 1 : Math.max(...h.slowFactors);
        break;
      case 'error': {
        edit(h.errorRates, fault.rate ?? 0.5, direction);
        let ok = 1;
        for (const r of h.errorRates) ok *= 1 - r;
        h.errorRate = 1 - ok;
        break;
      }
      default:
        break;
    }
    const isUp = h.downCount === 0;
    const lifecycle = this.lifecycles.get(fault.target);
    if (wasUp && !isUp) {
      h.incarnation++;
      // Stopped before halfway through a message that was to crash it: that crash did not happen,
      // so it stays armed for the next message (as the graph's "crash armed" badge says).
      const pending = this.pendingCrashes.get(fault.target);
      if (pending?.length) {
        const armed = this.armedCrashes.get(fault.target)!;
        for (let i = pending.length - 1; i >= 0; i--) {
          pending[i].cancelled = true;
          armed.unshift(pending[i].restartMs);
        }
        pending.length = 0;
      }
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
      this.record({ type: 'node', t: this.now, node: id, status });
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

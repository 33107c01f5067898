import { sample } from './dist';
import { backoffDelay } from './http';
import type { EntityState } from './entityState';
import type { Random } from './random';
import type { NodeHealth, Sim } from './sim';
import type { TopicNode } from './topic';
import { LABEL_FETCH } from './traceLog';
import type { ConsumerSpec, LostReason } from './types';

/** How many fetched-but-not-yet-handed records a member buffers per partition (Kafka's fetcher prefetches too). */
const PREFETCH = 8;

/**
 * A record of one partition on its way to, or in, a member's hands, tagged with the member's epoch
 * then: scheduled as the argument of the member's static tasks (fetched, handled, commit sent),
 * which do nothing once the epoch has moved on. Objects, not closures: a long run makes millions.
 */
interface RecordTask {
  member: Member;
  epoch: number;
  partition: number;
  offset: number;
}

/** The record in the handler (or waiting for its retry). */
interface Held extends RecordTask {
  event: number;
  attempt: number;
}

/** Publishes an event on behalf of a consumer (event chains, dead letters); calls back with success. */
export type Publisher = (from: string, topic: string, what: Publication, done: (ok: boolean) => void) => void;

/** A new event caused by `cause` (event chains), or the same event copied elsewhere (dead letters). */
export type Publication = { kind: 'new'; eventType: string; cause: number } | { kind: 'copy'; event: number };

/**
 * A member's records handed to its handler and not completed, by partition. It iterates in the
 * order partitions were first handed over, as a Map would (losses are recorded in that order),
 * without a Map's cost: a set and a delete per record made Map the engine's hottest line.
 */
export class HandedOver {
  private readonly byPartition: (Held | undefined)[] = [];
  private readonly order: number[] = [];

  get(partition: number): Held | undefined {
    return this.byPartition[partition];
  }

  set(partition: number, held: Held): void {
    if (this.byPartition[partition] === undefined) this.order.push(partition);
    this.byPartition[partition] = held;
  }

  delete(partition: number): void {
    if (this.byPartition[partition] === undefined) return;
    this.byPartition[partition] = undefined;
    const order = this.order;
    const i = order.indexOf(partition);
    if (i === order.length - 1) order.pop(); // the usual case: one record in hand
    else order.splice(i, 1);
  }

  clear(): void {
    for (const p of this.order) this.byPartition[p] = undefined;
    this.order.length = 0;
  }

  /** In first-handed-over order. */
  values(): Held[] {
    return this.order.map((p) => this.byPartition[p]!);
  }
}

/**
 * One consumer instance. It fetches records of its assigned partitions into a small buffer (each
 * fetched record is a hop the graph animates), hands them to the handler one at a time in offset
 * order, and commits per its commit mode. A crash loses the buffer and anything uncommitted.
 */
export class Member {
  alive = true;
  /**
   * The coordinator evicted this member: cut off from the broker, it missed its session timeout. It
   * keeps working on what it had already fetched (a zombie: its commits are fenced, a new owner
   * reads the same records again) until the link is back and it rejoins.
   */
  evicted = false;
  /** When the link to the broker was last cut (-1: connected): heartbeats stop from then on. */
  cutSince = -1;
  /** Bumped on crash, restart and every new assignment: voids the callbacks of the old life. */
  epoch = 0;
  generation = -1;
  partitions: number[] = [];
  // Per-partition state lives in arrays indexed by partition number (a hot path: Maps were costly).
  // commitCandidate and handedOver stay Maps: their iteration order is observable in the trace.
  /** Next offset to fetch, per partition. */
  private fetchPosition: number[] = [];
  /** Fetched records waiting for the handler, per partition, in offset order. */
  private buffer: number[][] = [];
  /** Fetched records still travelling, per partition. */
  private inTransit: number[] = [];
  /** Next offset to hand to the handler, per partition. */
  private position: number[] = [];
  /** Offset to commit next (auto-commit and revoke commit it), per partition. */
  private commitCandidate = new Map<number, number>();
  private retryAt: (number | undefined)[] = [];
  private attempts: (number | undefined)[] = [];
  busy = false;
  /** The record being handled, or waiting for a retry. */
  held: Held | undefined;
  private nextPartition = 0;
  /** When the pending retry wake-up of this assignment fires (Infinity = none). */
  private wakeAt = Infinity;
  /** Records handed to the handler and not completed, per partition (a failed one waits for its retry). */
  readonly handedOver = new HandedOver();
  /** This member's random streams, looked up once (a stream's draws do not depend on when it is fetched). */
  private random: Random | undefined;
  private retryRandom: Random | undefined;
  /** This member's id in the trace's name table. */
  private readonly name: number;
  /** The hosting service's process state (slow and error faults). */
  private readonly health: NodeHealth;

  constructor(
    readonly id: string,
    readonly service: string,
    readonly spec: ConsumerSpec,
    private readonly group: ConsumerGroup,
    private readonly sim: Sim,
    /** The hosting service's business state, when it keeps one. */
    private readonly state?: EntityState,
  ) {
    this.name = sim.log.name(id);
    this.health = sim.healthOf(service);
  }

  /** Take a new assignment: start every partition from the group's committed offset. */
  assign(partitions: number[], generation: number): void {
    this.epoch++;
    this.generation = generation;
    this.partitions = partitions;
    this.fetchPosition = [];
    this.buffer = [];
    this.inTransit = [];
    this.position = [];
    this.commitCandidate.clear();
    this.retryAt = [];
    this.attempts = [];
    this.held = undefined;
    this.handedOver.clear();
    this.wakeAt = Infinity;
    this.busy = false;
    for (const p of partitions) {
      const start = this.group.startOffset(p);
      this.fetchPosition[p] = start;
      this.position[p] = start;
      this.buffer[p] = [];
      this.inTransit[p] = 0;
    }
    if (this.spec.autoCommitIntervalMs > 0) this.scheduleAutoCommit();
    this.fetch();
    this.pump();
  }

  crash(): void {
    this.alive = false;
    this.epoch++;
    this.busy = false;
    this.partitions = [];
    // Everything in memory dies with the process: nothing is in hand any more.
    this.handedOver.clear();
    this.fetchPosition = [];
    this.position = [];
    this.buffer = [];
    this.inTransit = [];
  }

  revive(): void {
    this.alive = true;
    this.epoch++;
  }

  /** Commit whatever is ready (Kafka's commit on partition revocation). */
  flushCommits(): void {
    for (const [p, offset] of this.commitCandidate) this.group.commit(this, p, offset);
  }

  /** New records may be available in any assigned partition. */
  fetch(): void {
    if (!this.canFetch()) return;
    for (const p of this.partitions) this.fetchFrom(p);
  }

  /**
   * New records may be available in `partition`, or it has room again. Only an append to a
   * partition or handing one of its records over changes that, and both call this for their own
   * partition; whatever a pause skipped (rebalance, cut link) the fetch of every partition that
   * ends the pause makes up. Retention is the exception: it deletes under every partition at once,
   * so with retention every partition is fetched (and reset if it fell off the log).
   */
  fetchPartition(partition: number): void {
    if (!this.canFetch()) return;
    // With retention, a position the log deleted is reset on the next fetch of any partition.
    if (this.group.topic.spec.retentionMs !== undefined) this.fetch();
    else if (this.partitions.includes(partition)) this.fetchFrom(partition);
  }

  /** Has this member fetched `offset` of `partition` and not finished it (buffered, travelling, in the handler or awaiting a retry)? */
  hasInHand(partition: number, offset: number): boolean {
    // Only a partition it still works on (its own, or an evicted member's old one): the record
    // handed over (in the handler, or failed and waiting for its retry), and the ones fetched after
    // it and not handed over yet (a reset may leave a gap between the two).
    if (!this.alive || !this.partitions.includes(partition)) return false;
    return this.handedOver.get(partition)?.offset === offset || (offset >= this.position[partition] && offset < this.fetchPosition[partition]);
  }

  private canFetch(): boolean {
    // A cut link or a stopped broker stops fetching; the member fetches again when either is back.
    const topic = this.group.topic;
    return this.alive && !this.group.rebalancing && topic.health.downCount === 0 && !this.sim.isCut(topic.id, this.service);
  }

  private fetchFrom(p: number): void {
    const end = this.group.topic.logEnd(p);
    let next = this.fetchPosition[p];
    let reset = false;
    const logStart = this.group.topic.partitions[p].logStart;
    if (next < logStart) {
      // Our position fell off the log (retention): reset as auto.offset.reset says. What was
      // fetched and not yet handed over is dropped with the buffer. A record already handed over
      // stays in memory: the one in the handler, or a failed one waiting at the buffer's head for
      // its retry (the log deleting it does not take it out of the application's hands).
      const retrying = this.handedOver.get(p);
      const keep = retrying !== undefined && this.buffer[p][0] === retrying.offset;
      reset = true;
      if (this.group.topic.spec.autoOffsetReset === 'earliest') next = logStart;
      else {
        this.group.skippedByReset(p, logStart, end);
        next = end;
      }
      this.position[p] = next;
      this.buffer[p] = keep ? [retrying.offset] : [];
    }
    while (next < end && this.buffer[p].length + this.inTransit[p] < PREFETCH) {
      this.send(p, next);
      next++;
    }
    this.fetchPosition[p] = next;
    // What the reset dropped from memory is lost now, unless processed already.
    if (reset) this.group.settleLosses(p);
  }

  private send(partition: number, offset: number): void {
    const topic = this.group.topic;
    const eventId = topic.partitions[partition].log[offset];
    const epoch = this.epoch;
    this.inTransit[partition]++;
    const arrive = this.sim.hopBetween(topic.health, this.health, 'event', LABEL_FETCH, eventId, partition, offset);
    const task: RecordTask = { member: this, epoch, partition, offset };
    this.sim.atArrival(arrive, Member.fetched, task);
  }

  private static fetched(task: RecordTask): void {
    const m = task.member;
    if (task.epoch !== m.epoch) return;
    m.inTransit[task.partition]--;
    m.buffer[task.partition].push(task.offset);
    m.pump();
  }

  /** Hand the next buffered record to the handler, if idle. */
  pump(): void {
    if (!this.alive || this.busy || this.partitions.length === 0) return;
    if (this.group.rebalancing) {
      this.group.memberIdle();
      return;
    }
    // At-most-once commits synchronously before the handler starts: while the coordinator cannot be
    // reached (broker stopped, link cut) commitSync cannot return, so nothing is handed over.
    if (this.spec.commit === 'before' && this.spec.autoCommitIntervalMs === 0 && !this.group.coordinatorReachable(this.service)) return;
    const n = this.partitions.length;
    let earliestRetry = Infinity;
    for (let k = 0; k < n; k++) {
      const p = this.partitions[(this.nextPartition + k) % n];
      const buffered = this.buffer[p];
      if (buffered.length === 0) continue;
      const retryAt = this.retryAt[p] ?? 0;
      if (retryAt > this.sim.now) {
        earliestRetry = Math.min(earliestRetry, retryAt);
        continue;
      }
      this.nextPartition = (this.nextPartition + k + 1) % n;
      this.handle(p, buffered.shift()!);
      this.fetchPartition(p);
      return;
    }
    // One wake-up per assignment, moved earlier when a sooner retry appears; a wake-up of an older
    // epoch (or a superseded one) does nothing.
    if (earliestRetry < this.wakeAt) {
      this.wakeAt = earliestRetry;
      const epoch = this.epoch;
      this.sim.scheduler.at(earliestRetry, () => {
        if (epoch !== this.epoch || this.wakeAt !== earliestRetry) return;
        this.wakeAt = Infinity;
        this.pump();
      });
    }
  }

  private handle(partition: number, offset: number): void {
    const sim = this.sim;
    const topic = this.group.topic;
    const eventId = topic.partitions[partition].log[offset];
    const attempt = (this.attempts[partition] ?? 0) + 1;
    this.attempts[partition] = attempt;
    this.busy = true;
    const held: Held = { member: this, epoch: this.epoch, partition, offset, event: eventId, attempt };
    this.held = held;
    this.handedOver.set(partition, held);
    this.position[partition] = offset + 1;
    sim.log.deliver(sim.now, this.group.name, this.name, topic.name, partition, offset, eventId, attempt);
    if (this.spec.commit === 'before') this.ready(partition, offset + 1);

    const random = (this.random ??= sim.random(`consumer:${this.id}`));
    const duration = sample(this.spec.processing, random) * this.health.slowFactor;
    sim.maybeCrashMidway(this.service, duration, eventId);
    sim.scheduler.after(duration, Member.handled, held);
  }

  /** The handler finished with the held record (unless the member's life changed meanwhile). */
  private static handled(held: Held): void {
    const m = held.member;
    if (held.epoch !== m.epoch) return;
    m.finishHandling(held);
  }

  private finishHandling({ epoch, partition, offset, event: eventId, attempt }: Held): void {
    const sim = this.sim;
    const topic = this.group.topic;
    const random = this.random!;
    const event = sim.events[eventId];
    const failRate = 1 - (1 - this.spec.errorRate) * (1 - this.health.errorRate);
    if (event.poison || random.chance(failRate)) {
      this.failed(partition, offset, eventId, attempt);
      return;
    }
    const skippedDuplicate = this.spec.idempotent && this.group.hasProcessed(eventId);
    this.group.markProcessed(partition, offset, eventId);
    sim.log.processed(sim.now, this.group.name, this.name, topic.name, partition, offset, eventId, skippedDuplicate);
    if (!skippedDuplicate) this.state?.apply(event);
    if (skippedDuplicate || this.spec.emits.length === 0) {
      this.completed(partition, offset);
      return;
    }
    // Event chain: publish what this event causes before committing it (at-least-once end to end).
    let pending = this.spec.emits.length;
    let allOk = true;
    for (const emit of this.spec.emits) {
      this.group.publish(this.service, emit.topic, { kind: 'new', eventType: emit.eventType, cause: eventId }, (ok) => {
        if (epoch !== this.epoch) return;
        allOk &&= ok;
        if (--pending === 0) {
          if (allOk) this.completed(partition, offset);
          else this.failed(partition, offset, eventId, attempt);
        }
      });
    }
  }

  private failed(partition: number, offset: number, eventId: number, attempt: number): void {
    const sim = this.sim;
    sim.record({
      type: 'handler-failed',
      t: sim.now,
      group: this.group.id,
      member: this.id,
      topic: this.group.topic.id,
      partition,
      offset,
      event: eventId,
      attempt,
    });
    const dlt = this.spec.deadLetterTopic;
    if (dlt !== undefined && attempt >= this.spec.retry.maxAttempts) {
      const epoch = this.epoch;
      this.group.publish(this.service, dlt, { kind: 'copy', event: eventId }, (ok) => {
        if (epoch !== this.epoch) return;
        if (!ok) {
          this.retryLater(partition, offset, attempt);
          return;
        }
        this.group.markDeadLettered(partition, offset, eventId, dlt);
        this.completed(partition, offset);
      });
      return;
    }
    this.retryLater(partition, offset, attempt);
  }

  /** Blocking retry: seek back to the failed record so nothing after it in this partition overtakes it. */
  private retryLater(partition: number, offset: number, attempt: number): void {
    const delay = backoffDelay(this.spec.retry, attempt, (this.retryRandom ??= this.sim.random(`consumer-retry:${this.id}`)).next());
    this.retryAt[partition] = this.sim.now + delay;
    this.buffer[partition].unshift(offset);
    this.position[partition] = offset;
    this.busy = false;
    this.pump();
  }

  private completed(partition: number, offset: number): void {
    this.attempts[partition] = undefined;
    this.retryAt[partition] = undefined;
    this.held = undefined;
    this.handedOver.delete(partition);
    if (this.spec.commit === 'after') this.ready(partition, offset + 1);
    this.busy = false;
    this.pump();
  }

  /** `offset` may be committed now: at once (a commit request to the broker) or by the auto-commit timer. */
  private ready(partition: number, offset: number): void {
    this.commitCandidate.set(partition, offset);
    if (this.spec.autoCommitIntervalMs > 0) return;
    if (this.spec.commit === 'before') {
      // commitSync() returns before the handler starts: no crash can come between commit and handler,
      // so nothing handed over is ever redelivered (at-most-once).
      this.group.commit(this, partition, offset);
      return;
    }
    // The commit reaches the coordinator one network hop later: a crash in between means redelivery.
    const task: RecordTask = { member: this, epoch: this.epoch, partition, offset };
    this.sim.scheduler.timer(this.sim.networkMs, Member.commitArrived, task);
  }

  private static commitArrived(task: RecordTask): void {
    const m = task.member;
    if (task.epoch === m.epoch) m.group.commit(m, task.partition, task.offset);
  }

  private scheduleAutoCommit(): void {
    const epoch = this.epoch;
    this.sim.scheduler.after(this.spec.autoCommitIntervalMs, () => {
      if (epoch !== this.epoch) return;
      this.flushCommits();
      this.scheduleAutoCommit();
    });
  }
}

/**
 * A consumer group: its own committed offset per partition, one owner per partition among its
 * live members, and rebalances when members join, crash (noticed after the session timeout) or
 * come back. Every group sees every event of the topic, independently of other groups.
 */
export class ConsumerGroup {
  readonly members: Member[] = [];
  /** Committed offset per partition (next offset to read); undefined = never committed. */
  private committed: (number | undefined)[];
  private generation = 0;
  rebalancing = false;
  private finishing = false;
  /** Event ids this group has processed, as flags indexed by id (ids are dense; a Set was a hot spot). */
  private processed = new Uint8Array(1024);
  /** Processed or dead-lettered offsets per partition: what retention may delete without loss. */
  private readonly doneOffsets: Set<number>[];
  /** This group's id in the trace's name table. */
  readonly name: number;
  /**
   * Records this group may never process, with the reason to record if so, per partition: deleted
   * by retention or skipped by an offset reset or committed past unprocessed — while a member may
   * still have them in hand. Kafka hands out what a consumer already fetched even after the log
   * deletes it, and an evicted member works through what it fetched, so each is lost only once no
   * live member holds it any more (crash, reassignment, reset) and it was not processed.
   */
  private readonly lossPending: Map<number, LostReason>[];
  /** Offsets already recorded lost, per partition: a record is lost once, whatever path finds it. */
  private readonly lostOffsets: Set<number>[];
  /** Who the last assignment gave each partition to (checked for life before use: asked on every append). */
  private owners: (Member | undefined)[] = [];

  constructor(
    readonly id: string,
    readonly topic: TopicNode,
    private readonly sim: Sim,
    readonly publish: Publisher,
  ) {
    this.name = sim.log.name(id);
    this.committed = topic.partitions.map(() => undefined);
    this.doneOffsets = topic.partitions.map(() => new Set<number>());
    this.lossPending = topic.partitions.map(() => new Map<number, LostReason>());
    this.lostOffsets = topic.partitions.map(() => new Set<number>());
    topic.onAppend((p) => this.ownerOf(p)?.fetchPartition(p));
    sim.onLinkCut((a, b) => {
      const other = a === topic.id ? b : b === topic.id ? a : undefined;
      if (other !== undefined) for (const m of this.members) if (m.service === other) this.heartbeatsStopped(m);
    });
    sim.onLinkRestored(() => this.reconnected());
    // The broker is back: fetch again, and commit what could not be committed meanwhile.
    topic.whenUp(() => {
      for (const m of this.members) {
        m.fetch();
        m.flushCommits();
        m.pump();
      }
      this.memberIdle(); // a rebalance that waited for the coordinator
    });
    topic.onRetention((p, from, to) => this.retained(p, from, to));
  }

  addMember(member: Member): void {
    this.members.push(member);
  }

  /** The first assignment at t = 0 needs no rebalance pause. */
  start(): void {
    this.assignLiveMembers();
  }

  startOffset(partition: number): number {
    const logStart = this.topic.partitions[partition].logStart;
    const committed = this.committed[partition];
    if (committed !== undefined && committed >= logStart) return committed;
    if (this.topic.spec.autoOffsetReset === 'earliest') return logStart;
    const end = this.topic.logEnd(partition);
    this.skippedByReset(partition, Math.max(committed ?? 0, logStart), end);
    return end;
  }

  /**
   * auto.offset.reset=latest jumped over `from`…`to`: what this group had not processed there it
   * never will (a group that never committed and restarts skips what came meanwhile — a classic).
   */
  skippedByReset(partition: number, from: number, to: number): void {
    for (let offset = from; offset < to; offset++) this.pendLoss(partition, offset, 'offset-reset');
  }

  hasProcessed(eventId: number): boolean {
    return eventId < this.processed.length && this.processed[eventId] === 1;
  }

  markProcessed(partition: number, offset: number, eventId: number): void {
    if (eventId >= this.processed.length) {
      const grown = new Uint8Array(Math.max(eventId + 1, this.processed.length * 2));
      grown.set(this.processed);
      this.processed = grown;
    }
    this.processed[eventId] = 1;
    const pending = this.lossPending[partition];
    if (pending.size > 0) pending.delete(offset);
    if (this.topic.spec.retentionMs !== undefined) this.doneOffsets[partition].add(offset);
  }

  markDeadLettered(partition: number, offset: number, eventId: number, deadLetterTopic: string): void {
    this.lossPending[partition].delete(offset);
    if (this.topic.spec.retentionMs !== undefined) this.doneOffsets[partition].add(offset);
    this.sim.record({
      type: 'dead-lettered',
      t: this.sim.now,
      group: this.id,
      topic: this.topic.id,
      partition,
      offset,
      event: eventId,
      deadLetterTopic,
    });
  }

  /**
   * Offsets only move forward, and only the current owner of the current generation may commit (an
   * evicted member's commits are fenced). A commit needs the coordinator: with the broker stopped or
   * the link cut it fails, and the offset stays ready for the next commit.
   */
  commit(member: Member, partition: number, offset: number): void {
    if (!member.alive || member.generation !== this.generation || !member.partitions.includes(partition)) return;
    if (!this.coordinatorReachable(member.service)) return;
    const current = this.committed[partition];
    if (current !== undefined && offset <= current) return;
    this.committed[partition] = offset;
    this.sim.log.commit(this.sim.now, this.name, this.topic.name, partition, offset);
  }

  /** Can a member of `service` reach the group coordinator (on the topic's broker)? */
  coordinatorReachable(service: string): boolean {
    return this.topic.health.downCount === 0 && !this.sim.isCut(this.topic.id, service);
  }

  memberCrashed(member: Member): void {
    this.noteLoss(member);
    member.crash();
    this.settleAllLosses();
    if (this.members.some((m) => m.alive)) {
      const epoch = member.epoch;
      this.sim.scheduler.after(member.spec.sessionTimeoutMs, () => {
        // Still gone after the session timeout: the coordinator evicts it and rebalances.
        // (An evicted member is out of the group already.)
        if (!member.alive && !member.evicted && member.epoch === epoch) this.rebalance(`${member.id} missed its session timeout`);
      });
    }
    // A rebalance waiting for this member to finish its record must not wait for a dead member.
    if (this.rebalancing) this.memberIdle();
  }

  memberRestarted(member: Member): void {
    member.revive();
    if (this.sim.isCut(this.topic.id, member.service)) {
      // It cannot reach the coordinator: it joins when the link is back. Its old partitions move on.
      member.evicted = true;
      this.rebalance(`${member.id} restarted, cut off from ${this.topic.id}`);
      return;
    }
    member.evicted = false;
    this.rebalance(`${member.id} joined`);
  }

  /**
   * The link between the broker and a member's process was cut: its heartbeats stop. Still cut
   * after its session timeout, it is evicted and the group rebalances without it (Kafka's
   * coordinator does the same to a consumer it cannot hear from).
   */
  private heartbeatsStopped(member: Member): void {
    const since = this.sim.now;
    member.cutSince = since;
    this.sim.scheduler.after(member.spec.sessionTimeoutMs, () => {
      if (member.cutSince !== since || !member.alive || member.evicted) return;
      member.evicted = true;
      this.rebalance(`${member.id} missed its session timeout (cut off from ${this.topic.id})`);
      // A rebalance already under way no longer waits for the evicted member's handler.
      this.memberIdle();
    });
  }

  /** A cut link was restored: members connected again fetch and commit; an evicted one rejoins. */
  private reconnected(): void {
    const rejoined: string[] = [];
    for (const m of this.members) {
      if (this.sim.isCut(this.topic.id, m.service)) continue;
      m.cutSince = -1;
      if (m.evicted && m.alive) {
        m.evicted = false;
        rejoined.push(m.id);
        continue;
      }
      m.fetch();
      m.flushCommits();
      m.pump();
    }
    if (rejoined.length > 0) this.rebalance(`${rejoined.join(', ')} rejoined`);
  }

  /** A record a member held (in its handler or waiting for a retry) is lost if the group already committed past it. */
  private noteLoss(member: Member): void {
    for (const held of member.handedOver.values()) {
      const committed = this.committed[held.partition];
      if (committed !== undefined && committed > held.offset) this.pendLoss(held.partition, held.offset, 'committed-before-processing');
    }
  }

  /** The record at `offset` may never be processed by this group: settled by settleLosses. */
  private pendLoss(partition: number, offset: number, reason: LostReason): void {
    const event = this.topic.partitions[partition].log[offset];
    // The event was processed (from another copy), or another copy is still ahead to be read.
    if (this.hasProcessed(event) || this.hasUnreadCopy(partition, offset)) return;
    const pending = this.lossPending[partition];
    if (!pending.has(offset)) pending.set(offset, reason);
  }

  /**
   * Is another copy of this record's event still to be read: later in the same partition, or in
   * another partition at or past the group's committed offset, and not deleted by retention?
   */
  private hasUnreadCopy(partition: number, offset: number): boolean {
    for (const c of this.topic.otherCopies(partition, offset)) {
      if (c.offset < this.topic.partitions[c.partition].logStart) continue;
      if (c.partition === partition ? c.offset > offset : c.offset >= (this.committed[c.partition] ?? 0)) return true;
    }
    return false;
  }

  /** Pending losses of a partition are lost now unless processed or still in a live member's hands. */
  settleLosses(partition: number): void {
    const pending = this.lossPending[partition];
    if (pending.size === 0) return;
    // Who may still process a record from memory: any live member with it in hand — its owner, or a
    // member evicted (or rejoining) that still works through what it had fetched. A member's
    // in-hand state is reset whenever it is assigned anew, so it never claims another's records.
    const holders = this.members.filter((m) => m.alive);
    const log = this.topic.partitions[partition].log;
    for (const [offset, reason] of pending) {
      const event = log[offset];
      if (this.hasProcessed(event)) {
        pending.delete(offset);
        continue;
      }
      if (holders.some((m) => m.hasInHand(partition, offset))) continue;
      pending.delete(offset);
      this.recordLost(partition, offset, event, reason);
    }
  }

  private settleAllLosses(): void {
    for (let p = 0; p < this.lossPending.length; p++) this.settleLosses(p);
  }

  private recordLost(partition: number, offset: number, event: number, reason: LostReason): void {
    const lost = this.lostOffsets[partition];
    if (lost.has(offset)) return;
    lost.add(offset);
    this.sim.record({ type: 'lost', t: this.sim.now, group: this.id, topic: this.topic.id, partition, offset, event, reason });
  }

  private retained(partition: number, from: number, to: number): void {
    const committed = this.committed[partition] ?? 0;
    const done = this.doneOffsets[partition];
    for (let offset = Math.max(from, committed); offset < to; offset++) if (!done.has(offset)) this.pendLoss(partition, offset, 'retention');
    for (let offset = from; offset < to; offset++) done.delete(offset);
    this.settleLosses(partition);
  }

  private ownerOf(partition: number): Member | undefined {
    const m = this.owners[partition];
    return m !== undefined && m.alive && !m.evicted && m.partitions.includes(partition) ? m : undefined;
  }

  rebalance(reason: string): void {
    this.sim.record({ type: 'rebalance', t: this.sim.now, group: this.id, reason });
    if (this.rebalancing) return;
    this.rebalancing = true;
    this.memberIdle();
  }

  /**
   * Called when a member reaches a poll boundary: once all live members have, the pause starts.
   * The coordinator lives on the broker: while it is stopped no rebalance can complete (it goes on
   * when the broker is back).
   */
  memberIdle(): void {
    if (!this.rebalancing || this.finishing || this.topic.health.downCount > 0) return;
    // An evicted member takes no part: the coordinator no longer waits for it.
    if (this.members.some((m) => m.alive && !m.evicted && m.busy)) return;
    this.finishing = true;
    const pause = Math.max(...this.members.map((m) => m.spec.rebalanceMs));
    this.sim.scheduler.after(pause, () => {
      this.finishing = false;
      if (this.topic.health.downCount > 0) return; // the coordinator stopped meanwhile: when it is back
      this.rebalancing = false;
      // Well-behaved consumers commit what they finished when their partitions are revoked.
      for (const m of this.members) if (m.alive && !m.evicted) m.flushCommits();
      for (const m of this.members) if (m.alive && !m.evicted) this.noteLoss(m);
      this.assignLiveMembers();
    });
  }

  /** Range assignment: partitions split into contiguous runs over the live members, sorted by id. */
  private assignLiveMembers(): void {
    this.generation++;
    // An evicted member is left as it is: it keeps its old generation (so its commits are fenced)
    // and what it had fetched, until it rejoins.
    const live = this.members.filter((m) => m.alive && !m.evicted).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const assignment: Record<string, number[]> = {};
    for (const m of this.members) assignment[m.id] = [];
    // Kafka's RangeAssignor: floor(n/m) partitions each, the first n % m members one more.
    const n = this.topic.partitions.length;
    const each = Math.floor(n / Math.max(1, live.length));
    const extra = n % Math.max(1, live.length);
    live.forEach((m, i) => {
      const from = i * each + Math.min(i, extra);
      const to = from + each + (i < extra ? 1 : 0);
      for (let p = from; p < to; p++) assignment[m.id].push(p);
    });
    this.sim.record({ type: 'assign', t: this.sim.now, group: this.id, assignment });
    this.owners = [];
    for (const m of live) for (const p of assignment[m.id]) this.owners[p] = m;
    for (const m of live) m.assign(assignment[m.id], this.generation);
    // Every member started over from the committed offsets: what they had in hand is dropped.
    this.settleAllLosses();
  }
}

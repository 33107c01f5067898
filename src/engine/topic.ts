import { kafkaPartitionForKey } from './kafkaPartitioner';
import type { Lifecycle, NodeHealth, Sim } from './sim';
import type { Receiver, Replier, Request } from './http';
import type { TopicSpec } from './types';

export interface Partition {
  /** Event ids by offset. Offsets below logStart are deleted (retention) but kept here for the record. */
  log: number[];
  appendedAt: number[];
  logStart: number;
}

/**
 * The partition a key goes to: Kafka's own murmur2 hash, so the same key always lands in the same
 * partition — the one a real cluster would pick.
 */
export function partitionForKey(key: string, partitions: number): number {
  return kafkaPartitionForKey(key, partitions);
}

/** What the broker keeps of one idempotent producer session in one partition (Kafka: per producer id and epoch). */
interface ProducerSequences {
  /** The next sequence number the producer hands out. */
  assigned: number;
  /** The next sequence number the broker accepts. */
  next: number;
  /** The offset each accepted sequence number was appended at (-1: given up by the producer). */
  offsets: number[];
  /** Sequence numbers the producer gave up on (its send failed for good): the broker skips them. */
  abandoned: Set<number> | undefined;
}

/** The broker's answer to a record that came before the one it waits for: retry it later. */
export const STATUS_OUT_OF_ORDER_SEQUENCE = 503;

/**
 * A Kafka-like topic: an append-only log per partition. Appending never rejects an event for its
 * content (events cannot be rejected); only an unreachable broker refuses a produce request.
 */
export class TopicNode implements Receiver, Lifecycle {
  readonly partitions: Partition[];
  private roundRobin = 0;
  private readonly appendListeners: ((partition: number) => void)[] = [];
  private readonly retentionListeners: ((partition: number, from: number, to: number) => void)[] = [];
  private readonly upListeners: (() => void)[] = [];
  /** This topic's id in the trace's name table. */
  readonly name: number;
  private nodeHealth: NodeHealth | undefined;
  /** Where each event is in the log: the partition of its first append by event id (ids are dense; -1: none), and every place of an event appended more than once. */
  private firstAt: Int32Array = new Int32Array(1024).fill(-1);
  private readonly copies = new Map<number, { partition: number; offset: number }[]>();
  /** Idempotent producers' sequences: by producing node, then its incarnation, then partition. */
  private readonly producers = new Map<string, Map<number, ProducerSequences[]>>();

  constructor(
    private readonly sim: Sim,
    readonly spec: TopicSpec,
  ) {
    this.partitions = Array.from({ length: spec.partitions }, () => ({ log: [], appendedAt: [], logStart: 0 }));
    this.name = sim.log.name(spec.id);
    if (spec.retentionMs !== undefined) this.scheduleRetention(spec.retentionMs);
  }

  get id(): string {
    return this.spec.id;
  }

  /** The broker's process state (looked up on first use: the node registers after it is built). */
  get health(): NodeHealth {
    return (this.nodeHealth ??= this.sim.healthOf(this.spec.id));
  }

  onAppend(listener: (partition: number) => void): void {
    this.appendListeners.push(listener);
  }

  onRetention(listener: (partition: number, from: number, to: number) => void): void {
    this.retentionListeners.push(listener);
  }

  /** Called when the broker is back after a stop (its log is durable: nothing in it was lost). */
  whenUp(listener: () => void): void {
    this.upListeners.push(listener);
  }

  onDown(): void {
    // Produce requests are refused while it is down (see http.ts); consumers stop fetching.
  }

  onUp(): void {
    for (const listener of this.upListeners) listener();
  }

  logEnd(partition: number): number {
    return this.partitions[partition].log.length;
  }

  receive(request: Request, replier: Replier): void {
    const event = request.event!;
    const partition = this.choosePartition(request);
    const sequence = request.sequence;
    if (sequence === undefined) {
      const offset = this.append(partition, event.id);
      replier.reply(200, undefined, partition, offset); // labelled `ack p<partition>@<offset>`
      return;
    }
    const state = this.sequences(request.from, request.producerIncarnation ?? 0, partition);
    while (state.abandoned?.delete(state.next)) {
      state.offsets.push(-1);
      state.next++;
    }
    if (sequence < state.next) {
      // A retry of a record already appended (its acknowledgement was lost): answer as before, append nothing.
      const offset = state.offsets[sequence];
      if (offset >= 0) replier.reply(200, undefined, partition, offset);
      else replier.reply(STATUS_OUT_OF_ORDER_SEQUENCE, 'given up');
      return;
    }
    if (sequence > state.next) {
      // An earlier record of this producer is still missing: appending this one would reorder them.
      replier.reply(STATUS_OUT_OF_ORDER_SEQUENCE, 'out of order sequence');
      return;
    }
    const offset = this.append(partition, event.id);
    state.offsets.push(offset);
    state.next++;
    replier.reply(200, undefined, partition, offset);
  }

  /** The next sequence number of an idempotent producer (a process, in one incarnation) in a partition. */
  nextSequence(producer: string, incarnation: number, partition: number): number {
    return this.sequences(producer, incarnation, partition).assigned++;
  }

  /** The producer gave up on `sequence` (its send failed for good): the partition must not wait for it. */
  abandonSequence(producer: string, incarnation: number, partition: number, sequence: number): void {
    const state = this.sequences(producer, incarnation, partition);
    if (sequence < state.next) return; // appended after all (only its acknowledgement was lost)
    (state.abandoned ??= new Set()).add(sequence);
  }

  private sequences(producer: string, incarnation: number, partition: number): ProducerSequences {
    let byIncarnation = this.producers.get(producer);
    if (!byIncarnation) this.producers.set(producer, (byIncarnation = new Map()));
    let byPartition = byIncarnation.get(incarnation);
    if (!byPartition) byIncarnation.set(incarnation, (byPartition = []));
    return (byPartition[partition] ??= { assigned: 0, next: 0, offsets: [], abandoned: undefined });
  }

  choosePartition(request: Pick<Request, 'key' | 'partition'>): number {
    if (request.partition !== undefined) return request.partition % this.spec.partitions;
    if (request.key === '') return this.roundRobin++ % this.spec.partitions;
    return partitionForKey(request.key, this.spec.partitions);
  }

  /**
   * Where else this topic's log holds the event at (partition, offset): copies appended again by a
   * producer's retry (without idempotence), a relay that crashed after publishing, an application
   * that sent again. Usually none.
   */
  otherCopies(partition: number, offset: number): readonly { partition: number; offset: number }[] {
    const event = this.partitions[partition].log[offset];
    const all = this.copies.get(event);
    return all ? all.filter((c) => c.partition !== partition || c.offset !== offset) : [];
  }

  append(partition: number, eventId: number): number {
    const p = this.partitions[partition];
    const offset = p.log.length;
    this.noteCopy(eventId, partition, offset);
    const event = this.sim.events[eventId];
    if (this.sim.takePoison(this.spec.id)) event.poison = true;
    p.log.push(eventId);
    p.appendedAt.push(this.sim.now);
    this.sim.log.append(this.sim.now, this.name, partition, offset, eventId);
    for (const listener of this.appendListeners) listener(partition);
    return offset;
  }

  /** Remember where an event was appended; a second place makes it a copy (rare: kept in a map). */
  private noteCopy(eventId: number, partition: number, offset: number): void {
    if (eventId >= this.firstAt.length) {
      const grown = new Int32Array(Math.max(eventId + 1, this.firstAt.length * 2)).fill(-1);
      grown.set(this.firstAt);
      this.firstAt = grown;
    }
    const first = this.firstAt[eventId];
    if (first === -1) {
      // Only the partition: the offset is found in the log on the rare day a second copy comes.
      this.firstAt[eventId] = partition;
      return;
    }
    let list = this.copies.get(eventId);
    if (!list) {
      const p0 = this.partitions[first];
      list = [{ partition: first, offset: p0.log.indexOf(eventId) }];
      this.copies.set(eventId, list);
    }
    list.push({ partition, offset });
  }

  private scheduleRetention(retentionMs: number): void {
    // Kafka deletes whole segments on a timer; a sweep every quarter of the retention is close enough.
    const every = Math.max(100, retentionMs / 4);
    const sweep = (): void => {
      const cutoff = this.sim.now - retentionMs;
      this.partitions.forEach((p, index) => {
        let start = p.logStart;
        while (start < p.log.length && p.appendedAt[start] <= cutoff) start++;
        if (start > p.logStart) {
          const from = p.logStart;
          p.logStart = start;
          this.sim.record({ type: 'retention', t: this.sim.now, topic: this.spec.id, partition: index, logStart: start });
          for (const listener of this.retentionListeners) listener(index, from, start);
        }
      });
      this.sim.scheduler.after(every, sweep);
    };
    this.sim.scheduler.after(every, sweep);
  }
}

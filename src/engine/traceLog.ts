// The trace, stored column-wise. A long run writes millions of records; kept as one object each,
// they made the garbage collector the engine's biggest cost (every record survived and was copied
// into the old generation). Here the frequent kinds — hops, appends, deliveries, processed
// records, commits — are rows of typed arrays with names interned to small integers, and labels
// that can be derived from the event are built only when somebody reads them. Rare kinds keep
// their object form. `get(i)` gives back exactly the record the engine meant, property order
// included, so a run's JSON is the same whichever way it was stored.
import type { EventInfo, HopRecord, MessageKind, TraceRecord, TraceRecordType } from './types';

const OBJECT = 0;
const HOP = 1;
const APPEND = 2;
const DELIVER = 3;
const PROCESSED = 4;
const COMMIT = 5;

const TYPE_OF_CODE: (TraceRecordType | undefined)[] = [undefined, 'hop', 'append', 'deliver', 'processed', 'commit'];

const KINDS: MessageKind[] = ['command', 'reply', 'event', 'ack', 'failure'];
const KIND_CODE: Record<MessageKind, number> = { command: 0, reply: 1, event: 2, ack: 3, failure: 4 };
const LOST_FLAG = 8;
const STATUS_FLAG = 16;

/**
 * How a hop's label is written. Labels the reader can rebuild from the event and the record's
 * partition and offset are not stored as text (a fetch label is `order-placed o12 p0@5`).
 */
export const LABEL_TEXT = 0;
/** `<event type> <event label>`: a produce request, or a message published to a queue. */
export const LABEL_EVENT = 1;
/** `<event type> <event label> p<partition>@<offset>`: a record fetched by a consumer. */
export const LABEL_FETCH = 2;
/** `ack p<partition>@<offset>`: the broker's answer to a produce request. */
export const LABEL_PRODUCE_ACK = 3;

/** Slots per row; what each holds depends on the row's kind (see the writers below). */
const SLOTS = 7;
/** Rows per chunk. Fixed-size chunks: growing never copies, and no single huge allocation. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

interface Chunk {
  t: Float64Array;
  code: Uint8Array;
  /** Row-major: row r's slot k is at r * SLOTS + k. */
  s: Int32Array;
}

function newChunk(rows: number): Chunk {
  return { t: new Float64Array(rows), code: new Uint8Array(rows), s: new Int32Array(rows * SLOTS) };
}

/** The same rows in a chunk twice the size (only the first chunk grows: most runs are small). */
function grown(chunk: Chunk): Chunk {
  const bigger = newChunk(chunk.t.length * 2);
  bigger.t.set(chunk.t);
  bigger.code.set(chunk.code);
  bigger.s.set(chunk.s);
  return bigger;
}

export class TraceLog {
  length = 0;
  private readonly chunks: Chunk[] = [];
  /** The chunk being written. */
  private current: Chunk = newChunk(256);
  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  /** Literal hop labels, by index. */
  private readonly texts: string[] = [];
  /** Rare records, kept as objects (the row's slot 0 is the index here). */
  private readonly objects: TraceRecord[] = [];
  /** Materialised records, once somebody asked for all of them. */
  private cache: TraceRecord[] | undefined;

  constructor(
    /** The run's events, by id: appends, deliveries and fetch labels are read from them. */
    private readonly events: EventInfo[],
    /** Every hop arrives this long after it leaves. */
    private readonly networkMs: number,
  ) {
    this.chunks.push(this.current);
  }

  /** A small integer for a node, group or topic id (the same string always gets the same one). */
  name(text: string): number {
    let id = this.nameIds.get(text);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(text);
      this.nameIds.set(text, id);
    }
    return id;
  }

  /** Start a row; returns the index of its first slot in `this.current.s`. */
  private row(code: number, t: number): number {
    const i = this.length;
    let o = i & IN_CHUNK;
    if (o === 0 && i > 0) {
      this.current = newChunk(CHUNK);
      this.chunks.push(this.current);
    } else if (o === this.current.t.length) {
      this.current = this.chunks[0] = grown(this.current);
    }
    this.current.code[o] = code;
    this.current.t[o] = t;
    this.length = i + 1;
    this.cache = undefined;
    o *= SLOTS;
    return o;
  }

  /** A rare record, stored as it is. */
  object(r: TraceRecord): void {
    const k = this.row(OBJECT, r.t);
    this.current.s[k] = this.objects.length;
    this.objects.push(r);
  }

  /**
   * A hop. `how` says how its label is written: LABEL_TEXT stores `text`; the others rebuild it
   * from the event `ref` (and `partition`, `offset`) when read, and ignore `text`.
   */
  hop(t: number, from: number, to: number, kind: MessageKind, how: number, text: string, partition: number, offset: number, ref: number, status: number | undefined, lost: boolean): void {
    const k = this.row(HOP, t);
    const s = this.current.s;
    s[k] = from;
    s[k + 1] = to;
    s[k + 2] = KIND_CODE[kind] | (lost ? LOST_FLAG : 0) | (status !== undefined ? STATUS_FLAG : 0);
    s[k + 3] = status ?? 0;
    s[k + 4] = ref;
    if (how === LABEL_TEXT) {
      s[k + 5] = LABEL_TEXT;
      s[k + 6] = this.texts.length;
      this.texts.push(text);
    } else {
      s[k + 5] = how | (partition << 2);
      s[k + 6] = offset;
    }
  }

  append(t: number, topic: number, partition: number, offset: number, event: number): void {
    const k = this.row(APPEND, t);
    const s = this.current.s;
    s[k] = topic;
    s[k + 1] = partition;
    s[k + 2] = offset;
    s[k + 3] = event;
  }

  deliver(t: number, group: number, member: number, topic: number, partition: number, offset: number, event: number, attempt: number): void {
    const k = this.row(DELIVER, t);
    const s = this.current.s;
    s[k] = group;
    s[k + 1] = member;
    s[k + 2] = topic;
    s[k + 3] = partition;
    s[k + 4] = offset;
    s[k + 5] = event;
    s[k + 6] = attempt;
  }

  processed(t: number, group: number, member: number, topic: number, partition: number, offset: number, event: number, skippedDuplicate: boolean): void {
    const k = this.row(PROCESSED, t);
    const s = this.current.s;
    s[k] = group;
    s[k + 1] = member;
    s[k + 2] = topic;
    s[k + 3] = partition;
    s[k + 4] = offset;
    s[k + 5] = event;
    s[k + 6] = skippedDuplicate ? 1 : 0;
  }

  commit(t: number, group: number, topic: number, partition: number, offset: number): void {
    const k = this.row(COMMIT, t);
    const s = this.current.s;
    s[k] = group;
    s[k + 1] = topic;
    s[k + 2] = partition;
    s[k + 3] = offset;
  }

  /** Virtual time of record i. */
  timeAt(i: number): number {
    return this.chunks[i >>> CHUNK_BITS].t[i & IN_CHUNK];
  }

  typeAt(i: number): TraceRecordType {
    const chunk = this.chunks[i >>> CHUNK_BITS];
    const code = chunk.code[i & IN_CHUNK];
    return code === OBJECT ? this.objects[chunk.s[(i & IN_CHUNK) * SLOTS]].type : TYPE_OF_CODE[code]!;
  }

  /** Record i as an object: the very shape (and property order) the engine's types describe. */
  get(i: number): TraceRecord {
    const chunk = this.chunks[i >>> CHUNK_BITS];
    const o = i & IN_CHUNK;
    const s = chunk.s;
    const k = o * SLOTS;
    const n = this.names;
    const t = chunk.t[o];
    switch (chunk.code[o]) {
      case HOP: {
        const flags = s[k + 2];
        const r: HopRecord = {
          type: 'hop',
          t,
          arriveAt: t + this.networkMs,
          from: n[s[k]],
          to: n[s[k + 1]],
          kind: KINDS[flags & 7],
          label: this.hopLabel(s[k + 5], s[k + 6], s[k + 4]),
          ref: s[k + 4],
        };
        if (flags & STATUS_FLAG) r.status = s[k + 3];
        if (flags & LOST_FLAG) r.lost = true;
        return r;
      }
      case APPEND: {
        const event = this.events[s[k + 3]];
        return { type: 'append', t, topic: n[s[k]], partition: s[k + 1], offset: s[k + 2], event: event.id, key: event.key, eventType: event.type };
      }
      case DELIVER:
        return { type: 'deliver', t, group: n[s[k]], member: n[s[k + 1]], topic: n[s[k + 2]], partition: s[k + 3], offset: s[k + 4], event: s[k + 5], attempt: s[k + 6] };
      case PROCESSED:
        return {
          type: 'processed',
          t,
          group: n[s[k]],
          member: n[s[k + 1]],
          topic: n[s[k + 2]],
          partition: s[k + 3],
          offset: s[k + 4],
          event: s[k + 5],
          key: this.events[s[k + 5]].key,
          skippedDuplicate: s[k + 6] === 1,
        };
      case COMMIT:
        return { type: 'commit', t, group: n[s[k]], topic: n[s[k + 1]], partition: s[k + 2], offset: s[k + 3] };
      default:
        return this.objects[s[k]];
    }
  }

  private hopLabel(labelSlot: number, offsetSlot: number, ref: number): string {
    const how = labelSlot & 3;
    if (how === LABEL_TEXT) return this.texts[offsetSlot];
    const partition = labelSlot >>> 2;
    if (how === LABEL_PRODUCE_ACK) return `ack p${partition}@${offsetSlot}`;
    const event = this.events[ref];
    return how === LABEL_EVENT ? `${event.type} ${event.label}` : `${event.type} ${event.label} p${partition}@${offsetSlot}`;
  }

  /** Every record as an object, in order; built once and kept until the log grows. */
  toArray(): TraceRecord[] {
    if (this.cache) return this.cache;
    const out = new Array<TraceRecord>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.get(i);
    this.cache = out;
    return out;
  }
}

// What the inspector shows about one message (a command or an event) or one node, read from the
// trace index. Pure: the UI memoises the full-run detail per (run, selection) and filters it to
// "at t" on every frame with the cheap `…At` functions, so time travel needs no recomputation.
// Which records belong to a message follows hopRefKind (src/view/refKind.ts).

import { tEn, type Msg } from '../i18n/format';
import '../i18n/messages.details.en';
import type { CommandOutcome, EventInfo, HopRecord, MessageKind, NodeStatus, TraceRecord } from '../engine/types';
import { hopRefKind, type RefKind } from './refKind';
import { upperBound } from './search';
import type { TraceIndex } from './traceIndex';
import type { World } from './worldAt';

export interface MessageRef {
  kind: RefKind;
  id: number;
}

/** CloudEvents' `time` is wall-clock: virtual ms are shown as ms after 2026-01-01T00:00:00Z. */
const EPOCH_DAYS = 20_454; // days from 1970-01-01 to 2026-01-01

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Virtual ms as an ISO 8601 instant after 2026-01-01T00:00:00Z (millisecond precision, truncated).
 * Plain arithmetic (days → civil date, H. Hinnant's algorithm) so the view layer never touches Date.
 */
export function virtualIso(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const days = Math.floor(total / 86_400_000) + EPOCH_DAYS;
  let rest = total % 86_400_000;
  const hh = Math.floor(rest / 3_600_000);
  rest %= 3_600_000;
  const mm = Math.floor(rest / 60_000);
  rest %= 60_000;
  const ss = Math.floor(rest / 1000);
  const mss = rest % 1000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:${pad(ss)}.${pad(mss, 3)}Z`;
}

// ─── A lazily built index of records by message ─────────────────────────────

interface RefIndex {
  byEvent: Map<number, number[]>;
  byCommand: Map<number, number[]>;
  /** Events whose EventInfo.cmd is the command. */
  eventsOfCommand: Map<number, number[]>;
  /** Per service, times of `handled` records (commands answered), ascending. */
  handledT: Map<string, number[]>;
  /** Per service, times of `handled` records with a 2xx status. */
  handledOkT: Map<string, number[]>;
}

const refIndexes = new WeakMap<TraceIndex, RefIndex>();

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One pass over the trace, on the first inspection of a run (a few ms for a minute-long run). */
function refIndexOf(index: TraceIndex): RefIndex {
  const hit = refIndexes.get(index);
  if (hit) return hit;
  const byEvent = new Map<number, number[]>();
  const byCommand = new Map<number, number[]>();
  const handledT = new Map<string, number[]>();
  const handledOkT = new Map<string, number[]>();
  const records = index.trace.records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    switch (r.type) {
      case 'hop':
        push(hopRefKind(index, r) === 'event' ? byEvent : byCommand, r.ref, i);
        break;
      case 'append':
      case 'deliver':
      case 'processed':
      case 'handler-failed':
      case 'dead-lettered':
      case 'lost':
      case 'state':
      case 'dropped':
      case 'outbox':
        push(byEvent, r.event, i);
        break;
      case 'enqueue':
      case 'q-deliver':
      case 'ack':
      case 'nack':
      case 'q-dead-lettered':
        push(byEvent, r.message, i);
        break;
      case 'handled':
        push(byCommand, r.cmd, i);
        push(handledT, r.service, r.t);
        if (r.status < 300) push(handledOkT, r.service, r.t);
        break;
      case 'command':
      case 'command-done':
      case 'row':
      case 'effect':
      case 'duplicate-request':
      case 'parked':
      case 'invalid':
        push(byCommand, r.cmd, i);
        break;
      default:
        break;
    }
  }
  const eventsOfCommand = new Map<number, number[]>();
  for (const e of index.trace.events ?? []) if (e && e.cmd !== undefined) push(eventsOfCommand, e.cmd, e.id);
  const built: RefIndex = { byEvent, byCommand, eventsOfCommand, handledT, handledOkT };
  refIndexes.set(index, built);
  return built;
}

// ─── Shared pieces ───────────────────────────────────────────────────────────

export interface HopLine {
  /** Position in trace.records: a stable key. */
  record: number;
  t: number;
  arriveAt: number;
  from: string;
  to: string;
  kind: MessageKind;
  label: string;
  status: number | undefined;
  lost: boolean;
}

function hopLine(r: HopRecord, record: number): HopLine {
  return { record, t: r.t, arriveAt: r.arriveAt, from: r.from, to: r.to, kind: r.kind, label: r.label, status: r.status, lost: r.lost === true };
}

/** One line of an event's or a command's history: when, and what happened. */
export interface HistoryLine {
  record: number;
  t: number;
  /** In English (exports, tests); the inspector words `msg` in the learner's language. */
  text: string;
  msg: Msg;
  /** For styling: good news, bad news, or neutral. */
  tone: 'ok' | 'bad' | 'neutral';
}

// ─── Events ─────────────────────────────────────────────────────────────────

/** The CloudEvents 1.0 context attributes of an event, as the inspector prints them. */
export interface CloudEventEnvelope {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  /** ISO 8601; virtual ms after VIRTUAL_EPOCH_MS. */
  time: string;
  /** The record key (the entity the event is about). */
  subject: string;
  datacontenttype: 'application/json';
}

export interface LogPosition {
  t: number;
  topic: string;
  partition: number;
  offset: number;
}

/** One consumer group's dealings with an event. */
export interface GroupProgress {
  group: string;
  topic: string;
  /** Times the group was handed the event (one per attempt). */
  deliveredT: number[];
  failedT: number[];
  /** First real processing; later ones are duplicates. */
  processedT: number[];
  skippedDuplicateT: number[];
  deadLetteredT: number[];
  lostT: number[];
}

export type GroupStatus = 'waiting' | 'in-progress' | 'retrying' | 'processed' | 'dead-lettered' | 'lost';

export interface GroupStatusAt {
  group: string;
  topic: string;
  status: GroupStatus;
  attempts: number;
  failures: number;
  /** Time of first processing, when processed at t. */
  processedAt: number | undefined;
  /** Extra processings (not skipped) after the first: duplicate side effects. */
  duplicates: number;
}

export interface EventDetail {
  kind: 'event';
  id: number;
  /** Undefined when the trace has no envelope for this id. */
  info: EventInfo | undefined;
  envelope: CloudEventEnvelope | undefined;
  /** Virtual ms the event was created. */
  createdAt: number | undefined;
  /** Where it was appended: its own topic first, dead-letter copies after. */
  appends: LogPosition[];
  /** Point-to-point queues it was put on (a queued message is an event-like envelope too). */
  enqueues: { t: number; queue: string }[];
  hops: HopLine[];
  history: HistoryLine[];
  groups: GroupProgress[];
  /** The command it records, when it came from one. */
  cmd: number | undefined;
}

export interface EventAt {
  detail: EventDetail;
  /** Everything at or before t. */
  appends: LogPosition[];
  hops: HopLine[];
  history: HistoryLine[];
  groups: GroupStatusAt[];
  /** The event exists at t (it was created at or before t). */
  exists: boolean;
  /** History lines and hops still to come after t (not shown: the future is a spoiler). */
  later: number;
}

function recordsOf(map: Map<number, number[]>, id: number): number[] {
  return map.get(id) ?? [];
}

export function inspectEvent(index: TraceIndex, id: number): EventDetail {
  const ref = refIndexOf(index);
  const records = index.trace.records;
  const info = index.trace.events?.[id];
  const appends: LogPosition[] = [];
  const enqueues: { t: number; queue: string }[] = [];
  const hops: HopLine[] = [];
  const history: HistoryLine[] = [];
  const groups = new Map<string, GroupProgress>();
  const groupOf = (group: string, topic: string): GroupProgress => {
    let g = groups.get(group);
    if (!g) {
      g = { group, topic, deliveredT: [], failedT: [], processedT: [], skippedDuplicateT: [], deadLetteredT: [], lostT: [] };
      groups.set(group, g);
    }
    return g;
  };
  const line = (record: number, t: number, msg: Msg, tone: HistoryLine['tone'] = 'neutral') => history.push({ record, t, text: tEn(msg.key, msg.params), msg, tone });

  for (const i of recordsOf(ref.byEvent, id)) {
    const r = records[i];
    switch (r.type) {
      case 'hop':
        hops.push(hopLine(r, i));
        break;
      case 'append':
        appends.push({ t: r.t, topic: r.topic, partition: r.partition, offset: r.offset });
        line(i, r.t, { key: 'history.appended', params: { topic: r.topic, partition: r.partition, offset: r.offset } }, 'ok');
        break;
      case 'deliver':
        groupOf(r.group, r.topic).deliveredT.push(r.t);
        line(i, r.t, { key: 'history.delivered', params: { group: r.group, member: r.member, attempt: r.attempt } });
        break;
      case 'handler-failed':
        groupOf(r.group, r.topic).failedT.push(r.t);
        line(i, r.t, { key: 'history.handlerFailed', params: { group: r.group, attempt: r.attempt } }, 'bad');
        break;
      case 'processed': {
        const g = groupOf(r.group, r.topic);
        if (r.skippedDuplicate) {
          g.skippedDuplicateT.push(r.t);
          line(i, r.t, { key: 'history.skipped', params: { group: r.group } });
        } else {
          g.processedT.push(r.t);
          line(i, r.t, { key: g.processedT.length > 1 ? 'history.processedAgain' : 'history.processed', params: { group: r.group } }, g.processedT.length > 1 ? 'bad' : 'ok');
        }
        break;
      }
      case 'dead-lettered':
        groupOf(r.group, r.topic).deadLetteredT.push(r.t);
        line(i, r.t, { key: 'history.parked', params: { group: r.group, topic: r.deadLetterTopic } }, 'bad');
        break;
      case 'lost':
        groupOf(r.group, r.topic).lostT.push(r.t);
        line(i, r.t, { key: r.reason === 'retention' ? 'history.lostRetention' : r.reason === 'offset-reset' ? 'history.lostReset' : 'history.lostCommit', params: { group: r.group } }, 'bad');
        break;
      case 'enqueue':
        enqueues.push({ t: r.t, queue: r.queue });
        line(i, r.t, { key: 'history.enqueued', params: { queue: r.queue, depth: r.depth } }, 'ok');
        break;
      case 'q-deliver':
        line(i, r.t, { key: r.redelivered ? 'history.qRedelivered' : 'history.qDelivered', params: { queue: r.queue, consumer: r.consumer, delivery: r.delivery } });
        break;
      case 'ack':
        line(i, r.t, { key: 'history.acked', params: { queue: r.queue, consumer: r.consumer } }, 'ok');
        break;
      case 'nack':
        line(
          i,
          r.t,
          { key: r.channelClosed ? 'history.channelClosed' : r.requeue ? 'history.nackedRequeued' : 'history.nacked', params: { queue: r.queue, consumer: r.consumer } },
          'bad',
        );
        break;
      case 'q-dead-lettered':
        line(
          i,
          r.t,
          r.deadLetterQueue
            ? { key: 'history.qDeadLettered', params: { queue: r.queue, target: r.deadLetterQueue, reason: r.reason } }
            : { key: 'history.qDropped', params: { queue: r.queue, reason: r.reason } },
          'bad',
        );
        break;
      case 'state':
        line(i, r.t, { key: 'history.state', params: { service: r.service, key: r.key, from: r.from, to: r.to } }, 'ok');
        break;
      case 'dropped':
        line(i, r.t, { key: 'history.stateDropped', params: { service: r.service, key: r.key, state: r.state, type: r.eventType } }, 'bad');
        break;
      case 'outbox':
        line(i, r.t, { key: r.phase === 'stored' ? 'history.outboxStored' : 'history.outboxSent', params: { service: r.service } });
        break;
      default:
        break;
    }
  }

  // Groups reading the event's topic that have not touched it yet still owe it.
  const ownTopic = appends[0]?.topic;
  if (ownTopic !== undefined) {
    for (const g of index.groups.values()) if (g.subscriptions.has(ownTopic)) groupOf(g.id, ownTopic);
  }

  const envelope: CloudEventEnvelope | undefined = info
    ? {
        specversion: '1.0',
        id: String(info.id),
        source: info.source,
        type: info.type,
        time: virtualIso(info.time),
        subject: info.key,
        datacontenttype: 'application/json',
      }
    : undefined;

  return {
    kind: 'event',
    id,
    info,
    envelope,
    createdAt: info?.time ?? (hops[0]?.t ?? appends[0]?.t),
    appends,
    enqueues,
    hops,
    history,
    groups: [...groups.values()],
    cmd: info?.cmd,
  };
}

function countAt(times: number[], t: number): number {
  return upperBound(times, t);
}

export function groupStatusAt(g: GroupProgress, t: number): GroupStatusAt {
  const delivered = countAt(g.deliveredT, t);
  const failed = countAt(g.failedT, t);
  const processed = countAt(g.processedT, t);
  let status: GroupStatus = 'waiting';
  if (countAt(g.lostT, t) > 0 && processed === 0) status = 'lost';
  else if (processed > 0) status = 'processed';
  else if (countAt(g.deadLetteredT, t) > 0) status = 'dead-lettered';
  else if (delivered > 0 && failed >= delivered) status = 'retrying';
  else if (delivered > 0) status = 'in-progress';
  return {
    group: g.group,
    topic: g.topic,
    status,
    attempts: delivered,
    failures: failed,
    processedAt: processed > 0 ? g.processedT[0] : undefined,
    duplicates: Math.max(0, processed - 1),
  };
}

export function eventAt(detail: EventDetail, t: number): EventAt {
  const hops = detail.hops.filter((h) => h.t <= t);
  const history = detail.history.filter((h) => h.t <= t);
  return {
    detail,
    appends: detail.appends.filter((a) => a.t <= t),
    hops,
    history,
    groups: detail.groups.map((g) => groupStatusAt(g, t)),
    exists: detail.createdAt !== undefined && detail.createdAt <= t,
    later: detail.hops.length - hops.length + detail.history.length - history.length,
  };
}

// ─── Commands ─────────────────────────────────────────────────────────────────

export interface CommandDone {
  t: number;
  outcome: CommandOutcome;
  status: number;
  latencyMs: number;
  attempts: number;
}

export interface CommandDetail {
  kind: 'command';
  id: number;
  /** Undefined when the trace has no `command` record for this id. */
  submittedAt: number | undefined;
  client: string | undefined;
  service: string | undefined;
  endpoint: string | undefined;
  key: string | undefined;
  valid: boolean | undefined;
  done: CommandDone | undefined;
  hops: HopLine[];
  history: HistoryLine[];
  /** Requests the client sent to the service (one per attempt). */
  attemptT: number[];
  /** Events this command caused (EventInfo.cmd), with where they went. */
  events: { id: number; type: string; label: string; time: number }[];
  /** The payload of the command, when an event carried it on (the handler validated it). */
  payload: Record<string, unknown> | undefined;
}

export type CommandStatus = 'pending' | CommandOutcome;

export interface CommandAt {
  detail: CommandDetail;
  exists: boolean;
  status: CommandStatus;
  /** Finished at or before t. */
  done: CommandDone | undefined;
  hops: HopLine[];
  history: HistoryLine[];
  attempts: number;
  events: CommandDetail['events'];
  later: number;
}

export function inspectCommand(index: TraceIndex, id: number): CommandDetail {
  const ref = refIndexOf(index);
  const records = index.trace.records;
  const hops: HopLine[] = [];
  const history: HistoryLine[] = [];
  const attemptT: number[] = [];
  let submitted: Extract<TraceRecord, { type: 'command' }> | undefined;
  let done: CommandDone | undefined;
  const line = (record: number, t: number, msg: Msg, tone: HistoryLine['tone'] = 'neutral') => history.push({ record, t, text: tEn(msg.key, msg.params), msg, tone });

  for (const i of recordsOf(ref.byCommand, id)) {
    const r = records[i];
    switch (r.type) {
      case 'hop':
        hops.push(hopLine(r, i));
        if (submitted && r.kind === 'command' && r.from === submitted.client && r.to === submitted.service) attemptT.push(r.t);
        break;
      case 'command':
        // A resubmission after a fix is a new command id; one id has one `command` record.
        if (!submitted) submitted = r;
        line(i, r.t, { key: r.valid ? 'history.sent' : 'history.sentInvalid', params: { client: r.client, endpoint: r.endpoint, key: r.key, service: r.service } });
        break;
      case 'command-done':
        done = { t: r.t, outcome: r.outcome, status: r.status, latencyMs: r.latencyMs, attempts: r.attempts };
        line(
          i,
          r.t,
          {
            key: r.outcome === 'ok' ? 'history.succeeded' : r.outcome === 'rejected' ? 'history.rejected' : 'history.failed',
            params: { status: r.status, ms: Math.round(r.latencyMs), count: r.attempts },
          },
          r.outcome === 'ok' ? 'ok' : 'bad',
        );
        break;
      case 'row':
        line(i, r.t, { key: 'history.row', params: { service: r.service, key: r.key } }, 'ok');
        break;
      case 'handled':
        line(i, r.t, { key: 'history.answered', params: { service: r.service, endpoint: r.endpoint, status: r.status } }, r.status < 300 ? 'ok' : 'bad');
        break;
      case 'invalid':
        line(i, r.t, { key: 'history.invalid', params: { service: r.service, reason: r.reason } }, 'bad');
        break;
      case 'effect':
        line(i, r.t, { key: 'history.effect', params: { service: r.service, counter: r.counter, value: r.value } });
        break;
      case 'duplicate-request':
        line(i, r.t, { key: 'history.repeat', params: { service: r.service, key: r.key, status: r.status } });
        break;
      case 'parked':
        line(i, r.t, { key: 'history.clientParked', params: { client: r.client, reason: r.reason } });
        break;
      default:
        break;
    }
  }
  const events = (ref.eventsOfCommand.get(id) ?? []).map((eid) => {
    const e = index.trace.events[eid];
    return { id: eid, type: e.type, label: e.label, time: e.time };
  });
  const firstEvent = events.length > 0 ? index.trace.events[events[0].id] : undefined;
  return {
    kind: 'command',
    id,
    submittedAt: submitted?.t ?? hops[0]?.t,
    client: submitted?.client,
    service: submitted?.service,
    endpoint: submitted?.endpoint,
    key: submitted?.key,
    valid: submitted?.valid,
    done,
    hops,
    history,
    attemptT,
    events,
    payload: firstEvent?.data,
  };
}

export function commandAt(detail: CommandDetail, t: number): CommandAt {
  const hops = detail.hops.filter((h) => h.t <= t);
  const history = detail.history.filter((h) => h.t <= t);
  const done = detail.done && detail.done.t <= t ? detail.done : undefined;
  return {
    detail,
    exists: detail.submittedAt !== undefined && detail.submittedAt <= t,
    status: done ? done.outcome : 'pending',
    done,
    hops,
    history,
    attempts: done ? done.attempts : countAt(detail.attemptT, t),
    events: detail.events.filter((e) => e.time <= t),
    later: detail.hops.length - hops.length + detail.history.length - history.length,
  };
}

// ─── Nodes ───────────────────────────────────────────────────────────────────

export interface NodeCommittedRow {
  group: string;
  topic: string;
  partition: number;
  committed: number;
  lag: number;
  member: string | undefined;
}

export interface NodeDetailAt {
  id: string;
  label: string;
  kind: string;
  status: NodeStatus;
  crashes: number;
  pool: { busy: number; queued: number; workers: number; queueLimit: number } | undefined;
  /** Commands this service answered so far, and how many with 2xx. */
  handled: number | undefined;
  handledOk: number | undefined;
  /** Events processed so far by the groups this service hosts. */
  processedByGroup: { group: string; processed: number }[];
  /** Committed offsets of every group this node is part of (a service) or that reads it (a topic). */
  committed: NodeCommittedRow[];
  /** For a topic: each partition's log bounds. */
  partitions: { partition: number; logStart: number; logEnd: number }[];
  /** For a queue. */
  queue: { depth: number; unacked: number; enqueued: number; acked: number; redelivered: number; deadLettered: number } | undefined;
}

export function inspectNodeAt(index: TraceIndex, world: World, nodeId: string): NodeDetailAt | undefined {
  const node = world.nodes[nodeId];
  if (!node) return undefined;
  const t = world.t;
  const ref = refIndexOf(index);
  const committed: NodeCommittedRow[] = [];
  const processedByGroup: { group: string; processed: number }[] = [];
  const partitions: NodeDetailAt['partitions'] = [];
  const hostedGroups = new Set<string>();
  for (const g of index.groups.values()) if (g.service === nodeId) hostedGroups.add(g.id);
  for (const topic of Object.values(world.topics)) {
    for (const gv of Object.values(topic.groups)) {
      if (topic.id !== nodeId && !hostedGroups.has(gv.group)) continue;
      for (const p of gv.partitions) {
        committed.push({ group: gv.group, topic: topic.id, partition: p.partition, committed: p.committed, lag: p.lag, member: p.member });
      }
    }
    if (topic.id === nodeId) for (const p of topic.partitions) partitions.push({ partition: p.partition, logStart: p.logStart, logEnd: p.logEnd });
  }
  for (const g of hostedGroups) processedByGroup.push({ group: g, processed: world.counts.processedByGroup[g] ?? 0 });
  const q = world.queues[nodeId];
  const handledT = ref.handledT.get(nodeId);
  return {
    id: nodeId,
    label: node.label,
    kind: node.kind ?? 'unknown',
    status: node.status,
    crashes: node.crashes,
    pool: node.pool ? { ...node.pool } : undefined,
    handled: node.kind === 'service' ? (handledT ? countAt(handledT, t) : 0) : undefined,
    handledOk: node.kind === 'service' ? countAt(ref.handledOkT.get(nodeId) ?? [], t) : undefined,
    processedByGroup,
    committed,
    partitions,
    queue: q ? { depth: q.depth, unacked: q.unacked, enqueued: q.enqueued, acked: q.acked, redelivered: q.redelivered, deadLettered: q.deadLettered } : undefined,
  };
}

// ─── Naming a selection ─────────────────────────────────────────────────────

/** Short words for a message: "event order-placed o12 (#34)" or "command place-order o12 (#12)". */
export function describeMessage(index: TraceIndex, ref: MessageRef): string {
  if (ref.kind === 'event') {
    const e = index.trace.events?.[ref.id];
    return e ? `event ${e.type} ${e.label} (#${ref.id})` : `event #${ref.id}`;
  }
  const i = recordsOf(refIndexOf(index).byCommand, ref.id).find((k) => index.trace.records[k].type === 'command');
  const r = i === undefined ? undefined : (index.trace.records[i] as Extract<TraceRecord, { type: 'command' }>);
  return r ? `command ${r.endpoint} ${r.key} (#${ref.id})` : `command #${ref.id}`;
}

/** Every message that has a record at or before t, newest first, for a picker (bounded). */
export function recentMessages(index: TraceIndex, t: number, limit = 50): MessageRef[] {
  const records = index.trace.records;
  const out: MessageRef[] = [];
  const seen = new Set<string>();
  const i = recordsUpTo(records, t);
  for (let k = i - 1; k >= 0 && out.length < limit; k--) {
    const r = records[k];
    if (r.type !== 'hop') continue;
    const kind = hopRefKind(index, r);
    const key = `${kind}:${r.ref}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind, id: r.ref });
  }
  return out;
}

/** Count of records with r.t <= t (records are sorted by t). */
export function recordsUpTo(records: readonly TraceRecord[], t: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[mid].t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

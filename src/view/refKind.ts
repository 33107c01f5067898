// Whether a hop's `ref` is a command id or an event id. Anything to or from a topic or a queue
// carries an event (a produce request and its ack, a delivery to a consumer, a queued message and
// its ack/nack); everything else is an HTTP command and its answer, downstream calls included
// (they carry the original command's id). Kept apart from inspect.ts so the graph's token layer
// can use it without pulling the inspector's selectors into the initial bundle.
import type { TraceIndex } from './traceIndex';

export type RefKind = 'command' | 'event';

export function hopRefKind(index: TraceIndex, hop: { from: string; to: string }): RefKind {
  const a = index.nodeSpecs.get(hop.from)?.kind;
  const b = index.nodeSpecs.get(hop.to)?.kind;
  return a === 'topic' || a === 'queue' || b === 'topic' || b === 'queue' ? 'event' : 'command';
}

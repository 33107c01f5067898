// "⚠ 1 lost": an invariant monitor that has fired by the current time, on the group (or, for
// events dropped by an entity in the wrong state, the service) it broke for. Text and icon, never
// colour alone. A button: it jumps the clock to the moment the invariant first broke, paused.
import type { InvariantKind } from '../engine/invariants';
import { tEn, type Translate } from '../i18n/format';
import { useT } from '../i18n/i18nStore';
import type { MessageKey } from '../i18n/messages.en';
import { jumpTo } from '../state/faultCommands';
import { invariantTracksOf } from '../state/invariantCache';
import { useSide } from '../state/SideContext';
import { useLabStore } from '../state/store';
import { breaksAt } from '../view/invariantTimeline';
import './graph/faults.css';

/** Breaks reported per consumer group; `dropped` is reported per service. */
export const GROUP_INVARIANTS: readonly InvariantKind[] = ['lost', 'duplicate', 'out-of-order'];
export const SERVICE_INVARIANTS: readonly InvariantKind[] = ['dropped'];
/** A point-to-point queue's: a message handled twice (its ack lost), or dropped with nowhere to go. */
export const QUEUE_INVARIANTS: readonly InvariantKind[] = ['lost', 'duplicate'];

const WORDS: Record<InvariantKind, MessageKey> = {
  lost: 'invariant.lost',
  duplicate: 'invariant.duplicate',
  'out-of-order': 'invariant.outOfOrder',
  dropped: 'invariant.dropped',
};

export function invariantBadgeText(kind: InvariantKind, count: number, t: Translate = tEn): string {
  return t(WORDS[kind], { count });
}

export function InvariantBadges({ subject, kinds }: { subject: string; kinds: readonly InvariantKind[] }) {
  const { run } = useSide();
  const tr = useT();
  const tracks = invariantTracksOf(run.trace).filter((tr) => tr.subject === subject && kinds.includes(tr.kind));
  // A string, so the clock re-renders the badges only when one appears or its count changes.
  const sig = useLabStore((s) =>
    tracks.length === 0
      ? ''
      : breaksAt(tracks, s.t)
          .map((b) => `${b.kind}|${b.count}|${b.t}`)
          .join(','),
  );
  if (sig === '') return null;
  return (
    <span className="lab-inv">
      {sig.split(',').map((part) => {
        const [kind, count, t] = part.split('|') as [InvariantKind, string, string];
        const at = (Number(t) / 1000).toFixed(1);
        return (
          <button
            key={kind}
            type="button"
            className={`lab-inv__badge lab-inv__badge--${kind} nodrag nopan`}
            data-testid={`invariant-${subject}-${kind}`}
            title={tr('invariant.badgeTitle', { at })}
            onClick={() => jumpTo(Number(t))}
          >
            {/* The space sits outside the hidden span: name computation trims inside it. */}
            <span aria-hidden="true">⚠</span> {invariantBadgeText(kind, Number(count), tr)}{' '}
            <span className="sr-only">{tr('invariant.badgeHidden', { subject, at })}</span>
          </button>
        );
      })}
    </span>
  );
}

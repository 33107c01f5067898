// Cut or restore the network link an edge runs along, right on the edge: "✂" while it is up,
// "restore" while the learner's cut is open. One button per pair of nodes (a cut drops messages
// both ways). Drawn in the viewport portal, above the nodes: between two close nodes the edge is
// only a few pixels long, and the button must not hide under them.
import { ViewportPortal } from '@xyflow/react';
import { useT } from '../../i18n/i18nStore';
import { toggleCutNow } from '../../state/faultCommands';
import { activeCut } from '../../state/interventions';
import { useLabStore } from '../../state/store';
import { linkName, type NetLink } from './links';

export function EdgeCutButton({ link, x, y }: { link: NetLink; x: number; y: number }) {
  const cut = useLabStore((s) => activeCut(s.interventions, link.a, link.b, s.t) !== undefined);
  const t = useT();
  const name = t(cut ? 'graph.restoreLink' : 'graph.cutLink', { link: linkName(link) });
  return (
    <ViewportPortal>
      <button
        type="button"
        className={`lab-edge-cut nodrag nopan${cut ? ' is-cut' : ''}`}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        aria-label={name}
        title={name}
        data-testid={`cut-${link.a}->${link.b}`}
        onClick={() => toggleCutNow(link.a, link.b)}
      >
        {cut ? (
          <>
            <span aria-hidden="true">⟲</span> {t('graph.restore')}
          </>
        ) : (
          <span aria-hidden="true">✂</span>
        )}
      </button>
    </ViewportPortal>
  );
}

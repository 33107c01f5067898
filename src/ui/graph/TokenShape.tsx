// One message's glyph. Kinds differ by SHAPE first (rectangle, pill, circle, diamond, cross), then
// colour, so they read in greyscale, for colour-blind learners, and on a washed-out projector.
import type { MessageKind } from '../../engine/types';

export function TokenShape({ kind, status }: { kind: MessageKind; status: number | undefined }) {
  // A 4xx reply is a validation answer (the command was wrong), not a technical failure.
  const refused = kind === 'reply' && status !== undefined && status >= 400;
  switch (kind) {
    case 'command':
      return <rect className="lab-token__shape" x={-10} y={-6} width={20} height={12} rx={2} />;
    case 'reply':
      return <rect className={`lab-token__shape${refused ? ' is-refused' : ''}`} x={-11} y={-6} width={22} height={12} rx={6} />;
    case 'event':
      return <circle className="lab-token__shape" r={7} />;
    case 'ack':
      return <path className="lab-token__shape" d="M0 -6 L6 0 L0 6 L-6 0 Z" />;
    case 'failure':
      return (
        <g className="lab-token__shape">
          <circle r={8} className="lab-token__halo" />
          <path d="M-5 -5 L5 5 M5 -5 L-5 5" className="lab-token__cross" />
        </g>
      );
  }
}

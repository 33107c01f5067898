// What the shapes and lines mean. Drawn with the same glyphs as the tokens.
import type { MessageKind } from '../engine/types';
import { TokenShape } from './graph/TokenShape';

const TOKENS: { kind: MessageKind; text: string; status?: number }[] = [
  { kind: 'command', text: 'command' },
  { kind: 'reply', text: 'reply', status: 201 },
  { kind: 'reply', text: 'rejected (4xx)', status: 422 },
  { kind: 'event', text: 'event' },
  { kind: 'ack', text: 'ack' },
  { kind: 'failure', text: 'failure' },
];

const LINES: { kind: string; text: string }[] = [
  { kind: 'http', text: 'HTTP call' },
  { kind: 'publish', text: 'publish' },
  { kind: 'subscribe', text: 'subscription' },
];

export function Legend() {
  return (
    <ul className="lab-legend" aria-label="Legend">
      {TOKENS.map((t) => (
        <li key={t.text} className={`lab-token lab-token--${t.kind}`}>
          <svg width="26" height="18" viewBox="-13 -9 26 18" aria-hidden="true">
            <TokenShape kind={t.kind} status={t.status} />
          </svg>
          {t.text}
        </li>
      ))}
      {LINES.map((l) => (
        <li key={l.kind} className={`lab-link lab-link--${l.kind}`}>
          <svg width="30" height="10" viewBox="0 0 30 10" aria-hidden="true">
            <path className="react-flow__edge-path" d="M1 5 L29 5" />
          </svg>
          {l.text}
        </li>
      ))}
    </ul>
  );
}

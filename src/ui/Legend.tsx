// What the shapes and lines mean. Drawn with the same glyphs as the tokens.
import type { MessageKind } from '../engine/types';
import { useT } from '../i18n/i18nStore';
import type { MessageKey } from '../i18n/messages.en';
import { TokenShape } from './graph/TokenShape';

const TOKENS: { kind: MessageKind; text: MessageKey; status?: number }[] = [
  { kind: 'command', text: 'legend.command' },
  { kind: 'reply', text: 'legend.reply', status: 201 },
  { kind: 'reply', text: 'legend.rejected', status: 422 },
  { kind: 'event', text: 'legend.event' },
  { kind: 'ack', text: 'legend.ack' },
  { kind: 'failure', text: 'legend.failure' },
];

const LINES: { kind: string; text: MessageKey }[] = [
  { kind: 'http', text: 'legend.http' },
  { kind: 'publish', text: 'legend.publish' },
  { kind: 'subscribe', text: 'legend.subscribe' },
];

export function Legend() {
  const t = useT();
  return (
    <ul className="lab-legend" aria-label={t('legend.label')}>
      {TOKENS.map((tok) => (
        <li key={tok.text} className={`lab-token lab-token--${tok.kind}`}>
          <svg width="26" height="18" viewBox="-13 -9 26 18" aria-hidden="true">
            <TokenShape kind={tok.kind} status={tok.status} />
          </svg>
          {t(tok.text)}
        </li>
      ))}
      {LINES.map((l) => (
        <li key={l.kind} className={`lab-link lab-link--${l.kind}`}>
          <svg width="30" height="10" viewBox="0 0 30 10" aria-hidden="true">
            <path className="react-flow__edge-path" d="M1 5 L29 5" />
          </svg>
          {t(l.text)}
        </li>
      ))}
    </ul>
  );
}

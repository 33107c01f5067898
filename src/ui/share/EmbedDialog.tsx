// "Copy embed code": an <iframe> snippet showing this moment in minimal chrome (`embed=1`), with
// Play / Step shown or hidden, and the host origins allowed to drive it by postMessage.
import { useEffect, useId, useRef, useState } from 'react';
import { getScenario } from '../../state/scenarioRegistry';
import { useLabStore } from '../../state/store';
import { shareSearch } from '../../state/urlSync';
import { closeDialog } from '../../state/workshop';
import { parseAllowedOrigins } from '../../workshop/embedProtocol';
import { EMBED_SIZE, embedSnippet, embedSrc } from '../../workshop/embedCode';
import { pageBase } from '../../workshop/shareLinks';
import { copyText } from './copyText';
import { dialogStrings as D } from './dialogStrings';
import { ModalDialog } from './ModalDialog';
import { useCustomLink } from './ShareDialog';

export function EmbedDialog() {
  const custom = useCustomLink();
  const [moment] = useState(() => useLabStore.getState());
  const [controls, setControls] = useState(true);
  const [originsText, setOriginsText] = useState('');
  const [width, setWidth] = useState(EMBED_SIZE.width);
  const [height, setHeight] = useState(EMBED_SIZE.height);
  const [status, setStatus] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const ids = useId();

  const { origins, rejected } = parseAllowedOrigins(originsText);
  const src = embedSrc(pageBase(window.location.href), shareSearch(moment), { controls, origins });
  const code = custom === 'pending' ? '' : embedSnippet(src, D.embedFrameTitle(getScenario(moment.scenarioId).title), width, height);

  const copy = async () => {
    if (!code) return;
    setStatus((await copyText(code, field.current)) ? D.copied : D.copyFallback);
  };
  useEffect(() => {
    if (code) void copy();
  }, [code !== '']);
  // A changed option makes the copied code stale: say so by clearing the status.
  useEffect(() => setStatus(''), [controls, originsText, width, height]);

  return (
    <ModalDialog title={D.embedTitle} onClose={closeDialog} className="lab-dialog--embed" testId="embed-dialog">
      <p className="lab-dialog__intro">{D.embedIntro}</p>
      <label className="lab-dialog__check">
        <input type="checkbox" checked={controls} onChange={(e) => setControls(e.target.checked)} data-autofocus />
        {D.embedShowControls}
      </label>
      <label className="lab-dialog__field">
        <span>{D.embedOrigins}</span>
        <input
          type="text"
          value={originsText}
          placeholder="https://slides.example.org"
          onChange={(e) => setOriginsText(e.target.value)}
          aria-describedby={`${ids}-hint${rejected.length > 0 ? ` ${ids}-bad` : ''}`}
          aria-invalid={rejected.length > 0 || undefined}
          data-testid="embed-origins"
        />
      </label>
      <p className="lab-dialog__hint" id={`${ids}-hint`}>
        {D.embedOriginsHint}
      </p>
      {rejected.length > 0 ? (
        <p className="lab-dialog__note lab-dialog__note--warn" id={`${ids}-bad`}>
          {D.embedOriginsBad(rejected.join(', '))}
        </p>
      ) : null}
      <div className="lab-dialog__row">
        <label className="lab-dialog__size">
          <span>{D.embedWidth}</span>
          <input type="number" min={EMBED_SIZE.min} max={EMBED_SIZE.max} value={width} onChange={(e) => setWidth(Number(e.target.value))} />
        </label>
        <label className="lab-dialog__size">
          <span>{D.embedHeight}</span>
          <input type="number" min={EMBED_SIZE.min} max={EMBED_SIZE.max} value={height} onChange={(e) => setHeight(Number(e.target.value))} />
        </label>
      </div>
      <label className="lab-dialog__field">
        <span>{D.embedCodeLabel}</span>
        <textarea ref={field} readOnly rows={4} value={code} data-testid="embed-code" onFocus={(e) => e.currentTarget.select()} />
      </label>
      {custom === 'ok' ? <p className="lab-dialog__note">{D.embedCustomNote}</p> : null}
      {custom === 'too-large' ? <p className="lab-dialog__note lab-dialog__note--warn">{D.shareCustomTooLarge(getScenario(moment.scenarioId).title)}</p> : null}
      <div className="lab-dialog__actions">
        <button type="button" className="lab-btn lab-btn--primary" onClick={copy} disabled={!code}>
          {D.copy}
        </button>
        <p className="lab-dialog__status" role="status" data-testid="copy-status">
          {status}
        </p>
      </div>
    </ModalDialog>
  );
}

// "Share link": the address of this exact moment (scenario or the custom scenario itself, seed,
// t, speed, story step, faults), copied at once; the field keeps it in view (and selected when
// the clipboard is not available, so Ctrl+C does it).
import { useEffect, useRef, useState } from 'react';
import { useCustomScenarioStore } from '../../state/customScenario';
import { useLabStore } from '../../state/store';
import { shareSearch } from '../../state/urlSync';
import { closeDialog } from '../../state/workshop';
import { encodeScenarioJson } from '../../workshop/shareCodec';
import { pageBase } from '../../workshop/shareLinks';
import { copyText } from './copyText';
import { dialogStrings as D } from './dialogStrings';
import { ModalDialog } from './ModalDialog';

export type CustomLink = 'none' | 'pending' | 'ok' | 'too-large';

/** Makes sure the custom scenario on screen (if any) has its `s` encoding; says how that went. */
export function useCustomLink(): CustomLink {
  const scenarioId = useLabStore((s) => s.scenarioId);
  const custom = useCustomScenarioStore();
  const onScreen = custom.scenario !== null && custom.scenario.id === scenarioId;
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!onScreen || custom.encoded || !custom.json) return;
    let live = true;
    const json = custom.json;
    encodeScenarioJson(json).then(
      (encoded) => {
        if (live && useCustomScenarioStore.getState().json === json) useCustomScenarioStore.setState({ encoded });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [onScreen, custom.encoded, custom.json]);
  if (!onScreen) return 'none';
  if (custom.encoded) return 'ok';
  return failed ? 'too-large' : 'pending';
}

export function ShareDialog() {
  const custom = useCustomLink();
  const title = useCustomScenarioStore((s) => s.scenario?.title ?? '');
  // The moment the dialog opened: playing on must not change the link being copied.
  const [moment] = useState(() => useLabStore.getState());
  const url = custom === 'pending' ? '' : `${pageBase(window.location.href)}${shareSearch(moment)}`;
  const field = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  const copy = async () => {
    if (!url) return;
    setStatus((await copyText(url, field.current)) ? D.copied : D.copyFallback);
  };
  useEffect(() => {
    if (url) void copy();
    // Copy once, as soon as the link is complete.
  }, [url !== '']);

  return (
    <ModalDialog title={D.shareTitle} onClose={closeDialog} className="lab-dialog--share" testId="share-dialog">
      <p className="lab-dialog__intro">{D.shareIntro}</p>
      <label className="lab-dialog__field">
        <span>{D.shareLinkLabel}</span>
        <span className="lab-dialog__row">
          <input ref={field} type="text" readOnly value={url} data-testid="share-url" data-autofocus onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="lab-btn lab-btn--primary" onClick={copy} disabled={!url}>
            {D.copy}
          </button>
        </span>
      </label>
      {custom === 'pending' ? <p className="lab-dialog__note">{D.shareCustomPending}</p> : null}
      {custom === 'ok' ? <p className="lab-dialog__note">{D.shareCustom(title, url.length)}</p> : null}
      {custom === 'too-large' ? <p className="lab-dialog__note lab-dialog__note--warn">{D.shareCustomTooLarge(title)}</p> : null}
      <p className="lab-dialog__status" role="status" data-testid="copy-status">
        {status}
      </p>
    </ModalDialog>
  );
}

// The scenario list's modal dialog, loaded on first open (React.lazy in ScenarioListButton): most
// sessions open it once or never, so its words and list code stay out of the first download.
// Escape, Close or a click on the backdrop shut it; choosing a scenario opens it.
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18nStore';
import { noticeText } from '../../i18n/notices';
import '../../i18n/messages.details.en';
import { chooseScenario } from '../../state/commands';
import { useLabStore } from '../../state/store';
import { useAllScenarios } from '../../state/useAllScenarios';
import { useLang } from '../narrative/localize';
import { ScenarioList } from './ScenarioList';

export default function ScenarioListDialog({ onClose }: { onClose: () => void }) {
  const scenarios = useAllScenarios();
  const dialog = useRef<HTMLDialogElement>(null);
  const currentId = useLabStore((s) => s.scenarioId);
  // Why the list opened by itself (a link that could not be opened): the page's banner is behind the dialog.
  const notices = useLabStore((s) => s.notices);
  const lang = useLang();
  const t = useT();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    // jsdom has no showModal; the `open` attribute is the same picture without the top layer.
    if (typeof d.showModal === 'function') {
      if (!d.open) d.showModal();
    } else {
      d.setAttribute('open', '');
    }
    // Opened by a bad link: start at the top, where the notices say why, rather than at the fallback.
    const current =
      (notices.length > 0 ? null : d.querySelector<HTMLButtonElement>('button[aria-current="true"]')) ?? d.querySelector<HTMLButtonElement>('button[data-scenario-id]');
    current?.focus();
  }, []);

  const close = () => {
    const d = dialog.current;
    if (d && typeof d.close === 'function' && d.open) d.close();
    onClose();
  };

  const choose = (id: string) => {
    if (id !== useLabStore.getState().scenarioId) chooseScenario(id);
    close();
  };

  return (
    <dialog
      ref={dialog}
      className="lab-scenarios-dialog"
      aria-labelledby="scenarios-dialog-title"
      // Escape: the browser closes the dialog; keep React's state in step.
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onKeyDown={(e) => {
        // The lab's Space shortcut must not fire behind the dialog; Escape where showModal is missing.
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
        e.stopPropagation();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === dialog.current) close();
      }}
    >
      <div className="lab-scenarios-dialog__box">
        <div className="lab-scenarios-dialog__head">
          <h2 id="scenarios-dialog-title">{t('scenarios.title')}</h2>
          <button type="button" className="lab-btn" onClick={close}>
            {t('scenarios.close')}
          </button>
        </div>
        <p className="lab-scenarios-dialog__intro">{t('scenarios.intro')}</p>
        {notices.length > 0 ? (
          <ul className="lab-scenarios-dialog__notices" data-testid="scenario-list-notices">
            {notices.map((n) => (
              <li key={n}>{noticeText(n, t)}</li>
            ))}
          </ul>
        ) : null}
        <ScenarioList scenarios={scenarios} currentId={currentId} lang={lang} onChoose={choose} />
      </div>
    </dialog>
  );
}

// "Scenarios" in the header: opens the scenario list in a modal dialog (Escape or Close shuts it,
// focus goes back to the button). Choosing a scenario opens it at the start of its story.
import { useEffect, useRef, useState } from 'react';
import { chooseScenario } from '../../state/commands';
import { scenarios } from '../../state/scenarioRegistry';
import { useLabStore } from '../../state/store';
import { useLang } from '../narrative/localize';
import { stringsFor } from '../narrative/strings';
import { ScenarioList } from './ScenarioList';
import './scenarios.css';

export function ScenarioListButton() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const currentId = useLabStore((s) => s.scenarioId);
  const lang = useLang();
  const S = stringsFor(lang);

  useEffect(() => {
    const d = dialog.current;
    if (!open || !d) return;
    // jsdom has no showModal; the `open` attribute is the same picture without the top layer.
    if (typeof d.showModal === 'function') {
      if (!d.open) d.showModal();
    } else {
      d.setAttribute('open', '');
    }
    const current = d.querySelector<HTMLButtonElement>('button[aria-current="true"]') ?? d.querySelector<HTMLButtonElement>('button[data-scenario-id]');
    current?.focus();
  }, [open]);

  const close = () => {
    const d = dialog.current;
    if (d && typeof d.close === 'function' && d.open) d.close();
    setOpen(false);
    trigger.current?.focus();
  };

  const choose = (id: string) => {
    if (id !== useLabStore.getState().scenarioId) chooseScenario(id);
    close();
  };

  return (
    <>
      <button
        type="button"
        ref={trigger}
        className="lab-btn lab-scenarios-btn"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">☰</span> {S.scenariosButton}
      </button>
      {open ? (
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
              <h2 id="scenarios-dialog-title">{S.scenariosTitle}</h2>
              <button type="button" className="lab-btn" onClick={close}>
                {S.close}
              </button>
            </div>
            <p className="lab-scenarios-dialog__intro">{S.scenariosIntro}</p>
            <ScenarioList scenarios={scenarios} currentId={currentId} lang={lang} S={S} onChoose={choose} />
          </div>
        </dialog>
      ) : null}
    </>
  );
}

// "Scenarios" in the header: opens the scenario list in a modal dialog (Escape or Close shuts it,
// focus goes back to the button). Choosing a scenario opens it at the start of its story. The
// dialog itself loads on first use (ScenarioListDialog.tsx); pointing at the button fetches it.
import { lazy, Suspense, useRef } from 'react';
import { useT } from '../../i18n/i18nStore';
import { closeDialog, openDialog, useWorkshopStore } from '../../state/workshop';
import './scenarios.css';

const loadDialog = () => import('./ScenarioListDialog');
const ScenarioListDialog = lazy(loadDialog);

export function ScenarioListButton() {
  // Open from here, from the `O` shortcut, or by a link that could not be opened.
  const open = useWorkshopStore((s) => s.dialog === 'scenarios');
  const setOpen = (value: boolean) => (value ? openDialog('scenarios') : closeDialog());
  const trigger = useRef<HTMLButtonElement>(null);
  const t = useT();

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
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
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        <span aria-hidden="true">☰</span> {t('scenarios.button')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ScenarioListDialog onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}

// "Workshop" in the header: share, embed, open a scenario file, presenter mode, audience window and
// the shortcut cheat sheet. A disclosure (a button that shows a list of buttons), not an ARIA menu:
// Tab moves through the items, Escape or a click elsewhere closes it. The list loads on first use
// (pointing at the button fetches it), so its words stay out of the first download.
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { workshopStrings as S } from '../share/strings';
import './workshop.css';

const loadList = () => import('./WorkshopMenuList');
const WorkshopMenuList = lazy(loadList);

export function WorkshopMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      className="lab-workshop"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        type="button"
        ref={button}
        className="lab-btn lab-workshop__button"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onPointerEnter={() => void loadList()}
        onFocus={() => void loadList()}
        onClick={() => setOpen((v) => !v)}
      >
        {S.menuButton} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <WorkshopMenuList
            id={listId}
            onChosen={() => {
              setOpen(false);
              // A dialog opened from the list gives focus back here when it closes.
              button.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

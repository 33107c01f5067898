// Every fault a node can take, in one compact menu button per node ("Faults for Order Fulfillment").
// A WAI-ARIA menu button: Enter, Space or ↓ opens it on the first item (↑ on the last), ↑/↓/Home/End
// move, Enter or Space applies, Escape closes and gives focus back to the button, Tab closes and
// moves on. The menu itself (FaultMenuPopup.tsx) loads on the first open; pointing at a button
// fetches it beforehand.
import { lazy, Suspense, useCallback, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useT } from '../../i18n/i18nStore';
import { activeCut, activeFault } from '../../state/interventions';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { netLinks, type NetLink } from './links';
import './faults.css';

const loadPopup = () => import('./FaultMenuPopup');
const FaultMenuPopup = lazy(loadPopup);

/** Which of the node's switches the learner has on at t, as a string: re-render only on a flip. */
function useSwitches(nodeId: string, links: NetLink[]): (key: string) => boolean {
  const sig = useLabStore((s) => {
    let out = '';
    for (const k of ['down', 'slow', 'error'] as const) if (activeFault(s.interventions, nodeId, k, s.t)) out += `${k};`;
    for (const l of links) if (activeCut(s.interventions, l.a, l.b, s.t)) out += `cut:${l.edgeId};`;
    return out;
  });
  return useCallback((key: string) => sig.split(';').includes(key), [sig]);
}

/** The switches a node's menu offers (the menu also has one-shot items: crash, poison). */
function switchKeys(kind: string, links: NetLink[]): string[] {
  const own = kind === 'service' ? ['down', 'slow', 'error'] : kind === 'topic' || kind === 'queue' ? ['down'] : [];
  return [...own, ...links.map((l) => `cut:${l.edgeId}`)];
}

export function FaultMenu({ nodeId, label }: { nodeId: string; label: string }) {
  const { scenario } = useSide();
  const spec = scenario.nodes.find((n) => n.id === nodeId);
  const links = netLinks(scenario).filter((l) => l.a === nodeId || l.b === nodeId);
  const on = useSwitches(nodeId, links);
  const t = useT();

  const [open, setOpen] = useState(false);
  /** Which item to focus once the menu is drawn. */
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const activeId = `${menuId}-active`;

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  const openMenu = (focus: 'first' | 'last') => {
    setFocusOnOpen(focus);
    setOpen(true);
  };

  const onButtonKeyDown = (e: ReactKeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown') {
      e.preventDefault();
      openMenu('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu('last');
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close(true);
    }
  };

  // Services, topics and queues always have items; a client only its links' cuts.
  if (!spec || (spec.kind === 'client' && links.length === 0)) return null;
  const name = t('faults.menu', { label });
  const activeCount = switchKeys(spec.kind, links).filter(on).length;

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`lab-faultmenu__btn nodrag nopan${activeCount > 0 ? ' is-on' : ''}`}
        aria-label={name}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-describedby={activeCount > 0 ? activeId : undefined}
        data-testid={`faults-${nodeId}`}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
        onPointerEnter={() => void loadPopup()}
        onFocus={() => void loadPopup()}
      >
        {t('faults.button')}
        {/* In parentheses: a count beside the label, not part of it (the name stays the menu's name;
            the description says "1 fault on"). */}
        {activeCount > 0 ? <span className="lab-faultmenu__count"> ({activeCount})</span> : null} <span aria-hidden="true">▾</span>
        {activeCount > 0 ? (
          <span id={activeId} hidden>
            {t('faults.active', { count: activeCount })}
          </span>
        ) : null}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <FaultMenuPopup spec={spec} links={links} on={on} name={name} id={menuId} buttonRef={buttonRef} focusOnOpen={focusOnOpen} close={close} />
        </Suspense>
      ) : null}
    </>
  );
}

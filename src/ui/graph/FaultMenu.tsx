// Every fault a node can take, in one compact menu button per node ("Faults for Order Fulfillment").
// A WAI-ARIA menu button: Enter, Space or ↓ opens it on the first item (↑ on the last), ↑/↓/Home/End
// move, Enter or Space applies, Escape closes and gives focus back to the button, Tab closes and
// moves on. The menu is drawn in a portal at the page's own scale: inside the graph it would shrink
// with the zoom and be clipped by the graph's edges.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { NodeSpec } from '../../engine/types';
import { armFaultNow, toggleCutNow, toggleFaultNow } from '../../state/faultCommands';
import { activeCut, activeFault, DEFAULT_ERROR_RATE, DEFAULT_RESTART_MS, DEFAULT_SLOW_FACTOR } from '../../state/interventions';
import { useSide } from '../../state/SideContext';
import { useLabStore } from '../../state/store';
import { linkName, netLinks, type NetLink } from './links';
import './faults.css';

interface FaultItem {
  key: string;
  role: 'menuitemcheckbox' | 'menuitem';
  label: string;
  /** What the fault does, read as the item's description. */
  hint?: string;
  checked?: boolean;
  icon: string;
  run(): void;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function itemsFor(spec: NodeSpec, links: NetLink[], on: (key: string) => boolean): FaultItem[] {
  const id = spec.id;
  const items: FaultItem[] = [];
  const toggle = (key: 'down' | 'slow' | 'error', label: string, hint: string) => {
    const checked = on(key);
    items.push({ key, role: 'menuitemcheckbox', label, hint, checked, icon: checked ? '☑' : '☐', run: () => toggleFaultNow(id, key) });
  };
  if (spec.kind === 'service') {
    toggle('down', 'Down', 'the process stops; work in progress is lost');
    toggle('slow', `Slow ×${DEFAULT_SLOW_FACTOR}`, `every message takes ${DEFAULT_SLOW_FACTOR} times longer`);
    toggle('error', `Error rate ${pct(DEFAULT_ERROR_RATE)}`, `${pct(DEFAULT_ERROR_RATE)} of attempts fail with a technical error`);
    items.push({
      key: 'crash',
      role: 'menuitem',
      label: 'Crash mid-message',
      hint: `dies halfway through its next message, restarts ${DEFAULT_RESTART_MS / 1000} s later`,
      icon: '⚡',
      run: () => armFaultNow(id, 'crash'),
    });
  } else if (spec.kind === 'topic' || spec.kind === 'queue') {
    toggle('down', 'Broker down', spec.kind === 'topic' ? 'nothing can be written or read' : 'nothing can be enqueued or delivered');
    items.push({
      key: 'poison',
      role: 'menuitem',
      label: spec.kind === 'topic' ? 'Poison the next record' : 'Poison the next message',
      hint: 'the next one written can never be handled',
      icon: '☣',
      run: () => armFaultNow(id, 'poison'),
    });
  }
  for (const link of links) {
    const cut = on(`cut:${link.edgeId}`);
    items.push({
      key: `cut:${link.edgeId}`,
      role: 'menuitem',
      label: `${cut ? 'Restore' : 'Cut'} link ${linkName(link)}`,
      icon: cut ? '⟲' : '✂',
      run: () => toggleCutNow(link.a, link.b),
    });
  }
  return items;
}

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

export function FaultMenu({ nodeId, label }: { nodeId: string; label: string }) {
  const { scenario } = useSide();
  const spec = scenario.nodes.find((n) => n.id === nodeId);
  const links = netLinks(scenario).filter((l) => l.a === nodeId || l.b === nodeId);
  const on = useSwitches(nodeId, links);
  const items = spec ? itemsFor(spec, links, on) : [];

  const [open, setOpen] = useState(false);
  /** Which item to focus once the menu is drawn: first, last, or none (already handled). */
  const [focusOnOpen, setFocusOnOpen] = useState<'first' | 'last'>('first');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const itemEls = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  const openMenu = (focus: 'first' | 'last') => {
    setFocusOnOpen(focus);
    setOpen(true);
  };

  // Place the menu under the button (above it if there is no room below), in page coordinates so
  // it stays attached while the page scrolls. Written to the element directly: it must be visible
  // before the first item can take focus, in the same layout pass.
  const place = useCallback(() => {
    const b = buttonRef.current?.getBoundingClientRect();
    const m = menuRef.current;
    if (!b || !m) return;
    const width = m.offsetWidth || 260;
    const height = m.offsetHeight || 0;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    const left = Math.max(4, Math.min(b.left, vw - width - 4));
    const below = b.bottom + 4;
    const top = below + height > vh && b.top - 4 - height >= 0 ? b.top - 4 - height : below;
    m.style.left = `${left + window.scrollX}px`;
    m.style.top = `${top + window.scrollY}px`;
    m.style.visibility = 'visible';
  }, []);

  useLayoutEffect(() => {
    if (!open) return;
    place();
    const els = itemEls();
    (focusOnOpen === 'last' ? els[els.length - 1] : els[0])?.focus();
    // Only when it opens: later re-renders (the clock) must not steal focus.
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (target && (menuRef.current?.contains(target) || buttonRef.current?.contains(target))) return;
      close(false);
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open, close, place]);

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

  const apply = (item: FaultItem) => {
    item.run();
    close(true);
  };

  const onMenuKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const els = itemEls();
    const i = els.indexOf(document.activeElement as HTMLElement);
    const focus = (j: number) => els[(j + els.length) % els.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(i + 1);
        break;
      case 'ArrowUp':
        focus(i - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(els.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Enter':
      case ' ': {
        const item = items.find((it) => it.key === els[i]?.dataset.key);
        if (item) apply(item);
        break;
      }
      case 'Tab':
        // Leave the menu: focus goes back to the button and the browser's Tab moves on from there.
        close(true);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  if (!spec || items.length === 0) return null;
  const name = `Faults for ${label}`;
  const activeCount = items.filter((it) => it.checked || (it.key.startsWith('cut:') && on(it.key))).length;

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
        data-testid={`faults-${nodeId}`}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
      >
        Faults{activeCount > 0 ? ` ${activeCount}` : ''} <span aria-hidden="true">▾</span>
      </button>
      {open
        ? createPortal(
            <div
              ref={menuRef}
              id={menuId}
              role="menu"
              aria-label={name}
              className="lab-faultmenu"
              onKeyDown={onMenuKeyDown}
              onBlur={(e) => {
                const next = e.relatedTarget as Node | null;
                if (next && !menuRef.current?.contains(next) && !buttonRef.current?.contains(next)) close(false);
              }}
            >
              {items.map((item, i) => {
                const hintId = item.hint ? `${menuId}-hint-${i}` : undefined;
                const prevIsLink = i > 0 && items[i - 1].key.startsWith('cut:');
                return (
                  <button
                    key={item.key}
                    type="button"
                    role={item.role}
                    aria-checked={item.role === 'menuitemcheckbox' ? item.checked === true : undefined}
                    aria-label={item.label}
                    aria-describedby={hintId}
                    tabIndex={-1}
                    data-key={item.key}
                    className={`lab-faultmenu__item${item.key.startsWith('cut:') && !prevIsLink ? ' is-first-link' : ''}`}
                    onClick={() => apply(item)}
                  >
                    <span className="lab-faultmenu__icon" aria-hidden="true">
                      {item.icon}
                    </span>
                    <span className="lab-faultmenu__text">
                      <span className="lab-faultmenu__label">{item.label}</span>
                      {item.hint ? (
                        <span className="lab-faultmenu__hint" id={hintId}>
                          {item.hint}
                        </span>
                      ) : null}
                    </span>
                  </button>
                );
              })}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}

// The open fault menu of one node (see FaultMenu.tsx): its items, their keyboard, and its place on
// the page. Loaded on the first open (React.lazy): the items' words and the menu's logic are not
// needed to draw the graph. Drawn in a portal at the page's own scale: inside the graph it would
// shrink with the zoom and be clipped by the graph's edges.
import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { NodeSpec } from '../../engine/types';
import type { Translate } from '../../i18n/format';
import { useT } from '../../i18n/i18nStore';
import '../../i18n/messages.details.en';
import { armFaultNow, toggleCutNow, toggleFaultNow } from '../../state/faultCommands';
import { DEFAULT_ERROR_RATE, DEFAULT_RESTART_MS, DEFAULT_SLOW_FACTOR } from '../../state/interventions';
import { linkName, type NetLink } from './links';

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

function itemsFor(spec: NodeSpec, links: NetLink[], on: (key: string) => boolean, t: Translate): FaultItem[] {
  const id = spec.id;
  const items: FaultItem[] = [];
  const toggle = (key: 'down' | 'slow' | 'error', label: string, hint: string) => {
    const checked = on(key);
    items.push({ key, role: 'menuitemcheckbox', label, hint, checked, icon: checked ? '☑' : '☐', run: () => toggleFaultNow(id, key) });
  };
  if (spec.kind === 'service') {
    toggle('down', t('faults.down'), t('faults.downHint'));
    toggle('slow', t('faults.slow', { factor: DEFAULT_SLOW_FACTOR }), t('faults.slowHint', { factor: DEFAULT_SLOW_FACTOR }));
    toggle('error', t('faults.error', { rate: pct(DEFAULT_ERROR_RATE) }), t('faults.errorHint', { rate: pct(DEFAULT_ERROR_RATE) }));
    items.push({
      key: 'crash',
      role: 'menuitem',
      label: t('faults.crash'),
      hint: t('faults.crashHint', { seconds: DEFAULT_RESTART_MS / 1000 }),
      icon: '⚡',
      run: () => armFaultNow(id, 'crash'),
    });
  } else if (spec.kind === 'topic' || spec.kind === 'queue') {
    toggle('down', t('faults.brokerDown'), t(spec.kind === 'topic' ? 'faults.brokerDownTopicHint' : 'faults.brokerDownQueueHint'));
    items.push({
      key: 'poison',
      role: 'menuitem',
      label: t(spec.kind === 'topic' ? 'faults.poisonRecord' : 'faults.poisonMessage'),
      hint: t('faults.poisonHint'),
      icon: '☣',
      run: () => armFaultNow(id, 'poison'),
    });
  }
  for (const link of links) {
    const cut = on(`cut:${link.edgeId}`);
    items.push({
      key: `cut:${link.edgeId}`,
      role: 'menuitem',
      label: t(cut ? 'graph.restoreLink' : 'graph.cutLink', { link: linkName(link) }),
      icon: cut ? '⟲' : '✂',
      run: () => toggleCutNow(link.a, link.b),
    });
  }
  return items;
}

export interface FaultMenuPopupProps {
  spec: NodeSpec;
  links: NetLink[];
  on: (key: string) => boolean;
  /** The menu's accessible name ("Faults for Order Fulfillment"). */
  name: string;
  id: string;
  buttonRef: RefObject<HTMLButtonElement | null>;
  /** Which item takes focus when the menu appears. */
  focusOnOpen: 'first' | 'last';
  close(returnFocus: boolean): void;
}

export default function FaultMenuPopup({ spec, links, on, name, id, buttonRef, focusOnOpen, close }: FaultMenuPopupProps) {
  const t = useT();
  const items = itemsFor(spec, links, on, t);
  const menuRef = useRef<HTMLDivElement>(null);

  const itemEls = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);

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
  }, [buttonRef]);

  useLayoutEffect(() => {
    place();
    const els = itemEls();
    (focusOnOpen === 'last' ? els[els.length - 1] : els[0])?.focus();
    // Only when it opens: later re-renders (the clock) must not steal focus.
  }, []);

  useEffect(() => {
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
  }, [close, place, buttonRef]);

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

  return createPortal(
    <div
      ref={menuRef}
      id={id}
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
        const hintId = item.hint ? `${id}-hint-${i}` : undefined;
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
              {/* The item's description, in parentheses: what the fault does, beside its label. */}
              {item.hint ? (
                <span className="lab-faultmenu__hint">
                  (<span id={hintId}>{item.hint}</span>)
                </span>
              ) : null}
            </span>
          </button>
        );
      })}
    </div>,
    document.body,
  );
}

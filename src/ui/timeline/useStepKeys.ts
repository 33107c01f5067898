// ← / → step back / forward through deliveries from anywhere on the page, except where the arrow
// keys already mean something: text fields, selects, the Timeline slider, tab lists, listboxes
// and widgets that move their own focus with arrows (marked data-arrow-keys).
import { useEffect } from 'react';
import { step, stepBack } from '../../state/commands';

const OWNS_ARROWS =
  'input, textarea, select, [contenteditable="true"], [role="slider"], [role="tablist"], [role="listbox"], [role="menu"], [role="menubar"], [role="grid"], [role="tree"], [data-arrow-keys]';

export function arrowsAreTaken(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest(OWNS_ARROWS) !== null;
}

export function useStepKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
      if (arrowsAreTaken(e.target)) return;
      e.preventDefault(); // otherwise the page scrolls sideways
      if (e.key === 'ArrowLeft') stepBack();
      else step();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

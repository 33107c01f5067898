// Space toggles play anywhere on the page, except where Space already means something:
// typing in a field, choosing in a select or slider, or pressing a focused button.
import { useEffect } from 'react';
import { togglePlay } from './commands';

function spaceIsTaken(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, button, a[href], [role="slider"], [role="button"], [contenteditable="true"]') !== null;
}

export function useSpaceToTogglePlay(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' && e.code !== 'Space') return;
      if (e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (spaceIsTaken(e.target)) return;
      e.preventDefault(); // otherwise the page scrolls
      togglePlay();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

// The lab's one keydown handler: looks the key up in the shortcut table and performs it.
import { useEffect } from 'react';
import { shortcutFor } from './shortcutTable';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const shortcut = shortcutFor(e);
      if (!shortcut) return;
      e.preventDefault(); // Space and Page Down would scroll, arrows would scroll sideways
      shortcut.perform();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

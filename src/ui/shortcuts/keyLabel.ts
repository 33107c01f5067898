// How a key spec of the shortcut table is written for people (the cheat sheet, the Workshop menu).
import { lazyStrings as L } from '../share/lazyStrings';

export function keyLabel(spec: string): string {
  const shifted = spec.startsWith('Shift+');
  const key = shifted ? spec.slice(6) : spec;
  const names: Record<string, string> = {
    Space: L.keySpace,
    ArrowLeft: '←',
    ArrowRight: '→',
    ArrowUp: '↑',
    ArrowDown: '↓',
    PageUp: L.keyPageUp,
    PageDown: L.keyPageDown,
    '-': '−',
  };
  const name = names[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  return shifted ? `${L.keyShift}+${name}` : name;
}

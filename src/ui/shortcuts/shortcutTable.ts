// Every keyboard shortcut of the lab, registered once: id (its label: shortcutLabels), keys,
// perform. The one keydown handler (useShortcuts.ts), the `?` cheat sheet (ShortcutSheet.tsx) and
// the Workshop menu all read this table, so a shortcut cannot exist without being listed, nor be
// listed without working.
//
// Key specs: a named key ('Space', 'ArrowRight', 'PageDown'), a letter ('n', 'Shift+R': the Shift
// state must match) or another printable character ('?', '+': whatever Shift it takes on the
// learner's keyboard layout). Ctrl, Alt and Meta are never ours: browser shortcuts keep working.
import { reset, setSpeed, setView, step, stepBack, togglePlay } from '../../state/commands';
import { nextStep, previousStep } from '../../state/narrative';
import { announceNarrative } from '../../state/narrativeAnnounce';
import { compareTarget } from '../../state/scenarioRegistry';
import { SPEEDS, useLabStore } from '../../state/store';
import { openDialog, togglePresent, useWorkshopStore } from '../../state/workshop';
import { workshopStrings as S } from '../share/strings';
import { arrowsAreTaken } from '../timeline/useStepKeys';
import { openAudienceWindow, pickScenarioFile } from '../workshop/workshopActions';

export type ShortcutId =
  | 'playPause'
  | 'stepBack'
  | 'step'
  | 'reset'
  | 'faster'
  | 'slower'
  | 'previousStory'
  | 'nextStory'
  | 'compare'
  | 'present'
  | 'scenarios'
  | 'openFile'
  | 'share'
  | 'embed'
  | 'audience'
  | 'help';

/** Where a key already means something else and must be left alone. */
export type KeyOwner = 'space' | 'arrows' | 'text';

export interface Shortcut {
  id: ShortcutId;
  /** Its words are in lazyStrings.ts (shortcutLabels): the handler needs none, only the cheat sheet. */
  keys: readonly string[];
  perform(): void;
  /** Held down, the key repeats the command (stepping); toggles and dialogs fire once. */
  repeat?: boolean;
  /** Besides text fields, where its named keys (Space, arrows, Page Up/Down) belong to the focused element. */
  owner?: KeyOwner;
  /** Available in an embedded lab (`?embed=1`), which has no header, menus or dialogs. */
  inEmbed?: boolean;
}

function changeSpeed(direction: 1 | -1): void {
  const speed = useLabStore.getState().speed;
  const i = SPEEDS.findIndex((v) => v >= speed);
  const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? SPEEDS.length - 1 : i) + direction))];
  setSpeed(next);
  announceNarrative(S.speedIs(next));
}

function togglePresenter(): void {
  togglePresent();
  announceNarrative(useWorkshopStore.getState().present ? S.presentOn : S.presentOff);
}

function toggleCompare(): void {
  const s = useLabStore.getState();
  if (!compareTarget(s.scenarioId)) return;
  setView(s.view === 'compare' ? 'single' : 'compare');
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'playPause', keys: ['Space'], perform: togglePlay, owner: 'space', inEmbed: true },
  { id: 'stepBack', keys: ['ArrowLeft'], perform: stepBack, repeat: true, owner: 'arrows', inEmbed: true },
  { id: 'step', keys: ['ArrowRight'], perform: step, repeat: true, owner: 'arrows', inEmbed: true },
  { id: 'reset', keys: ['Shift+R'], perform: reset },
  { id: 'faster', keys: ['+', '='], perform: () => changeSpeed(1), repeat: true },
  { id: 'slower', keys: ['-'], perform: () => changeSpeed(-1), repeat: true },
  // Page Up / Page Down: what a presentation clicker sends.
  { id: 'previousStory', keys: ['p', 'PageUp'], perform: previousStep, owner: 'arrows', inEmbed: true },
  { id: 'nextStory', keys: ['n', 'PageDown'], perform: nextStep, owner: 'arrows', inEmbed: true },
  { id: 'compare', keys: ['c'], perform: toggleCompare },
  { id: 'present', keys: ['f'], perform: togglePresenter },
  { id: 'scenarios', keys: ['o'], perform: () => openDialog('scenarios') },
  { id: 'openFile', keys: ['Shift+O'], perform: pickScenarioFile },
  { id: 'share', keys: ['s'], perform: () => openDialog('share') },
  { id: 'embed', keys: ['e'], perform: () => openDialog('embed') },
  { id: 'audience', keys: ['a'], perform: openAudienceWindow },
  { id: 'help', keys: ['?'], perform: () => openDialog('shortcuts'), inEmbed: true },
];

export function shortcutById(id: ShortcutId): Shortcut {
  return SHORTCUTS.find((s) => s.id === id)!;
}

// ─── Matching ─────────────────────────────────────────────────────────────────────────────────

interface KeySpec {
  key: string;
  /** undefined: any Shift state (a character that needs Shift on some layouts). */
  shift: boolean | undefined;
}

export function parseKeySpec(spec: string): KeySpec {
  const shifted = spec.startsWith('Shift+');
  const key = shifted ? spec.slice(6) : spec;
  if (key === 'Space') return { key: ' ', shift: undefined };
  if (/^[a-z]$/i.test(key)) return { key: key.toLowerCase(), shift: shifted };
  if (key.length === 1) return { key, shift: undefined };
  return { key, shift: shifted };
}

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat?: boolean;
  isComposing?: boolean;
}

export function keyMatches(spec: string, e: KeyLike): boolean {
  if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return false;
  const want = parseKeySpec(spec);
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key !== want.key) return false;
  return want.shift === undefined || want.shift === e.shiftKey;
}

const TEXT_ENTRY = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), textarea, select, [contenteditable=""], [contenteditable="true"]';
const SPACE_OWNERS = 'button, a[href], summary, input, [role="slider"], [role="button"], [role="checkbox"], [role="tab"], [role="option"]';

export function keyIsTaken(owner: KeyOwner | undefined, target: EventTarget | null, spec = ''): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target.closest(TEXT_ENTRY)) return true;
  // A letter means nothing to a button or a tab list: only text entry takes it.
  if (/^(Shift\+)?[a-z]$/i.test(spec)) return false;
  if (owner === 'space') return target.closest(SPACE_OWNERS) !== null;
  if (owner === 'arrows') return arrowsAreTaken(target);
  return false;
}

/** The shortcut a key press asks for, in the page's current mode; undefined when it is not ours. */
export function shortcutFor(e: KeyLike & { target: EventTarget | null }, table: readonly Shortcut[] = SHORTCUTS): Shortcut | undefined {
  const mode = useWorkshopStore.getState();
  // A follower obeys its presenter only; an open dialog owns the keyboard.
  if (mode.audience || mode.dialog !== null) return undefined;
  let spec = '';
  const found = table.find((s) => s.keys.some((k) => keyMatches(k, e) && (spec = k)));
  if (!found) return undefined;
  if (mode.embed && !found.inEmbed) return undefined;
  if (e.repeat && !found.repeat) return undefined;
  if (keyIsTaken(found.owner, e.target, spec)) return undefined;
  return found;
}

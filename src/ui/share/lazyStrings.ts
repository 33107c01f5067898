// The words of the workshop parts that load after the first paint: the Workshop menu's items, the
// shortcut labels and key names (the cheat sheet and the menu), the embed chrome and the audience
// window. Companion of strings.ts (first paint) and dialogStrings.ts (dialogs, link and file messages).
import { localizedTable } from '../../i18n/tables';
import type { ShortcutId } from '../shortcuts/shortcutTable';

export const lazyStrings = localizedTable('workshop.lazy', {
  // Workshop menu
  menuLabel: 'Workshop tools',
  shareLink: 'Share link',
  embedCode: 'Copy embed code…',
  openFile: 'Open scenario file…',
  presenterMode: 'Presenter mode',
  audienceWindow: 'Open audience window',
  shortcuts: 'Keyboard shortcuts',

  // Key names
  keySpace: 'Space',
  keyPageUp: 'Page Up',
  keyPageDown: 'Page Down',
  keyShift: 'Shift',
  keyOr: 'or',

  // Audience window
  audienceTime: 'Virtual time',
  audiencePlaying: 'playing',
  audiencePaused: 'paused',
  audienceWaiting: 'Audience view: waiting for the presenter’s window…',
  audienceFollowing: 'Audience view: following the presenter (read-only)',
  audienceEnded: 'The presenter’s window has closed: this view stays where it was.',

  // Embed chrome
  embedControls: 'Playback',
  openInLab: 'Open in the lab',
  openInLabTitle: 'Open this moment in the full lab (new tab)',
});

/** What each shortcut does, as the cheat sheet and the Workshop menu say it. */
export const shortcutLabels: Record<ShortcutId, string> = localizedTable('workshop.shortcuts', {
  playPause: 'Play / pause',
  stepBack: 'Step back to the previous delivery',
  step: 'Step to the next delivery',
  reset: 'Reset: back to 0 s, your faults removed',
  faster: 'Faster',
  slower: 'Slower',
  previousStory: 'Previous story step',
  nextStory: 'Next story step',
  compare: 'Compare side by side on / off',
  present: 'Presenter mode on / off (large type, high contrast)',
  scenarios: 'Open the scenario list',
  openFile: 'Open a scenario file',
  share: 'Share link (copy this moment’s address)',
  embed: 'Copy embed code',
  audience: 'Open the audience window',
  help: 'Show these shortcuts',
});

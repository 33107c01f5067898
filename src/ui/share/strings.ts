// The words of the workshop features that the first paint needs: the Workshop and shortcut
// buttons, the drop overlay, and what the keyboard shortcuts say in the live region. Everything
// said later (the Workshop menu's items, the shortcut labels, dialogs, the embed chrome, the
// audience window, messages about links and files) is in lazyStrings.ts / dialogStrings.ts, out of
// the first download. Plain tables, so the message catalogue (src/i18n/) can take them over.
import { localizedTable } from '../../i18n/tables';

export const workshopStrings = localizedTable('workshop', {
  menuButton: 'Workshop',
  shortcuts: 'Keyboard shortcuts',
  dropHint: 'Drop a scenario file (.json) to open it',
  speedIs: (speed: number) => `Speed ${speed}×`,
  presentOn: 'Presenter mode on: large type, high contrast.',
  presentOff: 'Presenter mode off.',
  audienceBlocked: (url: string) =>
    `The browser blocked the audience window. Allow pop-ups for this page, or open this address in another window of this browser: ${url}`,
  audienceUnsupported: 'This browser cannot link two windows (no BroadcastChannel): the audience window is not available.',
  bootLoading: 'Opening the shared scenario…',
} as const);

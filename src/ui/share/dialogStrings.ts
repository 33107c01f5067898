// The words of the workshop features that load lazily: the share and embed dialogs, the cheat
// sheet, and the messages about shared links, scenario files and embed origins. Companion of
// strings.ts (first paint); kept apart so these words are not in the first download.
import '../../i18n/messages.details.en';
import { notice } from '../../i18n/notices';
import { localizedTable } from '../../i18n/tables';
import type { Params } from '../../i18n/types';
import type { ScenarioProblem } from '../../scenarios/scenarioFile';

export const dialogStrings = localizedTable('workshop.dialogs', {
  close: 'Close',
  copy: 'Copy',
  copied: 'Copied to the clipboard.',
  copyFallback: 'Selected: press Ctrl+C (⌘C on a Mac) to copy it.',

  // Share
  shareTitle: 'Share link',
  shareIntro:
    'This link opens the lab at this exact moment: the scenario, seed, time, speed, story step and every fault you added.',
  shareLinkLabel: 'Link to this moment',
  shareCustom: (title: string, chars: number) =>
    `The custom scenario “${title}” travels inside the link (${chars.toLocaleString('en')} characters).`,
  shareCustomPending: 'Packing the custom scenario into the link…',
  shareCustomTooLarge: (title: string) =>
    `The custom scenario “${title}” is too large to travel inside a link: share its file instead. This link opens the default scenario.`,

  // Embed
  embedTitle: 'Embed in a page',
  embedIntro:
    'Paste this into a web page (slides, a course site) to show the lab at this moment: the graph, the story and Play / Step, without the header.',
  embedShowControls: 'Show Play, Step and the timeline',
  embedOrigins: 'Pages allowed to drive it with postMessage (optional)',
  embedOriginsHint: 'Exact origins, comma-separated, e.g. https://slides.example.org. Empty: no page can drive it.',
  embedOriginsBad: (items: string) => `Not an origin (scheme://host[:port], no path): ${items}`,
  embedWidth: 'Width',
  embedHeight: 'Height',
  embedCodeLabel: 'Embed code',
  embedFrameTitle: (title: string) => `Commands & Events Lab: ${title}`,
  embedCustomNote: 'The custom scenario travels inside the embed’s address.',

  // Shortcuts cheat sheet
  sheetTitle: 'Keyboard shortcuts',
  sheetIntro: 'They work anywhere on the page, except while typing in a field or when a dialog is open.',
  sheetCommands: 'Commands',
  sheetContext: 'In context',
  sheetKeys: 'Keys',
  sheetAction: 'Action',
  contextUpDown: 'Move between messages on the graph or in the sequence view; Enter selects one',
  contextEscape: 'Clear the selection (in the side pane); close a dialog or the Workshop menu',
});

// The notices below are worded through the message catalogue (notice()): the banner says them again
// in the language on screen, also after a switch. The values quoted in them (origins, file names,
// the validator's words) are data, shown as text.

/** A notice: origins in an embed's address that are not exact origins. */
export function embedOriginsIgnored(items: readonly string[]): string {
  const shown = items.slice(0, 5).map((o) => `“${o.length > 60 ? `${o.slice(0, 60)}…` : o}”`);
  return notice('notice.originsIgnored', { origins: `${shown.join(', ')}${items.length > 5 ? ', …' : ''}` });
}

/**
 * "my.json:5: nodes[1].partitions: must be at least 1, found 0". `label` names the source: a file
 * name (data), or a message such as linkLabel, worded in the language on screen.
 */
export function problemLine(label: string | { key: 'workshop.linkLabel' }, p: ScenarioProblem): string {
  const params: Params = { label, detail: p.path ? `${p.path}: ${p.message}` : p.message };
  return p.line ? notice('notice.problemAtLine', { ...params, line: p.line }) : notice('notice.problem', params);
}

// ─── Scenario files ───────────────────────────────────────────────────────────────────────────

export const fileStrings = localizedTable('workshop.files', {
  tooLarge: (name: string, mb: number) => `“${name}” is larger than ${mb} MB: not opened. Your scenario, faults and time are unchanged.`,
  unreadable: (name: string) => `“${name}” could not be read: not opened. Your scenario, faults and time are unchanged.`,
  invalid: (name: string, n: number) =>
    `“${name}” is not a scenario the lab can open (${n} ${n === 1 ? 'problem' : 'problems'}); nothing changed: your scenario, faults and time are as they were.`,
  opened: (title: string, name: string) => `Opened “${title}” from ${name}.`,
});

// ─── Shared links (`?s=`) ────────────────────────────────────────────────────────────────────

/** How the problems of a `?s=` link name their source ("shared link:3: …"), in the language on screen. */
export const linkLabel = { key: 'workshop.linkLabel' } as const;
/** The same in English, for the validator's own messages (ScenarioError.file). */
export const linkLabelEn = 'shared link';

export const linkStrings = localizedTable('workshop.links', {
  failed: (reason: string) => `The scenario in this link could not be opened: ${reason} Pick a scenario from the list instead.`,
  empty: 'the link holds no scenario.',
  tooLong: (chars: number, limit: number) => `the link is too long (${chars.toLocaleString('en')} characters; at most ${limit.toLocaleString('en')}).`,
  notBase64: 'the link is damaged (it is not base64url text — was it cut short when copied?).',
  damaged: 'the link is damaged (its data cannot be unpacked — was it cut short when copied?).',
  tooLarge: (limitKb: number) => `the scenario is larger than ${limitKb} KB once unpacked.`,
  notUtf8: 'the scenario is not valid text (UTF-8).',
  invalid: (n: number) => `it is not a valid scenario (${n} ${n === 1 ? 'problem' : 'problems'}, below).`,
});

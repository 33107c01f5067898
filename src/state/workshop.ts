// How the page is being used in a workshop: embedded in another page (`?embed=1`, `controls=0`,
// `origins=…`), on a projector (`?present=1`), as the audience window following a presenter
// (`?audience=1&channel=…`), and which of the lab's dialogs is open. These are properties of the
// page, not of the experiment: a share link leaves them out, but the page's own address keeps
// them (see modeSearch) so a reload stays what it was.
import { create } from 'zustand';

export type LabDialog = 'scenarios' | 'shortcuts' | 'share' | 'embed' | null;

export interface WorkshopState {
  embed: boolean;
  /** Embed only: show Play / Step / the timeline (controls=0 hides them; a host page drives). */
  controls: boolean;
  /** The host origins allowed to drive an embed by postMessage, as written in the link. */
  origins: string;
  /** Large type, high contrast. */
  present: boolean;
  /** A read-only window mirroring a presenter's (same browser, BroadcastChannel). */
  audience: boolean;
  /** The BroadcastChannel id shared by a presenter and its audience windows. */
  channel: string | null;
  /** For the audience window: have we heard from the presenter, and are they still there. */
  follow: 'waiting' | 'following' | 'ended';
  dialog: LabDialog;
  /** A file is being dragged over the page. */
  dragging: boolean;
}

export const initialWorkshopState: WorkshopState = {
  embed: false,
  controls: true,
  origins: '',
  present: false,
  audience: false,
  channel: null,
  follow: 'waiting',
  dialog: null,
  dragging: false,
};

export const useWorkshopStore = create<WorkshopState>()(() => ({ ...initialWorkshopState }));

const CHANNEL_ID = /^[A-Za-z0-9_-]{6,64}$/;

export function isChannelId(v: string): boolean {
  return CHANNEL_ID.test(v);
}

/** The page-mode parameters (never part of a share link). */
export const MODE_PARAMS = ['embed', 'controls', 'origins', 'present', 'audience', 'channel'] as const;

export function parseWorkshopModes(search: string): Partial<WorkshopState> {
  const p = new URLSearchParams(search);
  const channel = p.get('channel');
  const validChannel = channel !== null && isChannelId(channel) ? channel : null;
  const audience = p.get('audience') === '1' && validChannel !== null;
  return {
    embed: p.get('embed') === '1',
    controls: p.get('controls') !== '0',
    origins: (p.get('origins') ?? '').slice(0, 2000),
    // The audience window is for a projector: large type unless asked otherwise.
    present: p.get('present') === '1' || (audience && p.get('present') !== '0'),
    audience,
    channel: validChannel,
  };
}

export function initWorkshopFromUrl(search: string): void {
  useWorkshopStore.setState(parseWorkshopModes(search));
}

/** `&embed=1&…` for the page's own address (empty in the ordinary lab). */
export function modeSearch(s: WorkshopState = useWorkshopStore.getState()): string {
  const p = new URLSearchParams();
  if (s.embed) p.set('embed', '1');
  if (s.embed && !s.controls) p.set('controls', '0');
  if (s.origins) p.set('origins', s.origins);
  if (s.present) p.set('present', '1');
  else if (s.audience) p.set('present', '0');
  if (s.audience) p.set('audience', '1');
  if (s.channel) p.set('channel', s.channel);
  const text = p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
  return text ? `&${text}` : '';
}

export function openDialog(dialog: LabDialog): void {
  useWorkshopStore.setState({ dialog });
}

export function closeDialog(): void {
  useWorkshopStore.setState({ dialog: null });
}

export function togglePresent(): void {
  useWorkshopStore.setState((s) => ({ present: !s.present }));
}

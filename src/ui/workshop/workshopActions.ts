// Workshop commands that must run inside the user's gesture (a click or a key press): the file
// picker and window.open are refused by browsers once the gesture has passed, so the part that
// needs it runs here at once and only the rest is loaded lazily.
import { shareSearch } from '../../state/urlSync';
import { useLabStore } from '../../state/store';
import { useWorkshopStore } from '../../state/workshop';
import { workshopStrings as S } from '../share/strings';

/** Reads a scenario file (lazily loaded validator); on any problem nothing in the lab changes. */
export function openScenarioFileFrom(file: File): void {
  void import('../../workshop/openScenarioFile').then((m) => m.openScenarioFile(file));
}

export function pickScenarioFile(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) openScenarioFileFrom(file);
  });
  input.click();
}

function newChannelId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Opens a window that follows this one (same browser): scenario, time, playback, story step, faults. */
export function openAudienceWindow(): void {
  const lab = useLabStore.getState();
  if (typeof BroadcastChannel === 'undefined') {
    lab.addNotice(S.audienceUnsupported);
    return;
  }
  const channel = useWorkshopStore.getState().channel ?? newChannelId();
  useWorkshopStore.setState({ channel });
  const href = new URL(`${window.location.pathname}${shareSearch()}&audience=1&channel=${channel}`, window.location.href).href;
  // Not `noopener`: a null result must mean "blocked", so the presenter can be told.
  const win = window.open(href, `cel-audience-${channel}`, 'popup,width=1280,height=720');
  void import('../../workshop/audienceSync').then((m) => m.startPresenter(channel));
  if (!win) lab.addNotice(S.audienceBlocked(href));
}

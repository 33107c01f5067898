// Start-up of the workshop modes: the page's mode parameters (embed, present, audience…) are read
// at once; a custom scenario in the link (`?s=`) is unpacked and validated by a lazy chunk before
// the rest of the link is read, since the rest (t, faults, step) refers to it.
import { initWorkshopFromUrl } from '../state/workshop';

/** The search string to initialise the lab from: at once, or after a shared scenario is unpacked. */
export function bootWorkshop(search: string): string | Promise<string> {
  initWorkshopFromUrl(search);
  if (!new URLSearchParams(search).has('s')) return search;
  return import('./loadShared').then(
    (m) => m.loadSharedScenario(search),
    // The chunk itself failed to load (offline, say): carry on without the shared scenario.
    () => search,
  );
}

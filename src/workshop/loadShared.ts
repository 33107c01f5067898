// A link with a custom scenario (`?s=`), opened at start-up before the first render: decoded,
// bounded and validated (shareCodec.ts), then registered as the custom scenario. A bad link is
// never a blank page: the lab says what is wrong (as text), opens the scenario list, and starts
// from the default scenario, without the rest of the link's state (which belonged to that scenario).
import { useLabStore } from '../state/store';
import { MODE_PARAMS, openDialog } from '../state/workshop';
import { linkLabel, linkLabelEn, linkStrings, problemLine } from '../ui/share/dialogStrings';
import { registerCustomScenario } from './registerCustom';
import { decodeSharedScenario, ShareError } from './shareCodec';

/** The notices for a link that could not be opened. */
export function linkErrorNotices(e: unknown): string[] {
  if (!(e instanceof ShareError)) return [linkStrings.failed(linkStrings.damaged)];
  switch (e.code) {
    case 'empty':
      return [linkStrings.failed(linkStrings.empty)];
    case 'too-long':
      return [linkStrings.failed(linkStrings.tooLong(e.size?.actual ?? 0, e.size?.limit ?? 0))];
    case 'not-base64':
      return [linkStrings.failed(linkStrings.notBase64)];
    case 'damaged':
      return [linkStrings.failed(linkStrings.damaged)];
    case 'too-large':
      return [linkStrings.failed(linkStrings.tooLarge(Math.round((e.size?.limit ?? 0) / 1000)))];
    case 'not-utf8':
      return [linkStrings.failed(linkStrings.notUtf8)];
    case 'invalid':
      return [linkStrings.failed(linkStrings.invalid(e.problems.length)), ...e.problems.slice(0, 20).map((p) => problemLine(linkLabel, p))];
  }
}

/** Opens the link's custom scenario; returns the search string the rest of start-up should read. */
export async function loadSharedScenario(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const encoded = params.get('s') ?? '';
  try {
    const { scenario, json } = await decodeSharedScenario(encoded, linkLabelEn);
    const { scenario: registered } = registerCustomScenario(scenario, json, linkLabelEn, encoded);
    params.set('scenario', registered.id);
    return `?${params.toString()}`;
  } catch (e) {
    const lab = useLabStore.getState();
    for (const n of linkErrorNotices(e)) lab.addNotice(n);
    openDialog('scenarios');
    const kept = new URLSearchParams();
    for (const key of [...MODE_PARAMS, 'lang']) {
      const v = params.get(key);
      if (v !== null) kept.set(key, v);
    }
    return `?${kept.toString()}`;
  }
}

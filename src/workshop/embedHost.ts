// The embedded lab's side of the postMessage API (protocol and its checks: embedProtocol.ts).
// Loaded lazily, only when the page is framed and its address lists `origins`.
import { chooseScenario, step, togglePlay } from '../state/commands';
import { currentStepIndex, currentStory, goToStep } from '../state/narrative';
import { hasScenario } from '../state/scenarioRegistry';
import { useLabStore } from '../state/store';
import { embedOriginsIgnored } from '../ui/share/dialogStrings';
import { isAllowedOrigin, parseAllowedOrigins, parseHostCommand, stateMessage, type HostCommand } from './embedProtocol';

function perform(cmd: HostCommand): void {
  const lab = useLabStore.getState();
  switch (cmd.type) {
    case 'play':
      if (!lab.playing) togglePlay();
      break;
    case 'pause':
      lab.setPlaying(false);
      break;
    case 'step':
      step();
      break;
    case 'goToStep':
      goToStep(cmd.step - 1);
      break;
    case 'selectScenario':
      if (cmd.id !== lab.scenarioId) chooseScenario(cmd.id);
      break;
  }
}

function currentState() {
  const s = useLabStore.getState();
  const hasStory = currentStory().steps.length > 0;
  return stateMessage({ tMs: s.t, playing: s.playing, stepIndex: hasStory ? currentStepIndex() : null, scenarioId: s.scenarioId });
}

/** The parent page's origin when the browser tells it (Chrome, Safari: ancestorOrigins; else the referrer). */
function parentOrigin(): string | null {
  const ancestors = (window.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

/** Starts answering the host page; returns the stop function. */
export function startEmbedHost(originsParam: string): () => void {
  const { origins, rejected } = parseAllowedOrigins(originsParam);
  if (rejected.length > 0) useLabStore.getState().addNotice(embedOriginsIgnored(rejected));
  const parent = window.parent;
  if (origins.length === 0 || parent === window) return () => {};

  const onMessage = (e: MessageEvent) => {
    // Only the page that frames us, only from a listed origin, only a well-formed command.
    if (e.source !== parent || !isAllowedOrigin(e.origin, origins)) return;
    const cmd = parseHostCommand(e.data, hasScenario);
    if (!cmd) return;
    perform(cmd);
    parent.postMessage(currentState(), e.origin);
  };
  window.addEventListener('message', onMessage);

  // Say we are ready, when the parent's origin is known to be one of the listed ones (a wrong
  // targetOrigin would only be dropped, and logged as a console error).
  const origin = parentOrigin();
  if (origin !== null && isAllowedOrigin(origin, origins)) parent.postMessage(currentState(), origin);
  return () => window.removeEventListener('message', onMessage);
}

// Presenter and audience windows kept in step over a BroadcastChannel (protocol: audienceProtocol.ts).
// Loaded lazily: only when an audience window is opened, or the page is one.
import { useI18nStore } from '../i18n/i18nStore';
import { setLanguage } from '../i18n/setLanguage';
import type { Lang } from '../i18n/types';
import { useCustomScenarioStore } from '../state/customScenario';
import { useNarrativeStore } from '../state/narrative';
import { hasScenario } from '../state/scenarioRegistry';
import { SPEEDS, useLabStore } from '../state/store';
import { useWorkshopStore } from '../state/workshop';
import { parseScenarioText } from '../scenarios/scenarioFile';
import {
  bye,
  channelName,
  hello,
  mirrorPatch,
  parseAudienceMessage,
  scenarioMsg,
  stateMsg,
  type MirrorState,
} from './audienceProtocol';
import { registerCustomScenario } from './registerCustom';

function snapshot(): MirrorState {
  const s = useLabStore.getState();
  const n = useNarrativeStore.getState();
  return {
    scenarioId: s.scenarioId,
    seed: s.seed,
    t: s.t,
    playing: s.playing,
    speed: s.speed,
    view: s.view,
    interventions: s.interventions,
    step: n.index,
    guided: n.guided,
    lang: useI18nStore.getState().lang,
  };
}

let presenter: { channel: string; stop: () => void } | null = null;

/** Broadcasts this window's state on the channel for as long as the page lives. Idempotent. */
export function startPresenter(channel: string): () => void {
  if (presenter?.channel === channel) return presenter.stop;
  presenter?.stop();
  const bc = new BroadcastChannel(channelName(channel));
  let last = '';
  const sendState = () => {
    const msg = stateMsg(snapshot());
    const text = JSON.stringify(msg);
    if (text === last) return;
    last = text;
    bc.postMessage(msg);
  };
  const sendScenario = () => {
    const json = useCustomScenarioStore.getState().json;
    if (json) bc.postMessage(scenarioMsg(json));
  };
  bc.onmessage = (e: MessageEvent) => {
    const msg = parseAudienceMessage(e.data, SPEEDS);
    if (msg?.type !== 'hello') return;
    // A new (or reloaded) audience window: everything, even if unchanged.
    sendScenario();
    last = '';
    sendState();
  };
  const unsubscribers = [
    useLabStore.subscribe(sendState),
    useNarrativeStore.subscribe(sendState),
    // A language switch in this window (once its texts have loaded) is followed by the audience.
    useI18nStore.subscribe((i, prev) => {
      if (i.lang !== prev.lang) sendState();
    }),
    useCustomScenarioStore.subscribe((c, prev) => {
      if (c.json !== prev.json) sendScenario();
    }),
  ];
  const onHide = () => bc.postMessage(bye());
  window.addEventListener('pagehide', onHide);
  sendScenario();
  sendState();
  const stop = () => {
    for (const u of unsubscribers) u();
    window.removeEventListener('pagehide', onHide);
    bc.close();
    presenter = null;
  };
  presenter = { channel, stop };
  return stop;
}

/** The language last asked for, so the state messages that arrive while it loads do not ask again. */
let requestedLang: Lang | null = null;

function followLanguage(lang: Lang): void {
  if (lang === requestedLang || (requestedLang === null && lang === useI18nStore.getState().lang)) return;
  requestedLang = lang;
  void setLanguage(lang);
}

function apply(next: MirrorState): void {
  const patch = mirrorPatch(snapshot(), next);
  const lab = { ...patch };
  delete lab.step;
  delete lab.guided;
  delete lab.lang;
  if (Object.keys(lab).length > 0) useLabStore.setState(lab);
  followLanguage(next.lang);
  // After the clock: the story follows t by itself, then takes the presenter's exact step.
  const n = useNarrativeStore.getState();
  if (n.index !== next.step || n.guided !== next.guided) useNarrativeStore.setState({ index: next.step, guided: next.guided });
}

/** Makes this window a read-only follower of the presenter on `channel`. */
export function startAudience(channel: string): () => void {
  const bc = new BroadcastChannel(channelName(channel));
  let lastHello = -Infinity;
  let lastJson: string | null = null;
  const askForEverything = () => {
    const now = performance.now();
    if (now - lastHello < 1000) return;
    lastHello = now;
    bc.postMessage(hello());
  };
  bc.onmessage = (e: MessageEvent) => {
    const msg = parseAudienceMessage(e.data, SPEEDS);
    if (!msg) return;
    if (msg.type === 'bye') {
      useWorkshopStore.setState({ follow: 'ended' });
      return;
    }
    if (msg.type === 'scenario') {
      if (msg.json === lastJson) return;
      try {
        const scenario = parseScenarioText(msg.json, 'presenter');
        registerCustomScenario(scenario, msg.json, 'presenter');
        lastJson = msg.json;
      } catch {
        // Not a scenario this window can open: it keeps showing what it had.
      }
      return;
    }
    if (msg.type === 'state') {
      if (!hasScenario(msg.state.scenarioId)) {
        // A custom scenario this window has not received yet.
        askForEverything();
        return;
      }
      if (useWorkshopStore.getState().follow !== 'following') useWorkshopStore.setState({ follow: 'following' });
      apply(msg.state);
    }
  };
  askForEverything();
  return () => bc.close();
}

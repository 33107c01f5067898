// @vitest-environment jsdom
// The audience window follows the presenter's interface language over the BroadcastChannel: the
// presenter says its language in every state message (and sends one when it switches), and the
// audience window switches when the presenter's differs from its own. Node's BroadcastChannel
// carries the messages between the two ends, as the browser's would between two windows.
import { afterEach, describe, expect, it, vi } from 'vitest';

const setLanguage = vi.fn(async () => {});
vi.mock('../../src/i18n/setLanguage', () => ({ setLanguage }));

const { useI18nStore } = await import('../../src/i18n/i18nStore');
const { initialLabState, useLabStore } = await import('../../src/state/store');
const { AUDIENCE_PROTOCOL, channelName, stateMsg } = await import('../../src/workshop/audienceProtocol');
const { startAudience, startPresenter } = await import('../../src/workshop/audienceSync');

const settle = () => new Promise((r) => setTimeout(r, 50));
const stops: (() => void)[] = [];
const channels: BroadcastChannel[] = [];

function listen(id: string): unknown[] {
  const bc = new BroadcastChannel(channelName(id));
  channels.push(bc);
  const received: unknown[] = [];
  bc.onmessage = (e) => received.push(e.data);
  return received;
}

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const bc of channels.splice(0)) bc.close();
  useI18nStore.setState({ lang: 'en' });
  useLabStore.setState({ ...initialLabState });
  setLanguage.mockClear();
});

describe('audience window: language', () => {
  it('the presenter sends its state again when its language switches', async () => {
    const received = listen('presenter0001');
    stops.push(startPresenter('presenter0001'));
    await settle();
    const before = received.length;
    expect(before).toBeGreaterThan(0);
    expect((received.at(-1) as { state: { lang: string } }).state.lang).toBe('en');

    useI18nStore.setState({ lang: 'zh-CN' });
    await settle();
    expect(received.length).toBe(before + 1);
    expect(received.at(-1)).toMatchObject({ p: AUDIENCE_PROTOCOL, type: 'state', state: { lang: 'zh-CN' } });
  });

  it('the audience window switches to the presenter’s language, once, and ignores an unknown one', async () => {
    const presenter = new BroadcastChannel(channelName('audience0001'));
    channels.push(presenter);
    stops.push(startAudience('audience0001'));
    const state = {
      scenarioId: 'checkout-sync',
      seed: 1,
      t: 0,
      playing: false,
      speed: 1,
      view: 'single' as const,
      interventions: [],
      step: 0,
      guided: true,
      lang: 'en' as const,
    };
    presenter.postMessage(stateMsg(state));
    await settle();
    expect(setLanguage).not.toHaveBeenCalled(); // already English

    presenter.postMessage(stateMsg({ ...state, lang: 'zh-CN' }));
    presenter.postMessage(stateMsg({ ...state, t: 100, lang: 'zh-CN' })); // while it loads: not asked again
    await settle();
    expect(setLanguage).toHaveBeenCalledTimes(1);
    expect(setLanguage).toHaveBeenLastCalledWith('zh-CN');
    expect(useLabStore.getState().t).toBe(100);

    // A language the lab does not ship: the whole message is refused, nothing moves.
    presenter.postMessage({ ...stateMsg({ ...state, t: 200 }), state: { ...state, t: 200, lang: 'fr' } });
    await settle();
    expect(setLanguage).toHaveBeenCalledTimes(1);
    expect(useLabStore.getState().t).toBe(100);

    presenter.postMessage(stateMsg({ ...state, lang: 'en' }));
    await settle();
    expect(setLanguage).toHaveBeenCalledTimes(2);
    expect(setLanguage).toHaveBeenLastCalledWith('en');
  });
});

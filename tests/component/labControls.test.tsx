// @vitest-environment jsdom
// The lab's controls, keyboard and graph fault buttons, driven the way a learner would.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCatalogue } from '../../src/i18n/i18nStore';
import zhCN from '../../src/i18n/messages.zh-CN';
import { initialLabState, useLabStore } from '../../src/state/store';
import { shareSearch } from '../../src/state/urlSync';
import { App } from '../../src/ui/App';

function resetStore(patch: Partial<typeof initialLabState> = {}) {
  useLabStore.setState({ ...initialLabState, scenarioId: 'checkout-sync', seed: 42, ...patch });
}

// React Flow measures nodes after mount (ResizeObserver stub → state update); flushing that
// inside act keeps the output free of act() warnings.
async function renderApp() {
  let result!: ReturnType<typeof render>;
  await act(async () => {
    result = render(<App syncUrl={false} />);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return result;
}

beforeEach(() => resetStore());
afterEach(() => {
  act(() => useLabStore.getState().setPlaying(false));
  cleanup();
});

describe('controls', () => {
  it('have their accessible names', async () => {
    await renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Commands & Events Lab' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Step' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Speed' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Timeline' })).toBeInTheDocument();
    expect(screen.getByTestId('time')).toHaveTextContent('0.0 s');
  });

  it('Play becomes Pause and back', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(useLabStore.getState().playing).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(useLabStore.getState().playing).toBe(false);
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('Speed offers 0.25× to 16×', async () => {
    await renderApp();
    const speed = screen.getByRole('combobox', { name: 'Speed' });
    const values = within(speed)
      .getAllByRole('option')
      .map((o) => Number((o as HTMLOptionElement).value));
    expect(Math.min(...values)).toBe(0.25);
    expect(Math.max(...values)).toBe(16);
    fireEvent.change(speed, { target: { value: '16' } });
    expect(useLabStore.getState().speed).toBe(16);
  });

  it('Step jumps forward to the next delivery and pauses', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const t = useLabStore.getState().t;
    expect(t).toBeGreaterThan(0);
    expect(useLabStore.getState().playing).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(useLabStore.getState().t).toBeGreaterThan(t);
  });

  it('Reset goes back to 0 s and drops the faults', async () => {
    resetStore({ t: 12_000, interventions: [{ target: 'fulfillment', kind: 'down', fromMs: 5000 }] });
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(useLabStore.getState().t).toBe(0);
    expect(useLabStore.getState().interventions).toEqual([]);
  });

  it('the Scenario selector switches scenario', async () => {
    await renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: 'checkout-pubsub' } });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0)); // let React Flow measure the new nodes
    });
    expect(useLabStore.getState().scenarioId).toBe('checkout-pubsub');
    expect(screen.getByRole('heading', { level: 2, name: 'Checkout publishes order-placed' })).toBeInTheDocument();
  });
});

describe('the learner’s faults across a change of seed or scenario', () => {
  const twoFaults = [
    { target: 'fulfillment', kind: 'down' as const, fromMs: 5000, untilMs: 9000 },
    { target: 'checkout->fulfillment', kind: 'cut' as const, fromMs: 2000 },
  ];

  it('a new seed keeps them (same nodes, same times), in the store and in the address', async () => {
    resetStore({ t: 6000, interventions: twoFaults });
    await renderApp();
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    fireEvent.change(seed, { target: { value: '7' } });
    fireEvent.keyDown(seed, { key: 'Enter' });
    expect(useLabStore.getState().seed).toBe(7);
    expect(useLabStore.getState().interventions).toEqual(twoFaults);
    expect(new URLSearchParams(shareSearch()).get('faults')).toBe('fulfillment:down:5-9,checkout->fulfillment:cut:2-');
    expect(screen.queryByRole('alert')).toBeNull(); // nothing was dropped: nothing to say
    expect(screen.getByTestId('node-fulfillment')).toHaveAttribute('data-status', 'down');
  });

  it('another scenario clears them and says so in words (also in Chinese), and the address drops them', async () => {
    resetStore({ t: 6000, interventions: twoFaults });
    await renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: 'checkout-pubsub' } });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(useLabStore.getState().interventions).toEqual([]);
    expect(screen.getByRole('alert')).toHaveTextContent('2 faults you added were cleared: they belong to the previous scenario.');
    expect(new URLSearchParams(shareSearch()).get('faults')).toBeNull();
    // The banner says it again in the language on screen.
    act(() => setCatalogue('zh-CN', zhCN));
    expect(screen.getByRole('alert')).toHaveTextContent('你加入的 2 个故障已清除：它们属于上一个场景。');
    act(() => setCatalogue('en', null));
    // One fault: the singular; no fault: no notice at all.
    act(() => {
      useLabStore.getState().dismissNotices();
      useLabStore.getState().setInterventions([twoFaults[0]]);
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: 'checkout-sync' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The fault you added was cleared: it belongs to the previous scenario.');
    act(() => useLabStore.getState().dismissNotices());
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario' }), { target: { value: 'checkout-pubsub' } });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('keyboard', () => {
  it('Space toggles play from the page', async () => {
    await renderApp();
    fireEvent.keyDown(document.body, { key: ' ', code: 'Space' });
    expect(useLabStore.getState().playing).toBe(true);
    fireEvent.keyDown(document.body, { key: ' ', code: 'Space' });
    expect(useLabStore.getState().playing).toBe(false);
  });

  it('Space does nothing when focus is in a select or a text field', async () => {
    await renderApp();
    const select = screen.getByRole('combobox', { name: 'Scenario' });
    select.focus();
    fireEvent.keyDown(select, { key: ' ', code: 'Space' });
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    seed.focus();
    fireEvent.keyDown(seed, { key: ' ', code: 'Space' });
    expect(useLabStore.getState().playing).toBe(false);
  });
});

describe('faults from the graph', () => {
  it('take a service down and bring it back up, at the current time', async () => {
    resetStore({ t: 10_000 });
    await renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Take Order Fulfillment down' }));
    expect(useLabStore.getState().interventions).toEqual([{ target: 'fulfillment', kind: 'down', fromMs: 10_000 }]);
    expect(await screen.findByRole('button', { name: 'Bring Order Fulfillment back up' })).toBeInTheDocument();
    // The node says DOWN in words, not only in colour.
    expect(within(screen.getByTestId('node-fulfillment')).getByText('DOWN')).toBeInTheDocument();

    act(() => useLabStore.getState().setT(30_000));
    fireEvent.click(screen.getByRole('button', { name: 'Bring Order Fulfillment back up' }));
    expect(useLabStore.getState().interventions).toEqual([{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }]);
    expect(await screen.findByRole('button', { name: 'Take Order Fulfillment down' })).toBeInTheDocument();
  });

  it('make a service slow and fast again', async () => {
    resetStore({ t: 5000 });
    await renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Make Inventory slow' }));
    expect(useLabStore.getState().interventions).toEqual([{ target: 'inventory', kind: 'slow', fromMs: 5000, factor: 10 }]);
    act(() => useLabStore.getState().setT(8000));
    fireEvent.click(await screen.findByRole('button', { name: 'Make Inventory fast' }));
    expect(useLabStore.getState().interventions[0].untilMs).toBe(8000);
  });

  it('in the compare view a fault applies to both sides', async () => {
    resetStore({ t: 10_000, view: 'compare' });
    await renderApp();
    const buttons = await screen.findAllByRole('button', { name: 'Take Order Fulfillment down' });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[1]);
    expect(await screen.findAllByRole('button', { name: 'Bring Order Fulfillment back up' })).toHaveLength(2);
  });
});

describe('compare view metrics', () => {
  it('shows both variants with stable metric test ids', async () => {
    resetStore({ view: 'compare', t: 60_000, interventions: [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }] });
    await renderApp();
    const sync = Number(screen.getByTestId('metric-checkout-sync-checkout-successRate').dataset.value);
    const pubsub = Number(screen.getByTestId('metric-checkout-pubsub-checkout-successRate').dataset.value);
    expect(sync).toBeLessThan(pubsub);
    expect(screen.getByTestId('metric-checkout-pubsub-checkout-p50')).toBeInTheDocument();
    expect(screen.getByTestId('metric-checkout-pubsub-checkout-p99')).toBeInTheDocument();
    expect(Number(screen.getByTestId('metric-checkout-pubsub-group-fulfillment-maxLag').dataset.value)).toBeGreaterThan(0);
    expect(screen.getByTestId('metric-checkout-pubsub-group-fulfillment-lag').dataset.value).toBe('0');
    expect(screen.getByTestId('metric-checkout-pubsub-group-fulfillment-lost').dataset.value).toBe('0');
  });
});

describe('notices', () => {
  it('render URL problems as text, never as markup', async () => {
    resetStore({ notices: ['Unknown scenario “<img src=x onerror=alert(1)>” in the link'] });
    const { container } = await renderApp();
    expect(screen.getByRole('alert')).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('live region', () => {
  it('announces the world once playback stops on a moment, not every frame', async () => {
    resetStore({ t: 20_000, interventions: [{ target: 'fulfillment', kind: 'down', fromMs: 10_000 }] });
    await renderApp();
    const live = screen.getByTestId('live-region');
    expect(live).toHaveAttribute('aria-live', 'polite');
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 600)); // the announcer waits for the moment to settle
    });
    expect(live.textContent).toMatch(/Order Fulfillment is down\./);
    expect(live.textContent).toMatch(/At 2\d\.\d seconds\./);
  });
});

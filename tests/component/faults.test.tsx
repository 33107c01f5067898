// @vitest-environment jsdom
// Faults from the graph, by keyboard and mouse: the per-node Faults menu, the cut button on an edge,
// and the invariant badges that appear when an invariant breaks and jump the clock there.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findInvariantBreaks } from '../../src/engine/invariants';
import { simulate } from '../../src/engine/simulate';
import { findScenario } from '../../src/scenarios/builtins';
import { initialLabState, useLabStore } from '../../src/state/store';
import { App } from '../../src/ui/App';

// A phone's width on demand (jsdom has no layout): only the graph's portrait query answers to it.
let phone = false;
const plainMatchMedia = window.matchMedia;
window.matchMedia = (query: string) => {
  const mql = plainMatchMedia(query);
  Object.defineProperty(mql, 'matches', { get: () => phone && query === '(max-width: 599px)' });
  return mql;
};

function resetStore(patch: Partial<typeof initialLabState> = {}) {
  useLabStore.setState({ ...initialLabState, scenarioId: 'checkout-pubsub', seed: 42, ...patch });
}

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

const interventions = () => useLabStore.getState().interventions;

beforeEach(() => resetStore());
afterEach(() => {
  act(() => useLabStore.getState().setPlaying(false));
  cleanup();
});

describe('the Faults menu of a node', () => {
  it('opens with Enter on the first item, arrows move, Enter applies, focus returns to the button', async () => {
    resetStore({ t: 10_000 });
    await renderApp();
    const button = await screen.findByRole('button', { name: 'Faults for Order Fulfillment' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');

    button.focus();
    fireEvent.keyDown(button, { key: 'Enter' });
    const menu = await screen.findByRole('menu', { name: 'Faults for Order Fulfillment' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const items = Array.from(menu.querySelectorAll('[role="menuitem"], [role="menuitemcheckbox"]'));
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      'Down',
      'Slow ×10',
      'Error rate 50%',
      'Crash mid-message',
      'Cut link online-orders → Order Fulfillment',
    ]);
    expect(document.activeElement).toBe(within(menu).getByRole('menuitemcheckbox', { name: 'Down' }));

    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(within(menu).getByRole('menuitemcheckbox', { name: 'Error rate 50%' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });

    expect(interventions()).toEqual([{ target: 'fulfillment', kind: 'error', fromMs: 10_000, rate: 0.5 }]);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(button);
    expect(within(screen.getByTestId('node-fulfillment')).getByText('ERRORS')).toBeInTheDocument();

    // Reopened, the switch shows as on; ↑ wraps to the last item.
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    const again = await screen.findByRole('menu');
    expect(within(again).getByRole('menuitemcheckbox', { name: 'Error rate 50%' })).toHaveAttribute('aria-checked', 'true');
    expect(document.activeElement).toBe(within(again).getByRole('menuitem', { name: 'Cut link online-orders → Order Fulfillment' }));
  });

  it('Escape closes it and gives focus back; Tab closes it too', async () => {
    await renderApp();
    const button = await screen.findByRole('button', { name: 'Faults for online-orders' });
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = await screen.findByRole('menu', { name: 'Faults for online-orders' });
    expect(within(menu).getByRole('menuitemcheckbox', { name: 'Broker down' })).toHaveAttribute('aria-checked', 'false');
    expect(within(menu).getByRole('menuitem', { name: 'Poison the next record' })).toHaveAccessibleDescription('the next one written can never be handled');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');

    fireEvent.click(button);
    await screen.findByRole('menu');
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(interventions()).toEqual([]);
  });

  it('one-shot faults: crash mid-message and poison are armed at the current time', async () => {
    resetStore({ t: 5000 });
    await renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Faults for Order Fulfillment' }));
    fireEvent.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Crash mid-message' }));
    expect(await screen.findByTestId('crash-armed-fulfillment')).toHaveTextContent('CRASH ARMED');
    fireEvent.click(screen.getByRole('button', { name: 'Faults for online-orders' }));
    fireEvent.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Poison the next record' }));
    expect(interventions()).toEqual([
      { target: 'fulfillment', kind: 'crash', fromMs: 5000, restartMs: 1000 },
      { target: 'online-orders', kind: 'poison', fromMs: 5000 },
    ]);
    // The crash fires on the next message: later, the member shows as crashed, then restarts.
    const crashAt = findCrash();
    act(() => useLabStore.getState().setT(crashAt + 10));
    expect(await screen.findByTestId('member-fulfillment')).toHaveAttribute('data-life', 'crashed');
    expect(within(screen.getByTestId('node-fulfillment')).getByText('CRASHED · restarting')).toBeInTheDocument();
    act(() => useLabStore.getState().setT(crashAt + 1500));
    expect(screen.getByTestId('member-fulfillment')).toHaveAttribute('data-life', 'up');
  });
});

function findCrash(): number {
  const trace = simulate(findScenario('checkout-pubsub')!, { seed: 42, interventions: interventions() });
  const crash = trace.records.find((r) => r.type === 'crash');
  if (!crash) throw new Error('no crash in the trace');
  return crash.t;
}

describe('cutting a link on the graph', () => {
  it('the edge button cuts and restores the link at the current time', async () => {
    resetStore({ t: 10_000 });
    await renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Cut link Checkout → online-orders' }));
    expect(interventions()).toEqual([{ target: 'checkout->online-orders', kind: 'cut', fromMs: 10_000 }]);
    const restore = await screen.findByRole('button', { name: 'Restore link Checkout → online-orders' });
    expect(document.querySelector('[data-cut="true"]')).not.toBeNull();

    act(() => useLabStore.getState().setT(15_000));
    fireEvent.click(restore);
    expect(interventions()).toEqual([{ target: 'checkout->online-orders', kind: 'cut', fromMs: 10_000, untilMs: 15_000 }]);
    expect(await screen.findByRole('button', { name: 'Cut link Checkout → online-orders' })).toBeInTheDocument();
  });

  it('the same cut is in the Faults menu of either end', async () => {
    resetStore({ t: 2000 });
    await renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Faults for Checkout' }));
    fireEvent.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Cut link Checkout → online-orders' }));
    fireEvent.click(screen.getByRole('button', { name: 'Faults for online-orders' }));
    expect(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Restore link Checkout → online-orders' })).toBeInTheDocument();
  });
});

describe('on a phone', () => {
  afterEach(() => {
    phone = false;
  });

  it('every node’s switches are listed under the graph, finger-sized, and work like the nodes’ own', async () => {
    phone = true;
    resetStore({ t: 10_000 });
    await renderApp();
    const list = await screen.findByRole('region', { name: 'Fault switches for Checkout publishes order-placed' });
    expect(within(list).getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual([
      'Shoppers',
      'Checkout',
      'online-orders',
      'Order Fulfillment',
      'Inventory',
      'Analytics',
    ]);
    fireEvent.click(within(list).getByRole('button', { name: 'Take Order Fulfillment down' }));
    expect(interventions()).toEqual([{ target: 'fulfillment', kind: 'down', fromMs: 10_000 }]);
    expect(within(list).getByRole('button', { name: 'Bring Order Fulfillment back up' })).toBeInTheDocument();
    fireEvent.click(within(list).getByRole('button', { name: 'Faults for online-orders' }));
    expect(await screen.findByRole('menu', { name: 'Faults for online-orders' })).toBeInTheDocument();
  });

  it('is not there on a wider screen (the graph’s own switches are big enough)', async () => {
    await renderApp();
    expect(screen.queryByRole('region', { name: /^Fault switches for/ })).toBeNull();
  });
});

describe('invariant badges', () => {
  const c1 = findScenario('c1-commit-before-crash')!;
  const lost = findInvariantBreaks(simulate(c1)).find((b) => b.kind === 'lost')!;

  it('appear only once the invariant has broken, on the topic and in the metrics, and jump there', async () => {
    resetStore({ scenarioId: 'c1-commit-before-crash', seed: c1.seed, t: lost.t - 1 });
    await renderApp();
    expect(screen.queryAllByRole('button', { name: /1 lost/ })).toHaveLength(0);

    act(() => useLabStore.getState().setT(lost.t));
    const badges = await screen.findAllByRole('button', { name: /^1 lost in g: jump to \d+\.\d s, where it first broke$/ });
    expect(badges).toHaveLength(2);
    expect(within(screen.getByTestId('node-t')).getByTestId('invariant-g-lost')).toHaveTextContent('⚠ 1 lost');
    expect(within(screen.getByTestId(`metrics-${c1.id}`)).getByTestId('invariant-g-lost')).toBeInTheDocument();

    act(() => {
      useLabStore.getState().setT(9000);
      useLabStore.getState().setPlaying(true);
    });
    fireEvent.click(within(screen.getByTestId(`metrics-${c1.id}`)).getByTestId('invariant-g-lost'));
    expect(useLabStore.getState().t).toBe(lost.t);
    expect(useLabStore.getState().playing).toBe(false);
  });
});

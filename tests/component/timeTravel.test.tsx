// @vitest-environment jsdom
// Time travel, the side pane's tabs and selection across views, driven the way a learner would.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentRuns } from '../../src/state/commands';
import { initialSelectionState } from '../../src/state/selectionSlice';
import { initialLabState, useLabStore } from '../../src/state/store';
import { App } from '../../src/ui/App';
import { nodeStatusAt, worldAt } from '../../src/view/worldAt';

function resetStore(patch: Partial<typeof initialLabState & typeof initialSelectionState> = {}) {
  useLabStore.setState({ ...initialLabState, ...initialSelectionState, scenarioId: 'checkout-pubsub', seed: 42, ...patch });
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

const state = () => useLabStore.getState();
/** Panes other than Metrics are lazy chunks: under a loaded test run they can take over a second. */
const LAZY = { timeout: 8000 };

beforeEach(() => resetStore());
afterEach(() => {
  act(() => state().setPlaying(false));
  cleanup();
});

describe('Step back', () => {
  it('sits beside Step and jumps back to the previous delivery, paused', async () => {
    await renderApp();
    const step = screen.getByRole('button', { name: 'Step' });
    const back = screen.getByRole('button', { name: 'Step back' });
    expect(back).toHaveAttribute('aria-keyshortcuts', 'ArrowLeft');
    fireEvent.click(step);
    const t1 = state().t;
    fireEvent.click(step);
    const t2 = state().t;
    expect(t2).toBeGreaterThan(t1);
    act(() => state().setPlaying(true));
    fireEvent.click(back);
    expect(state().t).toBe(t1);
    expect(state().playing).toBe(false);
    fireEvent.click(back);
    expect(state().t).toBe(0); // nothing landed before the first delivery
    fireEvent.click(back);
    expect(state().t).toBe(0);
  });

  it('← and → step when focus is not in a field, and leave fields alone', async () => {
    await renderApp();
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    const t1 = state().t;
    expect(t1).toBeGreaterThan(0);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(state().t).toBeGreaterThan(t1);
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    expect(state().t).toBe(t1);

    const seed = screen.getByRole('textbox', { name: 'Seed' });
    fireEvent.keyDown(seed, { key: 'ArrowRight' });
    expect(state().t).toBe(t1);
    fireEvent.keyDown(screen.getByRole('slider', { name: 'Timeline' }), { key: 'ArrowLeft' });
    expect(state().t).toBe(t1);
    // The tabs use ←/→ to move between tabs, not the clock.
    fireEvent.keyDown(screen.getAllByRole('tab', { name: 'Metrics' })[0], { key: 'ArrowRight' });
    expect(state().t).toBe(t1);
  });

  it('the Timeline slider scrubs anywhere in the run, both ways', async () => {
    await renderApp();
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    fireEvent.change(slider, { target: { value: '42000' } });
    expect(state().t).toBe(42_000);
    fireEvent.change(slider, { target: { value: '3000' } });
    expect(state().t).toBe(3000);
    expect(screen.getByTestId('time')).toHaveTextContent('3.0 s');
  });
});

describe('a fault toggled at an earlier moment forks the run from there', () => {
  it('scrub to 40 s, back to 20 s, take Fulfillment down: the fault starts at 20 s and the past is unchanged', async () => {
    await renderApp();
    const before = currentRuns()[0];
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    fireEvent.change(slider, { target: { value: '40000' } });
    fireEvent.change(slider, { target: { value: '20000' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Take Order Fulfillment down' }));
    expect(state().interventions).toEqual([{ target: 'fulfillment', kind: 'down', fromMs: 20_000 }]);
    expect(state().t).toBe(20_000);

    const after = currentRuns()[0];
    expect(after).not.toBe(before);
    expect(nodeStatusAt(after.index, 'fulfillment', 19_999)).toBe('up');
    expect(nodeStatusAt(after.index, 'fulfillment', 20_000)).toBe('down');
    // Deterministic engine: every record before the fork is the same as in the run without it.
    const prefix = (records: typeof after.trace.records) => JSON.stringify(records.filter((r) => r.t < 20_000));
    expect(prefix(after.trace.records)).toBe(prefix(before.trace.records));
    expect(after.trace.records.length).not.toBe(before.trace.records.length);
    expect(await screen.findByRole('button', { name: 'Bring Order Fulfillment back up' })).toBeInTheDocument();
  });
});

describe('side pane tabs', () => {
  it('has Metrics | Inspector | Sequence | Log | Charts with one tab stop and arrow keys', async () => {
    resetStore({ t: 20_000 });
    await renderApp();
    const tablist = screen.getByRole('tablist', { name: /Details of/ });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Metrics', 'Inspector', 'Sequence', 'Log', 'Charts']);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(tabs.filter((t) => t.tabIndex === 0)).toEqual([tabs[0]]);
    const panel = screen.getByRole('tabpanel');
    expect(panel).toHaveAttribute('aria-labelledby', tabs[0].id);
    expect(tabs[0]).toHaveAttribute('aria-controls', panel.id);

    fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
    expect(state().paneTab).toBe('inspector');
    expect(document.activeElement).toBe(within(tablist).getByRole('tab', { name: 'Inspector' }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(state().paneTab).toBe('charts');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(state().paneTab).toBe('metrics');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(state().paneTab).toBe('charts');
    expect(await screen.findByRole('img', { name: /Consumer lag per group, over the whole run/ }, LAZY)).toBeInTheDocument();
    fireEvent.click(within(tablist).getByRole('tab', { name: 'Log' }));
    expect(await screen.findByRole('group', { name: 'Offsets of online-orders partition 0' }, LAZY)).toBeInTheDocument();
  });
});

describe('selection across views', () => {
  it('an arrow in the sequence view selects its event; the inspector shows its envelope and data as text', async () => {
    resetStore({ t: 20_000 });
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: 'Sequence' }));
    const arrows = await screen.findAllByRole('button', { name: /^event order-placed o\d+ p\d@\d+, online-orders to Inventory/ }, LAZY);
    fireEvent.click(arrows[arrows.length - 1]);
    const sel = state().selection;
    expect(sel).toMatchObject({ kind: 'event', scenarioId: 'checkout-pubsub' });
    const event = currentRuns()[0].trace.events[sel!.id as number];
    // Announced in text (a polite status region) and every arrow of that event is pressed.
    expect(screen.getByTestId('selection-checkout-pubsub')).toHaveTextContent(`Selected: event order-placed ${event.label} (#${event.id})`);
    expect(screen.getByTestId('selection-checkout-pubsub')).toHaveAttribute('role', 'status');
    const pressed = screen.getAllByRole('button', { pressed: true }).filter((b) => b.getAttribute('data-ref-kind') === 'event');
    expect(pressed.length).toBeGreaterThanOrEqual(3);

    fireEvent.click(screen.getByRole('tab', { name: 'Inspector' }));
    expect(await screen.findByRole('heading', { name: `Event order-placed ${event.label}` }, LAZY)).toBeInTheDocument();
    expect(screen.getByText('1.0')).toBeInTheDocument();
    expect(screen.getByTestId('inspector-data').textContent).toBe(JSON.stringify(event.data, null, 2));
    expect(screen.getByText(/^2026-01-01T00:00:\d\d\.\d{3}Z$/)).toBeInTheDocument();

    // Its command is one click away, and shows status and latency.
    fireEvent.click(screen.getByRole('button', { name: `#${event.cmd}` }));
    expect(state().selection).toMatchObject({ kind: 'command', id: event.cmd });
    expect(await screen.findByTestId('inspector-command-status', {}, LAZY)).toHaveTextContent('succeeded');

    // Escape in the pane clears it.
    fireEvent.keyDown(screen.getByRole('tabpanel'), { key: 'Escape' });
    expect(state().selection).toBeNull();
  });

  it('clicking a token on the graph selects its message and opens the inspector', async () => {
    // A moment with messages in flight.
    const run = currentRuns()[0];
    let t = 20_000;
    while (worldAt(run.index, t).tokens.length === 0) t += 10;
    resetStore({ t });
    await renderApp();
    const layer = screen.getByTestId('token-layer');
    const token = layer.querySelector('[data-ref-kind]');
    expect(token).not.toBeNull();
    fireEvent.click(token!);
    const kind = token!.getAttribute('data-ref-kind');
    expect(state().selection).toMatchObject({ kind, id: Number(token!.getAttribute('data-ref')) });
    expect(state().paneTab).toBe('inspector');
    expect(await screen.findByTestId('inspector-checkout-pubsub', {}, LAZY)).toBeInTheDocument();
    expect(layer.querySelector('.lab-token.is-selected')).not.toBeNull();
    // Clicking it again clears the selection (a toggle).
    fireEvent.click(layer.querySelector('[data-ref-kind]')!);
    expect(state().selection).toBeNull();
  });

  it('an invariant break jumps to where it first broke and selects its event', async () => {
    resetStore({ scenarioId: 'c1-commit-before-crash', seed: 1, t: 10_000, paneTab: 'inspector' });
    await renderApp();
    const jump = await screen.findByRole('button', { name: /^Jump to \d+\.\d{3} s, where g first broke \(lost\), and select the event$/ }, LAZY);
    fireEvent.click(jump);
    expect(state().selection).toMatchObject({ kind: 'event', scenarioId: 'c1-commit-before-crash' });
    expect(state().t).toBeLessThan(10_000);
    expect(await screen.findByRole('heading', { name: /^Event / }, LAZY)).toBeInTheDocument();
  });
});

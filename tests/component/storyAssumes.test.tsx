// @vitest-environment jsdom
// A story step that takes for granted a fault the learner was asked to add (checkout-sync step 2:
// "Fulfillment is down") must not be opened on a run without it: the lab adds the fault as an
// ordinary intervention and says so, and the reveal then agrees with the metrics on screen.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const { initialLabState, useLabStore } = await import('../../src/state/store');
const { initialNarrativeState, useNarrativeStore, nextStep } = await import('../../src/state/narrative');
const { initFromUrl, shareSearch } = await import('../../src/state/urlSync');
const { App } = await import('../../src/ui/App');

const OUTAGE = { target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 };

function reset() {
  useNarrativeStore.setState({ ...initialNarrativeState, answers: {} });
  useLabStore.setState({ ...initialLabState, notices: [] });
}

async function renderApp() {
  await act(async () => {
    render(<App syncUrl={false} />);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

function tick(t: number) {
  act(() => {
    const s = useLabStore.getState();
    s.setSpeed(16);
    while (useLabStore.getState().playing && useLabStore.getState().t < t) s.setT(Math.min(t, useLabStore.getState().t + 1600));
  });
}

const lab = () => useLabStore.getState();

beforeEach(reset);
afterEach(() => {
  act(() => useLabStore.getState().setPlaying(false));
  cleanup();
});

describe('a story step that assumes a fault', () => {
  it('opening checkout-sync step 2 directly adds the outage, says so, and the reveal agrees with the metrics', async () => {
    act(() => initFromUrl('?scenario=checkout-sync&seed=42&step=2'));
    expect(lab().interventions).toEqual([OUTAGE]);
    expect(lab().notices.join(' ')).toMatch(/Step 2 assumes Order Fulfillment is down from 10 s to 30 s: added to your faults\./);
    // Like any fault the learner adds: in the address too.
    expect(shareSearch()).toMatch(/faults=fulfillment%3Adown%3A10-30|faults=fulfillment:down:10-30/);

    await renderApp();
    expect(screen.getByTestId('notices')).toHaveTextContent('Step 2 assumes Order Fulfillment is down');
    const question = screen.getByTestId('narrative-question');
    fireEvent.click(within(question).getByRole('button', { name: /They fail for the shopper, although Checkout committed them/ }));
    tick(20_500);
    expect(lab().t).toBe(20_000);
    expect(screen.getByTestId('narrative-outcome')).toHaveTextContent('You were right.');
    // What the reveal says is what the metrics show: orders fail, and some failed ones were committed.
    const rate = Number(screen.getByTestId('metric-checkout-sync-checkout-successRate').getAttribute('data-value'));
    expect(rate).toBeLessThan(0.85);
    expect(Number(screen.getByTestId('metric-checkout-sync-checkout-committedButFailed').getAttribute('data-value'))).toBeGreaterThan(0);
  });

  it('does not duplicate a fault the learner already added, nor undo one they removed on the step', () => {
    act(() => initFromUrl('?scenario=checkout-sync&seed=42&t=10'));
    // The learner took Fulfillment down when the story paused (and has not brought it back yet).
    const mine = { target: 'fulfillment', kind: 'down' as const, fromMs: 10_000 };
    act(() => lab().setInterventions([mine]));
    act(() => nextStep());
    expect(lab().interventions).toEqual([mine]);
    expect(lab().notices).toEqual([]);
  });

  it('Next from step 1 without the fault adds it; steps that assume nothing add nothing', () => {
    act(() => initFromUrl('?scenario=checkout-sync&seed=42&t=10'));
    expect(lab().interventions).toEqual([]);
    act(() => nextStep());
    expect(useNarrativeStore.getState().index).toBe(1);
    expect(lab().interventions).toEqual([OUTAGE]);
    // The learner removes it while on the step: it stays removed (their experiment).
    act(() => lab().setInterventions([]));
    expect(lab().interventions).toEqual([]);
  });

  it('checkout-pubsub step 2 (the compare counterpart) assumes the same outage; free play adds nothing', () => {
    act(() => initFromUrl('?scenario=checkout-pubsub&seed=42&step=2'));
    expect(lab().interventions).toEqual([OUTAGE]);
    reset();
    act(() => initFromUrl('?scenario=checkout-sync&seed=42&t=20&story=off'));
    expect(lab().interventions).toEqual([]);
  });

  it('a step on a run without the fault it assumes says so and offers to put it back; Reset clears the notice', async () => {
    act(() => initFromUrl('?scenario=checkout-sync&seed=42&step=2'));
    await renderApp();
    expect(screen.queryByTestId('narrative-assumption-missing')).toBeNull();
    // The learner follows step 1's instruction once more: the button now brings Fulfillment back up.
    act(() => lab().setInterventions([]));
    const warning = screen.getByTestId('narrative-assumption-missing');
    expect(warning).toHaveTextContent('This step takes for granted that Order Fulfillment is down from 10 s to 30 s. Your run has no such fault');
    fireEvent.click(within(warning).getByRole('button', { name: 'Put it back' }));
    expect(lab().interventions).toEqual([OUTAGE]);
    expect(screen.queryByTestId('narrative-assumption-missing')).toBeNull();
    expect(lab().notices.length).toBeGreaterThan(0);
    act(() => lab().reset());
    expect(lab().notices).toEqual([]);
  });

  it('an outage that never ends, or ends too early, is not the one the story tells: the step says how it differs and puts it right', async () => {
    act(() => initFromUrl('?scenario=checkout-pubsub&seed=42&step=3&t=45&faults=fulfillment:down:10-'));
    await renderApp();
    // Opened at step 3 (45 s) with Fulfillment still down: the lab adds nothing (the fault overlaps) but says so.
    expect(lab().interventions).toEqual([{ target: 'fulfillment', kind: 'down', fromMs: 10_000 }]);
    const warning = screen.getByTestId('narrative-assumption-missing');
    expect(warning).toHaveTextContent('This step takes for granted that Order Fulfillment is down from 10 s to 30 s; in your run it is down from 10 s and never back up');
    fireEvent.click(within(warning).getByRole('button', { name: 'Use the story’s outage' }));
    expect(lab().interventions).toEqual([OUTAGE]);
    expect(screen.queryByTestId('narrative-assumption-missing')).toBeNull();
    // Ended too early: 10–15 s.
    act(() => lab().setInterventions([{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 15_000 }]));
    expect(screen.getByTestId('narrative-assumption-missing')).toHaveTextContent('in your run it is down from 10 s to 15 s');
  });

  it('while there is still time to bring it back up, an open outage is not flagged', async () => {
    act(() => initFromUrl('?scenario=checkout-pubsub&seed=42&step=2&t=20&faults=fulfillment:down:10-'));
    await renderApp();
    expect(screen.queryByTestId('narrative-assumption-missing')).toBeNull();
    // Brought back up at 30.4 s by hand: close enough.
    act(() => lab().setInterventions([{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_400 }]));
    expect(screen.queryByTestId('narrative-assumption-missing')).toBeNull();
  });
});

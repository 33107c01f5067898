// @vitest-environment jsdom
// The guided story and the scenario list, driven the way a learner would, on fixture stories
// (the built-in scenarios' own steps are tested by the e2e walk).
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NarrativeStep, Scenario } from '../../src/engine/types';

const STEPS: NarrativeStep[] = [
  {
    title: 'Orders arrive',
    text: 'Shoppers place orders.\n\nCheckout validates each one.',
    highlight: ['shoppers', 'checkout', 'shoppers->checkout'],
    atMs: 5000,
  },
  {
    title: 'Fulfillment is called',
    text: 'Checkout POSTs to Fulfillment and waits.',
    highlight: ['fulfillment', 'checkout->fulfillment'],
    atMs: 12_000,
    question: {
      prompt: 'Who waits for Fulfillment?',
      choices: ['Nobody', 'Checkout and the shopper', 'Only Analytics'],
      answer: 1,
      explanation: 'A synchronous call holds the caller until the answer comes back.',
    },
  },
  { title: 'The end', text: 'That was the story.', highlight: [], atMs: 20_000 },
];

const CLOSE_STEPS: NarrativeStep[] = [
  { title: 'First', text: 'The first moment.', highlight: [], atMs: 5000 },
  {
    title: 'Close second',
    text: 'Half a second later.',
    highlight: [],
    atMs: 5500,
    question: { prompt: 'What happens next?', choices: ['This', 'That'], answer: 0, explanation: 'This.' },
  },
  { title: 'Last', text: 'The end.', highlight: [], atMs: 9000 },
];

vi.mock('../../src/scenarios/builtins', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/scenarios/builtins')>();
  const list: Scenario[] = orig.builtinScenarios.map((s) => {
    if (s.id === 'checkout-sync') return { ...s, steps: STEPS, minutes: 5 };
    // Reveal points closer together than one 16× frame (1.6 s): a question between them.
    if (s.id === 'checkout-sync-two-calls') return { ...s, steps: CLOSE_STEPS };
    // A scenario whose texts look like markup: the list must show them as text.
    if (s.id === 'checkout-pubsub') return { ...s, summary: 'Publishes <img src=x onerror="window.__pwned=1"> events', steps: undefined };
    return { ...s, steps: undefined };
  });
  return { ...orig, builtinScenarios: list, findScenario: (id: string) => list.find((s) => s.id === id) };
});

const { initialLabState, useLabStore } = await import('../../src/state/store');
const { initialNarrativeState, useNarrativeStore } = await import('../../src/state/narrative');
const { initNarrativeFromUrl, narrativeSearch } = await import('../../src/state/narrativeUrl');
const { initFromUrl } = await import('../../src/state/urlSync');
const { scenarios } = await import('../../src/state/scenarioRegistry');
const { App } = await import('../../src/ui/App');
const { groupByLesson } = await import('../../src/ui/scenarios/ScenarioList');

function reset(patch: Partial<typeof initialLabState> = {}) {
  useNarrativeStore.setState({ ...initialNarrativeState, answers: {} });
  useLabStore.setState({ ...initialLabState, scenarioId: 'checkout-sync', seed: 42, ...patch });
}

async function renderApp() {
  await act(async () => {
    render(<App syncUrl={false} />);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

/** What the playback loop does: frames of at most 100 ms × speed (16×), until t or a pause. */
function tick(t: number) {
  act(() => {
    const s = useLabStore.getState();
    s.setSpeed(16);
    while (useLabStore.getState().playing && useLabStore.getState().t < t) {
      s.setT(Math.min(t, useLabStore.getState().t + 1600));
    }
  });
}

const lab = () => useLabStore.getState();
const panel = () => screen.getByTestId('narrative');

beforeEach(() => reset());
afterEach(() => {
  act(() => useLabStore.getState().setPlaying(false));
  cleanup();
});

describe('scenario list', () => {
  it('opens from the header, grouped by lesson, with title, summary and minutes', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Scenarios' }));
    // The dialog loads on first open (React.lazy).
    const dialog = await screen.findByRole('dialog', { name: 'Scenarios' });
    const lessons = [...new Set(scenarios.map((s) => s.lesson))];
    const headings = within(dialog).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(lessons);
    // Each lesson's section lists exactly its scenarios, in order.
    for (const lesson of lessons) {
      const section = within(dialog).getByRole('region', { name: lesson });
      const names = within(section).getAllByRole('button').map((b) => b.getAttribute('data-scenario-id'));
      expect(names).toEqual(scenarios.filter((s) => s.lesson === lesson).map((s) => s.id));
    }
    const entry = within(dialog).getByRole('button', { name: 'Checkout with synchronous POSTs' });
    expect(entry).toHaveAttribute('aria-current', 'true');
    expect(entry).toHaveAccessibleDescription(/Checkout commits the order.*about 5 min · 3 steps/);
    // Scenario texts are text: the markup in a summary is shown, not run.
    const pubsub = within(dialog).getByRole('button', { name: 'Checkout publishes order-placed' });
    // The entry (the button is its title; summary and meta sit beside it as its description).
    const card = pubsub.closest('li')!;
    expect(card).toHaveTextContent('Publishes <img src=x onerror="window.__pwned=1"> events');
    expect(dialog.querySelector('img')).toBeNull();
    expect(card).toHaveTextContent('free play');
  });

  it('is keyboard navigable and opens the chosen scenario', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Scenarios' }));
    // The dialog loads on first open (React.lazy).
    const dialog = await screen.findByRole('dialog', { name: 'Scenarios' });
    const current = within(dialog).getByRole('button', { name: 'Checkout with synchronous POSTs' });
    expect(current).toHaveFocus();
    fireEvent.keyDown(current, { key: 'ArrowDown' });
    // The list's order: lessons in order of first appearance, each lesson's scenarios in turn.
    const ids = groupByLesson(scenarios).flatMap((g) => g.scenarios.map((s) => s.id));
    const after = ids[ids.indexOf('checkout-sync') + 1];
    expect(document.activeElement?.getAttribute('data-scenario-id')).toBe(after);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(current).toHaveFocus();
    const next = within(dialog).getByRole('button', { name: 'Checkout publishes order-placed' });
    fireEvent.keyDown(next, { key: 'End' });
    expect(document.activeElement?.getAttribute('data-scenario-id')).toBe(ids[ids.length - 1]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement?.getAttribute('data-scenario-id')).toBe(ids[0]);
    fireEvent.click(next);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(lab().scenarioId).toBe('checkout-pubsub');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Scenarios' })).toHaveFocus();
    // The select keeps its name and agrees.
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue('checkout-pubsub');
  });

  it('Escape closes it', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Scenarios' }));
    fireEvent.keyDown(await screen.findByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('guided story', () => {
  it('shows step n of N with its text and highlights, Previous disabled at the start', async () => {
    await renderApp();
    expect(within(panel()).getByText('Step 1 of 3')).toBeInTheDocument();
    expect(within(panel()).getByRole('heading', { level: 2, name: 'Orders arrive' })).toBeInTheDocument();
    expect(within(panel()).getByText('Checkout validates each one.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous step' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Next step' })).not.toHaveAttribute('aria-disabled');
    // Highlights in words, and on the graph's nodes (class + a description pointing at the words).
    const note = document.getElementById('narrative-highlight-note')!;
    expect(note).toHaveTextContent('Highlighted in the graph: Shoppers, Checkout, the link Shoppers → Checkout');
    const node = screen.getByTestId('rf__node-checkout');
    expect(node).toHaveClass('lab-hl');
    expect(node).toHaveAttribute('aria-describedby', 'narrative-highlight-note');
    expect(screen.getByTestId('rf__node-fulfillment')).not.toHaveClass('lab-hl');
  });

  it('pauses at the reveal point while playing', async () => {
    await renderApp();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Continue' }));
    expect(lab().playing).toBe(true);
    tick(3000);
    expect(lab().playing).toBe(true);
    tick(5400); // a frame that overshoots the reveal point
    expect(lab().t).toBe(5000);
    expect(lab().playing).toBe(false);
    expect(panel()).toHaveAttribute('data-revealed', 'true');
    expect(within(panel()).getByText(/Paused at 5\.0 s/)).toBeInTheDocument();
  });

  it('a seek while playing (the timeline dragged) does not stop at the reveal points it passes', async () => {
    await renderApp();
    act(() => lab().setPlaying(true));
    act(() => lab().setT(15_000));
    expect(lab().playing).toBe(true);
    expect(within(panel()).getByText('Step 2 of 3')).toBeInTheDocument(); // the last reveal passed
    expect(panel()).toHaveAttribute('data-revealed', 'true');
  });

  it('Next and Previous move through the steps and time', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    expect(within(panel()).getByText('Step 2 of 3')).toBeInTheDocument();
    // Next jumps to the end of step 1's moment; step 2 asks first, so playback waits for an answer.
    expect(lab().t).toBe(5000);
    expect(lab().playing).toBe(false);
    expect(screen.getByTestId('rf__node-fulfillment')).toHaveClass('lab-hl');
    expect(screen.getByTestId('rf__node-checkout')).not.toHaveClass('lab-hl');

    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    expect(within(panel()).getByText('Step 3 of 3')).toBeInTheDocument();
    expect(lab().t).toBe(12_000);
    expect(lab().playing).toBe(true); // no question: plays on to the next reveal point
    expect(screen.getByRole('button', { name: 'Next step' })).toHaveAttribute('aria-disabled', 'true');

    fireEvent.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(within(panel()).getByText('Step 2 of 3')).toBeInTheDocument();
    expect(lab().t).toBe(12_000); // back to step 2's moment, revealed
    expect(lab().playing).toBe(false);
    expect(screen.getByTestId('narrative-reveal')).toBeInTheDocument();
    expect(screen.getByTestId('narrative-outcome')).toHaveTextContent('You did not make a prediction.');
  });

  it('a question is answered before its reveal point and revealed at atMs', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    const question = screen.getByTestId('narrative-question');
    expect(within(question).getByText('Who waits for Fulfillment?')).toBeInTheDocument();
    expect(screen.queryByTestId('narrative-reveal')).toBeNull();
    expect(within(question).getByRole('button', { name: 'Skip' })).toBeInTheDocument();

    fireEvent.click(within(question).getByRole('button', { name: /Checkout and the shopper/ }));
    expect(lab().playing).toBe(true); // the learner answered: playback continues
    expect(within(question).getByRole('button', { name: /Checkout and the shopper/ })).toHaveAttribute('aria-pressed', 'true');
    expect(within(question).queryByRole('button', { name: 'Skip' })).toBeNull();
    expect(screen.queryByTestId('narrative-reveal')).toBeNull(); // not yet: t < atMs

    tick(9000);
    expect(screen.queryByTestId('narrative-reveal')).toBeNull();
    tick(12_300);
    expect(lab().t).toBe(12_000);
    expect(lab().playing).toBe(false);
    const reveal = screen.getByTestId('narrative-reveal');
    expect(reveal).toHaveTextContent('Answer: Checkout and the shopper');
    expect(screen.getByTestId('narrative-outcome')).toHaveTextContent('Your prediction: Checkout and the shopper. You were right.');
    expect(reveal).toHaveTextContent('A synchronous call holds the caller until the answer comes back.');
    expect(within(question).getByRole('button', { name: /Checkout and the shopper/ })).toHaveTextContent('correct answer');
  });

  it('playing on after Previous (pressed while playing) stops where the next step asks: its question is not skipped', async () => {
    await renderApp();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Continue' }));
    tick(3000);
    expect(lab().playing).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next step' })); // while playing: step 2 asks, so it waits
    expect(lab()).toMatchObject({ t: 5000, playing: false });
    fireEvent.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(within(panel()).getByText('Step 1 of 3')).toBeInTheDocument();
    expect(panel()).toHaveAttribute('data-revealed', 'true');

    // Play (not Next) plays on into step 2, whose question waits: playback pauses at its start.
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    tick(8000);
    expect(lab()).toMatchObject({ t: 5000, playing: false });
    expect(within(panel()).getByText('Step 2 of 3')).toBeInTheDocument();
    expect(panel()).toHaveAttribute('data-revealed', 'false');
    expect(within(screen.getByTestId('narrative-question')).getByRole('button', { name: 'Skip' })).toBeInTheDocument();
    expect(screen.queryByTestId('narrative-reveal')).toBeNull();

    // Not a trap: Play again is a deliberate choice, and playback stops at the reveal point as ever.
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    tick(12_300);
    expect(lab()).toMatchObject({ t: 12_000, playing: false });
    expect(screen.getByTestId('narrative-outcome')).toHaveTextContent('You did not make a prediction.');
  });

  it('a step=N link on a revealed step, then Play: the next question is asked before its reveal', async () => {
    initFromUrl('?scenario=checkout-sync&seed=42&t=6&step=1');
    await renderApp();
    expect(within(panel()).getByText('Step 1 of 3')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    tick(9000);
    expect(lab()).toMatchObject({ t: 6000, playing: false });
    expect(within(panel()).getByText('Step 2 of 3')).toBeInTheDocument();
    expect(screen.getByTestId('narrative-question')).toBeInTheDocument();
    expect(screen.queryByTestId('narrative-reveal')).toBeNull();
  });

  it('a question whose reveal point is less than a frame away is still asked before it is revealed', async () => {
    reset({ scenarioId: 'checkout-sync-two-calls' });
    await renderApp();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Continue' }));
    tick(5400);
    expect(lab()).toMatchObject({ t: 5000, playing: false }); // step 1's reveal point
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    tick(6600); // one 16× frame would cross both 5 s (left behind) and 5.5 s (step 2's reveal)
    expect(lab()).toMatchObject({ t: 5000, playing: false });
    expect(within(panel()).getByText('Step 2 of 3')).toBeInTheDocument();
    expect(panel()).toHaveAttribute('data-revealed', 'false');
    fireEvent.click(within(screen.getByTestId('narrative-question')).getByRole('button', { name: /This/ }));
    expect(lab().playing).toBe(true);
    tick(6600);
    expect(lab()).toMatchObject({ t: 5500, playing: false });
    expect(screen.getByTestId('narrative-outcome')).toHaveTextContent('Your prediction: This. You were right.');
  });

  it('Skip, then the reveal says it was skipped', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(lab().playing).toBe(true);
    tick(12_000);
    expect(screen.getByTestId('narrative-outcome')).toHaveTextContent('You skipped this prediction.');
  });

  it('scrubbing keeps the story consistent: past a reveal point reveals it, back sets the scene again', async () => {
    await renderApp();
    act(() => lab().setT(13_000));
    expect(within(panel()).getByText('Step 2 of 3')).toBeInTheDocument();
    expect(panel()).toHaveAttribute('data-revealed', 'true');
    act(() => lab().setT(3000));
    expect(within(panel()).getByText('Step 1 of 3')).toBeInTheDocument();
    expect(panel()).toHaveAttribute('data-revealed', 'false');
    act(() => lab().setT(25_000));
    expect(within(panel()).getByText('Step 3 of 3')).toBeInTheDocument();
    expect(within(panel()).getByText(/End of the story/)).toBeInTheDocument();
  });

  it('step changes and reveals are announced in the live region', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 500)); // the clock moved: story and world in one message
    });
    expect(screen.getByTestId('live-region')).toHaveTextContent(/^Step 2 of 3: Fulfillment is called\. Predict: Who waits for Fulfillment\? .*5\.0 s/);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    tick(12_500);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 500)); // the announcer settles after a pause
    });
    expect(screen.getByTestId('live-region')).toHaveTextContent(/Step 2, Fulfillment is called: paused at 12\.0 s\. Answer: Checkout and the shopper\./);
  });

  it('Hide the story: free play, no pause at reveal points, no highlights', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Hide the story' }));
    expect(screen.queryByRole('button', { name: 'Next step' })).toBeNull();
    expect(screen.getByTestId('rf__node-checkout')).not.toHaveClass('lab-hl');
    act(() => lab().setPlaying(true));
    tick(1000);
    tick(6000);
    expect(lab().playing).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Show the story' }));
    expect(screen.getByRole('button', { name: 'Next step' })).toBeInTheDocument();
  });

  it('Collapse the story: one line with the step and Previous / Next, still guided; Expand brings the text back', async () => {
    await renderApp();
    const fold = screen.getByRole('button', { name: 'Collapse the story' });
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    fireEvent.click(fold);
    const expand = screen.getByRole('button', { name: 'Expand the story' });
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    expect(panel()).toHaveClass('lab-narrative--folded');
    expect(screen.getByRole('heading', { name: 'Orders arrive' })).toBeInTheDocument();
    expect(screen.getByText('Shoppers place orders.')).not.toBeVisible();
    // Still guided: Next moves on, and playback stops at the reveal point.
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    expect(within(panel()).getByText('Step 2 of 3')).toBeInTheDocument();
    // A prediction waits: the band says so (the question itself is in the folded part).
    expect(within(panel()).getAllByText('Predict').filter((e) => (e as HTMLElement).closest('[hidden]') === null)).toHaveLength(1);
    fireEvent.click(expand);
    expect(screen.getByRole('button', { name: 'Collapse the story' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Checkout POSTs to Fulfillment and waits.')).toBeVisible();
  });

  it('a scenario without steps shows no story panel', async () => {
    reset({ scenarioId: 'checkout-pubsub' });
    await renderApp();
    expect(screen.queryByTestId('narrative')).toBeNull();
  });

  it('works in the compare view: the story is the left scenario’s, highlights on both sides', async () => {
    reset({ view: 'compare' });
    await renderApp();
    expect(within(panel()).getByText('Step 1 of 3')).toBeInTheDocument();
    const highlighted = screen.getAllByTestId('rf__node-checkout');
    expect(highlighted).toHaveLength(2);
    for (const n of highlighted) expect(n).toHaveClass('lab-hl');
  });
});

describe('step in the URL', () => {
  it('round-trips: step=N opens step N, and the address says step=N', () => {
    initFromUrl('?scenario=checkout-sync&seed=42&t=6&step=2');
    expect(useNarrativeStore.getState().index).toBe(1);
    expect(lab().t).toBe(6000);
    expect(narrativeSearch(lab())).toBe('&step=2');
    expect(lab().notices).toEqual([]);
  });

  it('a step without a time opens at the start of the step', () => {
    initFromUrl('?scenario=checkout-sync&step=3');
    expect(useNarrativeStore.getState().index).toBe(2);
    expect(lab().t).toBe(12_000);
  });

  it('without step, t says where the story is', () => {
    initFromUrl('?scenario=checkout-sync&t=13');
    expect(useNarrativeStore.getState().index).toBe(1);
    expect(narrativeSearch(lab())).toBe('&step=2');
  });

  it('bad values fall back with a notice in words', () => {
    initFromUrl('?scenario=checkout-sync&step=nine');
    expect(useNarrativeStore.getState().index).toBe(0);
    expect(lab().notices.join(' ')).toMatch(/Step “nine” is not a step number from 1 to 3: showing step 1\./);
    reset();
    initFromUrl('?scenario=checkout-sync&step=7');
    expect(useNarrativeStore.getState().index).toBe(2);
    expect(lab().notices.join(' ')).toMatch(/Step “7” is past the last step of this story \(3\): showing step 3\./);
    reset();
    expect(initNarrativeFromUrl('?step=0')).toHaveLength(1);
    reset({ scenarioId: 'checkout-pubsub' });
    expect(initNarrativeFromUrl('?scenario=checkout-pubsub&step=2')[0]).toMatch(/has no guided story/);
  });

  it('story=off is free play, and stays in the address', () => {
    initFromUrl('?scenario=checkout-sync&story=off');
    expect(useNarrativeStore.getState().guided).toBe(false);
    expect(narrativeSearch(lab())).toBe('&story=off');
  });

  it('the address follows Next in the running app', async () => {
    window.history.replaceState(null, '', '/?scenario=checkout-sync&seed=42&t=0');
    initFromUrl(window.location.search);
    await act(async () => {
      render(<App />);
    });
    expect(new URL(window.location.href).searchParams.get('step')).toBe('1');
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    expect(new URL(window.location.href).searchParams.get('step')).toBe('2');
    expect(new URL(window.location.href).searchParams.get('t')).toBe('5');
    // A reload opens the same step.
    const shared = window.location.search;
    cleanup();
    reset();
    initFromUrl(shared);
    expect(useNarrativeStore.getState().index).toBe(1);
    expect(lab().t).toBe(5000);
  });
});

// @vitest-environment jsdom
// The built-in stories' English words arrive in a lazy chunk in the browser build
// (src/scenarios/translations/storyTexts.ts). Here a built-in comes as the build ships it, words
// blank, and the chunk is held back or fails: the story panel never shows an empty step, says what
// is happening, and shows the story as soon as the words are in.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NarrativeStep, Scenario } from '../../src/engine/types';

const STEPS: NarrativeStep[] = [
  { title: 'Orders arrive', text: 'Shoppers place orders.', highlight: ['checkout'], atMs: 5000 },
  {
    title: 'Fulfillment is called',
    text: 'Checkout POSTs to Fulfillment and waits.',
    highlight: ['fulfillment'],
    atMs: 12_000,
    question: { prompt: 'Who waits?', choices: ['Nobody', 'Checkout'], answer: 1, explanation: 'A synchronous call holds the caller.' },
  },
];

vi.mock('../../src/scenarios/builtins', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/scenarios/builtins')>();
  const list: Scenario[] = orig.builtinScenarios.map((s) => {
    if (s.id !== 'checkout-sync') return { ...s, steps: undefined };
    // As the browser build ships it: the structure without the words.
    const steps = STEPS.map((st) => ({ ...st, title: '', text: '', question: st.question && { ...st.question, prompt: '', choices: [], explanation: '' } }));
    return { ...s, steps };
  });
  return { ...orig, builtinScenarios: list, findScenario: (id: string) => list.find((s) => s.id === id) };
});

// The lazy chunk, under the test's control: it fails first, then waits to be let through.
const chunk = vi.hoisted(() => {
  let release: () => void = () => {};
  return { fail: true, gate: new Promise<void>((r) => (release = () => r())), release: () => release() };
});
vi.mock('../../src/scenarios/translations/storyTexts.en', async () => {
  if (chunk.fail) throw new Error('Failed to fetch dynamically imported module');
  await chunk.gate;
  const table = { 'checkout-sync': STEPS.map(({ title, text, question: q }) => ({ title, text, question: q && { prompt: q.prompt, choices: q.choices, explanation: q.explanation } })) };
  return { default: table };
});

const { initialLabState, useLabStore } = await import('../../src/state/store');
const { initialNarrativeState, useNarrativeStore } = await import('../../src/state/narrative');
const { loadStoryTexts, storyTextsMissing } = await import('../../src/scenarios/translations/storyTexts');
const { getScenario } = await import('../../src/state/scenarioRegistry');
const { App } = await import('../../src/ui/App');

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

afterEach(() => cleanup());

describe('story texts from a lazy chunk', () => {
  it('says the story could not load, says it is loading when tried again, then shows it', async () => {
    useNarrativeStore.setState({ ...initialNarrativeState, answers: {} });
    useLabStore.setState({ ...initialLabState, scenarioId: 'checkout-sync', seed: 42 });
    expect(storyTextsMissing(getScenario('checkout-sync'))).toBe(true);
    // The boot's fetch fails (offline, say), and so does the panel's try when it mounts.
    await expect(loadStoryTexts()).rejects.toThrow();
    await act(async () => {
      render(<App syncUrl={false} />);
    });
    await flush();
    const panel = () => screen.getByTestId('narrative');
    expect(panel()).toHaveTextContent(/^The story could not be loaded \(.+\)\. Check the connection, then reload the page\.$/);
    expect(panel()).toHaveAttribute('aria-busy', 'false');
    expect(screen.queryByTestId('narrative-count')).toBeNull();
    // Tried again (opening another scenario does that): it says so, never an empty step.
    chunk.fail = false;
    let loaded: Promise<void> = Promise.resolve();
    act(() => {
      loaded = loadStoryTexts();
    });
    expect(panel()).toHaveTextContent('Loading the story…');
    expect(panel()).toHaveAttribute('aria-busy', 'true');
    expect(within(panel()).getByRole('status')).toHaveTextContent('Loading the story…');
    expect(screen.queryByTestId('narrative-count')).toBeNull();
    chunk.release();
    await act(async () => loaded);
    await flush();
    expect(storyTextsMissing(getScenario('checkout-sync'))).toBe(false);
    expect(screen.getByTestId('narrative-count')).toHaveTextContent('Step 1 of 2');
    expect(screen.getByRole('heading', { name: 'Orders arrive' })).toBeInTheDocument();
    expect(screen.getByTestId('narrative')).toHaveTextContent('Shoppers place orders.');
  });
});

// @vitest-environment jsdom
// Workshop features driven the way a facilitator would: the keyboard shortcuts and their `?`
// cheat sheet (one table for both), presenter mode, the embed chrome, the share dialog, opening a
// scenario file (good and bad), and hostile text staying text.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCustomScenarioStore } from '../../src/state/customScenario';
import { initialNarrativeState, useNarrativeStore } from '../../src/state/narrative';
import { initialLabState, useLabStore } from '../../src/state/store';
import { initialWorkshopState, useWorkshopStore, type WorkshopState } from '../../src/state/workshop';
import { App } from '../../src/ui/App';
import { NoticeBanner } from '../../src/ui/NoticeBanner';
import { shortcutLabels } from '../../src/ui/share/lazyStrings';
import { SHORTCUTS } from '../../src/ui/shortcuts/shortcutTable';
import { openScenarioFile } from '../../src/workshop/openScenarioFile';

function reset(workshop: Partial<WorkshopState> = {}) {
  useNarrativeStore.setState({ ...initialNarrativeState, answers: {} });
  useLabStore.setState({ ...initialLabState, scenarioId: 'checkout-sync', seed: 42, notices: [] });
  useWorkshopStore.setState({ ...initialWorkshopState, ...workshop });
  useCustomScenarioStore.setState({ scenario: null, json: null, encoded: null, source: '' });
}

async function renderApp() {
  await act(async () => {
    render(<App syncUrl={false} />);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

beforeEach(() => reset());
afterEach(() => {
  act(() => useLabStore.getState().setPlaying(false));
  cleanup();
  document.documentElement.classList.remove('lab-present');
});

describe('keyboard shortcuts', () => {
  it('Shift+/ opens the cheat sheet, which lists every shortcut of the table; Escape closes it', async () => {
    await renderApp();
    const opener = screen.getByRole('button', { name: /Keyboard shortcuts/ });
    opener.focus();
    press('?', { shiftKey: true }, opener);
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(sheet).getAllByRole('row').filter((r) => r.hasAttribute('data-shortcut'));
    expect(rows.map((r) => r.getAttribute('data-shortcut'))).toEqual(SHORTCUTS.map((s) => s.id));
    for (const s of SHORTCUTS) expect(within(sheet).getByText(shortcutLabels[s.id])).toBeInTheDocument();
    expect(within(sheet).getByText('Page Down')).toBeInTheDocument();
    expect(within(sheet).getByText('Shift+R')).toBeInTheDocument();
    // While it is open, the lab's shortcuts are off.
    press(' ', {}, sheet);
    expect(useLabStore.getState().playing).toBe(false);
    fireEvent.keyDown(sheet, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull());
    expect(useWorkshopStore.getState().dialog).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('performs the table: play, step, speed, story steps, compare, presenter, reset', async () => {
    await renderApp();
    press(' ');
    expect(useLabStore.getState().playing).toBe(true);
    press(' ');
    expect(useLabStore.getState().playing).toBe(false);

    press('ArrowRight');
    const t1 = useLabStore.getState().t;
    expect(t1).toBeGreaterThan(0);
    press('ArrowLeft');
    expect(useLabStore.getState().t).toBeLessThan(t1);

    press('+', { shiftKey: true });
    expect(useLabStore.getState().speed).toBe(2);
    press('=');
    expect(useLabStore.getState().speed).toBe(4);
    press('-');
    press('-');
    press('-');
    expect(useLabStore.getState().speed).toBe(0.5);

    const step = useNarrativeStore.getState().index;
    press('PageDown');
    expect(useNarrativeStore.getState().index).toBe(step + 1);
    press('p');
    expect(useNarrativeStore.getState().index).toBe(step);

    press('c');
    expect(useLabStore.getState().view).toBe('compare');
    press('c');
    expect(useLabStore.getState().view).toBe('single');

    press('f');
    expect(useWorkshopStore.getState().present).toBe(true);
    expect(document.documentElement).toHaveClass('lab-present');
    expect(document.querySelector('.lab-app')).toHaveClass('lab-app--present');
    press('f');
    expect(document.documentElement).not.toHaveClass('lab-present');

    act(() => useLabStore.getState().setInterventions([{ target: 'fulfillment', kind: 'down', fromMs: 0 }]));
    press('r'); // plain r is not reset: it would lose faults by accident
    expect(useLabStore.getState().interventions).toHaveLength(1);
    press('R', { shiftKey: true });
    expect(useLabStore.getState().interventions).toHaveLength(0);
    expect(useLabStore.getState().t).toBe(0);

    press('o');
    expect(useWorkshopStore.getState().dialog).toBe('scenarios');
    expect(await screen.findByTestId('scenario-list')).toBeInTheDocument();
  });

  it('leaves typing, browser shortcuts and focused buttons alone', async () => {
    await renderApp();
    const seed = screen.getByRole('textbox', { name: /Seed/ });
    press('f', {}, seed);
    press(' ', {}, seed);
    expect(useWorkshopStore.getState().present).toBe(false);
    expect(useLabStore.getState().playing).toBe(false);
    press('s', { ctrlKey: true });
    press('c', { metaKey: true });
    expect(useWorkshopStore.getState().dialog).toBeNull();
    expect(useLabStore.getState().view).toBe('single');
    // Space on a focused button presses that button, not play.
    const reset = screen.getByRole('button', { name: 'Reset' });
    press(' ', {}, reset);
    expect(useLabStore.getState().playing).toBe(false);
    // Held keys repeat stepping, not toggles.
    press('f', { repeat: true });
    expect(useWorkshopStore.getState().present).toBe(false);
  });
});

describe('Workshop menu', () => {
  it('offers every workshop action with its shortcut, and Share link shows this moment’s address', async () => {
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    act(() => useLabStore.setState({ t: 12_300, speed: 4, interventions: [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }] }));
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: /Workshop/ }));
    const list = await screen.findByRole('list', { name: 'Workshop tools' });
    const names = within(list)
      .getAllByRole('button')
      .map((b) => b.getAttribute('data-action'));
    expect(names).toEqual(['share', 'embed', 'openFile', 'present', 'audience', 'help']);
    fireEvent.click(within(list).getByRole('button', { name: /Share link/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Share link' });
    const field = within(dialog).getByTestId('share-url') as HTMLInputElement;
    const url = new URL(field.value);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ scenario: 'checkout-sync', seed: '42', t: '12.3', speed: '4', faults: 'fulfillment:down:10-30' });
    await waitFor(() => expect(within(dialog).getByTestId('copy-status')).toHaveTextContent('Copied'));
    expect(copied).toBe(field.value);
  });

  it('falls back to selecting the link when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('denied')) } });
    await renderApp();
    act(() => useWorkshopStore.setState({ dialog: 'share' }));
    const dialog = await screen.findByRole('dialog', { name: 'Share link' });
    await waitFor(() => expect(within(dialog).getByTestId('copy-status')).toHaveTextContent(/press Ctrl\+C/));
    const field = within(dialog).getByTestId('share-url') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    expect(field.selectionEnd! - field.selectionStart!).toBe(field.value.length);
  });

  it('makes embed code: an escaped iframe with a title, size, and the embed parameters', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => {} } });
    await renderApp();
    act(() => useWorkshopStore.setState({ dialog: 'embed' }));
    const dialog = await screen.findByRole('dialog', { name: 'Embed in a page' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Show Play/ }));
    fireEvent.change(within(dialog).getByTestId('embed-origins'), { target: { value: 'https://slides.example.org, not an origin' } });
    const code = (within(dialog).getByTestId('embed-code') as HTMLTextAreaElement).value;
    expect(code).toMatch(/^<iframe src="[^"]+" title="Commands &amp; Events Lab: Checkout with synchronous POSTs" width="800" height="500" /);
    const src = new URL(code.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&'));
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('controls')).toBe('0');
    expect(src.searchParams.get('origins')).toBe('https://slides.example.org');
    expect(within(dialog).getByText(/Not an origin/)).toHaveTextContent('not an origin');
    expect(code).not.toContain('allow=');
  });
});

describe('embed chrome (?embed=1)', () => {
  it('shows the graph, the story and Play / Step, without header, menus or side pane', async () => {
    reset({ embed: true });
    await renderApp();
    await screen.findByTestId('embed'); // a lazy chunk: only embeds load it
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.queryByRole('button', { name: /Workshop/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Scenarios/ })).toBeNull();
    expect(screen.queryByRole('contentinfo')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveClass('sr-only');
    const controls = screen.getByRole('group', { name: 'Playback' });
    expect(within(controls).getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(within(controls).getByRole('button', { name: 'Step' })).toBeInTheDocument();
    expect(within(controls).getByRole('button', { name: 'Step back' })).toBeInTheDocument();
    expect(within(controls).getByRole('slider', { name: 'Timeline' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /Scenario/ })).toBeNull();
    expect(screen.getByTestId('narrative')).toBeInTheDocument();
    expect(screen.getByTestId('graph-checkout-sync')).toBeInTheDocument();
    const open = within(controls).getByRole('link', { name: /Open in the lab/ });
    expect(open).toHaveAttribute('target', '_blank');
    expect(open.getAttribute('href')).not.toContain('embed=1');
    // Space and arrows still play and step; workshop keys do nothing here.
    press(' ');
    expect(useLabStore.getState().playing).toBe(true);
    press('f');
    press('s');
    expect(useWorkshopStore.getState()).toMatchObject({ present: false, dialog: null });
  });

  it('controls=0 hides the controls (a host page drives it)', async () => {
    reset({ embed: true, controls: false });
    await renderApp();
    await screen.findByTestId('embed');
    expect(screen.queryByRole('group', { name: 'Playback' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
    expect(screen.getByTestId('narrative')).toBeInTheDocument();
  });
});

describe('scenario files', () => {
  const good = {
    id: 'my-lab',
    title: 'My lab',
    nodes: [
      { kind: 'client', id: 'c', target: 's', command: 'do' },
      { kind: 'service', id: 's', endpoints: [{ name: 'do' }] },
    ],
    workload: [{ kind: 'poisson', client: 'c', ratePerSec: 1 }],
  };

  it('a bad file names file, line and path, and nothing of the learner’s is lost', async () => {
    const faults = [{ target: 'fulfillment', kind: 'down' as const, fromMs: 5000 }];
    act(() => useLabStore.setState({ scenarioId: 'checkout-pubsub', t: 17_000, interventions: faults }));
    await renderApp();
    const text = '{\n  "id": "broken",\n  "nodes": [\n    { "kind": "topic", "id": "t", "partitions": 0 }\n  ]\n}';
    let ok = true;
    await act(async () => {
      ok = await openScenarioFile(new File([text], 'broken.json', { type: 'application/json' }));
    });
    expect(ok).toBe(false);
    const alert = screen.getByTestId('notices');
    expect(alert).toHaveTextContent('“broken.json” is not a scenario the lab can open (1 problem)');
    expect(alert).toHaveTextContent('broken.json:4: nodes[0].partitions: must be at least 1, found 0');
    expect(useLabStore.getState()).toMatchObject({ scenarioId: 'checkout-pubsub', t: 17_000, interventions: faults });
    expect(useCustomScenarioStore.getState().scenario).toBeNull();

    await act(async () => {
      await openScenarioFile(new File(['{ "id": "x", '], 'cut.json'));
    });
    expect(screen.getByTestId('notices')).toHaveTextContent(/cut\.json:1: not valid JSON/);
    expect(useLabStore.getState().scenarioId).toBe('checkout-pubsub');
  });

  it('a good file opens as the custom scenario, listed with the others', async () => {
    await renderApp();
    await act(async () => {
      await openScenarioFile(new File([JSON.stringify(good, null, 2)], 'my-lab.json'));
    });
    expect(useLabStore.getState().scenarioId).toBe('my-lab');
    expect(screen.getByTestId('graph-my-lab')).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: /Scenario/ }) as HTMLSelectElement;
    expect(select.value).toBe('my-lab');
    expect(within(select).getByRole('option', { name: 'My lab' })).toBeInTheDocument();
    await waitFor(() => expect(useCustomScenarioStore.getState().encoded).toMatch(/^[A-Za-z0-9_-]+$/));
  });
});

describe('hostile text', () => {
  it('notices from a link or a file are rendered as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    act(() => useLabStore.getState().addNotice(`shared link:1: id: '${hostile}' is not a valid id`));
    const { container } = render(<NoticeBanner />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByTestId('notices')).toHaveTextContent(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('a custom scenario’s title and texts stay text in the list, the graph and the embed code', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => {} } });
    const title = '<img src=x onerror="window.__pwned=1">';
    await renderApp();
    await act(async () => {
      await openScenarioFile(
        new File(
          [
            JSON.stringify({
              id: 'evil',
              title,
              summary: title,
              nodes: [{ kind: 'service', id: 's', label: title }],
            }),
          ],
          'evil.json',
        ),
      );
    });
    expect(useLabStore.getState().scenarioId).toBe('evil');
    expect(document.querySelector('.lab-app img')).toBeNull();
    act(() => useWorkshopStore.setState({ dialog: 'embed' }));
    const dialog = await screen.findByRole('dialog', { name: 'Embed in a page' });
    // The embed code is computed after the dialog opens (lazy strings): wait for it rather than racing it.
    await waitFor(() =>
      expect((within(dialog).getByTestId('embed-code') as HTMLTextAreaElement).value).toContain(
        'title="Commands &amp; Events Lab: &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;"',
      ),
    );
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

// Time travel and the detail panes in a real browser: scrub with the Timeline slider, Step back
// (button and ←), select a message in the sequence view and on the graph and read it in the
// inspector, export the trace (valid JSON) and the Mermaid diagram; then screenshots of every pane
// at 1280×720 light and dark and at 390 px wide.
import assert from 'node:assert/strict';
import fs from 'node:fs';

const OUTAGE = 'fulfillment:down:10-30';
const PUBSUB = `?scenario=checkout-pubsub&seed=42&faults=${OUTAGE}`;

/** Virtual time shown by the page, in ms. */
const timeMs = async (page) => Number(await page.getByTestId('time').getAttribute('data-ms'));

async function open(page, baseUrl, query, { width = 1280, height = 720, scheme = 'light' } = {}) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width, height });
  await page.goto(`${baseUrl}${query}`, { waitUntil: 'load' });
  await page.getByRole('slider', { name: 'Timeline' }).waitFor();
  // The guided story (when a scenario has one) is not what these tests are about.
  const hide = page.getByRole('button', { name: 'Hide the story' });
  if (await hide.count()) await hide.first().click();
}

async function tab(page, name) {
  await page.getByRole('tab', { name, exact: true }).first().click();
}

async function download(page, buttonName) {
  await page.locator('.lab-pane__export summary').first().click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName, exact: true }).first().click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

export const tests = [
  {
    name: 'timetravel: scrub, step back, select in sequence and graph, inspect, export',
    timeoutMs: 90_000,
    run: async ({ page, baseUrl, screenshot }) => {
      await open(page, baseUrl, PUBSUB);

      // Scrub to the middle of the outage with the slider.
      const slider = page.getByRole('slider', { name: 'Timeline' });
      await slider.fill('20000');
      assert.equal(await timeMs(page), 20_000);
      assert.equal(await page.getByTestId('time').textContent(), '20.0 s');

      // Step forward, then back: the clock returns to the previous delivery, before where Step went.
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      const forward = await timeMs(page);
      assert.ok(forward > 20_000, `Step went to ${forward}`);
      await page.getByRole('button', { name: 'Step back', exact: true }).click();
      const back = await timeMs(page);
      assert.ok(back < forward && back <= 20_000, `Step back went to ${back} (from ${forward})`);
      // ← does the same from the keyboard (focus on the page, not in a field).
      await page.locator('h1').click();
      await page.keyboard.press('ArrowLeft');
      assert.ok((await timeMs(page)) < back, 'ArrowLeft stepped back');
      await page.keyboard.press('ArrowRight');
      assert.equal(await timeMs(page), back, 'ArrowRight stepped forward again');
      await slider.fill('20000');
      await screenshot('timetravel-timeline-1280-light');

      // Select an event from the sequence view.
      await tab(page, 'Sequence');
      const seq = page.getByTestId('sequence-checkout-pubsub');
      await seq.waitFor();
      const arrow = seq.locator('[data-ref-kind="event"]').last();
      const arrowName = await arrow.getAttribute('aria-label');
      assert.match(arrowName ?? '', /^(event|ack) /);
      await arrow.locator('.lab-seq__hit').click();
      const status = page.getByTestId('selection-checkout-pubsub');
      await status.filter({ hasText: /^Selected: event order-placed o\d+ \(#\d+\)$/ }).waitFor();
      assert.equal(await arrow.getAttribute('aria-pressed'), 'true');
      await screenshot('timetravel-sequence-selected-1280-light');

      // The inspector shows its envelope and payload.
      await tab(page, 'Inspector');
      await page.getByRole('heading', { name: /^Event order-placed o\d+$/ }).waitFor();
      const data = JSON.parse(await page.getByTestId('inspector-data').textContent());
      assert.match(String(data.id), /^o\d+$/, 'payload names the order');
      assert.ok(await page.getByText('2026-01-01T00:00:', { exact: false }).first().isVisible(), 'CloudEvents time is an ISO instant');
      await screenshot('timetravel-inspector-event-1280-light');

      // A token on the graph selects its message too: step until one is in flight and not covered
      // at that moment by one of the graph's own buttons (edge cut, menus).
      const layer = page.getByTestId('token-layer');
      const freeToken = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('[data-testid="token-layer"] [data-ref-kind]')].findIndex((g) => {
            const r = g.querySelector('.lab-token__hit').getBoundingClientRect();
            return g.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
          }),
        );
      let free = await freeToken();
      for (let i = 0; i < 40 && free < 0; i++) {
        await page.getByRole('button', { name: 'Step', exact: true }).click();
        free = await freeToken();
      }
      assert.ok(free >= 0, 'some token in flight can be clicked');
      const token = layer.locator('[data-ref-kind]').nth(free);
      const ref = await token.getAttribute('data-ref');
      const kind = await token.getAttribute('data-ref-kind');
      await token.locator('.lab-token__hit').click();
      await status.filter({ hasText: new RegExp(`^Selected: ${kind} .*\\(#${ref}\\)$`) }).waitFor();
      assert.equal(await layer.locator('.lab-token.is-selected').count() > 0, true, 'the token is highlighted');
      await page.getByTestId('inspector-checkout-pubsub').getByRole('heading', { level: 3 }).first().waitFor();

      // Export trace: a download of valid JSON that can replay the run.
      const trace = await download(page, 'Export trace');
      assert.match(trace.name, /^checkout-pubsub-seed42-trace\.json$/);
      const json = JSON.parse(trace.text);
      assert.equal(json.format, 'commands-events-lab/trace');
      assert.equal(json.scenarioId, 'checkout-pubsub');
      assert.equal(json.seed, 42);
      assert.deepEqual(json.interventions, [{ target: 'fulfillment', kind: 'down', fromMs: 10_000, untilMs: 30_000 }]);
      assert.ok(Array.isArray(json.trace.records) && json.trace.records.length > 100, 'the trace has its records');
      assert.ok(json.trace.events.length > 0);

      // Export Mermaid: the sequence window as a sequenceDiagram.
      const mermaid = await download(page, 'Export Mermaid');
      assert.match(mermaid.name, /\.mmd$/);
      assert.match(mermaid.text, /^sequenceDiagram\n/);
      assert.match(mermaid.text, /\n {2}participant online_orders as online-orders\n/);
      assert.match(mermaid.text, /\n {2}\w+(->>|-->>|-x)\w+: \d+\.\d{3} s /);
    },
  },
  {
    name: 'timetravel: screenshots of the panes (1280 light/dark, 390 px)',
    timeoutMs: 120_000,
    run: async ({ page, baseUrl, screenshot }) => {
      const shots = [
        { scheme: 'light', width: 1280, height: 720 },
        { scheme: 'dark', width: 1280, height: 720 },
        { scheme: 'light', width: 390, height: 844 },
      ];
      for (const v of shots) {
        const tag = `${v.width}-${v.scheme}`;
        const scrollToPane = async () => {
          if (v.width < 900) await page.locator('.lab-pane').first().scrollIntoViewIfNeeded();
        };
        await open(page, baseUrl, `${PUBSUB}&t=20`, v);
        await tab(page, 'Sequence');
        await page.getByTestId('sequence-checkout-pubsub').locator('[data-ref-kind="event"] .lab-seq__hit').last().click();
        await tab(page, 'Inspector');
        await page.getByRole('heading', { name: /^Event order-placed/ }).waitFor();
        await scrollToPane();
        await screenshot(`timetravel-inspector-${tag}`);
        await tab(page, 'Sequence');
        await scrollToPane();
        await screenshot(`timetravel-sequence-${tag}`);
        await tab(page, 'Charts');
        await page.getByRole('img', { name: /Consumer lag per group/ }).waitFor();
        await scrollToPane();
        await screenshot(`timetravel-charts-${tag}`);

        await open(page, baseUrl, '?scenario=c4-poison-blocks-partition&t=20', v);
        await tab(page, 'Log');
        const poison = page.locator('.lab-logview__cell.is-poison').first();
        await poison.click();
        assert.equal(await poison.getAttribute('aria-pressed'), 'true');
        await scrollToPane();
        await screenshot(`timetravel-log-c4-${tag}`);
      }
    },
  },
];

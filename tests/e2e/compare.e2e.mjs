// The flagship lesson in a real browser: the same orders and the same Fulfillment outage, once
// with synchronous POSTs and once with pub/sub, side by side on one clock.
import assert from 'node:assert/strict';

const num = async (page, testId) => {
  const v = await page.getByTestId(testId).getAttribute('data-value');
  assert.ok(v !== null && v !== '', `${testId} has no data-value`);
  return Number(v);
};

/** Virtual time shown by the page, in ms. */
const timeMs = async (page) => Number(await page.getByTestId('time').getAttribute('data-ms'));

const waitForTime = (page, ms) =>
  page.waitForFunction((target) => Number(document.querySelector('[data-testid="time"]')?.getAttribute('data-ms')) >= target, ms, {
    polling: 'raf',
    timeout: 30_000,
  });

export const tests = [
  {
    name: 'compare: Fulfillment outage breaks sync checkout, pub/sub only lags and catches up',
    timeoutMs: 90_000,
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      // Free play (story=off): this test plays straight through; the guided story would pause at its reveal points.
      await page.goto(`${baseUrl}?scenario=checkout-sync&view=compare&story=off`, { waitUntil: 'load' });
      await page.getByTestId('side-checkout-sync').waitFor();
      await page.getByTestId('side-checkout-pubsub').waitFor();

      // Fast, but slow enough that a click lands within about a virtual second of its target.
      await page.getByLabel('Speed').selectOption('4');
      await page.getByRole('button', { name: 'Play' }).click();

      await waitForTime(page, 10_000);
      // The node ids match on both sides, so taking it down on one side takes it down on both.
      await page.getByRole('button', { name: 'Take Order Fulfillment down' }).first().click();
      const downAt = await timeMs(page);
      assert.ok(downAt >= 10_000 && downAt < 13_000, `went down at ${downAt} ms`);
      assert.equal(await page.getByRole('button', { name: 'Bring Order Fulfillment back up' }).count(), 2);
      assert.equal(await page.getByTestId('node-fulfillment').first().getAttribute('data-status'), 'down');

      await waitForTime(page, 20_000);
      await screenshot('compare-mid-outage');
      // Mid-outage, pub/sub Fulfillment is behind while sync checkout is already failing orders.
      assert.ok((await num(page, 'metric-checkout-pubsub-group-fulfillment-lag')) > 0, 'fulfillment lags during the outage');

      await waitForTime(page, 30_000);
      await page.getByRole('button', { name: 'Bring Order Fulfillment back up' }).first().click();
      const upAt = await timeMs(page);
      assert.ok(upAt >= 30_000 && upAt < 33_000, `came back at ${upAt} ms`);

      // Playback stops by itself at the end of the run.
      await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 30_000 });
      assert.equal(await timeMs(page), 60_000);
      assert.equal(await page.getByTestId('time').textContent(), '60.0 s');

      const sync = await num(page, 'metric-checkout-sync-checkout-successRate');
      const pubsub = await num(page, 'metric-checkout-pubsub-checkout-successRate');
      assert.ok(sync < pubsub - 0.1, `sync success ${sync} should be clearly below pub/sub ${pubsub}`);
      assert.ok((await num(page, 'metric-checkout-pubsub-group-fulfillment-maxLag')) > 0, 'fulfillment fell behind');
      assert.equal(await num(page, 'metric-checkout-pubsub-group-fulfillment-lag'), 0, 'fulfillment caught up');
      assert.equal(await num(page, 'metric-checkout-pubsub-group-fulfillment-lost'), 0, 'no event lost');
      await screenshot('compare-end');

      // What the engine guarantees: pub/sub checkout succeeds exactly as often as with no fault.
      const url = new URL(page.url());
      assert.match(url.searchParams.get('faults') ?? '', /^fulfillment:down:/, 'the outage is in the shareable URL');
      await page.goto(`${baseUrl}?scenario=checkout-pubsub&seed=${url.searchParams.get('seed')}&t=60`, { waitUntil: 'load' });
      const baseline = await num(page, 'metric-checkout-pubsub-checkout-successRate');
      assert.equal(pubsub, baseline, `pub/sub success with the outage (${pubsub}) equals the no-fault run (${baseline})`);
    },
  },
  {
    name: 'a link with t=42 opens at 42 s',
    run: async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}?scenario=checkout-pubsub&t=42`, { waitUntil: 'load' });
      const time = page.getByTestId('time');
      await time.waitFor();
      assert.equal(await time.textContent(), '42.0 s');
      assert.equal(await time.getAttribute('data-ms'), '42000');
      const slider = page.getByRole('slider', { name: 'Timeline' });
      assert.equal(await slider.inputValue(), '42000');
      assert.match((await slider.getAttribute('aria-valuetext')) ?? '', /^42\.0 s of 60\.0 s$/);
      assert.equal(await page.getByLabel('Scenario').inputValue(), 'checkout-pubsub');
      assert.equal(await page.getByRole('button', { name: 'Play' }).count(), 1, 'a link opens paused');
      assert.equal(new URL(page.url()).searchParams.get('t'), '42');
    },
  },
  {
    name: 'a broken link explains itself and falls back to defaults',
    run: async ({ page, baseUrl }) => {
      const bad = encodeURIComponent('<img src=x onerror=window.__pwned=1>');
      await page.goto(`${baseUrl}?scenario=${bad}&seed=minus-one&t=soon`, { waitUntil: 'load' });
      await page.locator('h1').waitFor();
      const notice = page.getByTestId('notices');
      await notice.waitFor();
      const text = await notice.textContent();
      assert.match(text ?? '', /Unknown scenario “<img src=x onerror=window.__pwned=1>”/);
      assert.match(text ?? '', /Seed “minus-one”/);
      assert.match(text ?? '', /Time “soon”/);
      assert.equal(await page.locator('.lab-notice img').count(), 0, 'URL text is never markup');
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.getByTestId('time').textContent(), '0.0 s');
      assert.ok((await page.getByTestId('side-checkout-sync').count()) === 1, 'falls back to the default scenario');
    },
  },
];

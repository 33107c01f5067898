// Faults and invariant monitors in a real browser: a loss shows up as a badge on its group and
// jumps the clock to the moment it happened; a consumer crashed from its Faults menu (keyboard
// only) dies mid-message, shows as crashed, restarts and rejoins its group; a link cut from its
// edge stops the consumer behind it. Free play (story=off): the guided story would pause playback.
import assert from 'node:assert/strict';

/** Virtual time shown by the page, in ms. */
const timeMs = async (page) => Number(await page.getByTestId('time').getAttribute('data-ms'));

export const tests = [
  {
    name: 'C1: the lost record badge appears on group g and jumps to the loss',
    timeoutMs: 60_000,
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${baseUrl}?scenario=c1-commit-before-crash&story=off`, { waitUntil: 'load' });
      const topic = page.getByTestId('node-t');
      await topic.waitFor();
      assert.equal(await page.getByTestId('invariant-g-lost').count(), 0, 'nothing lost at 0 s');

      await page.getByLabel('Speed').selectOption('4');
      await page.getByRole('button', { name: 'Play' }).click();
      // Playback stops by itself at the end of the run.
      await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 20_000 });
      assert.equal(await timeMs(page), 10_000);

      const badge = topic.getByTestId('invariant-g-lost');
      await badge.waitFor();
      assert.equal((await badge.textContent())?.startsWith('⚠ 1 lost'), true, `badge reads ${await badge.textContent()}`);
      assert.equal(await page.getByTestId('metric-c1-commit-before-crash-group-g-lost').getAttribute('data-value'), '1');
      // The lost offset (m2 at offset 2) is drawn as lost on g's row of the log.
      assert.equal(await topic.locator('[data-testid="committed-t-g-0"] .lab-log__bar.is-lost').count(), 1);
      await screenshot('faults-c1-end');

      const title = (await badge.getAttribute('title')) ?? '';
      const at = /First broke at (\d+\.\d) s/.exec(title)?.[1];
      assert.ok(at, `badge title names the moment: ${title}`);
      await badge.click();
      const t = await timeMs(page);
      assert.equal((t / 1000).toFixed(1), at, `jumped to ${t} ms, the badge said ${at} s`);
      assert.ok(t > 2000 && t < 3500, `the loss happens when C1 crashes at 2.52 s, not at ${t} ms`);
      assert.equal(await page.getByRole('button', { name: 'Play' }).count(), 1, 'paused at the loss');
      // At the moment of the break the badge is still there (t >= break.t) ...
      await badge.waitFor();
      // ... and a moment earlier it is not.
      await page.getByRole('slider', { name: 'Timeline' }).focus();
      await page.keyboard.press('Home');
      await page.waitForFunction(() => document.querySelector('[data-testid="time"]')?.getAttribute('data-ms') === '0');
      assert.equal(await page.getByTestId('invariant-g-lost').count(), 0, 'no badge before the loss');
    },
  },
  {
    name: 'checkout-pubsub: crash Fulfillment from its Faults menu; the member dies mid-message and restarts',
    timeoutMs: 60_000,
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${baseUrl}?scenario=checkout-pubsub&t=5&story=off`, { waitUntil: 'load' });
      const node = page.getByTestId('node-fulfillment');
      await node.waitFor();
      const member = page.getByTestId('member-fulfillment');
      assert.equal(await member.getAttribute('data-life'), 'up');

      // Keyboard only: Enter opens on the first item, ↓ moves, Space applies (exactly once).
      const menuButton = page.getByRole('button', { name: 'Faults for Order Fulfillment' });
      await menuButton.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu', { name: 'Faults for Order Fulfillment' });
      await menu.waitFor();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Crash mid-message');
      await page.keyboard.press('Space');
      await menu.waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Faults for Order Fulfillment');
      assert.equal((await page.getByTestId('crash-armed-fulfillment').textContent())?.trim(), '⚡ CRASH ARMED', 'armed once, not twice');
      assert.match(new URL(page.url()).searchParams.get('faults') ?? '', /^fulfillment:crash:5-$/);

      await page.getByLabel('Speed').selectOption('0.5');
      await page.getByRole('button', { name: 'Play' }).click();
      await page.locator('[data-testid="member-fulfillment"][data-life="crashed"]').waitFor({ timeout: 15_000 });
      assert.equal(await node.getAttribute('data-crashed'), 'true');
      assert.match((await node.textContent()) ?? '', /CRASHED · restarting/);
      // The topic says the dead member still owns its partitions.
      assert.match((await page.getByTestId('group-online-orders-fulfillment').textContent()) ?? '', /fulfillment \(crashed\): p0–2/);
      await screenshot('faults-pubsub-crashed');
      // The live region tells screen-reader users.
      await page.waitForFunction(() => /crashed in the middle of a message/.test(document.querySelector('[data-testid="live-region"]')?.textContent ?? ''), null, {
        timeout: 10_000,
      });

      // One second later it restarts, the group rebalances, and it owns its partitions again.
      await page.locator('[data-testid="member-fulfillment"][data-life="up"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('rebalancing-online-orders-fulfillment').waitFor({ timeout: 15_000 });
      await page.getByTestId('rebalancing-online-orders-fulfillment').waitFor({ state: 'detached', timeout: 15_000 });
      assert.match((await member.textContent()) ?? '', /fulfillment: p0–2/);
      await page.getByRole('button', { name: 'Pause' }).click();
      await screenshot('faults-pubsub-restarted');
    },
  },
  {
    name: 'compare view: cut a link with the button on its edge, then restore it from the menu',
    timeoutMs: 60_000,
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      // Free play (story=off): the guided story would take the room the two graphs need at 720 px.
      await page.goto(`${baseUrl}?scenario=checkout-pubsub&view=compare&t=10&story=off`, { waitUntil: 'load' });
      const side = page.getByTestId('side-checkout-pubsub');
      await side.waitFor();
      await side.getByRole('button', { name: 'Cut link online-orders → Order Fulfillment' }).click();
      assert.equal(new URL(page.url()).searchParams.get('faults'), 'online-orders->fulfillment:cut:10-');
      await side.locator('[data-cut="true"]').first().waitFor();
      // The sync side has no topic: the cut does not apply there and breaks nothing.
      assert.equal(await page.getByTestId('side-checkout-sync').locator('[data-cut="true"]').count(), 0);

      await page.getByRole('slider', { name: 'Timeline' }).fill('20000');
      await page.waitForFunction(() => document.querySelector('[data-testid="time"]')?.getAttribute('data-ms') === '20000');
      const lag = Number(await page.getByTestId('metric-checkout-pubsub-group-fulfillment-lag').getAttribute('data-value'));
      assert.ok(lag > 0, `Fulfillment cannot fetch across a cut link: lag ${lag}`);
      await screenshot('faults-compare-cut');

      await side.getByRole('button', { name: 'Faults for Order Fulfillment' }).click();
      await page.getByRole('menuitem', { name: 'Restore link online-orders → Order Fulfillment' }).click();
      assert.equal(new URL(page.url()).searchParams.get('faults'), 'online-orders->fulfillment:cut:10-20');
      await side.getByRole('button', { name: 'Cut link online-orders → Order Fulfillment' }).waitFor();
      await page.getByRole('slider', { name: 'Timeline' }).fill('60000');
      await page.waitForFunction(() => document.querySelector('[data-testid="time"]')?.getAttribute('data-ms') === '60000');
      assert.equal(await page.getByTestId('metric-checkout-pubsub-group-fulfillment-lag').getAttribute('data-value'), '0', 'caught up after the link came back');
      assert.equal(await page.getByTestId('metric-checkout-pubsub-group-fulfillment-lost').getAttribute('data-value'), '0', 'nothing lost');
    },
  },
];

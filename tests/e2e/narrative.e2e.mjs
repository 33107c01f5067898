// The guided stories in a real browser: every built-in scenario that tells one is walked from its
// first step to its last with Next step (predictions answered with the first choice, or skipped),
// without a console error; one prediction is followed to its reveal point, where playback pauses.
// Scenario ids come from the Scenario selector, so new stories are covered without editing this.
import assert from 'node:assert/strict';

const next = (page) => page.getByRole('button', { name: 'Next step', exact: true });

/** "Step 3 of 7" → [3, 7] */
async function stepCount(page) {
  const text = (await page.getByTestId('narrative-count').textContent()) ?? '';
  const m = /Step (\d+) of (\d+)/.exec(text);
  assert.ok(m, `step counter reads ${JSON.stringify(text)}`);
  return [Number(m[1]), Number(m[2])];
}

/** The element's text, trimmed ('' when empty). */
async function words(locator) {
  return ((await locator.textContent()) ?? '').trim();
}

async function open(page, baseUrl, query) {
  await page.goto(`${baseUrl}${query}`, { waitUntil: 'load' });
  await page.locator('h1').waitFor();
}

async function scenarioIds(page) {
  return page.getByRole('combobox', { name: /^Scenario\b/ }).locator('option').evaluateAll((os) => os.map((o) => o.value));
}

export const tests = [
  {
    name: 'narrative: every built-in story walks from its first step to its last',
    timeoutMs: 240_000,
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, baseUrl, '');
      const ids = await scenarioIds(page);
      assert.ok(ids.length > 0, 'the Scenario selector lists scenarios');
      const walked = [];
      for (const [k, id] of ids.entries()) {
        await open(page, baseUrl, `?scenario=${encodeURIComponent(id)}`);
        await page.getByTestId(`side-${id}`).waitFor();
        if ((await page.getByTestId('narrative').count()) === 0) continue; // free play: no story
        const [first, total] = await stepCount(page);
        assert.equal(first, 1, `${id} opens at step 1`);
        for (let n = 1; n <= total; n++) {
          assert.deepEqual(await stepCount(page), [n, total], `${id}: on step ${n}`);
          // The words arrive in a lazy chunk in this build: every step shows them, none is empty.
          assert.ok(await words(page.locator('#narrative-title')), `${id}: step ${n} shows its title`);
          assert.ok(await words(page.locator('.lab-narrative__text').first()), `${id}: step ${n} shows its text`);
          const question = page.getByTestId('narrative-question');
          if ((await question.count()) > 0) {
            assert.ok((await words(question.locator('.lab-question__prompt'))).length > 'Predict'.length, `${id}: step ${n} shows its question`);
            for (const choice of await question.locator('.lab-question__text').all()) assert.ok(await words(choice), `${id}: step ${n} shows every choice`);
          }
          const revealed = (await page.getByTestId('narrative-reveal').count()) > 0;
          if ((await question.count()) > 0 && !revealed) {
            // Alternate between a prediction and a skip, so both paths run everywhere.
            if ((k + n) % 2 === 0) await question.getByRole('button').first().click();
            else await question.getByRole('button', { name: 'Skip', exact: true }).click();
            assert.equal(await question.getByRole('button', { name: 'Skip', exact: true }).count(), 0, `${id}: step ${n} took the answer`);
          }
          if (n < total) await next(page).click();
        }
        assert.equal(await next(page).getAttribute('aria-disabled'), 'true', `${id}: Next step is disabled on the last step`);
        assert.equal(new URL(page.url()).searchParams.get('step'), String(total), `${id}: the address says step=${total}`);
        walked.push(`${id} (${total})`);
      }
      assert.ok(walked.length > 0, 'no built-in scenario has a guided story (steps) yet');
      await screenshot('narrative-last-walked');
    },
  },
  {
    name: 'narrative: a prediction is revealed at its moment, where playback pauses',
    timeoutMs: 90_000,
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, baseUrl, '');
      // The first story with a question, reached with Next.
      for (const id of await scenarioIds(page)) {
        await open(page, baseUrl, `?scenario=${encodeURIComponent(id)}`);
        if ((await page.getByTestId('narrative').count()) === 0) continue;
        const [, total] = await stepCount(page);
        for (let n = 1; n <= total; n++) {
          if ((await page.getByTestId('narrative-question').count()) > 0 && (await page.getByTestId('narrative-reveal').count()) === 0) {
            await page.getByLabel('Speed').selectOption('16');
            await screenshot('narrative-question');
            const choice = page.getByTestId('narrative-question').getByRole('button').first();
            await choice.click();
            assert.equal(await choice.getAttribute('aria-pressed'), 'true');
            // Playback runs on by itself and stops at the reveal point.
            await page.getByTestId('narrative-reveal').waitFor({ timeout: 60_000 });
            assert.equal(await page.getByRole('button', { name: 'Play', exact: true }).count(), 1, 'paused at the reveal point');
            assert.equal(await page.getByTestId('narrative').getAttribute('data-revealed'), 'true');
            assert.match((await page.getByTestId('narrative-outcome').textContent()) ?? '', /Your prediction: .*\. (You were right|Not this time)\./);
            assert.deepEqual(await stepCount(page), [n, total], 'still on the same step');
            // The live region says so in words.
            await page.waitForFunction(() => /paused at/.test(document.querySelector('[data-testid="live-region"]')?.textContent ?? ''), null, {
              timeout: 5000,
            });
            // A reload (the shared link) opens the same step, revealed.
            const url = page.url();
            assert.equal(new URL(url).searchParams.get('step'), String(n));
            await page.goto(url, { waitUntil: 'load' });
            await page.getByTestId('narrative').waitFor();
            assert.deepEqual(await stepCount(page), [n, total], 'the link opens the same step');
            assert.equal(await page.getByTestId('narrative').getAttribute('data-revealed'), 'true');
            await screenshot('narrative-revealed');
            return;
          }
          if (n < total) await next(page).click();
        }
      }
      assert.fail('no built-in story asks a question yet');
    },
  },
  {
    name: 'narrative: a bad step in the link falls back with a notice',
    run: async ({ page, baseUrl }) => {
      await open(page, baseUrl, '');
      for (const id of await scenarioIds(page)) {
        await open(page, baseUrl, `?scenario=${encodeURIComponent(id)}&step=999`);
        if ((await page.getByTestId('narrative').count()) === 0) continue;
        const [n, total] = await stepCount(page);
        assert.equal(n, total, 'step 999 falls back to the last step');
        assert.match((await page.getByTestId('notices').textContent()) ?? '', /Step “999” is past the last step/);
        return;
      }
      assert.fail('no built-in scenario has a guided story (steps) yet');
    },
  },
];

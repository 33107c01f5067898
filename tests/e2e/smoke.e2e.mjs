// Smoke: the built lab loads in a real browser, renders its title and logs no errors
// (the harness fails any test whose page logs a console error or throws).
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'lab loads and shows its title',
    run: async ({ page, baseUrl, screenshot }) => {
      const response = await page.goto(baseUrl, { waitUntil: 'load' });
      assert.ok(response?.ok(), `GET ${baseUrl} answered ${response?.status()}`);
      const h1 = page.locator('h1').first();
      await h1.waitFor({ state: 'visible', timeout: 15_000 });
      const text = await h1.textContent();
      assert.match(text ?? '', /Commands/, `<h1> reads ${JSON.stringify(text)}`);
      assert.match(await page.title(), /Commands/);
      await screenshot('smoke-home');
    },
  },
];

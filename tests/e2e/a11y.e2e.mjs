// Automated accessibility scan with axe-core on every view of the lab: the single and compare
// views, each tab of the side pane (the inspector with a selection), the scenario list dialog, a
// fault menu, the story asking a question, the Chinese interface, dark mode and a 390 px phone.
// A violation of impact "serious" or "critical" fails the test, printed with the elements it
// concerns; lesser ones are listed for information.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

const PUBSUB = '?scenario=checkout-pubsub&seed=42&faults=fulfillment:down:10-30';
const FAILING = new Set(['serious', 'critical']);

async function open(page, baseUrl, query, { width = 1280, height = 720, scheme = 'light', reducedMotion = 'no-preference' } = {}) {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion });
  await page.setViewportSize({ width, height });
  await page.goto(`${baseUrl}${query}`, { waitUntil: 'load' });
  await page.locator('.lab-controls input[type="range"]').waitFor();
  // React Flow measures, then draws edges: let the graph settle before scanning.
  await page.locator('.react-flow__edge').first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForTimeout(200);
}

/** Runs axe on the page as it is; returns its failing violations as readable lines. */
async function scan(page, label, found) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary?.split('\n').slice(0, 3).join(' | ') })),
    }));
  });
  for (const v of violations) {
    const line = `[${label}] ${v.impact} ${v.id}: ${v.help}\n${v.nodes
      .slice(0, 8)
      .map((n) => `      ${n.target}  — ${n.summary ?? ''}`)
      .join('\n')}${v.nodes.length > 8 ? `\n      … ${v.nodes.length - 8} more` : ''}`;
    if (FAILING.has(v.impact)) found.push(line);
    else console.log(`    (info) ${line}`);
  }
}

function assertClean(found) {
  // The harness prints only an error's first line: the details go to the output first.
  for (const line of found) console.log(`    ✗ ${line}`);
  assert.equal(found.length, 0, `axe found ${found.length} serious/critical violation(s):\n${found.join('\n')}`);
}

async function tab(page, name) {
  await page.getByRole('tab', { name, exact: true }).first().click();
}

export const tests = [
  {
    name: 'a11y: single view, every pane tab, the inspector with a selection, light mode',
    timeoutMs: 120_000,
    run: async ({ page, baseUrl }) => {
      const found = [];
      await open(page, baseUrl, `${PUBSUB}&t=20`);
      await scan(page, 'single view · Metrics', found);
      await tab(page, 'Inspector');
      await page.getByRole('combobox', { name: 'Inspect a node' }).first().selectOption('fulfillment');
      await page.locator('.lab-inspect').first().waitFor();
      await scan(page, 'Inspector · node selected', found);
      await tab(page, 'Sequence');
      await page.locator('.lab-seq__svg').first().waitFor();
      // Select a message from the sequence view: the inspector then shows an event or a command.
      await page.locator('.lab-seq__arrow').last().click();
      await scan(page, 'Sequence · message selected', found);
      await tab(page, 'Inspector');
      await page.locator('.lab-inspect').first().waitFor();
      await scan(page, 'Inspector · message selected', found);
      await tab(page, 'Log');
      await page.locator('.lab-logview').first().waitFor();
      await scan(page, 'Log', found);
      await tab(page, 'Charts');
      await page.locator('.lab-chart').first().waitFor();
      await page.locator('.lab-chart__data summary').first().click();
      await scan(page, 'Charts · data table open', found);
      await page.locator('.lab-pane__export summary').first().click();
      await page.getByRole('button', { name: 'Export trace', exact: true }).first().waitFor();
      await scan(page, 'Export menu open', found);
      assertClean(found);
    },
  },
  {
    name: 'a11y: compare view, scenario list dialog, fault menu, story question',
    timeoutMs: 120_000,
    run: async ({ page, baseUrl }) => {
      const found = [];
      await open(page, baseUrl, '?scenario=checkout-sync&seed=42&view=compare&t=15');
      await scan(page, 'compare view', found);

      await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
      await page.getByRole('dialog', { name: 'Scenarios' }).waitFor();
      await scan(page, 'scenario list dialog', found);
      await page.keyboard.press('Escape');

      const faults = page.getByRole('button', { name: 'Faults for Order Fulfillment' }).first();
      await faults.click();
      await page.getByRole('menu', { name: 'Faults for Order Fulfillment' }).waitFor();
      await scan(page, 'fault menu open', found);
      await page.keyboard.press('Escape');

      // The story: Next until a step asks for a prediction.
      await open(page, baseUrl, '?scenario=checkout-sync&seed=42');
      for (let i = 0; i < 6 && (await page.getByTestId('narrative-question').count()) === 0; i++) {
        await page.getByRole('button', { name: 'Next step' }).click();
        await page.waitForTimeout(100);
      }
      await page.getByTestId('narrative-question').waitFor();
      await scan(page, 'story · question asked', found);
      await page.getByTestId('narrative-question').getByRole('button').first().click();
      await page.getByTestId('narrative-reveal').waitFor({ timeout: 30_000 });
      await scan(page, 'story · answer revealed', found);
      assertClean(found);
    },
  },
  {
    name: 'a11y: 简体中文 (?lang=zh-CN): single view, panes, dialog, fault menu, light and dark',
    timeoutMs: 120_000,
    run: async ({ page, baseUrl }) => {
      const found = [];
      for (const scheme of ['light', 'dark']) {
        await open(page, baseUrl, `${PUBSUB}&t=20&lang=zh-CN`, { scheme });
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
        assert.match(await page.locator('h1').textContent(), /命令与事件实验室/);
        await scan(page, `zh-CN ${scheme} · 指标`, found);
        for (const name of ['检查器', '序列', '日志', '图表']) {
          await tab(page, name);
          await page.waitForTimeout(150);
          await scan(page, `zh-CN ${scheme} · ${name}`, found);
        }
        await page.getByRole('button', { name: '场景', exact: true }).click();
        await page.getByRole('dialog', { name: '场景' }).waitFor();
        await scan(page, `zh-CN ${scheme} · 场景列表`, found);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: '故障：Order Fulfillment' }).first().click();
        await page.getByRole('menu').waitFor();
        await scan(page, `zh-CN ${scheme} · 故障菜单`, found);
        await page.keyboard.press('Escape');
      }
      assertClean(found);
    },
  },
  {
    name: 'a11y: dark mode and a 390 px phone, both languages',
    timeoutMs: 120_000,
    run: async ({ page, baseUrl }) => {
      const found = [];
      await open(page, baseUrl, `${PUBSUB}&t=20`, { scheme: 'dark' });
      await scan(page, 'dark · single view', found);
      await open(page, baseUrl, '?scenario=checkout-sync&seed=42&view=compare&t=15', { scheme: 'dark' });
      await scan(page, 'dark · compare view', found);
      for (const [scheme, lang] of [
        ['light', 'en'],
        ['dark', 'en'],
        ['light', 'zh-CN'],
        ['dark', 'zh-CN'],
      ]) {
        await open(page, baseUrl, `?scenario=checkout-sync&seed=42&t=12${lang === 'en' ? '' : `&lang=${lang}`}`, { width: 390, height: 844, scheme });
        await scan(page, `390 px · ${scheme} · ${lang}`, found);
      }
      assertClean(found);
    },
  },
  {
    name: 'a11y: the language switch works at run time and keeps the URL',
    run: async ({ page, baseUrl }) => {
      await open(page, baseUrl, '?scenario=checkout-sync&seed=42');
      const select = page.getByRole('combobox', { name: 'Language' });
      await select.selectOption('zh-CN');
      await page.getByRole('button', { name: '播放' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      await page.waitForFunction(() => new URLSearchParams(window.location.search).get('lang') === 'zh-CN');
      // The story and the scenario title follow the language (Scenario.i18n).
      assert.match(await page.getByTestId('narrative').textContent(), /[\u4e00-\u9fff]/);
      await page.getByRole('combobox', { name: /Language/ }).selectOption('en');
      await page.getByRole('button', { name: 'Play' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.waitForFunction(() => !new URLSearchParams(window.location.search).has('lang'));
    },
  },
  {
    name: 'a11y: reduced motion — tokens jump between ends instead of gliding',
    run: async ({ page, baseUrl }) => {
      const positions = async () =>
        page.evaluate(() => [...document.querySelectorAll('[data-testid="token-layer"] g.lab-token')].map((g) => g.getAttribute('transform')));
      // Two moments 20 ms apart: with motion a token in flight moves; with reduced motion it sits at
      // the end of its edge it is nearer to, so most tokens are exactly where they were.
      const at = async (tSec, reducedMotion) => {
        await open(page, baseUrl, `?scenario=checkout-sync&seed=42&t=${tSec}&story=off`, { reducedMotion });
        await page.locator('[data-testid="token-layer"] g.lab-token').first().waitFor({ state: 'attached' });
        return positions();
      };
      const moving = [await at(3.1, 'no-preference'), await at(3.12, 'no-preference')];
      const still = [await at(3.1, 'reduce'), await at(3.12, 'reduce')];
      assert.ok(moving[0].length > 0, 'messages are in flight at 3.1 s');
      assert.notDeepEqual(moving[0], moving[1], 'with motion, tokens glide between 3.1 s and 3.12 s');
      const shared = still[0].filter((p) => still[1].includes(p));
      assert.ok(shared.length > 0, 'with reduced motion, tokens still in flight keep their place (they sit at an end of their edge)');
    },
  },
];

// Workshop-ready, in a real browser: a shared link (built-in or a custom `?s=` scenario) shows
// exactly what the sender saw; a bad link says why and opens the scenario list; the embed obeys
// postMessage from the origin its address lists, answering with its state, and ignores another
// origin; the audience window follows the presenter; `npm run build` works from a sub-path and
// `npm run build:single` from file://; presenter mode and the embed are photographed.
//
// Extra local servers (closed at the end of each test): 4187 serves the host page that embeds the
// lab, 4188 a foreign page (and the sub-path copy of dist/).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOST = '127.0.0.1';
const HOST_PORT = 4187;
const FOREIGN_PORT = 4188;

// ─── helpers ────────────────────────────────────────────────────────────────────────────────

const timeMs = async (page) => Number(await page.getByTestId('time').getAttribute('data-ms'));

/** What a learner sees, as data: clock, speed, story step, every node's status, every metric. */
async function fingerprint(page) {
  return page.evaluate(() => {
    const attr = (sel, name) => document.querySelector(sel)?.getAttribute(name) ?? null;
    const all = (sel, f) => [...document.querySelectorAll(sel)].map(f).sort();
    return {
      t: attr('[data-testid="time"]', 'data-ms'),
      speed: document.querySelector('.lab-controls select')?.value ?? null,
      step: attr('[data-testid="narrative"]', 'data-step'),
      revealed: attr('[data-testid="narrative"]', 'data-revealed'),
      view: document.querySelectorAll('[data-testid^="side-"]').length,
      nodes: all('[data-testid^="node-"][data-status]', (n) => `${n.getAttribute('data-testid')}=${n.getAttribute('data-status')}`),
      metrics: all('[data-testid^="metric-"][data-value]', (m) => `${m.getAttribute('data-testid')}=${m.getAttribute('data-value')}`),
    };
  });
}

async function open(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('h1').first().waitFor({ state: 'attached' });
}

/** base64url(deflate-raw(json)), as the lab writes `?s=` (Node 20 has CompressionStream). */
async function encodeScenario(json) {
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return Buffer.from(await new Response(stream).arrayBuffer()).toString('base64url');
}

const CUSTOM = {
  id: 'workshop-mini',
  title: 'Workshop mini',
  summary: 'A client and one service, for the share test.',
  durationMs: 30_000,
  nodes: [
    { kind: 'client', id: 'c', label: 'Client', target: 's', command: 'do' },
    { kind: 'service', id: 's', label: 'Service', endpoints: [{ name: 'do' }] },
  ],
  workload: [{ kind: 'poisson', client: 'c', ratePerSec: 2 }],
};

function serve(port, handler) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler);
    server.once('error', reject);
    server.listen(port, HOST, () => resolve(server));
  });
}

/** Stops a server now: Chromium keeps connections alive, and close() alone would wait for them. */
function close(server) {
  if (!server) return Promise.resolve();
  return new Promise((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
}

/** A host page framing `src`; it records the lab's messages and can send it commands. */
function hostPage(src, labOrigin) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head>
<body><h1>Workshop slides</h1>
<iframe id="lab" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="Commands &amp; Events Lab" width="800" height="500" style="border:0"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => {
    if (e.origin !== ${JSON.stringify(labOrigin)}) return;
    window.received.push(e.data);
  });
  window.send = (msg) => document.getElementById('lab').contentWindow.postMessage(msg, ${JSON.stringify(labOrigin)});
</script></body></html>`;
}

async function lastState(page, count) {
  await page.waitForFunction((n) => window.received.length >= n, count, { timeout: 10_000 });
  return page.evaluate(() => window.received[window.received.length - 1]);
}

// ─── tests ──────────────────────────────────────────────────────────────────────────────────

export const tests = [
  {
    name: 'workshop: a shared link shows exactly what the sender saw (speed, faults, step, t)',
    timeoutMs: 90_000,
    run: async ({ page, baseUrl, context, consoleErrors }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, `${baseUrl}?scenario=checkout-sync&seed=7`);
      // Build a moment by hand: faster, a fault, a step on in the story, some playing.
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      await page.getByTestId('node-fulfillment').getByRole('button', { name: /^Take .*down$/ }).click();
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('n'); // plays on to the next step's moment
      await page.waitForTimeout(800);
      if ((await page.getByRole('button', { name: 'Pause' }).count()) > 0) await page.keyboard.press('Space');
      // Stepping lands on a delivery: an exact millisecond the link must reproduce.
      await page.keyboard.press('ArrowRight');
      const sender = await fingerprint(page);
      assert.equal(sender.speed, '4');
      assert.ok(Number(sender.t) > 0, `t ${sender.t}`);
      assert.ok(sender.nodes.includes('node-fulfillment=down'), sender.nodes.join(' '));
      assert.ok(sender.metrics.length >= 3, `metrics on screen: ${sender.metrics.join(' ')}`);

      await page.keyboard.press('s');
      const dialog = page.getByRole('dialog', { name: 'Share link' });
      await dialog.waitFor();
      const url = await dialog.getByTestId('share-url').inputValue();
      const params = new URL(url).searchParams;
      assert.equal(params.get('speed'), '4');
      assert.equal(params.get('seed'), '7');
      assert.match(params.get('faults') ?? '', /^fulfillment:down:/);
      assert.equal(params.get('embed'), null);

      const other = await context.newPage();
      const errors = [];
      other.on('pageerror', (e) => errors.push(e.message));
      other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await other.setViewportSize({ width: 1280, height: 720 });
      await open(other, url);
      await other.getByTestId('node-fulfillment').waitFor();
      await other.waitForTimeout(300);
      const receiver = await fingerprint(other);
      assert.deepEqual(receiver, sender);
      await other.close();
      assert.deepEqual(errors, []);
      assert.deepEqual(consoleErrors, []);
    },
  },
  {
    name: 'workshop: a custom scenario travels in ?s= and round-trips through Share link',
    timeoutMs: 60_000,
    run: async ({ page, baseUrl, context }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      const s = await encodeScenario(JSON.stringify(CUSTOM));
      await open(page, `${baseUrl}?s=${s}&t=5&speed=2&story=off`);
      await page.getByTestId('graph-workshop-mini').waitFor();
      assert.equal(await timeMs(page), 5000);
      assert.equal(await page.getByRole('heading', { name: 'Workshop mini' }).count(), 1);
      assert.equal(await page.getByTestId('notices').count(), 0, 'no complaint about a good link');
      // The address keeps the scenario (so a reload shows it again).
      assert.equal(new URL(page.url()).searchParams.get('s'), s);
      assert.equal(new URL(page.url()).searchParams.get('scenario'), 'workshop-mini');
      const before = await fingerprint(page);

      await page.keyboard.press('s');
      const dialog = page.getByRole('dialog', { name: 'Share link' });
      await dialog.getByText(/travels inside the link/).waitFor();
      const url = await dialog.getByTestId('share-url').inputValue();
      assert.equal(new URL(url).searchParams.get('s'), s);

      const other = await context.newPage();
      await open(other, url);
      await other.getByTestId('graph-workshop-mini').waitFor();
      await other.waitForTimeout(200);
      assert.deepEqual(await fingerprint(other), before);
      await other.close();
    },
  },
  {
    name: 'workshop: open a scenario file (picker and drag-and-drop): bad files change nothing, a good one opens and shares',
    timeoutMs: 60_000,
    run: async ({ page, baseUrl }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, `${baseUrl}?scenario=checkout-pubsub&t=7&faults=fulfillment:down:5-&story=off`);
      await page.getByTestId('graph-checkout-pubsub').waitFor();
      const before = await fingerprint(page);

      // Shift+O: the file picker, with a file that is JSON but not a valid scenario.
      const bad = '{\n  "id": "broken",\n  "nodes": [\n    { "kind": "topic", "id": "t", "partitions": 0 }\n  ]\n}';
      // On a loaded machine the first press can come before the shortcut is listening: press again.
      let chooser;
      for (let attempt = 1; !chooser; attempt++) {
        try {
          [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 8_000 }), page.keyboard.press('Shift+O')]);
        } catch (error) {
          if (attempt >= 3) throw error;
        }
      }
      await chooser.setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
      const notices = page.getByTestId('notices');
      await notices.getByText('broken.json:4: nodes[0].partitions: must be at least 1, found 0').waitFor();
      assert.match((await notices.textContent()) ?? '', /“broken\.json” is not a scenario the lab can open/);
      assert.deepEqual(await fingerprint(page), before, 'scenario, faults and time untouched');

      // Dropped on the page: a good file opens as the custom scenario.
      await page.evaluate((json) => {
        const dt = new DataTransfer();
        dt.items.add(new File([json], 'mini.json', { type: 'application/json' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
        }
      }, JSON.stringify(CUSTOM, null, 2));
      await page.getByTestId('graph-workshop-mini').waitFor();
      // The earlier problems are gone; the fault added to the previous scenario is cleared, in words.
      assert.equal(
        ((await page.getByTestId('notices').textContent()) ?? '').replace(/Dismiss$/, '').trim(),
        'The fault you added was cleared: it belongs to the previous scenario.',
      );
      assert.equal(new URL(page.url()).searchParams.get('faults'), null, 'and the address drops it');
      assert.equal(await page.getByRole('combobox', { name: /Scenario/ }).inputValue(), 'workshop-mini');
      await page.waitForFunction(() => new URL(location.href).searchParams.has('s'));
      assert.equal(page.url().includes('scenario=workshop-mini'), true);
    },
  },
  {
    name: 'workshop: a bad or hostile ?s= link explains itself as text and opens the scenario list',
    timeoutMs: 60_000,
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, `${baseUrl}?s=not*base64&t=12&faults=s:down:1-2`);
      const list = page.getByRole('dialog', { name: 'Scenarios' });
      await list.waitFor();
      const notices = page.getByTestId('notices');
      assert.match((await notices.textContent()) ?? '', /The scenario in this link could not be opened: the link is damaged/);
      await screenshot('workshop-bad-link');
      // Escape: the default scenario is there behind it, from 0 s, without the link's faults.
      await page.keyboard.press('Escape');
      await page.getByTestId('graph-checkout-sync').waitFor();
      assert.equal(await timeMs(page), 0);
      assert.equal(new URL(page.url()).searchParams.get('faults'), null);
      assert.equal(new URL(page.url()).searchParams.get('s'), null);

      const hostile = '<img src=x onerror="window.__pwned=1">';
      const s = await encodeScenario(`{\n  "id": ${JSON.stringify(hostile)},\n  "title": ${JSON.stringify(hostile)},\n  "nodes": []\n}`);
      await open(page, `${baseUrl}?s=${s}`);
      await page.getByRole('dialog', { name: 'Scenarios' }).waitFor();
      const text = (await page.getByTestId('notices').textContent()) ?? '';
      assert.ok(text.includes(`shared link:2: id: '${hostile}' is not a valid id`), text);
      assert.equal(await page.locator('[data-testid="notices"] img').count(), 0, 'no markup from the link');
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    },
  },
  {
    name: 'workshop: the embed obeys postMessage from its listed origin only, and reports its state',
    timeoutMs: 90_000,
    run: async ({ page, baseUrl, screenshot }) => {
      const labOrigin = new URL(baseUrl).origin;
      const hostOrigin = `http://${HOST}:${HOST_PORT}`;
      const src = `${baseUrl}?scenario=checkout-sync&embed=1&step=2&origins=${hostOrigin}`;
      let host;
      let foreign;
      try {
        host = await serve(HOST_PORT, (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(hostPage(src, labOrigin));
        });
        // Another origin framing the very same address (which lists only the host's origin).
        foreign = await serve(FOREIGN_PORT, (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(hostPage(src, labOrigin));
        });

        await page.setViewportSize({ width: 900, height: 620 });
        await page.goto(`${hostOrigin}/`, { waitUntil: 'load' });
        const lab = page.frameLocator('#lab');
        await lab.getByTestId('embed').waitFor();
        // Ready: the lab says where it is, to its parent's (listed) origin.
        let state = await lastState(page, 1);
        assert.deepEqual(state, { type: 'state', t: state.t, playing: false, step: 2, scenario: 'checkout-sync' });
        await screenshot('workshop-embed-host');

        await page.evaluate(() => window.send({ type: 'play' }));
        state = await lastState(page, 2);
        assert.equal(state.playing, true);
        await page.evaluate(() => window.send({ type: 'pause' }));
        state = await lastState(page, 3);
        assert.equal(state.playing, false);

        await page.evaluate(() => window.send({ type: 'goToStep', step: 4 }));
        state = await lastState(page, 4);
        assert.equal(state.step, 4);
        assert.equal(await lab.getByTestId('narrative').getAttribute('data-step'), '4');

        const tBefore = state.t;
        await page.evaluate(() => window.send({ type: 'step' }));
        state = await lastState(page, 5);
        assert.ok(state.t > tBefore, `step moved the clock: ${tBefore} → ${state.t}`);

        await page.evaluate(() => window.send({ type: 'selectScenario', id: 'checkout-pubsub' }));
        state = await lastState(page, 6);
        assert.equal(state.scenario, 'checkout-pubsub');
        await lab.getByTestId('graph-checkout-pubsub').waitFor();

        // Malformed or unknown commands are ignored: no answer, nothing moves.
        const n = await page.evaluate(() => window.received.length);
        await page.evaluate(() => {
          window.send('{"type":"play"}');
          window.send({ type: 'eval', code: 'parent.__pwned = 1' });
          window.send({ type: 'goToStep', step: '2' });
          window.send({ type: 'selectScenario', id: 'no-such-scenario' });
          window.send(null);
        });
        await page.waitForTimeout(500);
        assert.equal(await page.evaluate(() => window.received.length), n, 'no answer to bad commands');
        assert.equal(await lab.getByRole('button', { name: 'Play' }).count(), 1, 'still paused');

        // The same lab framed by another origin: its commands are ignored, it hears nothing back.
        await page.goto(`http://${HOST}:${FOREIGN_PORT}/`, { waitUntil: 'load' });
        const lab2 = page.frameLocator('#lab');
        await lab2.getByTestId('embed').waitFor();
        await page.waitForTimeout(300);
        await page.evaluate(() => window.send({ type: 'play' }));
        await page.evaluate(() => window.send({ type: 'goToStep', step: 5 }));
        await page.waitForTimeout(600);
        assert.equal(await page.evaluate(() => window.received.length), 0, 'nothing posted to a foreign origin');
        assert.equal(await lab2.getByRole('button', { name: 'Play' }).count(), 1, 'not playing');
        assert.equal(await lab2.getByTestId('narrative').getAttribute('data-step'), '2');
      } finally {
        await close(host);
        await close(foreign);
      }
    },
  },
  {
    name: 'workshop: embed mode at 800×500 (controls) and controls=0',
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 800, height: 500 });
      await open(page, `${baseUrl}?scenario=checkout-sync&embed=1&t=12`);
      await page.getByTestId('embed').waitFor();
      assert.equal(await page.locator('header').count(), 0, 'no header');
      assert.equal(await page.getByTestId('narrative').count(), 1);
      const box = await page.getByTestId('graph-checkout-sync').boundingBox();
      assert.ok(box && box.width > 350 && box.height > 300, `graph is ${JSON.stringify(box)}`);
      const fits = await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);
      assert.ok(fits, 'one screen, no page scroll');
      await screenshot('workshop-embed-800x500');
      // At 12 s step 1 is revealed; playing on enters step 2, which asks first: playback pauses there.
      await page.getByRole('button', { name: 'Play' }).click();
      await page.locator('[data-testid="narrative"][data-step="2"][data-revealed="false"]').waitFor({ state: 'attached' });
      assert.equal(await page.getByRole('button', { name: 'Play' }).count(), 1, 'paused for the prediction');
      assert.equal(await timeMs(page), 12_000, 'where playback was');
      // Play again is the learner's choice: it plays on.
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(400);
      assert.equal(await page.getByRole('button', { name: 'Pause' }).count(), 1);
      await open(page, `${baseUrl}?scenario=checkout-sync&embed=1&controls=0&step=3`);
      await page.getByTestId('embed').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Play' }).count(), 0);
      assert.equal(await page.getByTestId('narrative').getAttribute('data-step'), '3');
      await screenshot('workshop-embed-800x500-no-controls');
    },
  },
  {
    name: 'workshop: presenter mode (large type, high contrast) at 1280×720',
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, `${baseUrl}?scenario=checkout-sync&present=1&t=12`);
      await page.getByTestId('graph-checkout-sync').waitFor();
      await page.waitForTimeout(400);
      const root = await page.evaluate(() => ({ cls: document.documentElement.className, size: parseFloat(getComputedStyle(document.documentElement).fontSize) }));
      assert.match(root.cls, /lab-present/);
      assert.ok(root.size >= 18, `root font ${root.size}px`);
      // Every node is inside the graph's box (fitted after the bigger type changed the layout).
      const inside = await page.evaluate(() => {
        const g = document.querySelector('.react-flow').getBoundingClientRect();
        return [...document.querySelectorAll('.react-flow__node')].every((n) => {
          const r = n.getBoundingClientRect();
          return r.left >= g.left - 1 && r.right <= g.right + 1 && r.top >= g.top - 1 && r.bottom <= g.bottom + 1;
        });
      });
      assert.ok(inside, 'the whole graph is in view');
      await screenshot('workshop-presenter-1280x720');
      // F toggles it off (and the address follows).
      await page.keyboard.press('f');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('lab-present')), false);
      assert.equal(new URL(page.url()).searchParams.get('present'), null);
      await page.keyboard.press('?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await sheet.waitFor();
      assert.ok((await sheet.getByRole('row').count()) >= 16);
      await screenshot('workshop-shortcuts');
    },
  },
  {
    name: 'workshop: the audience window follows the presenter (BroadcastChannel)',
    timeoutMs: 60_000,
    run: async ({ page, baseUrl, context }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, `${baseUrl}?scenario=checkout-sync&seed=3`);
      await page.getByTestId('graph-checkout-sync').waitFor();
      await page.getByRole('button', { name: /Workshop/ }).click();
      const [audience] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: /Open audience window/ }).click()]);
      const errors = [];
      audience.on('pageerror', (e) => errors.push(e.message));
      audience.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await audience.getByTestId('audience-banner').filter({ hasText: 'following the presenter' }).waitFor();
      assert.equal(await audience.getByRole('button', { name: 'Play' }).count(), 0, 'read-only: no controls');
      assert.match(await audience.evaluate(() => document.documentElement.className), /lab-present/);

      const same = async () => {
        await audience.waitForFunction((t) => document.querySelector('[data-testid="time"]')?.getAttribute('data-ms') === t, await page.getByTestId('time').getAttribute('data-ms'), { timeout: 5000 });
        const [a, b] = [await fingerprint(page), await fingerprint(audience)];
        assert.deepEqual({ ...b, speed: null }, { ...a, speed: null });
      };
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await same();
      await page.getByTestId('node-inventory').getByRole('button', { name: /^Take .*down$/ }).click();
      await page.keyboard.press('c');
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Space');
      await page.waitForTimeout(700);
      await page.keyboard.press('Space');
      await same();
      const fp = await fingerprint(audience);
      assert.equal(fp.view, 2, 'compare view mirrored');
      fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
      await audience.screenshot({ path: path.join(ROOT, 'test-results', 'workshop-audience.png') });
      assert.ok(fp.nodes.includes('node-inventory=down'), fp.nodes.join(' '));
      // A language switch in the presenter's window is followed, and back.
      await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await audience.waitForFunction(() => document.documentElement.lang === 'zh-CN', null, { timeout: 10_000 });
      await audience.getByTestId('audience-banner').filter({ hasText: '观众视图' }).waitFor();
      await page.getByRole('combobox', { name: /Language/ }).selectOption('en');
      await audience.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10_000 });
      await audience.close();
      assert.deepEqual(errors, []);
    },
  },
  {
    name: 'workshop: npm run build works from a sub-path of any static host',
    run: async ({ page }) => {
      const dist = path.join(ROOT, 'dist');
      const prefix = '/courses/lab/';
      const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
      const missing = [];
      let server;
      try {
        server = await serve(FOREIGN_PORT, (req, res) => {
          const url = new URL(req.url, 'http://x');
          if (!url.pathname.startsWith(prefix)) {
            missing.push(url.pathname);
            res.writeHead(404).end();
            return;
          }
          const rel = url.pathname.slice(prefix.length) || 'index.html';
          const file = path.join(dist, path.normalize(rel));
          if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
            missing.push(url.pathname);
            res.writeHead(404).end();
            return;
          }
          res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
          res.end(fs.readFileSync(file));
        });
        await open(page, `http://${HOST}:${FOREIGN_PORT}${prefix}?scenario=checkout-pubsub`);
        await page.getByTestId('graph-checkout-pubsub').waitFor();
        // Lazy chunks load from the sub-path too: the charts tab and a dialog.
        await page.getByRole('tab', { name: 'Charts' }).click();
        await page.keyboard.press('?');
        await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
        assert.deepEqual(missing, [], 'every asset was found under the sub-path');
      } finally {
        await close(server);
      }
    },
  },
  {
    name: 'workshop: the single-file build opens from file:// and plays without errors',
    timeoutMs: 180_000,
    run: async ({ page, consoleErrors }) => {
      const file = await new Promise((resolve, reject) => {
        execFile(process.execPath, [path.join(ROOT, 'scripts/build-single.mjs')], { cwd: ROOT, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
          if (err) reject(new Error(`build:single failed: ${stderr || err.message}`));
          else resolve(stdout.trim().split('\n').pop());
        });
      });
      assert.ok(fs.existsSync(file), `build:single printed ${file}`);
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${pathToFileURL(file).href}?scenario=checkout-pubsub&story=off`, { waitUntil: 'load' });
      await page.getByTestId('graph-checkout-pubsub').waitFor();
      await page.getByTestId('play').click();
      await page.waitForTimeout(1500);
      await page.keyboard.press('Space');
      assert.ok((await timeMs(page)) > 500, 'the clock moved');
      // A lazy part (the shortcut sheet) is inlined too.
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('Escape');
      // So are the stories' words (a lazy chunk in the site build).
      await page.getByRole('button', { name: 'Show the story', exact: true }).click();
      await page.getByTestId('narrative-count').waitFor();
      assert.ok(((await page.locator('#narrative-title').textContent()) ?? '').trim(), 'the story shows its step title');
      assert.ok(((await page.locator('.lab-narrative__text').first().textContent()) ?? '').trim(), 'the story shows its step text');
      assert.deepEqual(consoleErrors, []);
    },
  },
];

#!/usr/bin/env node
// End-to-end harness: builds the lab, serves it with `vite preview`, drives Debian's Chromium with
// playwright-core and runs every tests/e2e/*.e2e.mjs file.
//
// A test file exports:
//   export const tests = [{ name, run: async ({ page, baseUrl, context, screenshot, consoleErrors }) => {},
//                           allowConsoleErrors?: boolean, timeoutMs?: number }];
// Each test gets a fresh page. It fails if `run` throws, exceeds its timeout (60 s by default), or
// the page logs a console error / throws an uncaught error (unless `allowConsoleErrors: true`).
//
// Env: E2E_FILTER=substring   run only tests whose "file > name" contains it
//      E2E_SKIP_BUILD=1       reuse the existing dist/ (for quick local loops; CI always builds)
//      E2E_PORT=4173          preview port
//      CHROMIUM=/usr/bin/chromium
// Output: `✓ name` / `✗ name: error` per test, then exactly `e2e: N passed, N failed`. Exit 1 on any failure.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const E2E_DIR = path.join(ROOT, 'tests/e2e');
const RESULTS_DIR = path.join(ROOT, 'test-results');
const VITE_BIN = path.join(ROOT, 'node_modules/vite/bin/vite.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT || 4173);
const HOST = '127.0.0.1';
const BASE_URL = `http://${HOST}:${PORT}/`;
const FILTER = process.env.E2E_FILTER || '';
const DEFAULT_TIMEOUT_MS = 60_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let preview = null; // the `vite preview` child process
let context = null; // the persistent browser context
let profileDir = null;

function log(line = '') {
  process.stdout.write(`${line}\n`);
}

function errorText(err) {
  if (err instanceof Error) return err.message.split('\n')[0];
  return String(err);
}

function slug(name) {
  return String(name).replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'screenshot';
}

/** Run a command to completion; resolve with its exit code and combined output. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (err) => resolve({ code: -1, out: `${out}${err.message}` }));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

async function loadTests() {
  const files = fs.existsSync(E2E_DIR)
    ? fs.readdirSync(E2E_DIR).filter((f) => f.endsWith('.e2e.mjs')).sort()
    : [];
  const selected = [];
  const loadErrors = [];
  for (const file of files) {
    try {
      const mod = await import(pathToFileURL(path.join(E2E_DIR, file)).href);
      if (!Array.isArray(mod.tests)) throw new Error('does not export `tests` as an array');
      for (const t of mod.tests) {
        if (!t || typeof t.name !== 'string' || typeof t.run !== 'function') {
          throw new Error('each test needs a string `name` and a function `run`');
        }
        const id = `${file.replace(/\.e2e\.mjs$/, '')} > ${t.name}`;
        if (!FILTER || id.includes(FILTER)) selected.push({ ...t, file });
      }
    } catch (err) {
      if (!FILTER || file.includes(FILTER)) loadErrors.push({ name: file, error: errorText(err) });
    }
  }
  return { selected, loadErrors };
}

function portInUse(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: HOST, port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

async function startPreview() {
  // Otherwise the readiness poll below could be answered by whatever already listens there.
  if (await portInUse(PORT)) {
    throw new Error(`port ${PORT} on ${HOST} is already in use (another preview or dev server?). Stop it or set E2E_PORT.`);
  }
  // --bypass-lock: Vite 8.4 refuses a second `vite preview` of the same project (lock files in
  // node_modules/.vite/lock) even on another port; ours has its own strict port, so a developer's
  // running preview must not fail the tests, nor must the tests block theirs.
  const args = [VITE_BIN, 'preview', '--host', HOST, '--port', String(PORT), '--strictPort', '--bypass-lock'];
  preview = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  preview.stdout.on('data', (d) => (out += d));
  preview.stderr.on('data', (d) => (out += d));
  let exited = null;
  preview.on('exit', (code, signal) => (exited = { code, signal }));

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`vite preview exited (${exited.code ?? exited.signal}):\n${out.trim()}`);
    try {
      const res = await fetch(BASE_URL, { signal: AbortSignal.timeout(1000) });
      if (res.ok && !exited) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer on ${BASE_URL} within 30 s:\n${out.trim()}`);
}

function stopPreviewSync() {
  if (preview && preview.exitCode === null && preview.signalCode === null) {
    try {
      preview.kill('SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function stopPreview() {
  if (!preview || preview.exitCode !== null || preview.signalCode !== null) return;
  const exited = new Promise((r) => preview.once('exit', r));
  preview.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]);
  if (!killed) {
    preview.kill('SIGKILL');
    await exited;
  }
}

async function cleanup() {
  if (context) {
    await context.close().catch(() => {});
    context = null;
  }
  await stopPreview();
  if (profileDir) {
    fs.rmSync(profileDir, { recursive: true, force: true });
    profileDir = null;
  }
}

async function runOne(test) {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      consoleErrors.push(`console.error: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));

  const screenshot = async (name) => {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${slug(name)}.png`);
    await page.screenshot({ path: file });
    return file;
  };

  const timeoutMs = test.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
  });
  const body = Promise.resolve().then(() => test.run({ page, baseUrl: BASE_URL, context, screenshot, consoleErrors }));
  body.catch(() => {}); // after a timeout the body may still reject once the page closes

  let error = null;
  try {
    await Promise.race([body, timeout]);
    if (consoleErrors.length > 0 && !test.allowConsoleErrors) {
      error = new Error(`page logged ${consoleErrors.length} error(s): ${consoleErrors[0]}`);
    }
  } catch (err) {
    error = err;
  } finally {
    clearTimeout(timer);
  }

  if (error) {
    try {
      const shot = await Promise.race([
        screenshot(`failed-${test.file.replace(/\.e2e\.mjs$/, '')}-${test.name}`),
        new Promise((_, r) => setTimeout(() => r(new Error('screenshot timed out')), 5000)),
      ]);
      error.screenshot = shot;
    } catch {
      // the page may be gone
    }
  }
  await page.close().catch(() => {});
  return { error, consoleErrors };
}

async function main() {
  const { selected, loadErrors } = await loadTests();
  const total = selected.length + loadErrors.length;
  let passed = 0;
  let failed = 0;

  for (const e of loadErrors) {
    log(`✗ ${e.name}: cannot load: ${e.error}`);
    failed++;
  }
  if (total === 0) {
    if (FILTER) {
      log(`e2e: no test matches E2E_FILTER=${JSON.stringify(FILTER)}`);
      log('e2e: 0 passed, 0 failed');
      return 1;
    }
    log('e2e: no tests/e2e/*.e2e.mjs files');
    log('e2e: 0 passed, 0 failed');
    return 0;
  }
  if (selected.length === 0) {
    log(`e2e: ${passed} passed, ${failed} failed`);
    return 1;
  }

  // Setup failures fail every selected test: the count must never look better than it is.
  const setupFailed = (what, err) => {
    log(`✗ e2e setup: ${what}: ${err instanceof Error ? err.message : err}`);
    log(`e2e: ${passed} passed, ${failed + selected.length} failed`);
    return 1;
  };

  if (!process.env.E2E_SKIP_BUILD || !fs.existsSync(path.join(ROOT, 'dist/index.html'))) {
    const t0 = Date.now();
    const build = await run(process.execPath, [VITE_BIN, 'build']);
    if (build.code !== 0) return setupFailed('vite build failed', `\n${build.out.trim()}`);
    log(`e2e: built dist/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  if (!fs.existsSync(CHROMIUM)) {
    return setupFailed(
      'browser missing',
      `${CHROMIUM} not found. Install it with: sudo apt-get update && sudo apt-get install -y chromium`,
    );
  }

  try {
    await startPreview();
  } catch (err) {
    return setupFailed('vite preview', err);
  }

  try {
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cel-e2e-profile-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      // This harness closes the browser itself on signals (and then removes the profile); Playwright's
      // own handlers would race it and exit first.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (err) {
    return setupFailed('cannot launch Chromium', err);
  }

  for (const test of selected) {
    const name = selected.some((t) => t !== test && t.name === test.name) ? `${test.file} > ${test.name}` : test.name;
    const { error, consoleErrors } = await runOne(test);
    if (error) {
      failed++;
      log(`✗ ${name}: ${errorText(error)}`);
      for (const e of consoleErrors) log(`    ${e.split('\n')[0]}`);
      if (error.screenshot) log(`    screenshot: ${path.relative(ROOT, error.screenshot)}`);
    } else {
      passed++;
      log(`✓ ${name}`);
    }
  }

  log(`e2e: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

let interrupted = null; // exit code once a signal arrived

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (interrupted !== null) return;
    interrupted = 128 + (os.constants.signals[sig] ?? 1);
    log(`e2e: interrupted by ${sig}`);
    setTimeout(() => {
      stopPreviewSync();
      if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
      process.exit(interrupted);
    }, 8000).unref();
    cleanup().finally(() => process.exit(interrupted));
  });
}
// Last resort: never leave the preview server behind, whatever happened.
process.on('exit', stopPreviewSync);

let code = 1;
try {
  code = await main();
} catch (err) {
  log(`✗ e2e harness: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
  log('e2e: 0 passed, 1 failed');
  code = 1;
} finally {
  await cleanup();
}
process.exit(interrupted ?? code);

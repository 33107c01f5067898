#!/usr/bin/env node
// `npm test`: every check, on a fresh machine, in one command.
//
//   1. npm ci when node_modules is missing or older than package-lock.json (EBADENGINE = failure)
//   2. Debian's Chromium when /usr/bin/chromium is missing (apt-get, as root only)
//   3. engine purity lint            → counts as 1 test
//   4. typecheck (tsc --noEmit)      → counts as 1 test
//   5. vitest (unit + component)     → counted from its JSON report
//   6. e2e (tests/e2e/run.mjs)       → counted from its `e2e: N passed, N failed` line
//
// A failing stage does not stop the later ones, so the count is complete. The LAST line printed is
// exactly `N passed, N failed`; the exit code is non-zero when anything failed.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const VITEST_JSON = path.join(ROOT, '.tmp/vitest.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const results = []; // { stage, passed, failed, note }

function log(line = '') {
  process.stdout.write(`${line}\n`);
}

function banner(title) {
  log('');
  log(`── ${title} ${'─'.repeat(Math.max(3, 70 - title.length))}`);
}

/** Run a command with output shown live; resolve with exit code and captured output. */
function run(cmd, args, { capture = false, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    if (capture) {
      child.stdout.on('data', (d) => {
        out += d;
        process.stdout.write(d);
      });
      child.stderr.on('data', (d) => {
        out += d;
        process.stderr.write(d);
      });
    }
    child.on('error', (err) => {
      log(`cannot run ${cmd}: ${err.message}`);
      resolve({ code: 127, out });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), out }));
  });
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

async function ensureDependencies() {
  const installed = mtime(path.join(ROOT, 'node_modules/.package-lock.json'));
  const lock = mtime(path.join(ROOT, 'package-lock.json'));
  const reason = !fs.existsSync(path.join(ROOT, 'node_modules'))
    ? 'node_modules is missing'
    : installed === null
      ? 'node_modules/.package-lock.json is missing'
      : lock !== null && lock > installed
        ? 'package-lock.json is newer than node_modules'
        : null;
  if (!reason) return true;
  banner(`npm ci (${reason})`);
  const r = await run(npm, ['ci', '--no-audit', '--no-fund'], { capture: true });
  if (r.code !== 0) {
    log(`npm ci failed (exit ${r.code})`);
    return false;
  }
  if (/EBADENGINE/.test(r.out)) {
    log(`npm ci reported EBADENGINE: a package does not support Node ${process.version} and will break at run time.`);
    return false;
  }
  return true;
}

async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  banner('chromium');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    log(`${CHROMIUM} is missing and this is not root, so the e2e tests will fail. Install it with:`);
    log('  sudo apt-get update && sudo apt-get install -y chromium');
    return;
  }
  log(`${CHROMIUM} is missing: installing Debian's chromium`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const r = await run('sh', ['-c', 'apt-get update && apt-get install -y chromium'], { env });
  if (r.code !== 0 || !fs.existsSync(CHROMIUM)) log('installing chromium failed: the e2e tests will fail');
}

async function singleCheck(stage, args) {
  banner(stage);
  const t0 = Date.now();
  const r = await run(npm, args);
  const ok = r.code === 0;
  results.push({ stage, passed: ok ? 1 : 0, failed: ok ? 0 : 1, ms: Date.now() - t0 });
}

async function vitest() {
  const stage = 'vitest (unit + component)';
  banner(stage);
  const t0 = Date.now();
  fs.mkdirSync(path.dirname(VITEST_JSON), { recursive: true });
  fs.rmSync(VITEST_JSON, { force: true });
  const bin = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
  const r = await run(process.execPath, [
    bin,
    'run',
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${path.relative(ROOT, VITEST_JSON)}`,
  ]);
  let passed = 0;
  let failed = 0;
  let note = '';
  let report = null;
  try {
    report = JSON.parse(fs.readFileSync(VITEST_JSON, 'utf8'));
  } catch {
    // no report: vitest crashed before writing it
  }
  if (report) {
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    // A file that fails to load has no test results of its own but is still a failure.
    const brokenFiles = (report.testResults ?? []).filter(
      (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
    );
    if (brokenFiles.length > 0) {
      failed += brokenFiles.length;
      note = `${brokenFiles.length} file(s) failed to run`;
    }
    if (r.code !== 0 && failed === 0) {
      failed = 1;
      note = `vitest exited ${r.code} (errors outside tests)`;
    }
  } else {
    failed = 1;
    note = `no JSON report (vitest exited ${r.code})`;
  }
  results.push({ stage, passed, failed, note, ms: Date.now() - t0 });
}

async function e2e() {
  const stage = 'e2e (Chromium)';
  banner(stage);
  const t0 = Date.now();
  const r = await run(process.execPath, [path.join(ROOT, 'tests/e2e/run.mjs')], { capture: true });
  const lines = [...r.out.matchAll(/^e2e: (\d+) passed, (\d+) failed$/gm)];
  const last = lines.at(-1);
  let passed = 0;
  let failed = 0;
  let note = '';
  if (last) {
    passed = Number(last[1]);
    failed = Number(last[2]);
    if (r.code !== 0 && failed === 0) {
      failed = 1;
      note = `harness exited ${r.code}`;
    }
  } else {
    failed = 1;
    note = `no summary line (harness exited ${r.code})`;
  }
  results.push({ stage, passed, failed, note, ms: Date.now() - t0 });
}

function printSummary() {
  banner('summary');
  for (const r of results) {
    const secs = r.ms !== undefined ? ` in ${(r.ms / 1000).toFixed(1)} s` : '';
    log(`${r.failed > 0 ? '✗' : '✓'} ${r.stage}: ${r.passed} passed, ${r.failed} failed${secs}${r.note ? ` (${r.note})` : ''}`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  log(`${passed} passed, ${failed} failed`);
  return failed;
}

async function main() {
  if (!(await ensureDependencies())) {
    results.push({ stage: 'npm ci', passed: 0, failed: 1, note: 'dependencies not installed; nothing else can run' });
    printSummary();
    return 1;
  }
  await ensureChromium();
  await singleCheck('engine purity (npm run lint:engine)', ['run', 'lint:engine']);
  await singleCheck('typecheck (npm run typecheck)', ['run', 'typecheck']);
  await vitest();
  await e2e();
  return printSummary() > 0 ? 1 : 0;
}

process.exitCode = await main();

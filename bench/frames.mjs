#!/usr/bin/env node
// Frame time against the UI budget (npm run bench:frames). Not a test: it prints numbers and never
// fails on a miss.
//
// Budget (shared/DESIGN.md): 60 fps — p95 frame ≤ 16.7 ms — with 300 messages in flight on a
// 12-node graph, in headless Chromium. The scenario (bench/frames-scenario.json: 12 nodes, 1.5 s per
// hop, ~26 commands/s) travels in the link as `?s=` exactly as a shared custom scenario does; the lab
// opens at t = 36 s, where about 300 tokens are in flight, and plays at 1× while a
// requestAnimationFrame loop inside the page records every frame's interval and the token count the
// token layer reports (its `data-count`). Three passes, each in a fresh page at 1280×720:
//   paused   nothing moves: the noise floor of this browser on this machine (vsync jitter, other load)
//   full     the budget's case
//   reduced  the same with prefers-reduced-motion (tokens wait at an end of their edge)
// Besides frame intervals it prints the browser's CPU time per frame (from its processes' CPU
// counters), which other processes on a shared machine inflate far less than they inflate intervals.
// Headless Chromium here has no GPU: raster and compositing run on the CPU (software rendering).
//
// It builds the lab into its own directory (node_modules/.cache/bench-frames/, rebuilt when any
// source is newer), so it never empties the dist/ that the e2e tests or a preview may be serving.
//
//   npm run bench:frames                       # the three passes, 10 s each
//   npm run bench:frames -- --seconds 5        # shorter samples (at most 20 s: the run lasts 60 s)
//   npm run bench:frames -- --only paused|full|reduced
//   npm run bench:frames -- --repeat 3         # each pass 3 times, then best / median / worst (the
//                                              # machine may be shared: one run is one draw)
//   npm run bench:frames -- --profile          # then where the time goes: a Chrome trace (CPU per
//                                              # thread, main-thread self time per trace event) and a
//                                              # V8 profile of an unminified build (functions,
//                                              # components); with --only reduced, of that pass
//   npm run bench:frames -- --fixed-step       # every frame advances the lab 1/60 s, however long it
//                                              # took: the same work per frame, plus the median main-
//                                              # thread JS and style + layout per frame; for comparing
//                                              # two builds on a busy machine (not the budget's
//                                              # real-time playback; intervals are still real)
//   npm run bench:frames -- --dist DIR [--profile-dist DIR]   # measure given builds as they are (A/B)
// Env: CHROMIUM=/usr/bin/chromium, FRAMES_PORT=… (default: a free port), FRAMES_BUILD=always|never,
//      FRAMES_TOP=N (rows in the profile's component list)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITE_BIN = path.join(ROOT, 'node_modules/vite/bin/vite.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const HOST = '127.0.0.1';
const SCENARIO_FILE = path.join(ROOT, 'bench/frames-scenario.json');
const CACHE = path.join(ROOT, 'node_modules/.cache/bench-frames');
// The same flags as the e2e harness (tests/e2e/run.mjs): no GPU, so Chromium rasterises and
// composites in software.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 720 };
const BUDGET = { p95Ms: 16.7, inFlight: 300, nodes: 12 };
/** Virtual second the sample starts at: the run has settled at ~300 messages in flight by then. */
const START_S = 36;
const WARMUP_MS = 1000;
/** The scenario runs 60 s: a sample must end before playback does. */
const MAX_SECONDS = 20;
/**
 * rAF timestamps are vsync-aligned but jitter by about ±0.1 ms (a paused page measures intervals of
 * 16.6–16.8 ms), so a frame counts as late, and p95 as over budget, only beyond this.
 */
const VSYNC_JITTER_MS = 0.5;

// ─── Arguments ───────────────────────────────────────────────────────────────────────────────

function parseArgs(argv) {
  const opts = { seconds: 10, profile: false, only: null, repeat: 1, dist: null, profileDist: null, fixedStep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seconds') opts.seconds = Number(argv[++i]);
    else if (a === '--profile') opts.profile = true;
    else if (a === '--fixed-step') opts.fixedStep = true;
    else if (a === '--only') opts.only = argv[++i];
    else if (a === '--repeat') opts.repeat = Number(argv[++i]);
    else if (a === '--dist') opts.dist = path.resolve(argv[++i]);
    else if (a === '--profile-dist') opts.profileDist = path.resolve(argv[++i]);
    else {
      console.error(`unknown argument ${a}\nusage: node bench/frames.mjs [--seconds N] [--repeat N] [--profile] [--only paused|full|reduced] [--dist DIR] [--profile-dist DIR] [--fixed-step]`);
      process.exit(2);
    }
  }
  if (!(opts.seconds > 0 && opts.seconds <= MAX_SECONDS)) {
    console.error(`--seconds must be in (0, ${MAX_SECONDS}]`);
    process.exit(2);
  }
  if (!(Number.isInteger(opts.repeat) && opts.repeat >= 1 && opts.repeat <= 20)) {
    console.error('--repeat takes a whole number from 1 to 20');
    process.exit(2);
  }
  if (opts.dist !== null && !fs.existsSync(path.join(opts.dist, 'index.html'))) {
    console.error(`--dist ${opts.dist}: no index.html there`);
    process.exit(2);
  }
  if (opts.only !== null && !['paused', 'full', 'reduced'].includes(opts.only)) {
    console.error('--only takes paused, full or reduced');
    process.exit(2);
  }
  return opts;
}

// ─── Build and serve ─────────────────────────────────────────────────────────────────────────

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (err) => resolve({ code: -1, out: `${out}${err.message}` }));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** Builds into `outDir` unless its stamp is newer than every input of the build. */
async function ensureBuild(outDir, extraArgs, what) {
  const stamp = path.join(outDir, '.bench-frames-stamp');
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'scripts/vite-strip-expectations.mjs'];
  const sourcesAt = Math.max(...inputs.map((p) => newestMtime(path.join(ROOT, p))));
  const mode = process.env.FRAMES_BUILD;
  const fresh = fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= sourcesAt;
  if (mode === 'never' || (fresh && mode !== 'always')) {
    if (!fs.existsSync(path.join(outDir, 'index.html'))) throw new Error(`${outDir} has no build and FRAMES_BUILD=never`);
    return `${what}: reused ${path.relative(ROOT, outDir)}/ (no source newer than it)`;
  }
  const t0 = Date.now();
  const started = Date.now();
  const res = await run(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...extraArgs]);
  if (res.code !== 0) throw new Error(`vite build failed:\n${res.out.trim()}`);
  fs.writeFileSync(stamp, '');
  // Sources edited during the build make it stale again: date the stamp from the build's start.
  fs.utimesSync(stamp, started / 1000, started / 1000);
  return `${what}: built ${path.relative(ROOT, outDir)}/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const children = new Set();

async function startPreview(outDir, port) {
  const baseUrl = `http://${HOST}:${port}/`;
  // --bypass-lock: Vite refuses a second `vite preview` of the same project otherwise (see tests/e2e/run.mjs).
  const child = spawn(process.execPath, [VITE_BIN, 'preview', '--host', HOST, '--port', String(port), '--strictPort', '--bypass-lock', '--outDir', outDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    children.delete(child);
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`vite preview exited (${exited.code ?? exited.signal}):\n${out.trim()}`);
    try {
      const res = await fetch(baseUrl, { signal: AbortSignal.timeout(1000) });
      if (res.ok && !exited) return { baseUrl, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer on ${baseUrl} within 30 s:\n${out.trim()}`);
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]);
  if (!gone) {
    child.kill('SIGKILL');
    await exited;
  }
}

// ─── The scenario link ───────────────────────────────────────────────────────────────────────

/** `?s=` as the lab's share codec writes it: compact JSON → deflate-raw → base64url. */
function scenarioLink(baseUrl) {
  const scenario = JSON.parse(fs.readFileSync(SCENARIO_FILE, 'utf8'));
  const s = deflateRawSync(Buffer.from(JSON.stringify(scenario), 'utf8')).toString('base64url');
  const url = `${baseUrl}?t=${START_S}&speed=1&story=off&s=${s}`;
  return { url, nodes: scenario.nodes.length, chars: s.length };
}

// ─── In the page ─────────────────────────────────────────────────────────────────────────────

/** Runs in the page: starts recording every frame; window.__frames.stop() returns the sample. */
function installRecorder() {
  const layer = () => document.querySelector('[data-testid="token-layer"]');
  const rec = { intervals: [], counts: [], longTasks: [], loafs: [], last: undefined, on: true };
  const workFrom = window.__frameWork ? window.__frameWork.js.length : 0;
  const observers = [];
  for (const [type, into] of [
    ['longtask', rec.longTasks],
    ['long-animation-frame', rec.loafs],
  ]) {
    if (!PerformanceObserver.supportedEntryTypes?.includes(type)) continue;
    const o = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) into.push(e.duration);
    });
    o.observe({ type });
    observers.push(o);
  }
  const frame = (now) => {
    if (!rec.on) return;
    if (rec.last !== undefined) rec.intervals.push(now - rec.last);
    rec.last = now;
    rec.counts.push(Number(layer()?.getAttribute('data-count') ?? NaN));
    raf(frame);
  };
  // The browser's own requestAnimationFrame, even under --fixed-step: these are real intervals.
  const raf = window.__realRaf ?? requestAnimationFrame;
  raf(frame);
  window.__frames = {
    stop() {
      rec.on = false;
      for (const o of observers) o.disconnect();
      const w = window.__frameWork;
      const work = w ? { js: w.js.slice(workFrom, -1), layout: w.layout.slice(workFrom, -1) } : null;
      return { intervals: rec.intervals, counts: rec.counts, longTasks: rec.longTasks, loafs: rec.loafs, loafSupported: observers.length === 2, work };
    },
  };
}

function inFlightNow() {
  const layer = document.querySelector('[data-testid="token-layer"]');
  return {
    reported: Number(layer?.getAttribute('data-count') ?? NaN),
    // A few tokens are a group each; a crowd is a few paths (TokenLayer), the selected one apart.
    drawn: layer ? layer.querySelectorAll('g.lab-token').length : 0,
    batches: layer ? layer.querySelectorAll('.lab-tokens__batch path').length : 0,
    ms: Number(document.querySelector('[data-testid="time"]')?.getAttribute('data-ms') ?? NaN),
    graphNodes: document.querySelectorAll('.react-flow__node').length,
  };
}

// ─── Statistics ──────────────────────────────────────────────────────────────────────────────

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** Interval buckets (ms): on time (vsync jitter included), one vsync missed, two, three or more. */
const HISTOGRAM = [
  [0, 17.2],
  [17.2, 34.2],
  [34.2, 50.9],
  [50.9, Infinity],
];

const ms2 = (v) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');

function summarise(sample, seconds) {
  const iv = sample.intervals.slice().sort((a, b) => a - b);
  const total = sample.intervals.reduce((s, v) => s + v, 0);
  const counts = sample.counts.filter(Number.isFinite).sort((a, b) => a - b);
  // One vsync interval at 60 Hz is 16.67 ms; a frame that missed it shows as ~33 ms or more.
  const late = sample.intervals.filter((v) => v > BUDGET.p95Ms + VSYNC_JITTER_MS).length;
  return {
    frames: sample.intervals.length,
    fps: total > 0 ? (sample.intervals.length * 1000) / total : NaN,
    wallS: total / 1000,
    p50: quantile(iv, 0.5),
    p95: quantile(iv, 0.95),
    p99: quantile(iv, 0.99),
    max: iv[iv.length - 1],
    histogram: HISTOGRAM.map(([lo, hi]) => sample.intervals.filter((v) => v > lo && v <= hi).length),
    late,
    longTasks: sample.longTasks.length,
    longestTask: sample.longTasks.length ? Math.max(...sample.longTasks) : 0,
    loafs: sample.loafSupported ? sample.loafs.length : null,
    inFlight: { min: counts[0], median: quantile(counts, 0.5), max: counts[counts.length - 1] },
    work: sample.work
      ? {
          js: quantile(sample.work.js.slice().sort((a, b) => a - b), 0.5),
          layout: quantile(sample.work.layout.slice().sort((a, b) => a - b), 0.5),
        }
      : null,
    seconds,
  };
}

// ─── One pass ────────────────────────────────────────────────────────────────────────────────

/**
 * Runs in the page before its scripts (--fixed-step): every frame hands the page's rAF callbacks a
 * clock 1/60 s after the previous frame's, whatever time really passed. The lab's playback advances
 * by that clock, so every frame does the same amount of work even when frames are dropped, and CPU
 * per frame compares two builds fairly on a machine that other work keeps busy.
 */
function fixedStepClock() {
  const real = window.requestAnimationFrame.bind(window);
  let lastReal;
  let clock;
  // Per frame, the main thread's synchronous work for the page's rAF callbacks: the callback and the
  // React render + commit it triggers (a microtask queued behind React's), then style and layout,
  // forced right away (the frame would do them a moment later anyway). Medians over frames shrug
  // off the odd frame where another process took the CPU.
  const work = { js: [], layout: [] };
  window.__realRaf = real;
  window.__frameWork = work;
  window.requestAnimationFrame = (cb) =>
    real((now) => {
      if (clock === undefined) clock = now;
      else if (now !== lastReal) {
        clock += 1000 / 60;
        work.js.push(0);
        work.layout.push(0);
      }
      lastReal = now;
      const t0 = performance.now();
      cb(clock);
      queueMicrotask(() => {
        const t1 = performance.now();
        void document.documentElement.offsetWidth;
        const t2 = performance.now();
        if (work.js.length === 0) return;
        work.js[work.js.length - 1] += t1 - t0;
        work.layout[work.layout.length - 1] += t2 - t1;
      });
    });
}

async function openAtStart(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('[data-testid="token-layer"]').first().waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator('[data-testid="play"]').first().waitFor({ state: 'visible', timeout: 30_000 });
  // Let fitView, fonts and the lazy chunks settle before anything is measured.
  await page.waitForTimeout(1000);
  return { page, errors };
}

async function startPlaying(page) {
  await page.locator('[data-testid="play"]').first().click();
  await page.waitForTimeout(WARMUP_MS);
}

/** Cumulative CPU seconds of the browser's processes by type (renderer, GPU, browser…). */
async function cpuByType(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const out = {};
  for (const p of processInfo) out[p.type] = (out[p.type] ?? 0) + p.cpuTime;
  return out;
}

async function measurePass(context, url, seconds, play = true) {
  const { page, errors } = await openAtStart(context, url);
  const before = await page.evaluate(inFlightNow);
  if (play) await startPlaying(page);
  // CPU time the browser's processes actually ran: unlike frame intervals, it does not grow when
  // other processes on the machine take the CPU, so it compares two builds on a busy machine.
  const browserCdp = await context.browser().newBrowserCDPSession();
  const load0 = os.loadavg()[0];
  const cpu0 = await cpuByType(browserCdp);
  await page.evaluate(installRecorder);
  await page.waitForTimeout(seconds * 1000);
  const sample = await page.evaluate(() => window.__frames.stop());
  const cpu1 = await cpuByType(browserCdp);
  const load1 = os.loadavg()[0];
  await browserCdp.detach();
  const after = await page.evaluate(inFlightNow);
  await page.close();
  const stats = summarise(sample, seconds);
  stats.cpuMsPerFrame = Object.fromEntries(
    Object.keys(cpu1)
      .map((k) => [k, ((cpu1[k] - (cpu0[k] ?? 0)) * 1000) / Math.max(1, stats.frames)])
      .filter(([, v]) => v >= 0.05)
      .sort((a, b) => b[1] - a[1]),
  );
  return { before, after, stats, errors, load: [load0, load1] };
}

function printPass(label, r) {
  const s = r.stats;
  const within = s.p95 <= BUDGET.p95Ms + VSYNC_JITTER_MS;
  console.log(`\n${label}`);
  console.log(
    `  in flight at t = ${(r.before.ms / 1000).toFixed(1)} s, paused: ${r.before.reported} messages (token layer's count), drawn as ${r.before.drawn} token groups${r.before.batches ? ` + ${r.before.batches} batched paths` : ''}; graph nodes: ${r.before.graphNodes}`,
  );
  if (r.after.ms === r.before.ms) console.log(`  paused at t = ${(r.before.ms / 1000).toFixed(1)} s; sampled ${s.wallS.toFixed(1)} s`);
  else console.log(`  played${FIXED_STEP ? ' 1/60 s per frame' : ' at 1×'} from t = ${(r.before.ms / 1000).toFixed(1)} s to ${(r.after.ms / 1000).toFixed(1)} s; sampled ${s.wallS.toFixed(1)} s after a ${WARMUP_MS / 1000} s warm-up`);
  console.log(`  tokens in flight during the sample: min ${s.inFlight.min} / median ${s.inFlight.median} / max ${s.inFlight.max}`);
  console.log(`  frames: ${s.frames} · mean ${s.fps.toFixed(1)} fps · machine load average ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)} over the sample`);
  if (s.work) console.log(`  main thread per frame (median): rAF callbacks + React render/commit ${ms2(s.work.js)} ms, then style + layout ${ms2(s.work.layout)} ms`);
  console.log(
    `  CPU per frame (all threads, from the processes' CPU time): ${Object.entries(s.cpuMsPerFrame)
      .map(([k, v]) => `${k} ${v.toFixed(1)} ms`)
      .join(' · ')}`,
  );
  console.log(`  frame time p50 / p95 / p99 / max: ${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} / ${ms(s.max)} ms`);
  console.log(`  late frames (interval > ${BUDGET.p95Ms + VSYNC_JITTER_MS} ms: at least one vsync missed): ${s.late} (${((100 * s.late) / Math.max(1, s.frames)).toFixed(1)} %)`);
  console.log(
    `  intervals: ${HISTOGRAM.map(([lo, hi], i) => `${hi === Infinity ? `> ${lo}` : `${lo}–${hi}`} ms: ${s.histogram[i]}`).join(' · ')}`,
  );
  console.log(
    `  long tasks (> 50 ms): ${s.longTasks}${s.longTasks ? `, longest ${ms(s.longestTask)} ms` : ''}${s.loafs === null ? '' : ` · long animation frames (> 50 ms): ${s.loafs}`}`,
  );
  if (r.after.ms === r.before.ms) return; // paused: no budget applies
  console.log(
    `  budget: p95 ${ms(s.p95)} ms vs ≤ ${BUDGET.p95Ms} ms — ${within ? `within${s.p95 > BUDGET.p95Ms ? ' (vsync jitter)' : ''}` : 'OVER'}; median in flight ${s.inFlight.median} vs ${BUDGET.inFlight} — ${s.inFlight.median >= BUDGET.inFlight * 0.9 ? 'load as specified' : 'LIGHTER load than the budget names'}`,
  );
  if (r.errors.length) console.log(`  page errors: ${r.errors.slice(0, 3).join(' | ')}`);
}

let FIXED_STEP = false;

async function newContext(browser, reducedMotion) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion });
  if (FIXED_STEP) await context.addInitScript(fixedStepClock);
  return context;
}

// ─── Profile ─────────────────────────────────────────────────────────────────────────────────

/**
 * From a Chrome trace: CPU time (`tdur`, so time another process took from us is not counted) per
 * thread, and self CPU time per event name on the renderer's main thread (children subtracted).
 */
function traceCpu(events) {
  const threadName = new Map();
  for (const e of events) if (e.name === 'thread_name' && e.ph === 'M') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const k = `${e.pid}:${e.tid}`;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  const perThread = new Map(); // thread name → CPU µs of its top-level events
  const self = new Map(); // event name → self CPU µs, renderer main thread only
  for (const [k, list] of byThread) {
    const name = (threadName.get(k) ?? '?').replace(/\d+$/, '');
    const main = name === 'CrRendererMain';
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    for (const e of list) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const cpu = typeof e.tdur === 'number' ? e.tdur : e.dur;
      const parent = stack[stack.length - 1];
      if (!parent) perThread.set(name, (perThread.get(name) ?? 0) + cpu);
      if (main) {
        if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - cpu);
        self.set(e.name, (self.get(e.name) ?? 0) + cpu);
      }
      stack.push(e);
    }
  }
  return { perThread, self };
}

function frameKey(cf) {
  const file = cf.url ? cf.url.replace(/^.*\/assets\//, '') : '';
  return `${cf.functionName || '(anonymous)'}${file ? ` ${file}:${cf.lineNumber + 1}` : ''}`;
}

/** Self and inclusive (self + callees, each function counted once per sample) time per JS function from a V8 CPU profile. */
function profileTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  const totalUs = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const d = dt[i + 1] ?? 0;
    const leaf = byId.get(profile.samples[i]);
    const key = frameKey(leaf.callFrame);
    selfUs.set(key, (selfUs.get(key) ?? 0) + d);
    const seen = new Set();
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const k = frameKey(byId.get(id).callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      totalUs.set(k, (totalUs.get(k) ?? 0) + d);
    }
  }
  return { selfUs, totalUs };
}

/** Plays for `seconds` between `begin(cdp)` and `end(cdp)`; returns the frame sample's stats and what `end` returned. */
async function withCdp(context, url, seconds, begin, end) {
  const { page } = await openAtStart(context, url);
  await startPlaying(page);
  const cdp = await page.context().newCDPSession(page);
  await begin(cdp);
  await page.evaluate(installRecorder);
  await page.waitForTimeout(seconds * 1000);
  const sample = await page.evaluate(() => window.__frames.stop());
  const result = await end(cdp);
  await page.close();
  return { stats: summarise(sample, seconds), result };
}

async function profilePasses(browser, urls, seconds, reducedMotion) {
  const motion = reducedMotion === 'reduce' ? 'reduced motion' : 'full motion';
  const perMs = (us, frames) => `${(us / 1000 / Math.max(1, frames)).toFixed(2).padStart(6)} ms`;

  // 1. A trace of the shipped build: where the CPU goes, thread by thread.
  let context = await newContext(browser, reducedMotion);
  const events = [];
  let traceDone;
  const traced = await withCdp(
    context,
    urls.shipped,
    seconds,
    async (cdp) => {
      cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
      traceDone = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink', 'cc', 'viz', '__metadata'] },
        transferMode: 'ReportEvents',
      });
    },
    async (cdp) => {
      await cdp.send('Tracing.end');
      await traceDone;
      return events;
    },
  );
  await context.close();
  const f = traced.stats.frames;
  const { perThread, self } = traceCpu(traced.result);
  console.log(`\nprofile 1: Chrome trace, shipped build, ${motion} (${f} frames, p95 ${ms(traced.stats.p95)} ms while traced; tracing costs time too)`);
  console.log('  CPU time per frame by thread (tdur: time the thread actually ran):');
  for (const [name, us] of [...perThread.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`    ${perMs(us, f)}  ${name}`);
  console.log('  renderer main thread, self CPU time per frame by trace event:');
  for (const [name, us] of [...self.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${perMs(us, f)}  ${name}`);

  // 2. A sampled JS profile of an unminified build: which functions and components.
  context = await newContext(browser, reducedMotion);
  const profiled = await withCdp(
    context,
    urls.unminified,
    seconds,
    async (cdp) => {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    },
    async (cdp) => (await cdp.send('Profiler.stop')).profile,
  );
  await context.close();
  const g = profiled.stats.frames;
  const { selfUs, totalUs } = profileTimes(profiled.result);
  const js = [...selfUs.entries()].filter(([k]) => !/^\((idle|program|garbage collector|root)\)/.test(k)).reduce((sum, [, v]) => sum + v, 0);
  console.log(`\nprofile 2: V8 sampling profile, unminified build, ${motion} (${g} frames; JS ${perMs(js, g).trim()} per frame; "(program)" is the renderer's native work: style, layout, paint)`);
  console.log('  self time per frame by function:');
  for (const [name, us] of [...selfUs.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${perMs(us, g)}  ${name}`);
  console.log("  inclusive time per frame (self + callees) of the lab's own components and selectors:");
  const own = [...totalUs.entries()].filter(([k]) => /^([A-Z]\w*|use[A-Z]\w*|worldAt\w*|tokensAt|metricsAt|select\w*|plainEqual) /.test(k) && !/^use(Store|BoundStore|SyncExternalStore)/.test(k));
  for (const [name, us] of own.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.FRAMES_TOP) || 15)) console.log(`    ${perMs(us, g)}  ${name}`);
}

// ─── Main ────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  FIXED_STEP = opts.fixedStep;
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`bench:frames: ${CHROMIUM} not found (install Debian's chromium, or set CHROMIUM=…); nothing measured`);
    return 1;
  }
  const outDir = opts.dist ?? path.join(CACHE, 'dist');
  console.log(opts.dist ? `build: serving ${path.relative(ROOT, opts.dist) || '.'} as it is` : await ensureBuild(outDir, [], 'build'));
  let profileDir = null;
  if (opts.profile) {
    profileDir = opts.profileDist ?? path.join(CACHE, 'dist-unminified');
    console.log(opts.profileDist ? `profile build: serving ${path.relative(ROOT, profileDir)} as it is` : await ensureBuild(profileDir, ['--minify', 'false'], 'profile build'));
  }

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const port = Number(process.env.FRAMES_PORT) || (await freePort());
    const { baseUrl, child } = await startPreview(outDir, port);
    const link = scenarioLink(baseUrl);
    const [load1, load5] = os.loadavg();
    console.log(`\nbench:frames — UI frame time against the budget (shared/DESIGN.md): p95 frame ≤ ${BUDGET.p95Ms} ms (60 fps) with ${BUDGET.inFlight} messages in flight on a ${BUDGET.nodes}-node graph`);
    console.log(
      `browser: Chromium ${browser.version()}, headless, --disable-gpu: SOFTWARE rendering (CPU raster and compositing; a real GPU would take paint and compositing off the main thread's critical path)`,
    );
    console.log(`viewport ${VIEWPORT.width}×${VIEWPORT.height}, device scale 1; machine: ${os.cpus().length} CPUs, load average ${load1.toFixed(2)} / ${load5.toFixed(2)} (1 / 5 min) — other work on the machine shows up as frame time`);
    console.log(`scenario: ${path.relative(ROOT, SCENARIO_FILE)} (${link.nodes} nodes) in the link as ?s= (${link.chars} characters), opened at t = ${START_S} s, ${baseUrl}`);
    console.log('frame time = interval between consecutive requestAnimationFrame callbacks in the page (vsync-aligned: 16.7 ms when every frame is on time)');
    if (opts.fixedStep) console.log('clock: --fixed-step — each frame advances the lab 1/60 s whatever time passed (same work per frame, for comparing builds; not real-time playback)');

    const passes = [
      // Nothing moves: what the browser and the machine cost on their own (other processes included).
      { key: 'paused', label: 'paused (nothing moves: the noise floor of this browser on this machine)', reducedMotion: 'no-preference', play: false },
      { key: 'full', label: 'full motion', reducedMotion: 'no-preference' },
      { key: 'reduced', label: "prefers-reduced-motion: reduce (tokens sit at an end instead of gliding)", reducedMotion: 'reduce' },
    ].filter((p) => !opts.only || p.key === opts.only);
    const results = new Map(passes.map((p) => [p.key, []]));
    for (let i = 0; i < opts.repeat; i++) {
      for (const p of passes) {
        const context = await newContext(browser, p.reducedMotion);
        const r = await measurePass(context, link.url, opts.seconds, p.play !== false);
        await context.close();
        printPass(opts.repeat > 1 ? `${p.label} — run ${i + 1} of ${opts.repeat}` : p.label, r);
        results.get(p.key).push(r.stats);
      }
    }
    if (opts.repeat > 1) {
      console.log(`\nover ${opts.repeat} runs (best / median / worst):`);
      for (const p of passes) {
        const rs = results.get(p.key);
        // Best first: the lowest frame time, the highest fps.
        const line = (f, { digits = 1, higherIsBetter = false } = {}) => {
          const v = rs.map(f).sort((a, b) => (higherIsBetter ? b - a : a - b));
          return `${v[0].toFixed(digits)} / ${v[Math.floor((v.length - 1) / 2)].toFixed(digits)} / ${v[v.length - 1].toFixed(digits)}`;
        };
        console.log(
          `  ${p.key}: p95 ${line((r) => r.p95)} ms · p99 ${line((r) => r.p99)} ms · mean fps ${line((r) => r.fps, { higherIsBetter: true })} · late frames ${line((r) => r.late, { digits: 0 })} · renderer CPU per frame ${line((r) => r.cpuMsPerFrame.renderer ?? 0)} ms${rs[0].work ? ` · JS ${line((r) => r.work.js, { digits: 2 })} ms · style + layout ${line((r) => r.work.layout, { digits: 2 })} ms` : ''}`,
        );
      }
    }
    if (profileDir) {
      const port2 = Number(process.env.FRAMES_PORT) ? Number(process.env.FRAMES_PORT) + 1 : await freePort();
      const prof = await startPreview(profileDir, port2);
      await profilePasses(browser, { shipped: link.url, unminified: scenarioLink(prof.baseUrl).url }, Math.min(opts.seconds, 5), opts.only === 'reduced' ? 'reduce' : 'no-preference');
      await stopChild(prof.child);
    }
    await stopChild(child);
  } finally {
    await browser.close().catch(() => {});
  }
  return 0;
}

function killChildrenSync() {
  for (const c of children) {
    try {
      c.kill('SIGTERM');
    } catch {
      // already gone
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killChildrenSync();
    process.exit(128 + (os.constants.signals[sig] ?? 1));
  });
}
process.on('exit', killChildrenSync);

let code = 1;
try {
  code = await main();
} catch (err) {
  console.log(`bench:frames: ${err instanceof Error ? err.message : err}`);
  code = 1;
}
process.exit(code);

// Bundle size against the budget (npm run bench:bundle). Not a test: it prints numbers.
//
// Budget (shared/DESIGN.md): the JavaScript a learner's browser must load before the lab is
// usable — the entry chunk and the chunks it imports statically — ≤ 200 KB gzip. Lazy chunks
// (panes, dialogs, the Chinese texts) are listed beside it; they load on first use.
//
//   npm run bench:bundle          # builds into dist/ first
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve('dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const assets = path.join(dist, 'assets');
// KB = 1000 bytes: the stricter reading of the budget.
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const gz = (file) => gzipSync(readFileSync(path.join(assets, file))).length;

// What index.html loads: the entry script and its modulepreloads (static imports).
const initial = [...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]);
const lazy = readdirSync(assets).filter((f) => f.endsWith('.js') && !initial.includes(f));
const initialGz = initial.reduce((sum, f) => sum + gz(f), 0);
const css = readdirSync(assets).filter((f) => f.endsWith('.css'));

console.log('initial JavaScript (loaded by index.html):');
for (const f of initial) console.log(`  ${f}: ${kb(gz(f))} gzip`);
console.log(`  total ${kb(initialGz)} gzip = ${initialGz} bytes (budget ≤ 200.0 KB = 200000 bytes) — ${initialGz <= 200_000 ? 'within' : 'OVER'} budget`);
console.log(`CSS: ${css.map((f) => `${f} ${kb(gz(f))}`).join(', ')} gzip`);
console.log(`lazy chunks (${lazy.length}), loaded on first use:`);
for (const f of lazy.sort((a, b) => gz(b) - gz(a))) console.log(`  ${f}: ${kb(gz(f))} gzip`);

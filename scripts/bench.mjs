// Runs a benchmark the way the lab ships: bundled by esbuild (as the production build bundles it),
// not through tsx, whose keep-names wrappers (`__name`) around every closure cost the engine ~7%
// of its time and are not in the browser build.
//
//   node scripts/bench.mjs engine [--runs 3]
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/bench.mjs <engine|scrub> [args…]');
  process.exit(2);
}
const outfile = path.join(root, 'node_modules', '.cache', 'bench', `${name}.mjs`);
await build({
  entryPoints: [path.join(root, 'bench', `${name}.ts`)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);

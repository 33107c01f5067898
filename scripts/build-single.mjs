// Builds the lab as ONE self-contained HTML file a facilitator can email or open from disk:
// every script and stylesheet inlined, no network, no server. Prints the file's path.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist-single');
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'single', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

let html = readFileSync(join(out, 'index.html'), 'utf8');
const read = (href) => readFileSync(join(out, href.replace(/^\.\//, '')), 'utf8');
// A `</script` inside inlined code would end the element early; escaping the slash is harmless in JS strings and regexes.
const safeScript = (code) => code.replace(/<\/(script)/gi, '<\\/$1');

html = html.replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (_m, href) => `<style>\n${read(href).replace(/<\/(style)/gi, '<\\/$1')}\n</style>`);
html = html.replace(/<link rel="modulepreload"[^>]*>/g, '');
html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_m, src) => `<script type="module">\n${safeScript(read(src))}\n</script>`);
if (/src="\.\/assets\//.test(html) || /href="\.\/assets\//.test(html)) throw new Error('build-single: an asset was left un-inlined');

const file = join(out, 'commands-events-lab.html');
writeFileSync(file, html);
for (const entry of readdirSync(out)) if (entry !== 'commands-events-lab.html') rmSync(join(out, entry), { recursive: true, force: true });
console.log(file);

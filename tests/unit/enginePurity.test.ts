// Runs the real CLI (as `npm run lint:engine` does) so its exit code and output format are what is tested.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const checker = path.join(repoRoot, 'scripts/check-engine-purity.mjs');

function runChecker(...args: string[]) {
  const r = spawnSync(process.execPath, [checker, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-purity-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

function engineDir(name: string, files: Record<string, string>): string {
  const dir = path.join(tmpRoot, name, 'engine');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('check-engine-purity', () => {
  it('passes on src/engine', () => {
    const r = runChecker();
    expect(r.out).toContain('OK');
    expect(r.status).toBe(0);
  });

  it('fails on a bad file and names file:line and rule for every violation', () => {
    const dir = engineDir('bad', {
      'ok.ts': 'export const one = 1;\n',
      'nested/bad.ts': [
        "import React from 'react';", // 1
        "import { createRoot } from 'react-dom/client';", // 2
        "import { create } from 'zustand';", // 3
        "import { m } from 'motion/react';", // 4
        "import { ReactFlow } from '@xyflow/react';", // 5
        "import { Panel } from '../../ui/Panel';", // 6
        "import { useStore } from '../../state/store';", // 7
        "import { worldAt } from '../../view/worldAt';", // 8
        'export function tick() {', // 9
        '  const a = Date.now();', // 10
        '  const b = new Date();', // 11
        '  const c = performance.now();', // 12
        '  const d = Math.random();', // 13
        '  setTimeout(() => {}, 1);', // 14
        '  setInterval(() => {}, 1);', // 15
        '  requestAnimationFrame(() => {});', // 16
        '  const w = window.innerWidth;', // 17
        "  document.title = 'x';", // 18
        "  localStorage.getItem('k');", // 19
        '  return [a, b, c, d, w, React, createRoot, create, m, ReactFlow, Panel, useStore, worldAt];',
        '}',
        '',
      ].join('\n'),
    });
    const r = runChecker(dir);
    expect(r.status).toBe(1);
    const expected: Array<[number, string]> = [
      [1, 'no-react'],
      [2, 'no-react-dom'],
      [3, 'no-zustand'],
      [4, 'no-motion'],
      [5, 'no-xyflow'],
      [6, 'no-import-ui'],
      [7, 'no-import-state'],
      [8, 'no-import-view'],
      [10, 'no-wall-clock'],
      [11, 'no-wall-clock'],
      [12, 'no-wall-clock'],
      [13, 'no-unseeded-random'],
      [14, 'no-timers'],
      [15, 'no-timers'],
      [16, 'no-requestAnimationFrame'],
      [17, 'no-window'],
      [18, 'no-document'],
      [19, 'no-localStorage'],
    ];
    for (const [line, rule] of expected) {
      expect(r.out).toMatch(new RegExp(`nested[\\\\/]bad\\.ts:${line}:\\d+\\s+${rule}\\b`));
    }
    expect(r.out).not.toMatch(/ok\.ts:/);
  });

  it('ignores comments, strings, property names and locally declared names', () => {
    const dir = engineDir('clean', {
      'clean.ts': [
        "// Date.now(), Math.random(), setTimeout, window, document; import 'react'",
        '/* new Date() performance.now() requestAnimationFrame localStorage */',
        "export const note = 'Date.now() and window and setTimeout are banned';",
        'export const tpl = `new Date() ${1 + 1} Math.random()`;',
        'export const range = { window: 5, document: 1 };',
        'export function read(store: { get(id: string): { window: number } }) {',
        "  const document = store.get('a');",
        '  return document.window + range.window;',
        '}',
        'export class Scheduler { setTimeout(ms: number) { return ms; } }',
        '',
      ].join('\n'),
    });
    const r = runChecker(dir);
    expect(r.out).toContain('OK');
    expect(r.status).toBe(0);
  });

  it('exits 2 when the directory does not exist', () => {
    expect(runChecker(path.join(tmpRoot, 'missing')).status).toBe(2);
  });
});

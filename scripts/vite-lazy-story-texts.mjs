// Vite plugin, browser builds only: the built-in scenarios' story words (each step's title and
// text, its question's prompt, choices and explanation) leave the first download and come back in
// a lazy chunk. They are about 13 KB gzip of the 200 KB first-download budget (DESIGN.md), and a
// story needs them only once it is shown.
//
// Two halves:
// - In src/scenarios/**/*.ts (the scenario sources, as for vite-strip-expectations.mjs), every
//   step object literal of a `steps: [ … ]` array gets '' for title, text, prompt and explanation
//   and [] for choices. What the story's logic reads stays: highlight, atMs, the question itself
//   and its answer's index.
// - src/scenarios/translations/storyTexts.en.ts, the lazy module, becomes the table of those words
//   by scenario id, as data: taken from the untouched sources, bundled with esbuild and evaluated
//   here at build time. src/scenarios/translations/storyTexts.ts puts them back.
//
// Tests (vitest), the CLI (tsx), the benches and the dev server read the sources untouched:
// `apply: 'build'` keeps this out of everything but `vite build` (both the site and the single
// file, where the lazy chunk is inlined like every other).
import { build } from 'esbuild';
import ts from 'typescript';

/** The scenario sources, as vite-strip-expectations.mjs reads them. */
export const SCENARIO_SOURCE = /[\\/]src[\\/]scenarios[\\/](?!scenarioFile\.ts|expectations\.ts|jsonWithPositions\.ts|translations[\\/]).*\.ts$/;
const TABLE_MODULE = /[\\/]src[\\/]scenarios[\\/]translations[\\/]storyTexts\.en\.ts$/;

const STEP_WORDS = { title: "''", text: "''" };
const QUESTION_WORDS = { prompt: "''", explanation: "''", choices: '[]' };

function propName(p, sf) {
  if (!ts.isPropertyAssignment(p)) return undefined;
  return ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : p.name.getText(sf);
}

/** The source with the words of each literal story step blanked, and how many steps that was. */
export function stripStoryTexts(code, fileName = 'scenario.ts') {
  if (!code.includes('steps')) return { code, steps: 0 };
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  let steps = 0;
  const blank = (obj, words) => {
    for (const p of obj.properties) {
      const name = propName(p, sf);
      if (name !== undefined && Object.hasOwn(words, name)) edits.push([p.initializer.getStart(sf), p.initializer.end, words[name]]);
    }
  };
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && propName(node, sf) === 'steps' && ts.isArrayLiteralExpression(node.initializer)) {
      for (const el of node.initializer.elements) {
        // A story step: an object literal with its moment (atMs). Anything else (a spread, a call) keeps its words.
        if (!ts.isObjectLiteralExpression(el) || !el.properties.some((p) => propName(p, sf) === 'atMs')) continue;
        steps++;
        blank(el, STEP_WORDS);
        const q = el.properties.find((p) => propName(p, sf) === 'question');
        if (q && ts.isObjectLiteralExpression(q.initializer)) blank(q.initializer, QUESTION_WORDS);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = code;
  for (const [from, to, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + text + out.slice(to);
  return { code: out, steps };
}

/** Evaluates the lazy module from the untouched sources: the table of every built-in story's words. */
async function storyTextTable(file) {
  const bundled = await build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
  return mod.default;
}

export function lazyStoryTexts() {
  let stripped = 0;
  let tabled = null;
  return {
    name: 'lazy-story-texts',
    apply: 'build',
    buildStart() {
      stripped = 0;
      tabled = null;
    },
    async load(id) {
      const file = id.split('?')[0];
      if (!TABLE_MODULE.test(file)) return null;
      const table = await storyTextTable(file);
      tabled = 0;
      for (const [scenario, steps] of Object.entries(table)) {
        steps.forEach((s, i) => {
          if (!s.title || !s.text) this.error(`${scenario} step ${i + 1} has no title or text: the story panel would wait for it for ever`);
          if (s.question && !(s.question.prompt && s.question.explanation && s.question.choices?.length)) this.error(`${scenario} step ${i + 1}: its question lacks words`);
        });
        tabled += steps.length;
      }
      // JSON.parse of one string: quicker for the browser than the same object as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});`;
    },
    transform(code, id) {
      if (!SCENARIO_SOURCE.test(id.split('?')[0])) return null;
      const out = stripStoryTexts(code, id);
      stripped += out.steps;
      return out.steps === 0 ? null : { code: out.code, map: null };
    },
    buildEnd(err) {
      if (err || stripped === 0) return;
      // Every blanked step must get its words back: the table holds every built-in's steps.
      if (tabled === null) this.error('the scenarios lost their story texts, but nothing imports storyTexts.en.ts to bring them back');
      if (stripped > tabled) this.error(`${stripped} story steps were blanked, but the table holds only ${tabled}`);
    },
  };
}

// Vite plugin, browser builds only: the built-in scenarios' `expectations` (the checkable claims the
// test suite and the CLI evaluate, src/scenarios/expectations.ts) become empty arrays in the
// bundle. The lab never reads them in the browser, and they cost about 4 KB gzip of the 200 KB
// first-download budget (DESIGN.md). Tests (vitest), the CLI (tsx) and the benches read the
// sources untouched: `apply: 'build'` keeps this out of everything but `vite build`.
//
// What it touches: object-literal properties named `expectations` in src/scenarios/**/*.ts (not
// the scenario file reader, which must keep the expectations of a file the learner opens).
// If the browser ever needs a built-in scenario's expectations, delete this plugin.
import ts from 'typescript';

const SCENARIO_SOURCE = /[\\/]src[\\/]scenarios[\\/](?!scenarioFile\.ts|expectations\.ts|jsonWithPositions\.ts|translations[\\/]).*\.ts$/;

/** The source with each `expectations: …` (or shorthand `expectations`) property replaced by `expectations: []`. */
export function stripExpectations(code, fileName = 'scenario.ts') {
  if (!code.includes('expectations')) return code;
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const p of node.properties) {
        if (ts.isPropertyAssignment(p) && p.name.getText(sf) === 'expectations') edits.push([p.initializer.getStart(sf), p.initializer.end, '[]']);
        else if (ts.isShorthandPropertyAssignment(p) && p.name.text === 'expectations') edits.push([p.getStart(sf), p.end, 'expectations: []']);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = code;
  for (const [from, to, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + text + out.slice(to);
  return out;
}

export function stripScenarioExpectations() {
  return {
    name: 'strip-scenario-expectations',
    apply: 'build',
    transform(code, id) {
      if (!SCENARIO_SOURCE.test(id.split('?')[0])) return null;
      const out = stripExpectations(code, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}

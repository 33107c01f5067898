#!/usr/bin/env node
// Keeps src/engine a pure, deterministic simulation (see DESIGN.md: "Enforce this with a lint rule").
//
// Usage: node scripts/check-engine-purity.mjs [dir]   (dir defaults to src/engine)
// Exit 0 when clean, 1 when any rule is broken (one `file:line:col  rule  detail` line each),
// 2 on a usage error (dir missing).
//
// It parses every file with the TypeScript compiler (already a devDependency) instead of
// grepping text: comments and string literals can never trip it, and `x.window`, `{ document: … }`
// or a local `const document = …` are not mistaken for the browser globals.

import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_EXT = /\.(ts|tsx|mts|cts)$/;

/** Package imports the engine may not depend on (the name itself or any subpath). */
const BANNED_PACKAGES = [
  { test: (s) => s === 'react' || s.startsWith('react/'), rule: 'no-react' },
  { test: (s) => s === 'react-dom' || s.startsWith('react-dom/'), rule: 'no-react-dom' },
  { test: (s) => s === 'zustand' || s.startsWith('zustand/'), rule: 'no-zustand' },
  { test: (s) => s === 'motion' || s.startsWith('motion/') || s === 'framer-motion' || s.startsWith('framer-motion/'), rule: 'no-motion' },
  { test: (s) => s.startsWith('@xyflow/') || s === 'reactflow', rule: 'no-xyflow' },
  // Node built-ins (timers, perf_hooks, fs, …) would break the browser build and bring clocks back in.
  { test: (s) => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]), rule: 'no-node-builtins' },
];

/** App layers the engine may not reach into: the data flows engine → view → state/ui only. */
const BANNED_LAYERS = ['ui', 'state', 'view'];

/** Globals that are non-deterministic or environment-bound. Flagged when referenced as a value. */
const BANNED_GLOBALS = {
  window: 'no-window',
  document: 'no-document',
  localStorage: 'no-localStorage',
  setTimeout: 'no-timers',
  setInterval: 'no-timers',
  setImmediate: 'no-timers',
  requestAnimationFrame: 'no-requestAnimationFrame',
};

/** `Obj.member` pairs that read the wall clock or an unseeded random source. */
const BANNED_MEMBERS = {
  'Date.now': 'no-wall-clock',
  'performance.now': 'no-wall-clock',
  'Math.random': 'no-unseeded-random',
};

/** Names through which a global can be reached explicitly: `globalThis.setTimeout(…)`. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'self', 'global', 'window']);

function listSourceFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE_EXT.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Every name declared anywhere in the file (variables, parameters, functions, classes, imports). */
function collectDeclaredNames(sf) {
  const names = new Set();
  const addBinding = (name) => {
    if (!name) return;
    if (ts.isIdentifier(name)) names.add(name.text);
    else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const el of name.elements) if (!ts.isOmittedExpression(el)) addBinding(el.name);
    }
  };
  const visit = (node) => {
    if (
      ts.isVariableDeclaration(node) ||
      ts.isParameter(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isEnumDeclaration(node) ||
      ts.isImportSpecifier(node) ||
      ts.isNamespaceImport(node) ||
      ts.isImportClause(node) ||
      ts.isImportEqualsDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isClassExpression(node)
    ) {
      addBinding(node.name);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}

/** True when `id` is a value reference (not a property name, a key, a declaration name or a type). */
function isValueReference(id) {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isQualifiedName(p)) return false;
  if (ts.isPropertyAssignment(p) && p.name === id) return false;
  if ((ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)) && p.name === id) return false;
  if ((ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) && p.name === id) return false;
  if (ts.isEnumMember(p) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  if (ts.isTypeReferenceNode(p) || ts.isTypeQueryNode(p)) return false;
  if (ts.isJsxAttribute(p)) return false;
  return true;
}

function moduleSpecifiers(sf) {
  const specs = [];
  const push = (lit) => {
    if (lit && (ts.isStringLiteral(lit) || ts.isNoSubstitutionTemplateLiteral(lit))) specs.push(lit);
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) push(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      push(node.moduleReference.expression);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      push(node.argument.literal);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        push(node.arguments[0]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return specs;
}

/**
 * Check one directory. `srcRoot` is where the sibling layers live (default: the parent of `dir`,
 * so `src/engine` → `src`, and a test's `/tmp/x/engine` → `/tmp/x`).
 * @returns {{ files: number, violations: { file: string, line: number, col: number, rule: string, detail: string }[] }}
 */
export function checkEnginePurity(dir = path.join(REPO_ROOT, 'src/engine'), srcRoot = path.dirname(path.resolve(dir))) {
  const absDir = path.resolve(dir);
  if (!fs.existsSync(absDir) || !fs.statSync(absDir).isDirectory()) {
    throw new Error(`not a directory: ${dir}`);
  }
  const files = listSourceFiles(absDir);
  const violations = [];

  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const report = (node, rule, detail) => {
      const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      violations.push({ file, line: line + 1, col: character + 1, rule, detail });
    };

    for (const lit of moduleSpecifiers(sf)) {
      const spec = lit.text;
      const pkg = BANNED_PACKAGES.find((b) => b.test(spec));
      if (pkg) {
        report(lit, pkg.rule, `imports '${spec}'`);
        continue;
      }
      let layer;
      if (spec.startsWith('.')) {
        const rel = path.relative(srcRoot, path.resolve(path.dirname(file), spec)).split(path.sep);
        if (rel[0] !== '..' && BANNED_LAYERS.includes(rel[0])) layer = rel[0];
      } else {
        // Absolute or aliased paths such as `src/ui/x`, `/src/view/y`, `@/state/z`.
        const m = spec.match(/(?:^|\/)(?:src\/|@\/)(ui|state|view)(?:\/|$)/) || spec.match(/^@(ui|state|view)(?:\/|$)/);
        if (m) layer = m[1];
      }
      if (layer) report(lit, `no-import-${layer}`, `imports '${spec}' (src/${layer} is downstream of the engine)`);
    }

    const declared = collectDeclaredNames(sf);
    const visit = (node) => {
      if (ts.isIdentifier(node)) {
        const rule = BANNED_GLOBALS[node.text];
        if (rule && !declared.has(node.text) && isValueReference(node)) report(node, rule, `uses '${node.text}'`);
      } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
        const obj = node.expression.text;
        const member = node.name.text;
        const key = `${obj}.${member}`;
        if (BANNED_MEMBERS[key] && !declared.has(obj)) {
          report(node, BANNED_MEMBERS[key], `uses '${key}'`);
        } else if (GLOBAL_OBJECTS.has(obj) && !declared.has(obj) && (BANNED_GLOBALS[member] || ['Date', 'Math', 'performance'].includes(member))) {
          // `globalThis.setTimeout`, `globalThis.Math.random` …: same rules, reached explicitly.
          if (BANNED_GLOBALS[member]) report(node, BANNED_GLOBALS[member], `uses '${key}'`);
          const outer = node.parent;
          if (ts.isPropertyAccessExpression(outer) && outer.expression === node) {
            const inner = `${member}.${outer.name.text}`;
            if (BANNED_MEMBERS[inner]) report(outer, BANNED_MEMBERS[inner], `uses '${key}.${outer.name.text}'`);
          }
          if (member === 'Date' && (ts.isNewExpression(outer) || ts.isCallExpression(outer)) && outer.expression === node) {
            report(outer, 'no-wall-clock', `uses '${ts.isNewExpression(outer) ? 'new ' : ''}${key}${ts.isCallExpression(outer) ? '()' : ''}'`);
          }
        }
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'Date' &&
        !declared.has('Date')
      ) {
        // `new Date()` / `Date()` read the wall clock (a `new Date(ms)` from a virtual time is still banned:
        // its string form depends on the machine's time zone).
        report(node, 'no-wall-clock', ts.isNewExpression(node) ? "uses 'new Date'" : "uses 'Date()'");
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  return { files: files.length, violations };
}

function main(argv) {
  const dirArg = argv[0] ?? 'src/engine';
  const dir = path.isAbsolute(dirArg) ? dirArg : path.resolve(process.cwd(), dirArg);
  let result;
  try {
    result = checkEnginePurity(dir);
  } catch (err) {
    console.error(`engine purity: ${err.message}`);
    return 2;
  }
  const shown = (f) => {
    const rel = path.relative(process.cwd(), f);
    return rel.startsWith('..') ? f : rel;
  };
  for (const v of result.violations) {
    console.error(`${shown(v.file)}:${v.line}:${v.col}  ${v.rule}  ${v.detail}`);
  }
  if (result.violations.length > 0) {
    console.error(
      `engine purity: ${result.violations.length} problem(s) in ${result.files} file(s). ` +
        'The engine takes time from its scheduler and randomness from the seeded source it is given; see DESIGN.md.',
    );
    return 1;
  }
  console.log(`engine purity: ${result.files} file(s) in ${shown(dir) || '.'} OK`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}

// The core's import boundaries, read from the source: the core never imports the protocol (LSP types live in
// server/src/toProto.ts), nor the editor, nor Node's I/O; a language feature imports core modules but never
// another feature (what features share is a core module: citationInfo.ts, templateContext.ts, refNames.ts,
// text.ts) nor a rule; and nothing else in the core imports a feature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '../../server/src');
const core = join(root, 'core');
const featuresDir = join(core, 'features');

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every module a file names: static imports and re-exports (type-only ones too), `import()`, `require()`. */
export function specifiers(src: string): string[] {
  const out: string[] = [];
  // comments are dropped first, so an example in a doc comment is not an import
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of code.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

/** The file a relative specifier names (without extension), relative to server/src; packages as they are. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)).replace(/\\/g, '/').replace(/\.(ts|js|json)$/, '') : spec;
}

test('the specifier reader finds every form of import, and none in comments', () => {
  const src = [
    "import { a } from './a';",
    "import type { B } from '../b';",
    "export { c } from './c';",
    "export type * from './d';",
    "import {\n  e,\n  f,\n} from 'vscode-languageserver-types';",
    "import './side';",
    "const g = await import('./g');",
    "// import { h } from './h';",
    "/** import { i } from './i'; */",
    "const s = 'https://example.org'; // a URL is not a comment opener",
  ].join('\n');
  assert.deepEqual(specifiers(src).sort(), ['../b', './a', './c', './d', './g', './side', 'vscode-languageserver-types'].sort());
});

test('the core never imports LSP, the editor or Node I/O (the protocol lives in toProto.ts)', () => {
  const files = tsFiles(core);
  assert.ok(files.length > 50, `read ${files.length} core files`);
  const bad: string[] = [];
  for (const f of files) {
    for (const s of specifiers(readFileSync(f, 'utf8'))) {
      if (/^vscode(-|$)/.test(s) || /^(node:)?(fs|net|http|https|child_process|worker_threads)(\/|$)/.test(s)) bad.push(`${relative(root, f)}: ${s}`);
    }
  }
  assert.deepEqual(bad, []);
  // and the text of no core file names the protocol packages at all (a comment may, a string may not)
  const named = files.filter((f) => /['"`]vscode-languageserver/.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
  assert.deepEqual(named, []);
});

test('features import neither each other nor the rules; only their plain result types are shared', () => {
  const files = readdirSync(featuresDir).filter((f) => f.endsWith('.ts')).map((f) => join(featuresDir, f));
  assert.ok(files.length >= 10, 'one module per feature');
  const bad: string[] = [];
  for (const f of files) {
    const name = relative(root, f).replace(/\.ts$/, '');
    // the facade (index.ts) gathers the features; every other module stands alone
    if (name === 'core/features/index') continue;
    for (const s of specifiers(readFileSync(f, 'utf8'))) {
      const t = target(f, s);
      if (t.startsWith('core/rules/') || t === 'core/rules') bad.push(`${name} imports a rule module: ${s}`);
      else if (t.startsWith('core/features/') && t !== 'core/features/types') bad.push(`${name} imports another feature: ${s}`);
      else if (s.startsWith('.') && !t.startsWith('core/') && !t.startsWith('../data/')) bad.push(`${name} reaches outside the core: ${s}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('no core module outside features/ imports a feature', () => {
  const bad: string[] = [];
  for (const f of tsFiles(core)) {
    if (f.startsWith(featuresDir)) continue;
    for (const s of specifiers(readFileSync(f, 'utf8'))) {
      if (target(f, s).startsWith('core/features')) bad.push(`${relative(root, f)}: ${s}`);
    }
  }
  assert.deepEqual(bad, []);
});

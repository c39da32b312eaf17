// The parser's modules import each other without a cycle (type-only imports aside): the phases reach each
// other through the ParseContext (context.ts), so each module can be read and loaded on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../server/src/core/parser');

test('parser modules import each other without a cycle', () => {
  const graph = new Map<string, string[]>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    const deps = [...src.matchAll(/^(?:import|export) (?!type )[^;]*? from '\.\/([\w]+)';/gm)].map((m) => m[1] + '.ts');
    graph.set(f, deps);
  }
  assert.ok(graph.size >= 10, 'the parser is split into modules');
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (f: string, path: string[]): void => {
    if (state.get(f) === 'done') return;
    assert.notEqual(state.get(f), 'visiting', `import cycle: ${[...path, f].join(' -> ')}`);
    state.set(f, 'visiting');
    for (const d of graph.get(f) ?? []) visit(d, [...path, f]);
    state.set(f, 'done');
  };
  for (const f of graph.keys()) visit(f, []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FoldingRangeKind } from 'vscode-languageserver-types';
import { analyse } from '../../server/src/core/analysis';
import { foldingRanges } from '../helpers/lspFeatures';

const corpus = (name: string) => readFileSync(join(__dirname, '../fixtures/corpus', name), 'utf8');

const PAGE = [
  /* 0 */ '{{Infobox person',
  /* 1 */ '| name = X',
  /* 2 */ '}}',
  /* 3 */ '== History ==',
  /* 4 */ 'Text<ref>{{cite web|title=One line}}</ref> more.<ref name="m">',
  /* 5 */ 'Multi-line ref',
  /* 6 */ '</ref>',
  /* 7 */ '<!-- a',
  /* 8 */ 'comment -->',
  /* 9 */ '',
  /* 10 */ '=== Sub ===',
  /* 11 */ '{| class="wikitable"',
  /* 12 */ '| a || b',
  /* 13 */ '|}',
  /* 14 */ '',
  /* 15 */ '== Next ==',
  /* 16 */ 'one line {{t|a}} <!-- one line -->',
].join('\n');

test('sections, multi-line templates, refs, comments and tables fold; one-line constructs do not', () => {
  const ranges = foldingRanges(analyse(PAGE));
  assert.deepEqual(ranges, [
    { startLine: 0, endLine: 2 },
    { startLine: 3, endLine: 13, kind: FoldingRangeKind.Region },
    { startLine: 4, endLine: 6 },
    { startLine: 7, endLine: 8, kind: FoldingRangeKind.Comment },
    { startLine: 10, endLine: 13, kind: FoldingRangeKind.Region },
    { startLine: 11, endLine: 13 },
    { startLine: 15, endLine: 16, kind: FoldingRangeKind.Region },
  ]);
});

test('the last section folds to the end of the text; a trailing newline adds no line', () => {
  assert.deepEqual(foldingRanges(analyse('== A ==\nx\ny\n')), [{ startLine: 0, endLine: 2, kind: FoldingRangeKind.Region }]);
  assert.deepEqual(foldingRanges(analyse('== A ==\n')), []);
  assert.deepEqual(foldingRanges(analyse('')), []);
});

test('broken wikitext: an unclosed template or ref is text and does not fold; an unclosed comment folds to the end', () => {
  const ranges = foldingRanges(analyse('{{cite web\n|title=x\n\n<ref name="a">\nnever closed\n<!-- open\ncomment\nto the end'));
  assert.deepEqual(ranges, [{ startLine: 5, endLine: 7, kind: FoldingRangeKind.Comment }]);
});

test('Kazakhstan seed (one line): nothing folds', () => {
  assert.deepEqual(foldingRanges(analyse(corpus('Kazakhstan__Government_and_politics.wiki'))), []);
});

test('Barack Obama: 49 sections, sorted, each range at least two lines', () => {
  const a = analyse(corpus('tree-sitter-wikitext__Barack_Obama.wiki'));
  const ranges = foldingRanges(a);
  assert.equal(ranges.filter((r) => r.kind === FoldingRangeKind.Region).length, 49);
  assert.ok(ranges.every((r) => r.endLine > r.startLine));
  for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i - 1].startLine <= ranges[i].startLine);
  // The infobox at the top: `{{Infobox officeholder` to its closing braces.
  const infoboxLine = a.lines.position(a.text.indexOf('{{Infobox officeholder')).line;
  const infobox = ranges.find((r) => r.startLine === infoboxLine && r.kind === undefined);
  assert.ok(infobox);
  const infoboxNode = a.model.templates.find((t) => t.name === 'Infobox officeholder')!;
  assert.equal(infobox.endLine, a.lines.position(infoboxNode.end - 1).line);
  assert.equal(ranges.length, new Set(ranges.map((r) => `${r.startLine}:${r.endLine}`)).size);
});

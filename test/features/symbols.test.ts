import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { analyse, type Analysis } from '../../server/src/core/analysis';
import { pseudoHeadings, MID_LINE_HEADING_DETAIL, TEXT_AFTER_HEADING_DETAIL } from '../../server/src/core/features/symbols';
import { documentSymbols } from '../helpers/lspFeatures';
import { textOf } from '../helpers/cursor';

const corpus = (name: string) => readFileSync(join(__dirname, '../fixtures/corpus', name), 'utf8');
const KIND: Record<number, string> = { [SymbolKind.Namespace]: 'section', [SymbolKind.String]: 'pseudo', [SymbolKind.Key]: 'ref', [SymbolKind.Object]: 'cite' };

/** The outline as indented lines: `kind name @ selection text (detail)`, down to `depth` levels. */
function outline(a: Analysis, symbols: DocumentSymbol[], depth = 9, indent = ''): string[] {
  const out: string[] = [];
  for (const s of symbols) {
    out.push(`${indent}${KIND[s.kind] ?? s.kind} ${s.name} @ ${textOf(a.lines, s.selectionRange)}${s.detail ? ` (${s.detail})` : ''}`);
    if (depth > 1 && s.children) out.push(...outline(a, s.children, depth - 1, indent + '  '));
  }
  return out;
}

/** Checks what VS Code insists on: selection inside range, children inside their parent. */
function checkContainment(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  const le = (x: { line: number; character: number }, y: { line: number; character: number }) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  for (const s of symbols) {
    assert.ok(s.name.length > 0, 'a symbol needs a name');
    assert.ok(le(s.range.start, s.selectionRange.start) && le(s.selectionRange.end, s.range.end), `${s.name}: selection outside range`);
    if (parent) assert.ok(le(parent.range.start, s.range.start) && le(s.range.end, parent.range.end), `${s.name} outside ${parent.name}`);
    checkContainment(s.children ?? [], s);
  }
}

const PAGE = `Lead<ref name="lead">{{cite web|url=http://x.org|title=Lead [[source]]}}</ref>
== History ==
Text<ref>{{cite book|title=Book}}</ref><ref>Plain  note</ref><ref name="lead"/>
=== Early ===
More<ref name="e" group="n">Early note</ref>
==== Earliest ====
== See also ==
* {{Cite news|title=''Loose'' citation|work=Paper}}
`;

test('sections nest by level; refs and citations sit in the section that holds them', () => {
  const a = analyse(PAGE);
  const symbols = documentSymbols(a);
  checkContainment(symbols);
  assert.deepEqual(outline(a, symbols), [
    'ref lead @ lead',
    '  cite cite web: Lead source @ cite web',
    'section History @ == History ==',
    '  cite cite book: Book @ cite book',
    '  ref Plain note @ <ref> (unnamed ref)',
    '  section Early @ === Early ===',
    '    ref e @ e (group "n")',
    '    section Earliest @ ==== Earliest ====',
    'section See also @ == See also ==',
    '  cite Cite news: Loose citation @ Cite news',
  ]);
  // Ranges: a section runs to the next heading of its level or higher.
  const history = symbols[1];
  assert.deepEqual([history.range.start.line, history.range.end.line], [1, 6]);
  assert.deepEqual([history.children![2].range.start.line, history.children![2].range.end.line], [3, 6]);
  assert.equal(symbols[2].range.end.line, 8);
});

test('a document without headings lists its refs at the top level; an empty one has no symbols', () => {
  const a = analyse('One<ref name="a">{{cite journal|title=J}}</ref> two<ref name="a"/>');
  assert.deepEqual(outline(a, documentSymbols(a)), ['ref a @ a', '  cite cite journal: J @ cite journal']);
  assert.deepEqual(documentSymbols(analyse('')), []);
});

test('headings and citation titles are named by their plain text: link labels, no quotes, tags, refs or anchors', () => {
  const a = analyse("== ''Works'' of [[Paris|the city]]{{anchor|works}}<ref>x</ref> ==\n{{cite web|title=The [[Seine]] &ndash; ''a river''<!-- c -->}}\n== {{lang|fr|Titre}} ==\n");
  assert.deepEqual(outline(a, documentSymbols(a)), [
    "section Works of the city @ == ''Works'' of [[Paris|the city]]{{anchor|works}}<ref>x</ref> ==",
    '  ref x @ <ref> (unnamed ref)',
    '  cite cite web: The Seine – a river @ cite web',
    // a heading that is all template: named as written rather than left untitled
    'section {{lang|fr|Titre}} @ == {{lang|fr|Titre}} ==',
  ]);
});

test('broken wikitext: unclosed refs and templates yield no symbols, the heading still does', () => {
  const a = analyse('== A ==\n<ref name="x">never closed {{cite web|title=T\n== B ==\n{{cite web|title=Fine}}');
  assert.deepEqual(outline(a, documentSymbols(a)), [
    'section A @ == A ==',
    'section B @ == B ==',
    '  cite cite web: Fine @ cite web',
  ]);
});

test('citation labels fall back when there is no title, and empty headings get a name', () => {
  const a = analyse('==  ==\n{{cite web|url=http://example.org/a}} {{cite book}}');
  assert.deepEqual(outline(a, documentSymbols(a)), [
    'section (untitled section) @ ==  ==',
    '  cite cite web: http://example.org/a @ cite web',
    '  cite cite book: (no title) @ cite book',
  ]);
});

test('mid-line heading heuristic: patterns in one-line prose become marked entries', () => {
  const a = analyse('== Top == intro {{Main|X}} === First === text [[a|b]] === Second [[Link|part]] === more ==== Deep ==== end == Back == tail');
  assert.deepEqual(outline(a, documentSymbols(a)), [
    `pseudo Top @ == Top == (${TEXT_AFTER_HEADING_DETAIL})`,
    `  pseudo First @ === First === (${MID_LINE_HEADING_DETAIL})`,
    `  pseudo Second part @ === Second [[Link|part]] === (${MID_LINE_HEADING_DETAIL})`,
    `    pseudo Deep @ ==== Deep ==== (${MID_LINE_HEADING_DETAIL})`,
    `pseudo Back @ == Back == (${MID_LINE_HEADING_DETAIL})`,
  ]);
});

test('mid-line heuristic ignores patterns inside templates, tags and comments, unequal runs, and pages with headings', () => {
  assert.deepEqual(pseudoHeadings(analyse('x {{t|a == b == c}} <ref>y === z === w</ref> <!-- == c == --> == a === b')), []);
  // Two real headings: the heuristic is off, even with a mid-line pattern in the text.
  const a = analyse('== A ==\ntext === Fake === text\n== B ==\n');
  assert.deepEqual(outline(a, documentSymbols(a)), ['section A @ == A ==', 'section B @ == B ==']);
  // One real heading: the heuristic is on.
  const b = analyse('== A ==\ntext === Inside === more\n');
  assert.deepEqual(outline(b, documentSymbols(b)), ['section A @ == A ==', `  pseudo Inside @ === Inside === (${MID_LINE_HEADING_DETAIL})`]);
});

test('Kazakhstan seed (one line): an outline from its heading patterns', () => {
  const a = analyse(corpus('Kazakhstan__Government_and_politics.wiki'));
  const symbols = documentSymbols(a);
  checkContainment(symbols);
  assert.deepEqual(outline(a, symbols, 2), [
    `pseudo Government and politics @ == Government and politics == (${TEXT_AFTER_HEADING_DETAIL})`,
    `  pseudo Political system @ === Political system === (${MID_LINE_HEADING_DETAIL})`,
    `  pseudo Administrative divisions @ === Administrative divisions === (${MID_LINE_HEADING_DETAIL})`,
    `  pseudo Municipal divisions @ === Municipal divisions === (${MID_LINE_HEADING_DETAIL})`,
    `  pseudo Urban centres @ === Urban centres === (${MID_LINE_HEADING_DETAIL})`,
    `  pseudo Foreign relations @ === Foreign relations === (${MID_LINE_HEADING_DETAIL})`,
    `  pseudo Military @ === Military === (${MID_LINE_HEADING_DETAIL})`,
    `  pseudo Human rights @ === Human rights === (${MID_LINE_HEADING_DETAIL})`,
  ]);
  const political = symbols[0].children![0];
  const first = outline(a, political.children!.slice(0, 4));
  assert.deepEqual(first, [
    'cite cite news: Yes, Kazakhstan should change its name. This map shows why. @ cite news',
    'cite Cite news: Kazakh leader resigns after three decades @ Cite news',
    "cite cite web: Kazakhstan's Leader Nazarbayev Resigns After Three Decades in Power @ cite web",
    'ref tokayev-wins @ tokayev-wins',
    '  cite cite news: Nazarbayev ally wins big in Kazakhstan election after hundreds arrested @ cite news',
  ]);
  // Every citation of the page appears once in the outline.
  const count = (ss: DocumentSymbol[]): number => ss.reduce((n, s) => n + (s.kind === SymbolKind.Object ? 1 : 0) + count(s.children ?? []), 0);
  assert.equal(count(symbols), a.citations.length);
  assert.equal(a.citations.length, 62);
});

test('Barack Obama: 49 sections nested by level, every citation once', () => {
  const a = analyse(corpus('tree-sitter-wikitext__Barack_Obama.wiki'));
  const symbols = documentSymbols(a);
  checkContainment(symbols);
  const sections = (ss: DocumentSymbol[], depth = 0): string[] =>
    ss.flatMap((s) => (s.kind === SymbolKind.Namespace ? [`${'  '.repeat(depth)}${s.name}`, ...sections(s.children ?? [], depth + 1)] : []));
  const list = sections(symbols);
  assert.equal(list.length, 49);
  assert.deepEqual(list.slice(0, 6), [
    'Early life and career',
    '  Education',
    '    College and research jobs',
    '    Community organizer and Harvard Law School',
    '    University of Chicago Law School',
    '  Family and personal life',
  ]);
  assert.deepEqual(list.slice(-3), ['External links', '  Official', '  Other']);
  const count = (ss: DocumentSymbol[]): number => ss.reduce((n, s) => n + (s.kind === SymbolKind.Object ? 1 : 0) + count(s.children ?? []), 0);
  assert.equal(count(symbols), a.citations.length);
  assert.equal(a.citations.length, 587);
  // No pseudo-headings on a page with real ones.
  assert.ok(!JSON.stringify(symbols).includes(MID_LINE_HEADING_DETAIL));
});

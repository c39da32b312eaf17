import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { analyse } from '../../server/src/core/analysis';
import { definition, references, prepareRename, rename, documentHighlights } from '../helpers/lspFeatures';
import { withCursor, textOf, offsetsOf, applyEdits } from '../helpers/cursor';

const corpus = (name: string) => readFileSync(join(__dirname, '../fixtures/corpus', name), 'utf8');

/** A page with refs `smith` (default group, defined once, reused by tag and {{r}}) and `jones` (group n). */
const PAGE = 'A<ref name="smith">Smith 2001</ref> B<ref name=smith /> C{{r|smith}} D<ref name="jones" group="n">J</ref> E<ref group=n name=jones/> F<ref name="smith" group="n" />';

function at(marked: string) {
  const { text, offset } = withCursor(marked);
  return { a: analyse(text), offset };
}

test('definition from a reuse: the name, the open tag, or a {{r}} name lead to the whole defining ref', () => {
  for (const marked of [
    PAGE.replace('name=smith /', 'name=smi‸th /'),
    PAGE.replace('B<ref', 'B<r‸ef'),
    PAGE.replace('{{r|smith}}', '{{r|smith‸}}'),
  ]) {
    const { a, offset } = at(marked);
    const defs = definition(a, offset);
    assert.deepEqual(defs.map((r) => textOf(a.lines, r)), ['<ref name="smith">Smith 2001</ref>'], marked);
    assert.deepEqual(offsetsOf(a.lines, defs[0]), [1, 35]);
  }
});

test('definition on a definition is the definition itself', () => {
  const { a, offset } = at(PAGE.replace('"smith">', '"sm‸ith">'));
  assert.deepEqual(definition(a, offset).map((r) => textOf(a.lines, r)), ['<ref name="smith">Smith 2001</ref>']);
});

test('definition is scoped by group: smith in group n has no definition', () => {
  const { a, offset } = at(PAGE.replace('F<ref name="smith"', 'F<ref name="smi‸th"'));
  assert.deepEqual(definition(a, offset), []);
});

test('definition in a group, and nothing away from refs', () => {
  const { a, offset } = at(PAGE.replace('name=jones/>', 'name=jo‸nes/>'));
  assert.deepEqual(definition(a, offset).map((r) => textOf(a.lines, r)), ['<ref name="jones" group="n">J</ref>']);
  const plain = at(PAGE.replace('A<ref', '‸A<ref'));
  assert.deepEqual(definition(plain.a, plain.offset), []);
  // Inside the content of a ref: not on the ref's name or open tag.
  const body = at(PAGE.replace('Smith 2001', 'Smith ‸2001'));
  assert.deepEqual(definition(body.a, body.offset), []);
});

test('references: every use of the name in its group, as the name without quotes', () => {
  const { a, offset } = at(PAGE.replace('{{r|smith}}', '{{r|s‸mith}}'));
  const all = references(a, offset, true);
  assert.deepEqual(all.map((r) => offsetsOf(a.lines, r)), [[12, 17], [47, 52], [61, 66]]);
  assert.deepEqual(all.map((r) => textOf(a.lines, r)), ['smith', 'smith', 'smith']);
  const reuses = references(a, offset, false);
  assert.deepEqual(reuses.map((r) => offsetsOf(a.lines, r)), [[47, 52], [61, 66]]);
});

test('references of an unnamed ref, or off any ref, are empty', () => {
  const { a, offset } = at('x<ref‸>unnamed</ref>');
  assert.deepEqual(references(a, offset, true), []);
});

test('prepareRename only on a ref name: attribute value without quotes, or a template parameter naming a ref', () => {
  let { a, offset } = at(PAGE.replace('"smith">', '"‸smith">'));
  let r = prepareRename(a, offset);
  assert.ok(r);
  assert.equal(r.placeholder, 'smith');
  assert.deepEqual(offsetsOf(a.lines, r.range), [12, 17]);

  ({ a, offset } = at(PAGE.replace('{{r|smith}}', '{{r|smith‸}}')));
  r = prepareRename(a, offset);
  assert.ok(r);
  assert.equal(textOf(a.lines, r.range), 'smith');

  ({ a, offset } = at(PAGE.replace('B<ref', 'B<r‸ef')));
  assert.equal(prepareRename(a, offset), null, 'open tag but not the name');
  ({ a, offset } = at(PAGE.replace('{{r|', '{{‸r|')));
  assert.equal(prepareRename(a, offset), null, 'template name');
  ({ a, offset } = at('<ref group="‸n">x</ref>'));
  assert.equal(prepareRename(a, offset), null, 'group value');
});

test('prepareRename trims whitespace inside quotes and keeps Cite’s normalised name', () => {
  const { a, offset } = at('<ref name=" Big  ‸name ">x</ref>');
  const r = prepareRename(a, offset);
  assert.ok(r);
  assert.equal(textOf(a.lines, r.range), 'Big  name');
  assert.equal(r.placeholder, 'Big name');
});

test('rename edits every use in the group and keeps each quoting style', () => {
  const { a, offset } = at(PAGE.replace('name=smith /', 'name=smi‸th /'));
  const edits = rename(a, offset, 'smith2001');
  assert.ok(Array.isArray(edits));
  assert.equal(edits.length, 3);
  assert.equal(
    applyEdits(a.lines, edits),
    'A<ref name="smith2001">Smith 2001</ref> B<ref name=smith2001 /> C{{r|smith2001}} D<ref name="jones" group="n">J</ref> E<ref group=n name=jones/> F<ref name="smith" group="n" />',
  );
});

test('rename adds quotes to unquoted attribute values when the new name needs them', () => {
  const { a, offset } = at(PAGE.replace('name=smith /', 'name=smi‸th /'));
  const edits = rename(a, offset, 'Smith  et al. ');
  assert.ok(Array.isArray(edits));
  assert.equal(
    applyEdits(a.lines, edits),
    'A<ref name="Smith et al.">Smith 2001</ref> B<ref name="Smith et al." /> C{{r|Smith et al.}} D<ref name="jones" group="n">J</ref> E<ref group=n name=jones/> F<ref name="smith" group="n" />',
  );
  const slash = rename(a, offset, 'a/b');
  assert.ok(Array.isArray(slash));
  assert.match(applyEdits(a.lines, slash), /B<ref name="a\/b" \/>/);
});

test('rename switches quotes when the new name contains the surrounding quote', () => {
  const { a, offset } = at('<ref name="‸x">X</ref><ref name=\'x\'/><ref name=x/>');
  const edits = rename(a, offset, 'O"Brien');
  assert.ok(Array.isArray(edits));
  assert.equal(applyEdits(a.lines, edits), `<ref name='O"Brien'>X</ref><ref name='O"Brien'/><ref name='O"Brien'/>`);
  assert.match(String(rename(a, offset, `O"Br'ien`)), /both kinds of quote/);
});

test('rename is refused for empty, numeric, colliding or unwritable names', () => {
  const { a, offset } = at(PAGE.replace('"smith">', '"smi‸th">'));
  assert.equal(rename(a, offset, '  '), 'A ref name cannot be empty.');
  assert.match(String(rename(a, offset, '2001')), /all digits/);
  // `jones` exists only in group n: free in the default group. Add a default-group jones to collide.
  assert.ok(Array.isArray(rename(a, offset, 'jones')));
  const b = at(PAGE.replace('"smith">', '"smi‸th">') + ' G<ref name="jones">other</ref>');
  assert.equal(rename(b.a, b.offset, ' jones '), 'A ref named "jones" already exists in the default group: renaming would merge two refs.');
  // {{r|...}} cannot hold a pipe, and a positional parameter cannot hold "=".
  assert.match(String(rename(a, offset, 'a|b')), /template parameter/);
  assert.match(String(rename(a, offset, 'a=b')), /positional/);
  assert.deepEqual(rename(a, offset, 'smith'), []);
  const off = at('‸plain text');
  assert.equal(typeof rename(off.a, off.offset, 'x'), 'string');
});

test('rename in a group leaves the same name in other groups alone', () => {
  const { a, offset } = at(PAGE.replace('F<ref name="smith"', 'F<ref name="smi‸th"'));
  const edits = rename(a, offset, 'Smith');
  assert.ok(Array.isArray(edits));
  assert.equal(edits.length, 1);
  assert.ok(applyEdits(a.lines, edits).endsWith('F<ref name="Smith" group="n" />'));
  assert.ok(applyEdits(a.lines, edits).startsWith('A<ref name="smith">'));
});

test('rename of {{efn|name=}} and {{#tag:ref||name=""}} names keeps their quotes', () => {
  const { a, offset } = at('{{efn|Note.|name=n‸1}} {{efn|name=n1}} {{#tag:ref|Body|name="t"}} <ref name=t/>');
  const edits = rename(a, offset, 'note one');
  assert.ok(Array.isArray(edits));
  assert.equal(applyEdits(a.lines, edits), '{{efn|Note.|name=note one}} {{efn|name=note one}} {{#tag:ref|Body|name="t"}} <ref name=t/>');
  const t = at('{{#tag:ref|Body|name="‸t"}} <ref name=t/>');
  const tagEdits = rename(t.a, t.offset, 'tag ref');
  assert.ok(Array.isArray(tagEdits));
  assert.equal(applyEdits(t.a.lines, tagEdits), '{{#tag:ref|Body|name="tag ref"}} <ref name="tag ref"/>');
});

test('highlights: the definition writes, reuses read', () => {
  const { a, offset } = at(PAGE.replace('B<ref', 'B<r‸ef'));
  const hs = documentHighlights(a, offset);
  assert.deepEqual(
    hs.map((h) => [offsetsOf(a.lines, h.range), h.kind]),
    [[[12, 17], DocumentHighlightKind.Write], [[47, 52], DocumentHighlightKind.Read], [[61, 66], DocumentHighlightKind.Read]],
  );
});

test('highlights on a template name: every call of that template, however its name is written', () => {
  const { a, offset } = at('{{Cite w‸eb|title=A}} {{cite_web |title=B}} {{Cite news|title=C}} {{ Template:cite web\n|title=D}}');
  const hs = documentHighlights(a, offset);
  assert.deepEqual(hs.map((h) => textOf(a.lines, h.range)), ['Cite web', 'cite_web', 'Template:cite web']);
  assert.ok(hs.every((h) => h.kind === DocumentHighlightKind.Text));
  const none = at('{{Cite web|ti‸tle=A}}');
  assert.deepEqual(documentHighlights(none.a, none.offset), []);
});

test('broken wikitext: an unclosed ref is text (no ref), an unclosed template has no name to highlight', () => {
  const { a, offset } = at('<ref name="a">Def</ref> <ref name="‸a"/> <ref name="b">never closed {{cite web|title=x');
  assert.deepEqual(definition(a, offset).map((r) => textOf(a.lines, r)), ['<ref name="a">Def</ref>']);
  assert.deepEqual(references(a, offset, true).length, 2);
  const b = at('<ref name="a">Def</ref> <ref name="‸b">never closed {{cite web|title=x');
  assert.deepEqual(definition(b.a, b.offset), []);
  assert.equal(prepareRename(b.a, b.offset), null);
  const c = at('<ref name="a">Def</ref> {{cite w‸eb|title=x');
  assert.deepEqual(documentHighlights(c.a, c.offset), []);
});

test('list-defined refs: a reuse in the text finds its definition inside <references>', () => {
  const { a, offset } = at('Text<ref name="‸ld"/>\n<references>\n<ref name="ld">Defined in the list.</ref>\n</references>');
  assert.deepEqual(definition(a, offset).map((r) => textOf(a.lines, r)), ['<ref name="ld">Defined in the list.</ref>']);
  assert.deepEqual(definition(a, offset).map((r) => r.start.line), [2]);
});

test('Barack Obama: the five uses of "Obamapolling", renamed together', () => {
  const text = corpus('tree-sitter-wikitext__Barack_Obama.wiki');
  const a = analyse(text);
  const reuse = text.indexOf('<ref name="Obamapolling"/>') + '<ref name="'.length + 2;
  const defs = definition(a, reuse);
  assert.equal(defs.length, 1);
  const defText = textOf(a.lines, defs[0]);
  assert.ok(defText.startsWith('<ref name="Obamapolling">') && defText.endsWith('</ref>'));
  assert.equal(offsetsOf(a.lines, defs[0])[0], text.indexOf('<ref name="Obamapolling">'));
  const refs = references(a, reuse, true);
  assert.equal(refs.length, 5);
  assert.ok(refs.every((r) => textOf(a.lines, r) === 'Obamapolling'));
  assert.equal(references(a, reuse, false).length, 4);
  const edits = rename(a, reuse, 'Obama polling');
  assert.ok(Array.isArray(edits));
  const renamed = applyEdits(a.lines, edits);
  assert.equal(renamed.split('name="Obama polling"').length - 1, 5);
  assert.equal(renamed.length, text.length + 5);
  assert.match(String(rename(a, reuse, 'Occidental')), /already exists/);
});

test('Kazakhstan seed: "Iran Daily" (a name with a space) has one definition and three reuses', () => {
  const text = corpus('Kazakhstan__Government_and_politics.wiki');
  const a = analyse(text);
  const def = text.indexOf('<ref name="Iran Daily">');
  const hs = documentHighlights(a, def + 1);
  assert.deepEqual(hs.map((h) => h.kind), [DocumentHighlightKind.Write, DocumentHighlightKind.Read, DocumentHighlightKind.Read, DocumentHighlightKind.Read]);
  assert.ok(hs.every((h) => textOf(a.lines, h.range) === 'Iran Daily'));
  assert.deepEqual(definition(a, def + 12).map((r) => offsetsOf(a.lines, r)[0]), [def]);
  const pr = prepareRename(a, def + 12);
  assert.ok(pr);
  assert.equal(pr.placeholder, 'Iran Daily');
});

/** Shortened footnotes: `{{sfn}}` makes the ref `FOOTNOTESmith200625` (Module:Footnotes), reused by a tag and by a second call. */
const SFN = 'A.{{sfn|Smith|2006|p=25}} B.<ref name="FOOTNOTESmith200625" /> C.{{sfn|Smith|2006|p=25}} D.<ref name="own">Own.</ref>\n{{reflist}}';

test('a <ref name="FOOTNOTE…"/> leads to the {{sfn}} calls that make the name; references and highlights include them', () => {
  const { a, offset } = at(SFN.replace('"FOOTNOTESmith', '"FOOTNOTE‸Smith'));
  assert.deepEqual(definition(a, offset).map((r) => textOf(a.lines, r)), ['{{sfn|Smith|2006|p=25}}', '{{sfn|Smith|2006|p=25}}']);
  assert.deepEqual(references(a, offset, true).map((r) => textOf(a.lines, r)), ['{{sfn|Smith|2006|p=25}}', 'FOOTNOTESmith200625', '{{sfn|Smith|2006|p=25}}']);
  assert.deepEqual(references(a, offset, false).map((r) => textOf(a.lines, r)), ['FOOTNOTESmith200625']);
  assert.deepEqual(documentHighlights(a, offset).map((h) => h.kind), [DocumentHighlightKind.Write, DocumentHighlightKind.Read, DocumentHighlightKind.Write]);
  // from the {{sfn}} itself: its uses
  const inSfn = at(SFN.replace('{{sfn|Smith|2006|p=25}} B', '{{sfn|Smi‸th|2006|p=25}} B'));
  assert.deepEqual(references(inSfn.a, inSfn.offset, false).map((r) => textOf(inSfn.a.lines, r)), ['FOOTNOTESmith200625']);
});

test('rename of a name {{sfn}} makes is refused with the reason; other names still rename', () => {
  const { a, offset } = at(SFN.replace('"FOOTNOTESmith', '"FOOTNOTE‸Smith'));
  assert.throws(() => prepareRename(a, offset), /"FOOTNOTESmith200625" is the name \{\{sfn\|Smith\|2006\|p=25\}\} makes .* cannot be renamed/);
  const edits = rename(a, offset, 'smith');
  assert.equal(typeof edits, 'string');
  assert.match(edits as string, /cannot be renamed/);
  const own = at(SFN.replace('"own"', '"o‸wn"'));
  assert.equal(prepareRename(own.a, own.offset)?.placeholder, 'own');
  // a hand-written FOOTNOTE-like name that no {{sfn}} makes is an ordinary name
  const hand = at('A<ref name="FOOTNOTEx">X</ref> B<ref name="FOOTNOTE‸x" />');
  assert.equal(prepareRename(hand.a, hand.offset)?.placeholder, 'FOOTNOTEx');
});

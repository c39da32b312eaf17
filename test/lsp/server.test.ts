/**
 * The real server (`dist/server.js --stdio`) over real streams: initialize, open the seed, receive its
 * diagnostics (pushed and pulled), hover, complete, apply a quick fix, rename a ref name.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, ServerHandle } from '../helpers/lspClient';
import { lint } from '../../server/src/core/lint/lint';
import { LineIndex } from '../../server/src/core/lineIndex';

const SERVER = resolve(__dirname, '../../dist/server.js');
const SEED = readFileSync(resolve(__dirname, '../fixtures/corpus/Kazakhstan__Government_and_politics.wiki'), 'utf8');

interface Diag { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; data?: unknown; message: string; codeDescription?: { href: string }; source?: string }
interface Edit { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }

function applyEdits(text: string, edits: Edit[]): string {
  // single-line documents here: character offsets are offsets
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

let push: ServerHandle;
let pull: ServerHandle;
before(async () => {
  push = await startServer(SERVER);
  // this server's user opted in to "add today's access-date" as a safe fix (fixUnchecked), so fix-all and the
  // preferred quick fix behave as they did before that fix became a suggestion by default
  pull = await startServer(SERVER, { pull: true, settings: { rules: { 'cite-missing-access-date': ['warning', { fixUnchecked: true }] } } });
});
after(async () => {
  await push.stop();
  await pull.stop();
});

test('push: opening the seed publishes its 24 diagnostics with codes, docs links and fixes', async () => {
  const uri = 'file:///virtual/seed.wiki';
  const got = push.nextDiagnostics(uri);
  await push.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: SEED } });
  const p = await got;
  const diags = p.diagnostics as Diag[];
  assert.equal(diags.length, 24);
  assert.equal(diags.filter((d) => d.code === 'cite-missing-access-date').length, 19);
  assert.equal(diags.filter((d) => d.code === 'cite-dead-link-archived').length, 5);
  const d = diags.find((x) => x.code === 'cite-missing-access-date')!;
  assert.equal(d.source, 'wikitext-lint');
  assert.match(d.codeDescription!.href, /docs\/rules\/cite-missing-access-date\.md$/);
  assert.equal(SEED.slice(d.range.start.character, d.range.start.character + 4), 'url=');
  assert.equal(p.version, 1);
});

test('pull: the same diagnostics through textDocument/diagnostic', async () => {
  const uri = 'file:///virtual/seed-pull.wiki';
  await pull.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: SEED } });
  const report = (await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diag[] };
  assert.equal(report.kind, 'full');
  assert.equal(report.items.length, 24);
  assert.equal(pull.pushed.size, 0, 'a pull client gets no pushed diagnostics');
});

test('a quick fix from the diagnostic adds the access-date; incremental edits are applied', async () => {
  const uri = 'file:///virtual/seed-pull.wiki';
  const report = (await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
  const d = report.items.find((x) => x.code === 'cite-missing-access-date')!;
  const actions = (await pull.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
  })) as { title: string; isPreferred?: boolean; edit: { changes: Record<string, Edit[]> } }[];
  const fix = actions.find((a) => a.title.startsWith('Add |access-date='))!;
  assert.ok(fix.isPreferred);
  // 18: the 19th citation without an access-date is marked dead, so it gets no "today" fix
  assert.ok(actions.some((a) => a.title === 'Fix all cite-missing-access-date problems (18)'));
  assert.ok(actions.some((a) => a.title === 'Disable cite-missing-access-date for this line'));
  const edits = fix.edit.changes[uri];
  const fixed = applyEdits(SEED, edits);
  assert.equal(fixed.length - SEED.length, edits[0].newText.length);
  await pull.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
  const after2 = (await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
  assert.equal(after2.items.filter((x) => x.code === 'cite-missing-access-date').length, 18);
});

test('fix all (source.fixAll.wikitext) adds the 18 access-dates of live links at once', async () => {
  const uri = 'file:///virtual/seed-fixall.wiki';
  await pull.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: SEED } });
  const actions = (await pull.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.wikitext'] },
  })) as { kind: string; edit: { changes: Record<string, Edit[]> } }[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.wikitext');
  const fixed = applyEdits(SEED, actions[0].edit.changes[uri]);
  await pull.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  const report = (await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
  assert.deepEqual(report.items.map((d) => d.code).sort(), [...Array(5).fill('cite-dead-link-archived'), 'cite-missing-access-date']);
});

test('hover on a citation shows how it reads; completion in a citation offers access-date', async () => {
  const uri = 'file:///virtual/seed-pull.wiki';
  const at = SEED.indexOf('{{cite news|url=https://www.washingtonpost.com') + 4;
  const hover = (await pull.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: at } })) as { contents: { value: string } } | null;
  assert.ok(hover);
  assert.match(hover.contents.value, /Yes, Kazakhstan should change its name/);
  const doc = 'file:///virtual/typing.wiki';
  const text = '<ref>{{cite web|url=https://example.org/x|title=X|';
  await pull.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'wikitext', version: 1, text } });
  const list = (await pull.connection.sendRequest('textDocument/completion', { textDocument: { uri: doc }, position: { line: 0, character: text.length } })) as { items: { label: string }[] } | { label: string }[];
  const items = Array.isArray(list) ? list : list.items;
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('access-date'), `completion offers access-date (got ${labels.slice(0, 10).join(', ')})`);
  assert.ok(!labels.includes('url') && !labels.includes('title'), 'parameters already present are not offered');
});

test('rename of a ref name updates its reuses; a colliding name is refused', async () => {
  const uri = 'file:///virtual/rename.wiki';
  const text = 'A<ref name="src">Source</ref> B<ref name="src" /> C<ref name=other>O</ref>\n{{reflist}}';
  await pull.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
  const pos = { line: 0, character: text.indexOf('src') + 1 };
  const prep = (await pull.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: pos })) as { placeholder: string } | null;
  assert.equal(prep?.placeholder, 'src');
  const edit = (await pull.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: pos, newName: 'smith2020' })) as { changes: Record<string, Edit[]> };
  assert.equal(applyEdits(text, edit.changes[uri]), text.replace(/"src"/g, '"smith2020"'));
  await assert.rejects(pull.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: pos, newName: 'other' }));
  const defs = (await pull.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: text.lastIndexOf('"src"') + 2 } })) as { range: { start: { character: number } } }[];
  assert.equal(defs[0].range.start.character, 1);
});

test('a <ref name="FOOTNOTE…"/> goes to the {{sfn}} that makes it; renaming that name is refused with the reason', async () => {
  const uri = 'file:///virtual/sfn.wiki';
  const text = 'A.{{sfn|Smith|2006|p=25}} B.<ref name="FOOTNOTESmith200625" /> C.{{sfn|Smith|2006|p=25}}\n{{reflist}}';
  await pull.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
  const report = (await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
  assert.deepEqual(report.items.map((d) => d.code), [], 'no undefined name, no duplicate');
  const pos = { line: 0, character: text.indexOf('FOOTNOTESmith') + 4 };
  const defs = (await pull.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos })) as { range: { start: { character: number }; end: { character: number } } }[];
  assert.deepEqual(defs.map((d) => text.slice(d.range.start.character, d.range.end.character)), ['{{sfn|Smith|2006|p=25}}', '{{sfn|Smith|2006|p=25}}']);
  const refs = (await pull.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } })) as { range: { start: { character: number } } }[];
  assert.deepEqual(refs.map((r) => r.range.start.character), [2, text.indexOf('FOOTNOTESmith'), text.lastIndexOf('{{sfn')]);
  await assert.rejects(pull.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: pos }), /cannot be renamed/);
  await assert.rejects(pull.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: pos, newName: 'smith' }), /cannot be renamed/);
  assert.equal(pull.process.exitCode, null);
});

test('the server survives bad requests: unknown documents, positions past the end, unknown methods', async () => {
  await assert.rejects(pull.connection.sendRequest('textDocument/definition', { textDocument: { uri: 'file:///never-opened.wiki' }, position: { line: 0, character: 0 } }));
  const h = await pull.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///virtual/rename.wiki' }, position: { line: 99, character: 9999 } });
  assert.ok(h === null || typeof h === 'object');
  await assert.rejects(pull.connection.sendRequest('wikitext/noSuchMethod', {}));
  const report = (await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///virtual/seed-pull.wiki' } })) as { items: unknown[] };
  assert.ok(report.items.length > 0, 'still serving');
  assert.equal(pull.process.exitCode, null);
});

test('edits through the server (parsed incrementally) give the diagnostics a fresh lint of the same text gives', async () => {
  const uri = 'file:///virtual/seed-incremental.wiki';
  await pull.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: SEED } });
  await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  let text = SEED;
  const refAt = (k: number) => { let p = -1; for (let i = 0; i <= k; i++) p = text.indexOf('<ref', p + 1); return p; };
  // inside a citation, in prose, breaking and restoring a ref's closing tag, a new ref with a dead link
  const steps: { at: () => number; del: number; ins: string }[] = [
    { at: () => text.indexOf('|title=', refAt(3)) + 7, del: 0, ins: 'New ' },
    { at: () => refAt(0) - 5, del: 3, ins: 'x' },
    { at: () => text.indexOf('</ref>', refAt(5)), del: 6, ins: '' },
    { at: () => text.indexOf('<ref', refAt(5) + 1), del: 0, ins: '</ref>' },
    { at: () => refAt(2), del: 0, ins: '<ref>{{cite web |url=http://example.org/a |title=A |url-status=dead}}</ref>' },
    { at: () => text.length, del: 0, ins: '\n== Notes ==\n{{reflist}}' },
  ];
  const lines = (t: string) => new LineIndex(t);
  let version = 1;
  for (const s of steps) {
    const at = s.at();
    const li = lines(text);
    const range = { start: li.position(at), end: li.position(at + s.del) };
    text = text.slice(0, at) + s.ins + text.slice(at + s.del);
    await pull.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: s.ins }] });
    const got = (await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    const fresh = lint(text);
    const nl = lines(text);
    const expected = fresh.diagnostics.map((d) => `${d.rule} ${JSON.stringify(nl.position(d.start))} ${d.message}`);
    assert.deepEqual(got.items.map((d) => `${d.code} ${JSON.stringify(d.range.start)} ${d.message}`), expected, `after edit ${version - 1}`);
  }
  assert.ok(lint(text).diagnostics.some((d) => d.rule === 'cite-dead-link'), 'the last edits are seen');
});

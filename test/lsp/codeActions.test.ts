/**
 * Code actions through the real server, with a client that resolves code actions (as VS Code does): quick
 * fixes are looked up in the cached analysis, fix-all edits are computed only in codeAction/resolve, and a
 * diagnostic or fix-all of an older document version is refused.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, ServerHandle } from '../helpers/lspClient';

const SERVER = resolve(__dirname, '../../dist/server.js');
const SEED = readFileSync(resolve(__dirname, '../fixtures/corpus/Kazakhstan__Government_and_politics.wiki'), 'utf8');

interface Pos { line: number; character: number }
interface Edit { range: { start: Pos; end: Pos }; newText: string }
interface Diag { code: string; range: { start: Pos; end: Pos }; data?: { rule: string; version: number }; message: string; source?: string }
interface Action { title: string; kind: string; data?: unknown; edit?: { changes: Record<string, Edit[]> } }

function applyEdits(text: string, edits: Edit[]): string {
  const lines = text.split('\n');
  const offset = (p: Pos) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

let server: ServerHandle;
before(async () => {
  server = await startServer(SERVER, { pull: true, resolve: true, settings: { rules: { 'cite-missing-access-date': ['warning', { fixUnchecked: true }] } } });
});
after(async () => {
  await server.stop();
});

const diagnostics = async (uri: string) => ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] }).items;
const actionsFor = async (uri: string, d: Diag | null, only: string[]) => (await server.connection.sendRequest('textDocument/codeAction', {
  textDocument: { uri }, range: d ? d.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: d ? [d] : [], only },
})) as Action[];

test('diagnostics carry their rule and document version, not their fixes', async () => {
  const uri = 'file:///virtual/ca-data.wiki';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 7, text: SEED } });
  const items = await diagnostics(uri);
  assert.equal(items.length, 24);
  for (const d of items) assert.deepEqual({ rule: d.data!.rule, version: d.data!.version }, { rule: d.code, version: 7 });
});

test('fix all of a rule is listed without an edit and computed in codeAction/resolve', async () => {
  const uri = 'file:///virtual/ca-resolve.wiki';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: SEED } });
  const d = (await diagnostics(uri)).find((x) => x.code === 'cite-missing-access-date')!;
  const actions = await actionsFor(uri, d, ['quickfix']);
  const quick = actions.find((a) => a.title.startsWith('Add |access-date='))!;
  assert.ok(quick.edit, 'a single fix comes with its edit (a lookup)');
  const all = actions.find((a) => a.title === 'Fix all cite-missing-access-date problems (18)')!;
  assert.equal(all.edit, undefined, 'the fix-all edit is not computed when listing');
  const resolved = (await server.connection.sendRequest('codeAction/resolve', all)) as Action;
  assert.ok(resolved.edit);
  const fixed = applyEdits(SEED, resolved.edit.changes[uri]);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  // one link of the seed is marked dead: no date is added to it
  assert.equal((await diagnostics(uri)).filter((x) => x.code === 'cite-missing-access-date').length, 1);
});

test('source.fixAll.wikitext resolves to the same text as before: only the 5 archived dead links and the access-date of the dead link remain', async () => {
  const uri = 'file:///virtual/ca-fixall.wiki';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: SEED } });
  const actions = await actionsFor(uri, null, ['source.fixAll.wikitext']);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].edit, undefined);
  const resolved = (await server.connection.sendRequest('codeAction/resolve', actions[0])) as Action;
  assert.equal(resolved.kind, 'source.fixAll.wikitext');
  const fixed = applyEdits(SEED, resolved.edit!.changes[uri]);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  assert.deepEqual((await diagnostics(uri)).map((d) => d.code).sort(), [...Array(5).fill('cite-dead-link-archived'), 'cite-missing-access-date']);
});

test('a diagnostic or a fix-all of an older version is refused', async () => {
  const uri = 'file:///virtual/ca-stale.wiki';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: SEED } });
  const d = (await diagnostics(uri)).find((x) => x.code === 'cite-missing-access-date')!;
  const fixAll = (await actionsFor(uri, null, ['source.fixAll.wikitext']))[0];
  // an edit far from the diagnostic: its range still holds the same text, but it was computed for version 1
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
  const stale = await actionsFor(uri, d, ['quickfix']);
  assert.deepEqual(stale.map((a) => a.title), [], 'no fix of a stale diagnostic');
  await assert.rejects(server.connection.sendRequest('codeAction/resolve', fixAll), (e: { code?: number }) => e.code === -32801);
  // the current version's diagnostics work
  const fresh = (await diagnostics(uri)).find((x) => x.code === 'cite-missing-access-date')!;
  assert.equal(fresh.data!.version, 2);
  assert.ok((await actionsFor(uri, fresh, ['quickfix'])).some((a) => a.title.startsWith('Add |access-date=') && a.edit));
});

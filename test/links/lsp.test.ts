/**
 * Check Links and Fill Citation through the real language server over stdio (with the fixture web's DNS
 * lookup): progress notifications, link diagnostics and their archive quick fix, cancellation that stops
 * every request at once, and the Fill Citation request with its preview and code action.
 *
 * Run: node scripts/run-tests.mjs test/links/lsp
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { startServer, ServerHandle } from '../helpers/lspClient';
import { startFixtureWeb, FixtureWeb } from './fixtureWeb';

let web: FixtureWeb;
let server: ServerHandle;
const cacheFile = join(mkdtempSync(join(tmpdir(), 'wl-lsp-links-')), 'links.json');

before(async () => {
  web = await startFixtureWeb();
  server = await startServer(join(__dirname, 'runServer.ts'), {
    execArgv: ['--import', 'tsx'],
    settings: { links: { waybackAvailabilityUrl: web.url('archive', '/wayback/available'), cdxUrl: web.url('archive', '/cdx/search/cdx'), hostDelayMs: 0, retryPauseMs: 20, timeoutMs: 20000 } },
  });
});
after(async () => {
  await server.stop();
  await web.close();
});

async function open(uri: string, text: string) {
  const first = server.nextDiagnostics(uri);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
  return first;
}

test('Check Links: progress, link diagnostics, and the archive quick fix', async () => {
  const uri = 'untitled:links-1';
  const dead = web.url('lsp1', '/gone/1'), live = web.url('lsp1', '/live');
  web.archive.set(dead, ['20180606060606']);
  const text = `A.<ref>{{cite web |url=${dead} |title=T |access-date=2020-01-02}}</ref> B.<ref>{{cite web |url=${live} |title=L |access-date=2020-01-02}}</ref>\n`;
  const d0 = await open(uri, text);
  assert.deepEqual((d0.diagnostics as { code?: string }[]).filter((d) => String(d.code).startsWith('link-')), [], 'no link diagnostics before a check');
  assert.equal(web.stats.get('lsp1'), undefined, 'nothing fetched on open');
  const progress: number[] = [];
  server.connection.onNotification('wikitext/checkLinksProgress', (p: { done: number }) => { progress.push(p.done); });
  const next = server.nextDiagnostics(uri);
  const r = await server.connection.sendRequest('wikitext/checkLinks', { uri, cacheFile }) as { total: number; counts: Record<string, number> };
  assert.equal(r.total, 2);
  assert.deepEqual(r.counts, { dead: 1, alive: 1 });
  assert.deepEqual(progress.sort(), [1, 2]);
  const d1 = (await next).diagnostics as { code: string; range: unknown; message: string }[];
  const linkDead = d1.find((d) => d.code === 'link-dead');
  assert.ok(linkDead, JSON.stringify(d1));
  const actions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: linkDead.range, context: { diagnostics: [linkDead] } }) as { title: string; edit?: { changes: Record<string, { newText: string }[]> } }[];
  const fix = actions.find((a) => a.title === 'Mark dead and add archive');
  assert.ok(fix, actions.map((a) => a.title).join(', '));
  assert.match(JSON.stringify(fix.edit), /archive-url=https:\/\/web\.archive\.org\/web\/20180606060606\//);
});

test('cancel stops all requests at once', async () => {
  const uri = 'untitled:links-2';
  const refs: string[] = [];
  for (let i = 0; i < 30; i++) refs.push(`<ref>{{cite web |url=${web.url(`lspslow${i % 5}`, `/slow?i=${i}`)} |title=S${i} |access-date=2020-01-02}}</ref>`);
  await open(uri, refs.join(' ') + '\n');
  const cts = new CancellationTokenSource();
  const p = server.connection.sendRequest('wikitext/checkLinks', { uri, noCache: true }, cts.token);
  await new Promise((r) => setTimeout(r, 500));
  const open0 = web.open();
  assert.ok(open0 > 0, 'requests are open before the cancel');
  cts.cancel();
  await assert.rejects(p, (e: { code?: number }) => e.code === -32800);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(web.open(), 0, 'every request was closed');
  const total = [0, 1, 2, 3, 4].reduce((n, i) => n + (web.stats.get(`lspslow${i}`)?.requests ?? 0), 0);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal([0, 1, 2, 3, 4].reduce((n, i) => n + (web.stats.get(`lspslow${i}`)?.requests ?? 0), 0), total, 'no request after the cancel');
});

test('Fill Citation: a code action on a bare URL ref, and the request with a rendered preview', async () => {
  const uri = 'untitled:links-3';
  const url = web.url('lspfill', '/meta/og');
  const text = `{{Use dmy dates|date=May 2020}}\nA.<ref>${url}</ref>\n`;
  await open(uri, text);
  const pos = { line: 1, character: 10 };
  const actions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } }) as { title: string; command?: { command: string } }[];
  const fill = actions.find((a) => a.command?.command === 'wikitext.fillCitation');
  assert.ok(fill, actions.map((a) => a.title).join(', '));
  assert.equal(web.stats.get('lspfill'), undefined, 'offering the action fetches nothing');
  const r = await server.connection.sendRequest('wikitext/fillCitation', { uri, position: pos }) as { ok: boolean; newText: string; preview: string; range: { start: { line: number; character: number } } };
  assert.ok(r.ok, JSON.stringify(r));
  assert.match(r.newText, /^\{\{cite news \|last=Smith \|first=Jane \|title=Storm hits coast \|url=\S+ \|date=5 March 2021 \|work=Example News \|access-date=\d{1,2} \w+ \d{4}\}\}$/);
  assert.match(r.preview, /Storm hits coast/);
  assert.match(r.preview, /Example News/);
  assert.deepEqual(r.range.start, { line: 1, character: 7 });
  const none = await server.connection.sendRequest('wikitext/fillCitation', { uri, position: { line: 0, character: 3 } }) as { ok: boolean; reason: string };
  assert.equal(none.ok, false);
});

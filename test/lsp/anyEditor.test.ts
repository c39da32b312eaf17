/**
 * The server as other editors see it: `wikitext-language-server` (dist/server.js) started by its command
 * line, driven by a raw JSON-RPC client over `Content-Length` framed bytes that announces only the LSP
 * basics (no workspace/configuration, no pull diagnostics, no dynamic registration). Checks the command
 * line (--version, --help, usage errors, --socket on 127.0.0.1), settings through initializationOptions and
 * didChangeConfiguration, and position encodings: UTF-16 by default, UTF-8 when that is all the client
 * offers, with text full of non-ASCII characters (diagnostics, hover, code actions, edits, semantic tokens).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';

const ROOT = resolve(__dirname, '../..');
const SERVER = resolve(ROOT, 'dist/server.js');
const SEED = readFileSync(resolve(ROOT, 'test/fixtures/corpus/Kazakhstan__Government_and_politics.wiki'), 'utf8');
const VERSION = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version as string;

interface Pos { line: number; character: number }
interface Range { start: Pos; end: Pos }
interface Diag { code: string; range: Range; data?: unknown }
interface Msg { id?: number | string; method?: string; params?: any; result?: any; error?: any }

/** A raw JSON-RPC client: frames and parses messages itself, records every message the server sends. */
class RawClient {
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, (m: Msg) => void>();
  private waiters: { pred: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];
  readonly received: Msg[] = [];

  constructor(input: Readable, private output: Writable) {
    input.on('data', (d: Buffer) => this.onData(d));
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const head = this.buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, head).toString('ascii'))![1]);
      if (this.buf.length < head + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(head + 4, head + 4 + len).toString('utf8')) as Msg;
      this.buf = this.buf.subarray(head + 4 + len);
      this.received.push(msg);
      if (msg.id !== undefined && !msg.method) this.pending.get(msg.id as number)?.(msg);
      else if (msg.id !== undefined && msg.method) this.send({ id: msg.id, result: null }); // answer any server request
      this.waiters = this.waiters.filter((w) => (w.pred(msg) ? (w.resolve(msg), false) : true));
    }
  }

  send(m: Msg): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
    this.output.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise((res, rej) => {
      this.pending.set(id, (m) => (m.error ? rej(new Error(JSON.stringify(m.error))) : res(m.result)));
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The next message (after now) matching `pred`. */
  next(pred: (m: Msg) => boolean): Promise<Msg> {
    return new Promise((res) => this.waiters.push({ pred, resolve: res }));
  }

  diagnosticsFor(uri: string): Promise<Diag[]> {
    return this.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri).then((m) => m.params.diagnostics);
  }
}

/** The capabilities of a basic client (Neovim 0.7, Helix...): nothing dynamic, no configuration, push diagnostics. */
function basicCapabilities(encodings?: string[]) {
  return {
    ...(encodings ? { general: { positionEncodings: encodings } } : {}),
    textDocument: {
      synchronization: { didSave: false },
      publishDiagnostics: { relatedInformation: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    },
  };
}

async function startRaw(initialize: Record<string, unknown>): Promise<{ client: RawClient; proc: ChildProcess; init: any; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const client = new RawClient(proc.stdout!, proc.stdin!);
  const init = await client.request('initialize', { processId: process.pid, rootUri: null, ...initialize });
  client.notify('initialized', {});
  return {
    client,
    proc,
    init,
    async stop() {
      await Promise.race([client.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      client.notify('exit', null);
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once('exit', r)));
    },
  };
}

test('--version prints the package version, --help the usage; bad usage exits 2 with a message', () => {
  const v = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
  assert.equal(v.status, 0);
  assert.equal(v.stdout.trim(), VERSION);
  const h = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
  assert.equal(h.status, 0);
  assert.match(h.stdout, /Usage: wikitext-language-server --stdio \| --node-ipc \| --socket=PORT/);
  assert.match(h.stdout, /initializationOptions/);
  for (const [args, message] of [
    [[], /give a transport/],
    [['--socket=http'], /--socket needs a port number/],
    [['--socket'], /--socket needs a port number/],
    [['--stdio', '--frobnicate'], /unknown option --frobnicate/],
  ] as [string[], RegExp][]) {
    const r = spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', input: '' });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
  // the bin is the same file, executable with its shebang
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.bin['wikitext-language-server'], './dist/server.js');
  assert.ok(readFileSync(SERVER, 'utf8').startsWith('#!/usr/bin/env node\n'));
});

test('--socket=PORT connects to a client listening on 127.0.0.1 and serves LSP there', async () => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const accepted = new Promise<net.Socket>((r) => server.once('connection', r));
  const proc = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const socket = await accepted;
    assert.equal(socket.remoteAddress, '127.0.0.1');
    const client = new RawClient(socket, socket);
    const init = await client.request('initialize', { processId: null, rootUri: null, capabilities: {} });
    assert.equal(init.serverInfo.name, 'wikitext-lint');
    client.notify('initialized', {});
    const uri = 'file:///virtual/socket.wiki';
    const diags = client.diagnosticsFor(uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: SEED } });
    assert.equal((await diags).length, 24);
    await client.request('shutdown', null);
    client.notify('exit', null);
    const code = await new Promise((r) => (proc.exitCode !== null ? r(proc.exitCode) : proc.once('exit', r)));
    assert.equal(code, 0);
  } finally {
    proc.kill();
    server.close();
  }
});

test('a basic client: UTF-16 by default, settings from initializationOptions and didChangeConfiguration, no requests back', async () => {
  const s = await startRaw({ capabilities: basicCapabilities(), initializationOptions: { rules: { 'cite-dead-link-archived': 'off' } } });
  try {
    assert.equal(s.init.capabilities.positionEncoding, 'utf-16');
    assert.equal(s.init.capabilities.diagnosticProvider, undefined, 'no pull diagnostics for a client without them');
    const uri = 'file:///virtual/basic.wiki';
    let diags = s.client.diagnosticsFor(uri);
    s.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: SEED } });
    let got = await diags;
    assert.equal(got.length, 19, 'cite-dead-link-archived is off through initializationOptions');
    assert.ok(got.every((d) => d.code === 'cite-missing-access-date'));
    // a pushed configuration (what Neovim's and Sublime's `settings` send) replaces it
    diags = s.client.diagnosticsFor(uri);
    s.client.notify('workspace/didChangeConfiguration', { settings: { wikitext: { rules: { 'cite-missing-access-date': 'off' } } } });
    got = await diags;
    assert.equal(got.length, 5);
    assert.ok(got.every((d) => d.code === 'cite-dead-link-archived'));
    // hover and a quick fix work without anything else
    const hover = await s.client.request('textDocument/hover', { textDocument: { uri }, position: got[0].range.start });
    assert.match(JSON.stringify(hover.contents), /archive/i);
    const requestsFromServer = s.client.received.filter((m) => m.method && m.id !== undefined).map((m) => m.method);
    assert.deepEqual(requestsFromServer, [], 'the server asks nothing a basic client cannot answer');
  } finally {
    await s.stop();
  }
});

// Non-ASCII before the citations: 2-byte Cyrillic, 3-byte em dash, a 4-byte emoji (2 UTF-16 units).
const TEXT = [
  "'''Қазақстан''' — 🇰🇿 état. <ref>{{cite web |url=https://example.org/ä |title=Ünïcode — 😀}}</ref>",
  '',
  "Ещё 😀 раз.<ref>{{cite news |url=https://example.org/ö |title=Ö |work=Ж}}</ref>",
  '',
  '== Notes ==',
  '<references />',
].join('\n');
const lines = TEXT.split('\n');
const utf8Col = (line: number, col16: number) => Buffer.byteLength(lines[line].slice(0, col16), 'utf8');
const utf16Col = (line: number, col8: number) => Buffer.from(lines[line], 'utf8').subarray(0, col8).toString('utf8').length;

test('UTF-8 when the client offers only UTF-8: diagnostics, hover, code action, edits and semantic tokens in bytes', async () => {
  const s8 = await startRaw({ capabilities: basicCapabilities(['utf-8']) });
  const s16 = await startRaw({ capabilities: basicCapabilities(['utf-8', 'utf-16']) });
  try {
    assert.equal(s8.init.capabilities.positionEncoding, 'utf-8');
    assert.equal(s16.init.capabilities.positionEncoding, 'utf-16', 'UTF-16 whenever the client accepts it');
    const uri = 'file:///virtual/unicode.wiki';
    const d8p = s8.client.diagnosticsFor(uri), d16p = s16.client.diagnosticsFor(uri);
    for (const s of [s8, s16]) s.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: TEXT } });
    const d8 = (await d8p).filter((d) => d.code === 'cite-missing-access-date');
    const d16 = (await d16p).filter((d) => d.code === 'cite-missing-access-date');
    assert.equal(d8.length, 2);
    assert.equal(d16.length, 2);
    for (let i = 0; i < 2; i++) {
      const r16 = d16[i].range;
      assert.equal(lines[r16.start.line].slice(r16.start.character, r16.start.character + 4), 'url=');
      assert.equal(d8[i].range.start.line, r16.start.line);
      assert.equal(d8[i].range.start.character, utf8Col(r16.start.line, r16.start.character));
      assert.equal(d8[i].range.end.character, utf8Col(r16.end.line, r16.end.character));
      assert.notEqual(d8[i].range.start.character, r16.start.character, 'the text before it is not ASCII');
    }

    // hover at a UTF-8 position inside "cite web" on line 0: answered, with a UTF-8 range around it
    const col16 = lines[0].indexOf('cite web') + 2;
    const hover = await s8.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: utf8Col(0, col16) } });
    assert.ok(hover, 'a hover on the citation');
    assert.match(JSON.stringify(hover.contents), /Ünïcode/);
    assert.ok(hover.range.start.character <= utf8Col(0, col16) && hover.range.end.character > utf8Col(0, col16));
    assert.match(lines[0].slice(utf16Col(0, hover.range.start.character)), /^(\{\{)?cite web/);

    // the quick fix's edit, applied in bytes, puts |access-date= in the right place
    const actions = await s8.client.request('textDocument/codeAction', {
      textDocument: { uri }, range: d8[1].range, context: { diagnostics: [d8[1]], only: ['quickfix'] },
    });
    const fix = actions.find((a: { title: string }) => a.title.startsWith('Add |access-date='));
    const edit = fix.edit.changes[uri][0] as { range: Range; newText: string };
    assert.equal(edit.range.start.line, 2);
    const bytes = Buffer.from(lines[2], 'utf8');
    const fixedLine = Buffer.concat([bytes.subarray(0, edit.range.start.character), Buffer.from(edit.newText), bytes.subarray(edit.range.end.character)]).toString('utf8');
    assert.match(fixedLine, /^Ещё 😀 раз\.<ref>\{\{cite news \|url=https:\/\/example\.org\/ö \|access-date=\d{4}-\d\d-\d\d \|title=Ö \|work=Ж\}\}<\/ref>$/);

    // an incremental edit at a UTF-8 position after the emoji: later diagnostics move by the inserted bytes
    const after = s8.client.diagnosticsFor(uri);
    const at = { line: 2, character: utf8Col(2, lines[2].indexOf('раз')) };
    s8.client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'ещё ' }] });
    const moved = (await after).filter((d) => d.code === 'cite-missing-access-date');
    assert.equal(moved[1].range.start.character, d8[1].range.start.character + Buffer.byteLength('ещё ', 'utf8'));

    // semantic tokens: the template name "cite news" on line 2 starts at its byte column
    const tokens = (await s8.client.request('textDocument/semanticTokens/full', { textDocument: { uri } })).data as number[];
    const abs: { line: number; char: number; len: number }[] = [];
    let line = 0, char = 0;
    for (let i = 0; i < tokens.length; i += 5) {
      line += tokens[i];
      char = tokens[i] === 0 ? char + tokens[i + 1] : tokens[i + 1];
      abs.push({ line, char, len: tokens[i + 2] });
    }
    const line2 = "Ещё 😀 ещё раз.<ref>{{cite news |url=https://example.org/ö |title=Ö |work=Ж}}</ref>";
    const nameCol = Buffer.byteLength(line2.slice(0, line2.indexOf('cite news')), 'utf8');
    assert.ok(abs.some((t) => t.line === 2 && t.char === nameCol && t.len === 'cite news'.length), JSON.stringify(abs.filter((t) => t.line === 2)));
    const emojiTitle = abs.find((t) => t.line === 0 && t.char === utf8Col(0, lines[0].indexOf('cite web')));
    assert.ok(emojiTitle, 'the cite web token on line 0 at its byte column');

    // malformed messages in UTF-8 mode: answered or ignored, and the server keeps serving
    s8.client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: 'garbage' });
    s8.client.notify('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ range: { start: { line: 'x' } }, text: 7 }] });
    await s8.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 'x', character: null } }).catch(() => 'an error answer');
    const again = await s8.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: utf8Col(0, col16) } });
    assert.ok(again, 'still serving');
  } finally {
    await s8.stop();
    await s16.stop();
  }
});

/**
 * The real server (`dist/server.js --stdio`) under hostile clients, over raw `Content-Length` framed bytes
 * (no JSON-RPC library on the client side, so that malformed messages really are malformed): bad JSON,
 * missing fields, wrong types, unknown methods, documents never opened or already closed, positions past the
 * end, a 10 MB document, 1,000 edits in a burst with $/cancelRequest, a client that disconnects, and memory
 * returning after documents close. After each case a final request must succeed.
 * (`npm test` builds dist/ first; test/lsp/server.test.ts covers the ordinary protocol.)
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const SERVER = resolve(__dirname, '../../dist/server.js');
const OBAMA = readFileSync(resolve(__dirname, '../fixtures/corpus/tree-sitter-wikitext__Barack_Obama.wiki'), 'utf8');

interface Message { jsonrpc?: string; id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } }

/** A server process spoken to in raw framed bytes. */
class RawServer {
  proc: ChildProcess;
  stderr = '';
  private buf = Buffer.alloc(0);
  private waiting = new Map<number | string, (m: Message) => void>();
  private nextId = 1;
  readonly notifications: Message[] = [];
  readonly exited: Promise<number | null>;
  /** Responses that carry no id we sent (e.g. a parse error answered with id null). */
  readonly orphans: Message[] = [];

  constructor(execArgv: string[] = []) {
    this.proc = spawn(process.execPath, [...execArgv, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d.toString()));
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.proc.stdin!.on('error', () => undefined); // writing after the server exits
    this.exited = new Promise((r) => this.proc.on('exit', (code) => r(code)));
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      assert.ok(m, `server wrote a header without Content-Length: ${header}`);
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      const msg = JSON.parse(body) as Message; // the server must only ever write valid JSON-RPC
      this.dispatch(msg);
    }
  }

  private dispatch(msg: Message): void {
    if (msg.method && msg.id !== undefined && msg.id !== null) {
      // a request from the server (workspace/configuration, registerCapability...): answer it
      const result = msg.method === 'workspace/configuration' ? ((msg.params as { items: unknown[] }).items ?? []).map(() => ({})) : null;
      this.writeJson({ jsonrpc: '2.0', id: msg.id, result });
    } else if (msg.method) this.notifications.push(msg);
    else if (msg.id !== undefined && msg.id !== null && this.waiting.has(msg.id)) {
      this.waiting.get(msg.id)!(msg);
      this.waiting.delete(msg.id);
    } else this.orphans.push(msg);
  }

  writeRaw(bytes: Buffer | string): void {
    this.proc.stdin!.write(bytes);
  }

  /** Frames a body (any bytes) with a correct Content-Length. */
  writeBody(body: string | Buffer): void {
    const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]));
  }

  writeJson(obj: unknown): void {
    this.writeBody(JSON.stringify(obj));
  }

  notify(method: string, params?: unknown): void {
    this.writeJson({ jsonrpc: '2.0', method, params });
  }

  /** Sends a request (id allocated here unless given) and resolves with its response, or rejects after `ms`. */
  request(method: string, params?: unknown, ms = 20_000, raw?: Record<string, unknown>): Promise<Message> & { id: number } {
    const id = this.nextId++;
    const p = new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method} (id ${id}) within ${ms} ms; stderr: ${this.stderr.slice(-500)}`)), ms);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
    }) as Promise<Message> & { id: number };
    p.id = id;
    this.writeJson(raw ? { jsonrpc: '2.0', id, ...raw } : { jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    return p;
  }

  /** Waits for the response to an id sent by hand. */
  responseTo(id: number | string, ms = 20_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to id ${id} within ${ms} ms`)), ms);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }

  async initialize(pull = true): Promise<void> {
    const r = await this.request('initialize', {
      processId: null, rootUri: null, workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: pull ? { diagnostic: { dynamicRegistration: false } } : { publishDiagnostics: {} } },
    });
    assert.ok(r.result, `initialize answered ${JSON.stringify(r.error)}`);
    this.notify('initialized', {});
  }

  /** A request that must succeed: proof that the server still serves. */
  async alive(): Promise<void> {
    const uri = 'file:///virtual/alive.wiki';
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: '<ref></ref>' } });
    const r = await this.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(r.error, undefined, `final request failed: ${JSON.stringify(r.error)}`);
    assert.deepEqual((r.result as { items: { code: string }[] }).items.map((d) => d.code), ['ref-empty']);
    this.notify('textDocument/didClose', { textDocument: { uri } });
    assert.equal(this.proc.exitCode, null, 'the server is still running');
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) {
      try {
        await Promise.race([this.request('shutdown', undefined, 3000), new Promise((r) => setTimeout(r, 3000))]);
        this.notify('exit');
      } catch {
        /* gone */
      }
      await Promise.race([this.exited, new Promise((r) => setTimeout(r, 3000))]);
      if (this.proc.exitCode === null) this.proc.kill();
    }
  }
}

/** Answered: a result or an error, never silence. */
function answered(m: Message): void {
  assert.ok('result' in m || m.error, `not an answer: ${JSON.stringify(m)}`);
}

let server: RawServer;
before(async () => {
  server = new RawServer();
  await server.initialize();
});
after(async () => {
  await server.stop();
  assert.doesNotMatch(server.stderr, /uncaught exception|unhandled rejection/i, server.stderr.slice(-2000));
});

test('malformed JSON-RPC: bad JSON, missing fields, wrong types; the server keeps serving', { timeout: 60_000 }, async () => {
  // bad JSON bodies (notifications cannot be answered; a parse error may be answered with id null)
  for (const body of ['{', 'not json', '{"jsonrpc":"2.0","id":', '\u0000\u0001', Buffer.from([0xff, 0xfe, 0x7b]), '[]', '[1,2]', 'null', '42', '"x"', '{}']) server.writeBody(body);
  // requests with missing or wrong-typed fields: each must be answered
  const cases: Record<string, unknown>[] = [
    { method: 'textDocument/hover' },
    { method: 'textDocument/hover', params: null },
    { method: 'textDocument/hover', params: 'x' },
    { method: 'textDocument/hover', params: {} },
    { method: 'textDocument/hover', params: { textDocument: {} } },
    { method: 'textDocument/hover', params: { textDocument: { uri: 42 }, position: 'start' } },
    { method: 'textDocument/hover', params: { textDocument: { uri: 'file:///virtual/none.wiki' }, position: { line: 'a', character: null } } },
    { method: 'textDocument/completion', params: { textDocument: { uri: ['x'] }, position: {} } },
    { method: 'textDocument/codeAction', params: { textDocument: { uri: 'file:///virtual/none.wiki' } } },
    { method: 'textDocument/codeAction', params: { textDocument: { uri: 'file:///virtual/none.wiki' }, range: 5, context: null } },
    { method: 'textDocument/diagnostic', params: { textDocument: null } },
    { method: 'textDocument/semanticTokens/full', params: [] },
    { method: 'textDocument/selectionRange', params: { textDocument: { uri: 'file:///virtual/none.wiki' }, positions: 'x' } },
    { method: 'textDocument/rename', params: { textDocument: { uri: 'file:///virtual/none.wiki' }, position: { line: 0, character: 0 }, newName: { a: 1 } } },
    { method: 'workspace/executeCommand', params: { command: 'wikitext.syntaxTree', arguments: [{ not: 'a uri' }] } },
    { method: 'workspace/executeCommand', params: { command: 7 } },
  ];
  const answers = await Promise.all(cases.map((c) => server.request(String(c.method), undefined, 20_000, c)));
  answers.forEach((a, i) => assert.doesNotThrow(() => answered(a), JSON.stringify(cases[i])));
  // a request id of a strange type, notifications with bad params
  server.writeJson({ jsonrpc: '2.0', id: 'a-string-id', method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x' }, position: { line: 0, character: 0 } } });
  answered(await server.responseTo('a-string-id'));
  for (const m of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeConfiguration', '$/cancelRequest', '$/setTrace'])
    for (const params of [undefined, null, 'x', {}, { textDocument: null }, { textDocument: { uri: 5, version: 'v', text: 7 } }, { textDocument: { uri: 'file:///virtual/x.wiki' }, contentChanges: 'x' }])
      server.notify(m, params);
  await server.alive();
});

test('a request whose method is missing or not a string is answered (JSON-RPC: -32600 Invalid Request)', {
  timeout: 20_000,
}, async () => {
  try {
    for (const raw of [{ method: 42, params: {} }, { params: {} }, { method: null }]) answered(await server.request('(malformed)', undefined, 3000, raw));
  } finally {
    await server.alive();
  }
});

test('unknown methods: requests get MethodNotFound, notifications are ignored', { timeout: 30_000 }, async () => {
  const r = await server.request('wikitext/noSuchMethod', { a: 1 });
  assert.equal(r.error?.code, -32601);
  const r2 = await server.request('$/noSuchThing', {});
  answered(r2);
  server.notify('wikitext/noSuchNotification', { a: 1 });
  server.notify('$/noSuchNotification');
  await server.alive();
});

const POSITIONAL = ['textDocument/hover', 'textDocument/completion', 'textDocument/signatureHelp', 'textDocument/definition', 'textDocument/references',
  'textDocument/prepareRename', 'textDocument/rename', 'textDocument/documentHighlight'];
const WHOLE = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/semanticTokens/full', 'textDocument/diagnostic'];

function paramsFor(method: string, uri: string, position: unknown): unknown {
  const base = { textDocument: { uri }, position };
  if (method === 'textDocument/references') return { ...base, context: { includeDeclaration: true } };
  if (method === 'textDocument/rename') return { ...base, newName: 'n' };
  return base;
}

test('documents never opened or already closed: every request is answered', { timeout: 60_000 }, async () => {
  const closed = 'file:///virtual/closed.wiki';
  server.notify('textDocument/didOpen', { textDocument: { uri: closed, languageId: 'wikitext', version: 1, text: '<ref name="a">x</ref><ref name="a"/>' } });
  answered(await server.request('textDocument/diagnostic', { textDocument: { uri: closed } }));
  server.notify('textDocument/didClose', { textDocument: { uri: closed } });
  server.notify('textDocument/didClose', { textDocument: { uri: closed } }); // twice
  server.notify('textDocument/didChange', { textDocument: { uri: closed, version: 2 }, contentChanges: [{ text: 'x' }] }); // after close
  for (const uri of ['file:///virtual/never.wiki', closed, 'untitled:Untitled-1', 'not a uri', 'file:///%zz', '']) {
    const reqs = [
      ...POSITIONAL.map((m) => server.request(m, paramsFor(m, uri, { line: 0, character: 0 }))),
      ...WHOLE.map((m) => server.request(m, { textDocument: { uri } })),
      server.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 0, character: 0 }] }),
      server.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } }),
      server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }),
      server.request('workspace/executeCommand', { command: 'wikitext.syntaxTree', arguments: [uri] }),
    ];
    const got = await Promise.all(reqs);
    got.forEach(answered);
    const internal = got.filter((r) => r.error?.code === -32603).map((r) => r.error!.message);
    assert.deepEqual(internal, [], `no handler crashes on ${JSON.stringify(uri)}`);
  }
  await server.alive();
});

test('positions past the end, negative or huge: every request is answered', { timeout: 60_000 }, async () => {
  const uri = 'file:///virtual/positions.wiki';
  const text = 'A<ref name="a">{{cite web|url=https://example.org|title=T}}</ref>\r\nB<ref name="a"/> 😀\n{{reflist}}';
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
  const positions = [
    { line: 0, character: 9999 }, { line: 99, character: 0 }, { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }, { line: -1, character: -1 },
    { line: 1.5, character: 0.5 }, { line: 1, character: 20 }, { line: 1, character: 21 }, { line: Number.MAX_SAFE_INTEGER, character: 0 },
  ];
  const reqs: Promise<Message>[] = [];
  for (const position of positions) {
    for (const m of POSITIONAL) reqs.push(server.request(m, paramsFor(m, uri, position)));
    reqs.push(server.request('textDocument/selectionRange', { textDocument: { uri }, positions: [position, { line: 0, character: 0 }] }));
    reqs.push(server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: position }, context: { diagnostics: [] } }));
    reqs.push(server.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: position, end: { line: 0, character: 0 } } }));
  }
  const got = await Promise.all(reqs);
  got.forEach(answered);
  const internal = got.filter((r) => r.error?.code === -32603).map((r) => r.error!.message);
  assert.deepEqual(internal, [], 'no handler fails on an odd position (an InternalError is a crash caught by the guard)');
  // an edit whose range is past the end, then one in the middle of the surrogate pair: the document stays usable
  server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 50, character: 3 }, end: { line: 60, character: 0 } }, text: '<ref></ref>' }] });
  server.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 1, character: 20 }, end: { line: 1, character: 20 } }, text: 'x' }] });
  const r = await server.request('textDocument/diagnostic', { textDocument: { uri } });
  assert.ok((r.result as { items: { code: string }[] }).items.some((d) => d.code === 'ref-empty'), 'the edit past the end was applied at the end');
  server.notify('textDocument/didClose', { textDocument: { uri } });
  await server.alive();
});

test('a 10 MB document is linted and served', { timeout: 90_000 }, async () => {
  const uri = 'file:///virtual/ten-mb.wiki';
  let text = '';
  while (text.length < 10 * 1024 * 1024) text += OBAMA;
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
  const t0 = performance.now();
  const d = await server.request('textDocument/diagnostic', { textDocument: { uri } }, 80_000);
  const ms = performance.now() - t0;
  assert.equal(d.error, undefined, JSON.stringify(d.error));
  assert.ok((d.result as { items: unknown[] }).items.length > 0);
  const lines = text.split('\n').length;
  const h = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: lines - 5, character: 3 } });
  answered(h);
  const sym = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
  answered(sym);
  console.log(`# server: a ${(text.length / 1024 / 1024).toFixed(1)} MB document: first diagnostics in ${ms.toFixed(0)} ms`);
  server.notify('textDocument/didClose', { textDocument: { uri } });
  await server.alive();
});

test('1,000 edits in a burst with $/cancelRequest for many requests: all answered, the text is right', { timeout: 90_000 }, async () => {
  const uri = 'file:///virtual/burst.wiki';
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: 'start\n' } });
  const pending: Promise<Message>[] = [];
  let cancelled = 0;
  for (let i = 0; i < 1000; i++) {
    // each edit inserts one empty ref at the start of line 0: the final text has 1,000 of them
    server.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<ref></ref>' }] });
    const method = i % 3 === 0 ? 'textDocument/diagnostic' : i % 3 === 1 ? 'textDocument/hover' : 'textDocument/completion';
    const p = server.request(method, method === 'textDocument/diagnostic' ? { textDocument: { uri } } : { textDocument: { uri }, position: { line: 0, character: (i * 7) % 50 } }, 80_000);
    pending.push(p);
    if (i % 2 === 0) {
      server.notify('$/cancelRequest', { id: p.id });
      cancelled++;
    }
    if (i % 100 === 0) server.notify('$/cancelRequest', { id: 10_000_000 + i }); // an id never sent
  }
  const answers = await Promise.all(pending);
  answers.forEach(answered);
  const errors = answers.filter((a) => a.error && a.error.code !== -32800); // RequestCancelled is a fine answer
  assert.deepEqual(errors.map((e) => e.error), [], 'only cancellations, no failures');
  const r = await server.request('textDocument/diagnostic', { textDocument: { uri } });
  const codes = (r.result as { items: { code: string }[] }).items.map((d) => d.code);
  assert.equal(codes.filter((c) => c === 'ref-empty').length, 1000, 'every edit was applied');
  console.log(`# server: 1,000 edits, ${pending.length} requests (${cancelled} cancelled, ${answers.filter((a) => a.error?.code === -32800).length} answered as cancelled)`);
  server.notify('textDocument/didClose', { textDocument: { uri } });
  await server.alive();
});

test('no uncaught exception was logged while serving hostile clients', () => {
  assert.doesNotMatch(server.stderr, /uncaught exception|unhandled rejection/i, server.stderr.slice(-2000));
});

test('a client that disconnects (stdin closed) makes the server exit, not spin', { timeout: 30_000 }, async () => {
  for (const busy of [false, true]) {
    const s = new RawServer();
    await s.initialize();
    if (busy) {
      // disconnect while a large document is being linted
      const uri = 'file:///virtual/busy.wiki';
      s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: OBAMA.repeat(4) } });
      void s.request('textDocument/diagnostic', { textDocument: { uri } }).catch(() => undefined);
    }
    const t0 = performance.now();
    s.proc.stdin!.end();
    const code = await Promise.race([s.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
    if (code === 'timeout') s.proc.kill('SIGKILL');
    assert.notEqual(code, 'timeout', `the server did not exit within 10 s after stdin closed${busy ? ' (while busy)' : ''}`);
    console.log(`# server: exits ${(performance.now() - t0).toFixed(0)} ms after stdin closed${busy ? ' while busy' : ''} (code ${code})`);
  }
});

test('a client that sends a truncated message and disconnects: the server exits', { timeout: 30_000 }, async () => {
  const s = new RawServer();
  await s.initialize();
  s.writeRaw('Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"textDocument/hov');
  s.proc.stdin!.end();
  const code = await Promise.race([s.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
  if (code === 'timeout') s.proc.kill('SIGKILL');
  assert.notEqual(code, 'timeout', 'the server did not exit within 10 s');
});

test('memory returns after documents close (wikitext/heapUsed, --expose-gc)', { timeout: 120_000 }, async () => {
  const s = new RawServer(['--expose-gc']);
  try {
    await s.initialize();
    await s.alive();
    const heap = async () => (await s.request('wikitext/heapUsed')).result as number;
    await heap();
    const baseline = await heap();
    const uris: string[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const uri = `file:///virtual/large-${i}.wiki`;
      const text = `<!-- ${i} -->\n` + OBAMA.repeat(6); // ~2 MB each
      bytes += text.length;
      s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
      const d = await s.request('textDocument/diagnostic', { textDocument: { uri } }, 60_000);
      answered(d);
      answered(await s.request('textDocument/semanticTokens/full', { textDocument: { uri } }, 60_000));
      answered(await s.request('textDocument/documentSymbol', { textDocument: { uri } }, 60_000));
      uris.push(uri);
    }
    const open = await heap();
    for (const uri of uris) s.notify('textDocument/didClose', { textDocument: { uri } });
    await s.alive();
    const closed = await heap();
    const MB = 1024 * 1024;
    console.log(`# server memory: baseline ${(baseline / MB).toFixed(1)} MB, 5 documents (${(bytes / MB).toFixed(1)} MB of text) open ${(open / MB).toFixed(1)} MB, closed ${(closed / MB).toFixed(1)} MB`);
    assert.ok(open - baseline > bytes, 'the analyses were held while open (the measurement works)');
    assert.ok(closed < baseline + 20 * MB, `heap did not return: baseline ${(baseline / MB).toFixed(1)} MB, after closing ${(closed / MB).toFixed(1)} MB`);
  } finally {
    await s.stop();
  }
});

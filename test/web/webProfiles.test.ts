/**
 * Citation profiles in the web extension, at the LSP level: the real web-worker server bundle (dist/browserServer.js,
 * in a Node worker thread standing in for the browser's worker) asks the client for the profile file named by the
 * `"profile"` of `.wikitext-lint.json` or by `wikitext.citationProfile` (`wikitext/readCitationProfile`, which the web
 * client answers through workspace.fs), checks it, and applies it: a German `{{Internetquelle}}` without `titel`
 * gets cite-missing-title. A broken, missing or invalid file is one clear message naming the file and the problem,
 * and linting goes on without a profile; `wikitext/citationProfileChanged` makes the server read it again. `auto` is
 * the map shipped for the site (the web has no cache), and `mediawiki://de.wikipedia.org/...` pages get it too.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createProtocolConnection, AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Message, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

/** The worker's messages as a JSON-RPC stream (what the browser's BrowserMessageReader/Writer do with a web worker). */
class WorkerReader extends AbstractMessageReader {
  constructor(private worker: Worker) { super(); }
  listen(callback: DataCallback) {
    const fn = (m: Message) => callback(m);
    this.worker.on('message', fn);
    return { dispose: () => this.worker.off('message', fn) };
  }
}
class WorkerWriter extends AbstractMessageWriter {
  constructor(private worker: Worker) { super(); }
  async write(m: Message) { this.worker.postMessage(m); }
  end() {}
}

const ROOT = resolve(__dirname, '../..');
const BUNDLE = resolve(ROOT, 'dist/browserServer.js');
const skip = existsSync(BUNDLE) ? false : 'dist/browserServer.js not built (npm run build)';
const PROFILE = readFileSync(resolve(ROOT, 'test/fixtures/profiles/dewiki-citations.json'), 'utf8');
const FOLDER = 'vscode-vfs://github/wikitext-tools/articles';
const TEXT = 'Berlin.<ref>{{Internetquelle |url=https://www.berlin.de/ |abruf=2020-05-19}}</ref>\n<references />\n';

type Diag = { code: string; message: string };

/** A client of the web server: the files of a virtual workspace it reads for the server, the messages it was shown. */
class WebClient {
  files = new Map<string, string>();
  reads: string[] = [];
  shown: string[] = [];
  logged: string[] = [];
  settings: Record<string, unknown> = {};
  private worker: Worker;
  conn: ProtocolConnection;
  private version = 0;

  constructor(answersMessageRequests = true) {
    this.worker = new Worker(resolve(__dirname, 'webWorkerHost.cjs'), { workerData: { script: BUNDLE } });
    this.conn = createProtocolConnection(new WorkerReader(this.worker), new WorkerWriter(this.worker));
    this.conn.onRequest('wikitext/findConfig', (p: { uri: string }) => {
      // upward from the document's folder to the workspace folder, as client/src/browserExtension.ts does
      let dir = p.uri.slice(0, p.uri.lastIndexOf('/'));
      while (dir.length >= FOLDER.length) {
        const uri = `${dir}/.wikitext-lint.json`;
        if (this.files.has(uri)) return { uri, text: this.files.get(uri) };
        dir = dir.slice(0, dir.lastIndexOf('/'));
      }
      return null;
    });
    // what client/src/webProfiles.ts answers (there through workspace.fs)
    this.conn.onRequest('wikitext/readCitationProfile', (p: { uri: string }): { uri: string; name: string; text?: string; error?: string } => {
      this.reads.push(p.uri);
      const name = p.uri.startsWith(FOLDER + '/') ? p.uri.slice(FOLDER.length + 1) : p.uri;
      return this.files.has(p.uri) ? { uri: p.uri, name, text: this.files.get(p.uri) } : { uri: p.uri, name, error: 'no such file' };
    });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/showMessage', (m: { message: string }) => { this.shown.push(m.message); });
    // VS Code answers window/showMessageRequest; a client that does not must not stumble the server (last test)
    if (answersMessageRequests) this.conn.onRequest('window/showMessageRequest', (m: { message: string }) => { this.shown.push(m.message); return null; });
    this.conn.onNotification('window/logMessage', (m: { message: string }) => { this.logged.push(m.message); });
    this.conn.listen();
  }

  async initialize(): Promise<void> {
    await this.conn.sendRequest('initialize', {
      processId: null,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'articles' }],
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    await this.conn.sendNotification('initialized', {});
  }

  async diagnostics(uri: string, text = TEXT): Promise<Diag[]> {
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: ++this.version, text } });
    const r = (await this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return r.items;
  }

  async stop(): Promise<void> {
    await this.conn.sendRequest('shutdown').catch(() => undefined);
    this.conn.dispose();
    await this.worker.terminate();
  }
}

const clients: WebClient[] = [];
after(async () => { for (const c of clients) await c.stop(); });
async function client(answersMessageRequests = true): Promise<WebClient> {
  const c = new WebClient(answersMessageRequests);
  clients.push(c);
  await c.initialize();
  return c;
}
const count = (d: Diag[], rule: string) => d.filter((x) => x.code === rule).length;

test('"profile" of .wikitext-lint.json: the client reads the file (relative to the configuration) and {{Internetquelle}} is checked', { skip, timeout: 30_000 }, async () => {
  const c = await client();
  c.files.set(`${FOLDER}/.wikitext-lint.json`, JSON.stringify({ site: 'de.wikipedia.org', profile: 'profiles/de.json' }));
  c.files.set(`${FOLDER}/profiles/de.json`, PROFILE);
  const d = await c.diagnostics(`${FOLDER}/Berlin.wiki`);
  assert.deepEqual(c.reads, [`${FOLDER}/profiles/de.json`]);
  assert.equal(count(d, 'cite-missing-title'), 1, JSON.stringify(d));
  assert.deepEqual(c.shown, []);
  assert.equal(count(await c.diagnostics(`${FOLDER}/Hamburg.wiki`), 'cite-missing-title'), 1);
  assert.deepEqual(c.reads, [`${FOLDER}/profiles/de.json`], 'read once for both documents');

  // a configuration deeper down: its "profile" is relative to that file; "../" leaves its folder
  c.files.set(`${FOLDER}/sub/dir/.wikitext-lint.json`, JSON.stringify({ profile: '../my profiles/de.json' }));
  c.files.set(`${FOLDER}/sub/my%20profiles/de.json`, PROFILE);
  const deep = await c.diagnostics(`${FOLDER}/sub/dir/Berlin.wiki`);
  assert.equal(c.reads.at(-1), `${FOLDER}/sub/my%20profiles/de.json`);
  assert.equal(count(deep, 'cite-missing-title'), 1, JSON.stringify(deep));
});

test('a broken profile: one message naming the file and the problem, linting goes on; fixed and changed: read again', { skip, timeout: 30_000 }, async () => {
  const c = await client();
  c.files.set(`${FOLDER}/.wikitext-lint.json`, JSON.stringify({ profile: 'profiles/de.json' }));
  c.files.set(`${FOLDER}/profiles/de.json`, '{"templates": {"Internetquelle": "cite web"},');
  const d = await c.diagnostics(`${FOLDER}/Berlin.wiki`);
  assert.equal(count(d, 'cite-missing-title'), 0, 'linted without the profile');
  const again = await c.diagnostics(`${FOLDER}/Other.wiki`);
  assert.equal(count(again, 'cite-missing-title'), 0);
  const errors = c.shown.filter((m) => m.includes('profiles/de.json'));
  assert.equal(errors.length, 1, `shown once: ${c.shown.join(' | ')}`);
  assert.match(errors[0], /profiles\/de\.json: not JSON/);

  // the user fixes the file; the client's watcher says so; the server reads it again
  c.files.set(`${FOLDER}/profiles/de.json`, PROFILE);
  await c.conn.sendNotification('wikitext/citationProfileChanged', { uri: `${FOLDER}/profiles/de.json` });
  const fixed = await c.diagnostics(`${FOLDER}/Berlin.wiki`);
  assert.equal(count(fixed, 'cite-missing-title'), 1, JSON.stringify(fixed));

  // valid JSON but not a profile: the validation's own message, naming the file
  c.files.set(`${FOLDER}/profiles/de.json`, JSON.stringify({ templates: { Internetquelle: 'cite nonsense' } }));
  await c.conn.sendNotification('wikitext/citationProfileChanged', { uri: `${FOLDER}/profiles/de.json` });
  const invalid = await c.diagnostics(`${FOLDER}/Berlin.wiki`);
  assert.equal(count(invalid, 'cite-missing-title'), 0);
  assert.ok(c.shown.some((m) => /profiles\/de\.json: "templates"\."Internetquelle" maps to "cite nonsense", which is not a CS1 template/.test(m)), c.shown.join(' | '));

  // deleted: "no such file"
  c.files.delete(`${FOLDER}/profiles/de.json`);
  await c.conn.sendNotification('wikitext/citationProfileChanged', { uri: `${FOLDER}/profiles/de.json` });
  await c.diagnostics(`${FOLDER}/Berlin.wiki`);
  assert.ok(c.shown.some((m) => /profiles\/de\.json: cannot read the citation profile \(no such file\)/.test(m)), c.shown.join(' | '));
});

test('wikitext.citationProfile: a path relative to the workspace folder; "auto": the map shipped for the site, with a note once', { skip, timeout: 30_000 }, async () => {
  const c = await client();
  c.files.set(`${FOLDER}/p/de.json`, PROFILE);
  c.settings = { citationProfile: 'p/de.json' };
  assert.equal(count(await c.diagnostics(`${FOLDER}/Berlin.wiki`), 'cite-missing-title'), 1);
  assert.deepEqual(c.reads, [`${FOLDER}/p/de.json`]);

  c.settings = { citationProfile: 'auto', site: 'dewiki' };
  await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const d = await c.diagnostics(`${FOLDER}/Berlin.wiki`);
  assert.equal(count(d, 'cite-missing-title'), 1, JSON.stringify(d));
  await c.diagnostics(`${FOLDER}/Other.wiki`);
  const notes = c.shown.filter((m) => m.includes('server/data/citation-profiles/de.wikipedia.org.json'));
  assert.equal(notes.length, 1, c.shown.join(' | '));
  assert.match(notes[0], /using the map shipped with wikitext-lint .* `wikitext-lint profile --site de\.wikipedia\.org`/);
  assert.equal(c.reads.length, 1, 'auto reads no file on the web');

  // a site with no shipped map: a clear error, no profile
  c.settings = { citationProfile: 'auto', site: 'xx.example.org' };
  await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  assert.equal(count(await c.diagnostics(`${FOLDER}/Berlin.wiki`), 'cite-missing-title'), 0);
  assert.ok(c.shown.some((m) => /"profile": "auto": no citation map is shipped for xx\.example\.org.*give the profile's file/.test(m)), c.shown.join(' | '));
});

test('a mediawiki: page of a wiki with a shipped map is checked with it (no setting, no client profile)', { skip, timeout: 30_000 }, async () => {
  const c = await client();
  const d = await c.diagnostics('mediawiki://de.wikipedia.org/Berlin');
  assert.equal(count(d, 'cite-missing-title'), 1, JSON.stringify(d));
  const other = await c.diagnostics('mediawiki://xx.example.org/Berlin');
  assert.equal(count(other, 'cite-missing-title'), 0);
  assert.deepEqual(c.reads, []);
});

test('a client that does not answer window/showMessageRequest: the server reports the broken profile in its log and keeps serving', { skip, timeout: 30_000 }, async () => {
  const c = await client(false);
  c.files.set(`${FOLDER}/.wikitext-lint.json`, JSON.stringify({ profile: 'broken.json' }));
  c.files.set(`${FOLDER}/broken.json`, 'nonsense');
  await c.diagnostics(`${FOLDER}/Berlin.wiki`);
  c.settings = { citationProfile: 'auto', site: 'de.wikipedia.org' };
  await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  assert.equal(count(await c.diagnostics(`${FOLDER}/Berlin.wiki`), 'cite-missing-title'), 1);
  assert.ok(c.logged.some((m) => /broken\.json: not JSON/.test(m)), c.logged.join(' | '));
});

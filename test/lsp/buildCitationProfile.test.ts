/**
 * "Wikitext: Build Citation Profile" (`workspace/executeCommand` `wikitext.buildCitationProfile`, which VS Code's
 * language client turns into a command) against a real MediaWiki in German with the fixture citation templates:
 * with `wikitext.citationProfile: "auto"` and nothing cached, a German citation is not checked; after the command
 * (the network, on the user's command only) the server re-lints and checks it. Skipped with a message when
 * MediaWiki is not installed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type ServerHandle } from '../helpers/lspClient';
import { wikiSkipReason, startTestWiki, type TestWiki } from '../helpers/testWiki';
import { importCitationFixtures } from '../helpers/citationWiki';

const SERVER = resolve(__dirname, '../../dist/server.js');
const skip = wikiSkipReason() || (existsSync(SERVER) ? false : 'dist/server.js is not built (npm run build)');
let de: TestWiki;
let server: ServerHandle;
const cache = mkdtempSync(join(tmpdir(), 'wikitext-lint-buildcp-'));
const folder = mkdtempSync(join(tmpdir(), 'wikitext-lint-buildcp-ws-'));
const messages: string[] = [];

before(async () => {
  if (skip) return;
  de = await startTestWiki({ lang: 'de' });
  await importCitationFixtures(de);
  server = await startServer(SERVER, {
    pull: true,
    settings: { site: de.api, citationProfile: 'auto' },
    initialize: { workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }] },
    env: { WIKITEXT_LINT_CACHE: cache },
  });
  server.connection.onNotification('window/logMessage', (p: { message: string }) => { messages.push(p.message); });
});
after(async () => {
  await server?.stop();
  de?.stop();
});

test('Build Citation Profile: the cached profile is built from wikitext.site and the open document is checked with it', { skip, timeout: 120_000 }, async () => {
  const file = join(folder, 'Berlin.wiki');
  const text = 'Berlin.<ref>{{Webquelle |url=https://www.berlin.de/ |abruf=2020-05-19 |titelerg=Start}}</ref>\n{{Belege}}\n[[Kategorie:Berlin]]\n';
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
  const rules = async () => ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code: string }[] }).items.map((d) => d.code);
  assert.ok(!(await rules()).includes('cite-missing-title'), 'nothing cached yet: no citation profile');
  assert.ok(messages.some((m) => /no cached citation profile for .*wikitext-lint profile --site/.test(m)), messages.join('\n'));
  const r = (await server.connection.sendRequest('workspace/executeCommand', { command: 'wikitext.buildCitationProfile', arguments: [] })) as { file: string; message: string };
  assert.equal(r.file, join(cache, 'profiles', `127.0.0.1_${de.port}.citations.json`));
  assert.ok(existsSync(r.file));
  assert.match(r.message, /citation profile of 127\.0\.0\.1:\d+ built \(\d+ citation template names/);
  const after = await rules();
  assert.equal(after.filter((x) => x === 'cite-missing-title').length, 1, after.join());
  assert.ok(!after.includes('cite-unknown-parameter'), 'titelerg is the template\'s own parameter');
  // a wiki that cannot be reached: an error naming it, and the server goes on
  await assert.rejects(server.connection.sendRequest('workspace/executeCommand', { command: 'wikitext.buildCitationProfile', arguments: ['http://127.0.0.1:9/api.php', { refresh: true }] }), /cannot build the citation profile: .*127\.0\.0\.1:9/);
  assert.equal((await rules()).filter((x) => x === 'cite-missing-title').length, 1);
});

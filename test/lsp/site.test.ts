/**
 * The language server with `wikitext.site` set to a real local MediaWiki in German: a document works at once
 * with the built-in profile, the site's profile is fetched in the background (off the keystroke path) and the
 * document is then re-analysed with it. Skipped with a message when MediaWiki is not installed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, ServerHandle } from '../helpers/lspClient';
import { wikiSkipReason, startTestWiki, TestWiki } from '../helpers/testWiki';

const SERVER = resolve(__dirname, '../../dist/server.js');
const skip = wikiSkipReason();
let de: TestWiki;
let server: ServerHandle;
let cache: string;
before(async () => {
  if (skip) return;
  de = await startTestWiki({ lang: 'de' });
  cache = mkdtempSync(join(tmpdir(), 'wikitext-lint-cache-'));
  server = await startServer(SERVER, { settings: { site: de.api }, env: { WIKITEXT_LINT_CACHE: cache } });
});
after(async () => {
  await server?.stop();
  de?.stop();
});

test('wikitext.site: the built-in profile until the site\'s profile arrives, then the site\'s', { skip }, async () => {
  const uri = 'untitled:foto.wiki';
  const text = '[[Foto:x.jpg|mini|Text [[Link]]]]\nText.';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
  const tree = () => server.connection.sendRequest('workspace/executeCommand', { command: 'wikitext.syntaxTree', arguments: [uri] }) as Promise<string>;
  const first = await tree();
  assert.match(first, /^Document/, 'answered at once, whatever the profile');
  let current = first;
  const t0 = Date.now();
  while (!/target="Foto:x\.jpg" kind="file"/.test(current) && Date.now() - t0 < 30_000) {
    await new Promise((r) => setTimeout(r, 100));
    current = await tree();
  }
  assert.match(current, /Wikilink \[0, 33\) target="Foto:x\.jpg" kind="file"/, `the German wiki's alias Foto: is its file namespace\n${current}\n${server.stderr()}`);
  assert.doesNotMatch(first, /kind="file"/, 'the first answer did not wait for the network');
  assert.ok(existsSync(join(cache, 'profiles')) && readdirSync(join(cache, 'profiles')).length === 1, 'cached for the next start');
});

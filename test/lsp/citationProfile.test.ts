/**
 * The citation profile in the language server (the real server over stdio): the `wikitext.citationProfile` setting
 * (a path, relative to the workspace folder, or `auto` for the cached profile of `wikitext.site`) and the
 * `"profile"` of `.wikitext-lint.json` make a German citation checked; without one it is not. No network: the
 * site used with `auto` is a closed local port (its site profile fails, the built-in one is used).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type ServerHandle } from '../helpers/lspClient';

const SERVER = resolve(__dirname, '../../dist/server.js');
const PROFILE = resolve(__dirname, '../fixtures/profiles/dewiki-citations.json');
const TEXT = [
  'Berlin.<ref>{{Internetquelle |url=https://www.berlin.de/ |abruf=2020-05-19}}</ref>',
  'Mitte.<ref>{{Internetquelle |url=https://www.berlin.de/mitte |titel=Mitte |abruf=2020-05-19 |unsinn=1}}</ref>',
  '<references />',
  '[[Kategorie:Berlin]]',
  '',
].join('\n');

type Diag = { code: string; message: string };

async function diagnostics(settings: Record<string, unknown>, folder: string, file = join(folder, 'Berlin.wiki'), env: Record<string, string> = {}): Promise<{ diags: Diag[]; messages: string[] }> {
  writeFileSync(file, TEXT);
  const saved = { ...process.env };
  Object.assign(process.env, env); // inherited by the server process
  let s: ServerHandle;
  try {
    s = await startServer(SERVER, { pull: true, settings, initialize: { workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], initializationOptions: { workspaceTrusted: true } } });
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
  }
  const messages: string[] = [];
  s.connection.onNotification('window/logMessage', (p: { message: string }) => { messages.push(p.message); });
  try {
    const uri = pathToFileURL(file).href;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: TEXT } });
    const r = (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    return { diags: r.items, messages };
  } finally {
    await s.stop();
  }
}
const count = (d: Diag[], rule: string) => d.filter((x) => x.code === rule).length;

test('no citation profile: the German citations are not checked by the CS1 rules', { timeout: 30_000 }, async () => {
  const { diags } = await diagnostics({}, mkdtempSync(join(tmpdir(), 'wikitext-lint-cp-')));
  assert.equal(count(diags, 'cite-missing-title'), 0);
  assert.equal(count(diags, 'cite-unknown-parameter'), 0);
});

test('wikitext.citationProfile (a path relative to the workspace folder): {{Internetquelle}} is checked with titel/abruf', { timeout: 30_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'wikitext-lint-cp-'));
  mkdirSync(join(folder, 'profiles'));
  copyFileSync(PROFILE, join(folder, 'profiles', 'de.json'));
  const { diags } = await diagnostics({ citationProfile: 'profiles/de.json' }, folder);
  assert.equal(count(diags, 'cite-missing-title'), 1, JSON.stringify(diags));
  assert.equal(count(diags, 'cite-unknown-parameter'), 1);
  assert.match(diags.find((d) => d.code === 'cite-unknown-parameter')!.message, /\|unsinn=/);
  assert.equal(count(diags, 'page-language-mismatch'), 0, 'the profile says which wiki it is');
});

test('"profile" of .wikitext-lint.json, as the CLI reads it', { timeout: 30_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'wikitext-lint-cp-'));
  copyFileSync(PROFILE, join(folder, 'p.json'));
  writeFileSync(join(folder, '.wikitext-lint.json'), JSON.stringify({ profile: 'p.json' }));
  const { diags } = await diagnostics({}, folder);
  assert.equal(count(diags, 'cite-missing-title'), 1, JSON.stringify(diags));
  assert.equal(count(diags, 'cite-unknown-parameter'), 1);
});

test('wikitext.citationProfile "auto": the profile `wikitext-lint profile` cached for wikitext.site', { timeout: 30_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'wikitext-lint-cp-'));
  const cache = mkdtempSync(join(tmpdir(), 'wikitext-lint-cpcache-'));
  mkdirSync(join(cache, 'profiles'));
  const site = 'http://127.0.0.1:9/api.php';
  copyFileSync(PROFILE, join(cache, 'profiles', '127.0.0.1_9.citations.json'));
  const { diags } = await diagnostics({ citationProfile: 'auto', site }, folder, undefined, { WIKITEXT_LINT_CACHE: cache });
  assert.equal(count(diags, 'cite-missing-title'), 1, JSON.stringify(diags));
  // none cached: a warning that says what to run, and the document is still linted
  const empty = mkdtempSync(join(tmpdir(), 'wikitext-lint-cpcache-'));
  const none = await diagnostics({ citationProfile: 'auto', site }, folder, undefined, { WIKITEXT_LINT_CACHE: empty });
  assert.equal(count(none.diags, 'cite-missing-title'), 0);
  assert.ok(none.messages.some((m) => /no cached citation profile for http:\/\/127\.0\.0\.1:9\/api\.php .*wikitext-lint profile --site/.test(m)), none.messages.join('\n'));
});

test('a broken profile file is reported, and the document is still linted', { timeout: 30_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'wikitext-lint-cp-'));
  writeFileSync(join(folder, 'bad.json'), JSON.stringify({ templates: { Internetquelle: 'cite nothing' } }));
  const { diags, messages } = await diagnostics({ citationProfile: join(folder, 'bad.json') }, folder);
  assert.ok(messages.some((m) => /bad\.json: "templates"\."Internetquelle" maps to "cite nothing", which is not a CS1 template/.test(m)), messages.join('\n'));
  assert.ok(diags.some((d) => d.code === 'page-language-mismatch'), 'still linted');
  assert.equal(count(diags, 'cite-missing-title'), 0);
});

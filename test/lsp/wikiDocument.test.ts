/**
 * A page opened from a wiki (`mediawiki://SITE/Title`) is linted as that wiki's text: the VS Code client reads
 * the site's profile when it opens the page (client/src/wiki/pages.ts `profiles`, the same code the extension
 * runs) and hands it to the real language server (`wikitext/wikiProfiles`) before the document. Against the
 * local MediaWiki in German: `[[Datei:…]]`, `[[Kategorie:…]]` and the wiki's own alias `[[Foto:…]]` are
 * understood, and there is no page-language-mismatch note, while the same text in a plain file (no site) gets
 * the note. Skipped with a message when MediaWiki is not installed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, ServerHandle } from '../helpers/lspClient';
import { wikiSkipReason, startTestWiki, TestWiki } from '../helpers/testWiki';
import { WikiPages } from '../../client/src/wiki/pages';
import { MapSecrets, MapMemory } from '../helpers/memoryStores';
import { pageUriString } from '../../client/src/wiki/uri';
import { WIKI_PROFILE_NOTIFICATION } from '../../server/src/serverSettings';
import { shippedCitationProfile } from '../../client/src/wiki/shippedProfiles';
import { parseCitationProfile } from '../../server/src/core/citationProfile';

/** What the extension's lookup gives for a site with no profile built: the shipped one (vscodeWiki.ts cachedCitationProfile). */
const cachedCitationProfileOf = async (site: string) => parseCitationProfile(shippedCitationProfile(site));

const SERVER = resolve(__dirname, '../../dist/server.js');
const skip = wikiSkipReason();
let de: TestWiki;
let server: ServerHandle;
let cache: string;


before(async () => {
  if (skip) return;
  de = await startTestWiki({ lang: 'de' });
  cache = mkdtempSync(join(tmpdir(), 'wikitext-lint-cache-'));
  server = await startServer(SERVER, {});
});
after(async () => {
  await server?.stop();
  de?.stop();
  if (cache) rmSync(cache, { recursive: true, force: true });
});

const TEXT = '[[Datei:Karte.png|mini|Eine Karte]] Text.<ref>{{cite web|url=https://example.org/a|title=A}}</ref>\n' +
  '[[Foto:Bild.jpg|mini|Bild]]\n[[Kategorie:Test]]\n[[Kategorie:Staat]]\n';

type Diag = { code?: string | number; message: string };

async function open(uri: string): Promise<Diag[]> {
  const next = server.nextDiagnostics(uri);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: TEXT } });
  return (await next).diagnostics as Diag[];
}
const tree = (uri: string) => server.connection.sendRequest('workspace/executeCommand', { command: 'wikitext.syntaxTree', arguments: [uri] }) as Promise<string>;

test('a mediawiki: page of the German wiki gets that wiki\'s namespaces and no page-language note', { skip }, async () => {
  const site = new URL(de.api).host;
  const pages = new WikiPages({ secrets: new MapSecrets(), memory: new MapMemory(), cacheDir: cache });
  await pages.registerSite({ name: site, api: de.api }); // as Open Page does for a wiki named by its api.php URL
  const profiles = await pages.profiles(site);
  assert.equal(profiles.profile?.lang, 'de', JSON.stringify(profiles).slice(0, 300));
  assert.equal(profiles.site, site);
  assert.strictEqual(await pages.profiles(site), profiles, 'read once per site');
  await server.connection.sendNotification(WIKI_PROFILE_NOTIFICATION, profiles);

  const uri = pageUriString({ site, title: 'Testseite' });
  assert.equal(uri, `mediawiki://${site}/Testseite`);
  const diags = await open(uri);
  const t = await tree(uri);
  assert.match(t, /target="Datei:Karte\.png" kind="file"/, t);
  assert.match(t, /target="Foto:Bild\.jpg" kind="file"/, 'the wiki\'s own alias Foto: (not in MediaWiki\'s language files)');
  assert.match(t, /target="Kategorie:Test" kind="category"/);
  assert.ok(!diags.some((d) => d.code === 'page-language-mismatch'), JSON.stringify(diags));

  // the same text with no site: Datei/Kategorie guessed as German (a note), Foto: is no file link
  const plain = 'untitled:Testseite.wiki';
  const plainDiags = await open(plain);
  const pt = await tree(plain);
  assert.ok(plainDiags.some((d) => d.code === 'page-language-mismatch'), JSON.stringify(plainDiags));
  assert.doesNotMatch(pt, /target="Foto:Bild\.jpg" kind="file"/);

  // a page of another site the client sent nothing for: the built-in profile, as before
  const other = 'mediawiki://other.example/Testseite';
  const otherDiags = await open(other);
  assert.ok(otherDiags.some((d) => d.code === 'page-language-mismatch'));
});

test('a mediawiki: page of a wiki with a shipped citation profile: its local citation templates are checked', { skip }, async () => {
  const citationProfile = await cachedCitationProfileOf('fr.wikipedia.org');
  assert.ok(citationProfile, 'the shipped frwiki profile');
  await server.connection.sendNotification(WIKI_PROFILE_NOTIFICATION, { site: 'fr.wikipedia.org', citationProfile });
  const text = 'Texte.<ref>{{Lien web|url=https://example.org/a}}</ref>\n\n{{Références}}\n';
  const diagsOf = async (uri: string) => {
    const next = server.nextDiagnostics(uri);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
    return ((await next).diagnostics as Diag[]).map((d) => d.code);
  };
  assert.deepEqual(await diagsOf('mediawiki://fr.wikipedia.org/Essai'), ['cite-missing-title'], '{{Lien web}} without |titre=');
  assert.deepEqual(await diagsOf('untitled:Essai.wiki'), [], 'without the profile {{Lien web}} is no citation');
});

test('a malformed profiles message is ignored; the server stays up', { skip }, async () => {
  await server.connection.sendNotification(WIKI_PROFILE_NOTIFICATION, { site: 42 });
  await server.connection.sendNotification(WIKI_PROFILE_NOTIFICATION, null);
  await server.connection.sendNotification(WIKI_PROFILE_NOTIFICATION, { site: 'x.example', profile: 'nonsense', citationProfile: { templates: 3 } });
  const uri = 'mediawiki://x.example/Seite';
  const diags = await open(uri);
  assert.ok(Array.isArray(diags));
  assert.match(await tree(uri), /^Document/);
});

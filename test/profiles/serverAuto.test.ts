/**
 * `auto` in the desktop language server (the real dist/server.js over stdio), as in the CLI: no profile built for
 * the site, so the map shipped for it, with a note once naming its file; and with a site set and no profile setting,
 * only the rules that hold in every language run, with one note saying a map is shipped and the setting that uses
 * it. No network: the site profile of de.wikipedia.org comes from a prepared cache.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lspClient';

const SERVER = resolve(__dirname, '../../dist/server.js');
const skip = existsSync(SERVER) ? false : 'dist/server.js not built (npm run build)';
const TEXT = 'Berlin.<ref>{{Internetquelle |url=https://www.berlin.de/ |abruf=2020-05-19}}</ref>\n<references />\n';

async function run(settings: Record<string, unknown>, until: (logged: string[], codes: string[]) => boolean) {
  const cache = mkdtempSync(join(tmpdir(), 'wikitext-lint-srv-'));
  mkdirSync(join(cache, 'profiles'));
  writeFileSync(join(cache, 'profiles', 'de.wikipedia.org.json'), JSON.stringify({ site: 'de.wikipedia.org', fetchedAt: new Date().toISOString(), lang: 'de' }));
  const folder = mkdtempSync(join(tmpdir(), 'wikitext-lint-srv-'));
  const s = await startServer(SERVER, {
    pull: true,
    settings,
    initialize: { workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], initializationOptions: { workspaceTrusted: true } },
    env: { WIKITEXT_LINT_CACHE: cache },
  });
  const logged: string[] = [];
  s.connection.onNotification('window/logMessage', (p: { message: string }) => { logged.push(p.message); });
  s.connection.onRequest('workspace/diagnostic/refresh', () => null);
  try {
    let codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const uri = pathToFileURL(join(folder, `Berlin${i}.wiki`)).href;
      await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: TEXT } });
      // the site profile arrives in the background: ask again until it is in force (at most a few seconds)
      for (let t = 0; t < 50; t++) {
        codes = ((await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code: string }[] }).items.map((d) => d.code);
        if (until(logged, codes)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return { logged, codes };
  } finally {
    await s.stop();
  }
}

test('desktop server, wikitext.citationProfile "auto" and nothing built: the shipped map, and a note once naming it', { skip, timeout: 30_000 }, async () => {
  const { logged, codes } = await run({ site: 'de.wikipedia.org', citationProfile: 'auto' }, (l) => l.some((m) => /site profile of de\.wikipedia\.org loaded/.test(m)));
  assert.ok(codes.includes('cite-missing-title'), codes.join(' '));
  const notes = logged.filter((m) => m.includes('using the map shipped with wikitext-lint (server/data/citation-profiles/de.wikipedia.org.json)'));
  assert.equal(notes.length, 1, logged.join('\n'));
  assert.match(notes[0], /`wikitext-lint profile --site de\.wikipedia\.org` builds the full one/);
});

test('desktop server, site set and no profile setting: language-independent rules only, one note naming the shipped map', { skip, timeout: 30_000 }, async () => {
  const { logged, codes } = await run({ site: 'de.wikipedia.org' }, (l) => l.some((m) => /no citation profile for de\.wikipedia\.org/.test(m)));
  assert.ok(!codes.includes('cite-missing-title'), codes.join(' '));
  const notes = logged.filter((m) => /no citation profile for de\.wikipedia\.org \(de\): only the rules that hold in every language run/.test(m));
  assert.equal(notes.length, 1, logged.join('\n'));
  assert.match(notes[0], /a map is shipped for de\.wikipedia\.org \(server\/data\/citation-profiles\/de\.wikipedia\.org\.json\): set wikitext\.citationProfile to "auto"/);
});

const GOOD = readFileSync(resolve(__dirname, '../fixtures/profiles/dewiki-citations.json'), 'utf8');

/**
 * The real server with `wikitext.citationProfile: NAME` (a file in a fresh folder, written first when `text` is given),
 * for a client that watches files for it (relative patterns): what it registered, what it logged, the diagnostics of
 * an open German page, and `changed()` to say the file changed.
 */
async function watchingServer(name: string, text: string | undefined, body: (w: { file: string; folder: string; registered: unknown[]; logged: string[]; codes: () => Promise<string[]>; changed: (type: number) => Promise<void> }) => Promise<void>) {
  const folder = mkdtempSync(join(tmpdir(), 'wikitext-lint-srv-'));
  const file = join(folder, name);
  if (text !== undefined) writeFileSync(file, text);
  const s = await startServer(SERVER, {
    pull: true,
    settings: { citationProfile: name },
    workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
    initialize: { workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], initializationOptions: { workspaceTrusted: true } },
  });
  const registered: unknown[] = [];
  const logged: string[] = [];
  s.connection.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => { registered.push(...p.registrations); return null; });
  s.connection.onRequest('workspace/diagnostic/refresh', () => null);
  s.connection.onNotification('window/logMessage', (p: { message: string }) => { logged.push(p.message); });
  try {
    const uri = pathToFileURL(join(folder, 'Berlin.wiki')).href;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: TEXT } });
    const codes = async () => ((await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code: string }[] }).items.map((d) => d.code);
    const changed = (type: number) => s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type }] });
    await body({ file, folder, registered, logged, codes, changed });
  } finally {
    await s.stop();
  }
}

test('desktop server: a profile file it read is watched through the client, and a change is read again', { skip, timeout: 30_000 }, async () => {
  await watchingServer('p.json', GOOD, async ({ file, folder, registered, logged, codes, changed }) => {
    assert.ok((await codes()).includes('cite-missing-title'));
    const watch = JSON.stringify(registered);
    assert.ok(watch.includes(`"baseUri":"${pathToFileURL(folder).href}"`) && watch.includes('"pattern":"p.json"'), watch);
    writeFileSync(file, '{"templates": ');
    utimesSync(file, new Date(), new Date(Date.now() + 5000)); // a later mtime, whatever the clock's resolution
    await changed(2);
    assert.ok(!(await codes()).includes('cite-missing-title'));
    assert.ok(logged.some((m) => m.includes(`${file}: not JSON`)), logged.join('\n'));
  });
});

test('desktop server: a profile file missing at first is watched too; once written, it is read', { skip, timeout: 30_000 }, async () => {
  await watchingServer('later.json', undefined, async ({ file, registered, codes, changed }) => {
    assert.ok(!(await codes()).includes('cite-missing-title'));
    assert.ok(JSON.stringify(registered).includes('"pattern":"later.json"'), JSON.stringify(registered));
    writeFileSync(file, GOOD);
    await changed(1);
    assert.ok((await codes()).includes('cite-missing-title'));
  });
});

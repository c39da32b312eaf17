/**
 * The logic behind the VS Code `mediawiki:` file system provider (client/src/wiki/pages.ts, vscode-free)
 * against the real local MediaWiki: read/stat/publish, the conflict flow (nothing lost, base moves to the newer
 * revision, three-way merge when the changes do not overlap), credentials kept in a secret store and restored,
 * log out, anonymous publish refused. Plus the pure parts: URIs, the merge, the summary of fixes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WikiPages, ConflictError } from '../../client/src/wiki/pages';
import { MapSecrets, MapMemory } from '../helpers/memoryStores';
import { mergeThreeWay } from '../../client/src/wiki/merge';
import { pageUriParts, pageRefFromParts, pageUriString, parseUserInput } from '../../client/src/wiki/uri';
import { summaryOfFixes } from '../../client/src/wiki/summary';
import { WikiClient, WikiSession, editPage, EditError, readPage } from '../../server/src/wiki';
import { fixAll } from '../../server/src/core/lint/lint';
import { wikiSkipReason, startTestWiki, TestWiki } from '../helpers/testWiki';

const skip = wikiSkipReason();
let wiki: TestWiki;
before(async () => {
  if (!skip) wiki = await startTestWiki();
});
after(() => wiki?.stop());

/** The fix a user applies by hand (the access-date fix is safe only for links known alive or when opted in). */
const addAccessDates = (t: string) => t.replace(/\{\{(cite (?:web|news))\|(?![^}]*access-date)/gi, '{{$1|access-date=1 January 2020|');
void fixAll;
const SEED = readFileSync(resolve(__dirname, '../../examples/Kazakhstan__Government_and_politics.wiki'), 'utf8');


function site(): string {
  return `127.0.0.1:${wiki.port}`;
}
async function pages(secrets = new MapSecrets(), memory = new MapMemory(), allowAnonymous = false): Promise<WikiPages> {
  const p = new WikiPages({ secrets, memory, client: { backoffMs: 20 }, allowAnonymous: () => allowAnonymous });
  await p.registerSite({ name: site(), api: wiki.api });
  return p;
}
async function top(title: string): Promise<{ revid: number; comment: string; content: string }> {
  const c = new WikiClient({ name: site(), api: wiki.api });
  const r = await c.get({ action: 'query', prop: 'revisions', titles: title, rvprop: ['ids', 'comment', 'content'], rvslots: 'main', rvlimit: 1 });
  const v = r.query.pages[0].revisions[0];
  return { revid: v.revid, comment: v.comment, content: v.slots.main.content };
}

test('URIs: mediawiki://site/Title?section=N round-trips; pasted URLs name site and title', () => {
  const ref = { site: 'en.wikipedia.org', title: 'Foo bar/baz', section: 2 };
  const parts = pageUriParts(ref);
  assert.deepEqual(parts, { authority: 'en.wikipedia.org', path: '/Foo_bar/baz', query: 'section=2' });
  assert.deepEqual(pageRefFromParts(parts), ref);
  assert.equal(pageUriString({ site: 'en.wikipedia.org', title: 'Kazakhstan' }), 'mediawiki://en.wikipedia.org/Kazakhstan');
  assert.deepEqual(pageRefFromParts({ authority: 'x', path: '/', query: '' }), undefined);
  assert.deepEqual(parseUserInput('https://de.wikipedia.org/wiki/Kasachstan', 'en.wikipedia.org'), { site: 'de.wikipedia.org', api: 'https://de.wikipedia.org/w/api.php', title: 'Kasachstan' });
  assert.deepEqual(parseUserInput('[[Kazakh_language]]', 'en.wikipedia.org'), { site: 'en.wikipedia.org', title: 'Kazakh language' });
  assert.equal(parseUserInput('   ', 'en.wikipedia.org'), undefined);
});

test('three-way merge: non-overlapping changes combine, overlapping ones do not', () => {
  const base = 'a\nb\nc\nd\ne\nf';
  assert.equal(mergeThreeWay(base, 'A\nb\nc\nd\ne\nf', 'a\nb\nc\nd\ne\nF'), 'A\nb\nc\nd\ne\nF');
  assert.equal(mergeThreeWay(base, 'a\nb\nX\nc\nd\ne\nf', 'a\nb\nc\nd\ne'), 'a\nb\nX\nc\nd\ne');
  assert.equal(mergeThreeWay(base, 'a\nB\nc\nd\ne\nf', 'a\nB2\nc\nd\ne\nf'), undefined);
  assert.equal(mergeThreeWay(base, 'a\nB\nc\nd\ne\nf', 'a\nB\nc\nd\ne\nf'), 'a\nB\nc\nd\ne\nf');
  assert.equal(mergeThreeWay(base, base, 'x'), 'x');
  assert.equal(mergeThreeWay(base, 'y', base), 'y');
});

test('the summary of fixes names what the checks no longer find', () => {
  const fixed = addAccessDates(SEED);
  const s = summaryOfFixes(SEED, fixed);
  assert.match(s, /^Fixed \d+ citation problems: /);
  assert.ok(s.length < 500);
  assert.equal(summaryOfFixes(SEED, SEED), '');
});

test('read and stat: the document is the current revision; stat is stable until a publish', { skip }, async () => {
  const p = await pages();
  const ref = { site: site(), title: 'Sections' };
  const text = await p.read(ref);
  assert.match(text, /^Intro text\./);
  const st = p.state(ref)!;
  assert.equal(st.size, Buffer.byteLength(text));
  assert.ok(st.mtime > 0);
  assert.equal(await p.read(ref), text, 'a second read uses the base already read');
  const sec = await p.read({ site: site(), title: 'Sections', section: 1 });
  assert.match(sec, /^== First ==/);
  await assert.rejects(p.read({ site: site(), title: 'No such page' }), /no such page/);
});

test('publish: logged in with a stored bot password, a new revision with the summary and exactly the text; base moves', { skip }, async () => {
  const secrets = new MapSecrets();
  const memory = new MapMemory();
  const p = await pages(secrets, memory);
  const user = await p.login(site(), { kind: 'botpassword', name: wiki.bot.user, password: wiki.bot.password });
  assert.equal(user.name, 'Admin');
  assert.equal(await p.userName(site()), 'Admin');
  assert.ok([...secrets.map.values()][0].includes(wiki.bot.password), 'the credentials are in the secret store');

  // a new provider (VS Code restarted) logs in from the secret store
  const p2 = await pages(secrets, memory);
  const ref = { site: site(), title: 'Kazakhstan' };
  const original = await p2.read(ref);
  const fixed = addAccessDates(original);
  assert.notEqual(fixed, original);
  const summary = summaryOfFixes(original, fixed);
  const mtime = p2.state(ref)!.mtime;
  const r = await p2.publish(ref, fixed, { summary });
  const t = await top('Kazakhstan');
  assert.equal(t.revid, r.newrevid);
  assert.equal(t.comment, summary);
  assert.equal(t.content, fixed.trimEnd());
  assert.equal(p2.state(ref)!.page.revid, r.newrevid);
  assert.equal(p2.state(ref)!.original, fixed);
  assert.ok(p2.state(ref)!.mtime > mtime, 'stat changes after a publish');

  await p2.logout(site());
  assert.equal(secrets.map.size, 0, 'log out forgets the credentials');
  assert.equal(await p2.userName(site()), undefined);
  await assert.rejects(p2.publish(ref, `${fixed}\nmore`, { summary: 'x' }), (e: unknown) => e instanceof EditError && e.kind === 'anonymous');
  assert.equal((await top('Kazakhstan')).revid, r.newrevid);
});

async function otherEdit(title: string, change: (t: string) => string): Promise<number> {
  // someone else (an IP) edits the page meanwhile
  const other = new WikiSession(new WikiClient({ name: site(), api: wiki.api }));
  const cur = await readPage(other.client, title);
  await editPage(other, { title, text: change(cur.content), summary: 'theirs', baserevid: cur.revid, basetimestamp: cur.timestamp, allowAnonymous: true });
  return (await top(title)).revid;
}

test('conflict: nothing is lost, the base becomes the newer revision, and publishing the merge then works', { skip }, async () => {
  const p = await pages();
  await p.login(site(), { kind: 'botpassword', name: wiki.bot.user, password: wiki.bot.password });
  const ref = { site: site(), title: 'Sections' };
  const base = await p.read(ref);
  const theirsRev = await otherEdit('Sections', (t) => t.replace('Intro text.', 'Intro text, theirs.'));
  const mine = base.replace('Intro text.', 'Intro text, mine.');
  const mtime = p.state(ref)!.mtime;
  let conflict: ConflictError | undefined;
  try {
    await p.publish(ref, mine, { summary: 'mine' });
  } catch (e) {
    conflict = e as ConflictError;
  }
  assert.ok(conflict instanceof ConflictError, String(conflict));
  assert.match(conflict.message, /Edit conflict/);
  assert.equal(conflict.mine, mine, 'our text is handed back');
  assert.equal(conflict.base, base);
  assert.equal(conflict.theirs.revid, theirsRev);
  assert.match(conflict.theirs.content, /Intro text, theirs\./);
  assert.equal(conflict.merged, undefined, 'the same line changed on both sides: the user merges');
  assert.equal((await top('Sections')).revid, theirsRev, 'nothing saved');
  assert.equal(p.state(ref)!.page.revid, theirsRev, 'the base is now their revision');
  assert.equal(p.state(ref)!.mtime, mtime, 'stat unchanged by the conflict (the editor keeps its text)');
  // the user merges by hand and publishes again: on top of their revision, no second conflict
  const merged = conflict.theirs.content.replace('Intro text, theirs.', 'Intro text, theirs and mine.');
  const r = await p.publish(ref, merged, { summary: 'merged' });
  const t = await top('Sections');
  assert.equal(t.revid, r.newrevid);
  assert.equal(t.content, merged.trimEnd());
});

test('changes to different lines, even within the same second: a conflict whose three-way merge keeps both changes', { skip }, async () => {
  const p = await pages();
  await p.login(site(), { kind: 'botpassword', name: wiki.bot.user, password: wiki.bot.password });
  const ref = { site: site(), title: 'Sections' };
  const base = await p.read(ref);
  await otherEdit('Sections', (t) => t.replace('<references />', '<references />\n[[Category:Test]]'));
  const mine = base.replace(/^Intro text[^\n]*/, 'Intro, edited at the top.');
  const before = (await top('Sections')).revid;
  const e = await p.publish(ref, mine, { summary: 'mine' }).then(() => undefined, (x) => x);
  assert.ok(e instanceof ConflictError, `never an overwrite: ${e}`);
  assert.equal((await top('Sections')).revid, before);
  assert.equal(e.merged, mine.replace('<references />', '<references />\n[[Category:Test]]'));
  await p.publish(ref, e.merged!, { summary: 'merged' });
  const t = await top('Sections');
  assert.match(t.content, /^Intro, edited at the top\./);
  assert.match(t.content, /\[\[Category:Test\]\]/);
});

test('preview rendering and title search through the provider logic', { skip }, async () => {
  const p = await pages();
  const r = await p.render({ site: site(), title: 'Kazakhstan' }, SEED);
  assert.match(r.html, /<ol class="references">/);
  const hits = await p.search(site(), 'Sec');
  assert.deepEqual(hits.map((h) => h.title), ['Sections']);
});

test('preview page: strict CSP (only our nonce script), links absolute, warnings and offline message escaped', async () => {
  const { previewHtml, absolutiseLinks } = await import('../../client/src/wiki/html');
  const html = previewHtml({ title: 'T', html: '<p><a href="/wiki/X">x</a> <a href="#cite_note-1">1</a><img src="//upload.example/a.png"><script>alert(1)</script></p>', warnings: ['<b>loop</b>'], origin: 'https://en.wikipedia.org', loadPhp: 'https://en.wikipedia.org/w/load.php', moduleStyles: ['ext.foo'], cspSource: 'vscode-webview:', nonce: 'N0' });
  const csp = /Content-Security-Policy" content="([^"]*)"/.exec(html)![1].replace(/&#39;/g, "'");
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-N0'/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe/);
  assert.match(csp, /style-src [^;]*https:\/\/en\.wikipedia\.org/);
  assert.match(html, /href="https:\/\/en\.wikipedia\.org\/wiki\/X"/);
  assert.match(html, /href="#cite_note-1"/);
  assert.match(html, /src="https:\/\/upload\.example\/a\.png"/);
  assert.match(html, /modules=skins\.vector\.styles%7Cext\.cite\.styles%7Cext\.foo&#38;only=styles/);
  assert.match(html, /<li>loop<\/li>/);
  const off = previewHtml({ title: 'T', error: 'en.wikipedia.org: unknown host <x>', origin: '', cspSource: 'c', nonce: 'n' });
  assert.match(off, /Preview unavailable\..*unknown host &#60;x&#62;/);
  assert.doesNotMatch(off, /<link rel="stylesheet"/);
  assert.equal(absolutiseLinks('<a href="/a">', 'http://h:1'), '<a href="http://h:1/a">');
});

/**
 * The write side against a real MediaWiki (scripts/test-wiki.sh): logging in with a bot password made by
 * maintenance/createBotPassword.php, editing with conflict detection, each refusal the local wiki can produce,
 * the csrf refresh, rendering with the real Cite extension, and title search. Skipped with a message when the
 * MediaWiki packages are not installed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WikiClient, WikiSession, LoginError, editPage, EditError, editErrorKind, parseWikitext, prefixSearch, readPage } from '../../server/src/wiki';
import { wikiSkipReason, startTestWiki, TestWiki } from '../helpers/testWiki';

const skip = wikiSkipReason();
let wiki: TestWiki;
before(async () => {
  if (!skip) wiki = await startTestWiki();
});
after(() => wiki?.stop());

const SEED = readFileSync(resolve(__dirname, '../../examples/Kazakhstan__Government_and_politics.wiki'), 'utf8');
const fast = { backoffMs: 20, timeoutMs: 30000 };

async function session(): Promise<WikiSession> {
  return new WikiSession(await WikiClient.connect(wiki.api, fast));
}
async function botSession(): Promise<WikiSession> {
  const s = await session();
  await s.loginBotPassword(wiki.bot.user, wiki.bot.password);
  return s;
}
async function refused(p: Promise<unknown>, kind: string): Promise<EditError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof EditError, String(e));
    assert.equal(e.kind, kind, e.message);
    return e;
  }
  assert.fail(`expected an EditError ${kind}`);
}
async function history(title: string, limit = 5): Promise<{ revid: number; comment: string; user: string; content: string }[]> {
  const c = await WikiClient.connect(wiki.api, fast);
  const r = await c.get({ action: 'query', prop: 'revisions', titles: title, rvprop: ['ids', 'comment', 'user', 'content'], rvslots: 'main', rvlimit: limit });
  return r.query.pages[0].revisions.map((v: any) => ({ revid: v.revid, comment: v.comment, user: v.user, content: v.slots.main.content }));
}

test('logs in with a bot password from createBotPassword.php; a wrong password is a clear LoginError', { skip }, async () => {
  const s = await session();
  const anon = await s.whoami();
  assert.equal(anon.anon, true);
  const u = await s.loginBotPassword(wiki.bot.user, wiki.bot.password);
  assert.equal(u.name, 'Admin');
  assert.equal(u.anon, false);
  assert.ok(u.rights?.includes('edit'));
  assert.equal(s.loggedIn, true);
  await s.logout();
  assert.equal(s.loggedIn, false);
  assert.equal((await s.whoami()).anon, true, 'after logout the wiki sees an anonymous user');

  const bad = await session();
  await assert.rejects(bad.loginBotPassword(wiki.bot.user, 'wrongwrongwrongwrongwrongwrong12'), (e: unknown) => {
    assert.ok(e instanceof LoginError, String(e));
    assert.match(e.message, /log in failed/);
    assert.match(e.message, /Special:BotPasswords/);
    return true;
  });
  assert.equal(bad.loggedIn, false);
});

test('an OAuth token the wiki does not accept is a LoginError (no OAuth extension here)', { skip }, async () => {
  const s = await session();
  await assert.rejects(s.loginOAuthToken('not-a-token'), LoginError);
  assert.equal(s.client.authorization, undefined, 'the header is dropped again');
});

test('publishes with baserevid/basetimestamp/starttimestamp: a new revision with the summary and exactly the text', { skip }, async () => {
  const s = await botSession();
  const page = await readPage(s.client, 'Sections');
  const text = page.content.replace('Alpha.', 'Alpha, edited.');
  const r = await editPage(s, { title: 'Sections', text, summary: 'Test: edited alpha', baserevid: page.revid, basetimestamp: page.timestamp, starttimestamp: page.fetchedAt, minor: true });
  assert.equal(r.nochange, false);
  assert.ok(r.newrevid > page.revid);
  const [top] = await history('Sections', 1);
  assert.equal(top.revid, r.newrevid);
  assert.equal(top.comment, 'Test: edited alpha');
  assert.equal(top.user, 'Admin');
  assert.equal(top.content, text);
  // the same text again: nothing saved
  const again = await editPage(s, { title: 'Sections', text, summary: 'noop', baserevid: r.newrevid, basetimestamp: r.newtimestamp, starttimestamp: new Date().toISOString() });
  assert.equal(again.nochange, true);
  assert.equal((await history('Sections', 1))[0].revid, r.newrevid);
});

test('a section edit replaces only that section', { skip }, async () => {
  const s = await botSession();
  const sec = await readPage(s.client, 'Sections', { section: 2 });
  assert.match(sec.content, /^== Second ==/);
  const r = await editPage(s, { title: 'Sections', section: 2, text: sec.content.replace('Beta', 'Beta (section edit)'), summary: 'section', baserevid: sec.revid, basetimestamp: sec.timestamp, starttimestamp: sec.fetchedAt });
  const whole = await readPage(s.client, 'Sections');
  assert.equal(whole.revid, r.newrevid);
  assert.match(whole.content, /Beta \(section edit\)/);
  assert.match(whole.content, /^Intro text\./);
  assert.match(whole.content, /=== Second\.1 ===/);
});

test('an edit by someone else since the page was opened is an edit conflict; nothing is saved', { skip }, async () => {
  const s = await botSession();
  const page = await readPage(s.client, 'Kazakhstan');
  // someone else (an IP) changes the first line after we opened it
  const other = await session();
  const firstLine = page.content.split('\n')[0];
  await editPage(other, { title: 'Kazakhstan', text: page.content.replace(firstLine, `${firstLine} Their change.`), summary: 'other', baserevid: page.revid, basetimestamp: page.timestamp, allowAnonymous: true });
  const theirs = (await history('Kazakhstan', 1))[0];
  // our change touches the same line
  const mine = page.content.replace(firstLine, `${firstLine} My change.`);
  // the wiki's own detection (the base revision is seconds older than theirs)...
  const w = await refused(editPage(s, { title: 'Kazakhstan', text: mine, summary: 'mine', baserevid: page.revid, basetimestamp: page.timestamp, starttimestamp: page.fetchedAt, checkBase: false }), 'conflict');
  assert.equal(w.apiCode, 'editconflict');
  // ...and ours, which also holds when both edits fall in the same second
  const e = await refused(editPage(s, { title: 'Kazakhstan', text: mine, summary: 'mine', baserevid: page.revid, basetimestamp: page.timestamp, starttimestamp: page.fetchedAt }), 'conflict');
  assert.match(e.message, /Edit conflict/);
  assert.match(e.message, /Your text is kept/);
  assert.equal(e.apiCode, 'editconflict');
  assert.equal((await history('Kazakhstan', 1))[0].revid, theirs.revid, 'the other edit stays on top');
});

test('anonymous publish is refused unless enabled; a protected page, a missing page and an expired session give their kinds', { skip }, async () => {
  const anon = await session();
  const page = await readPage(anon.client, 'Protected page');
  await refused(editPage(anon, { title: 'Protected page', text: 'x', summary: 's', baserevid: page.revid, basetimestamp: page.timestamp }), 'anonymous');
  const e = await refused(editPage(anon, { title: 'Protected page', text: 'x', summary: 's', baserevid: page.revid, basetimestamp: page.timestamp, allowAnonymous: true }), 'protected');
  assert.match(e.message, /protected/);
  assert.equal((await readPage(anon.client, 'Protected page')).revid, page.revid);

  const s = await botSession();
  await refused(editPage(s, { title: 'No such page here', text: 'x', summary: 's' }), 'missing');
  // creating works when asked
  const created = await editPage(s, { title: 'Created by test', text: 'New.', summary: 'create', create: true });
  assert.ok(created.newrevid > 0);
  await refused(editPage(s, { title: 'Created by test', text: 'Again.', summary: 'create', create: true }), 'exists');

  // the session cookie is gone (expired): the edit must not silently become an anonymous one
  s.client.cookies.clear();
  const sec = await readPage(s.client, 'Sections');
  await refused(editPage(s, { title: 'Sections', text: `${sec.content}\nmore`, summary: 's', baserevid: sec.revid, basetimestamp: sec.timestamp }), 'notloggedin');
  assert.equal((await readPage(s.client, 'Sections')).revid, sec.revid);
});

test('a bad csrf token is refreshed and the edit retried once', { skip }, async () => {
  const s = await botSession();
  (s as unknown as { csrf: string }).csrf = '0123456789abcdef0123456789abcdef+\\';
  const page = await readPage(s.client, 'Sections');
  const r = await editPage(s, { title: 'Sections', text: `${page.content}\n\nToken retry.`, summary: 'token', baserevid: page.revid, basetimestamp: page.timestamp });
  assert.ok(r.newrevid > page.revid);
});

test('error codes map to refusal kinds', () => {
  const cases: [string, string][] = [
    ['editconflict', 'conflict'], ['protectedpage', 'protected'], ['cascadeprotected', 'protected'], ['blocked', 'blocked'], ['autoblocked', 'blocked'],
    ['abusefilter-disallowed', 'abusefilter'], ['abusefilter-warning', 'abusefilter'], ['captcha', 'captcha'], ['spamblacklist', 'spamblacklist'],
    ['assertuserfailed', 'notloggedin'], ['notloggedin', 'notloggedin'], ['badtoken', 'badtoken'], ['pagedeleted', 'deleted'], ['readonly', 'readonly'], ['whatever', 'other'],
  ];
  for (const [code, kind] of cases) assert.equal(editErrorKind(code), kind, code);
});

test('action=parse renders the seed with the real Cite extension; warnings come back as text', { skip }, async () => {
  const c = await WikiClient.connect(wiki.api, fast);
  const r = await parseWikitext(c, 'Kazakhstan', SEED);
  assert.match(r.html, /<ol class="references">/);
  // Cite writes the ids with an escaped underscore
  assert.match(r.html, /<li id="cite(_|&#95;)note-/);
  assert.match(r.html, /<sup id="cite(_|&#95;)ref-1" class="reference"><a href="#cite_note-1">/);
  assert.doesNotMatch(r.html, /mw-editsection/);
  assert.equal(r.displaytitle.replace(/<[^>]+>/g, ''), 'Kazakhstan');
  assert.ok(Array.isArray(r.warnings));
  // a reference without content is rendered as Cite's error
  const bad = await parseWikitext(c, 'Sandbox', 'Text<ref name="x" />');
  assert.match(bad.html, /cite_ref|error/);
});

test('prefixsearch completes titles', { skip }, async () => {
  const c = await WikiClient.connect(wiki.api, fast);
  const hits = await prefixSearch(c, 'Kaz');
  const titles = hits.map((h) => h.title);
  assert.ok(titles.includes('Kazakhstan'), titles.join());
  assert.deepEqual(await prefixSearch(c, '  '), []);
});

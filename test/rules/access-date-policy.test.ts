/**
 * The cite-missing-access-date fix policy (issues 11, 15, 16): adding today's date is safe only when the link
 * checker saw the URL alive or the user opted in with fixUnchecked; never offered on a link marked dead; the
 * inserted parameter copies the citation's spacing; dated books and journals are not reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, fixAll } from '../../server/src/core/lint/lint';
import type { LintOptions } from '../../server/src/core/lint/lint';

const today = { year: 2026, month: 11, day: 28 };
const RULE = 'cite-missing-access-date';
const optIn: LintOptions['config'] = { rules: { [RULE]: { setting: 'warning', options: { fixUnchecked: true } } } };

function findings(text: string, options: LintOptions = {}) {
  return lint(text, { today, ...options }).diagnostics.filter((d) => d.rule === RULE);
}
const links = (status: 'alive' | 'dead' | 'cannot-tell') => ({ get: (url: string) => (url.startsWith('https://example.org') ? { status, checkedAt: '2026-11-28T00:00:00Z' } : undefined) });

const WEB = '<ref>{{cite web |url=https://example.org/a |title=A}}</ref>';

test('unchecked link: the fix is a suggestion, not applied by fixAll', () => {
  const [d] = findings(WEB);
  assert.equal(d.fixes.length, 1);
  assert.equal(d.fixes[0].safe, false);
  assert.equal(fixAll(WEB, { today }).text, WEB);
});

test('link checked alive, or fixUnchecked: the fix is safe', () => {
  assert.equal(findings(WEB, { links: links('alive') })[0].fixes[0].safe, true);
  assert.equal(findings(WEB, { links: links('cannot-tell') })[0].fixes[0].safe, false);
  assert.equal(findings(WEB, { config: optIn })[0].fixes[0].safe, true);
  assert.equal(fixAll(WEB, { today, config: optIn }).text, '<ref>{{cite web |url=https://example.org/a |access-date=2026-11-28 |title=A}}</ref>');
});

test('a link marked dead in any way gets no "today" fix, even with fixUnchecked', () => {
  for (const text of [
    '<ref>{{cite web |url=https://example.org/a |title=A |url-status=dead}}</ref>',
    '<ref>{{cite web |url=https://example.org/a |title=A |url-status=usurped |archive-url=https://web.archive.org/web/20100101000000/https://example.org/a |archive-date=2010-01-01}}</ref>',
    '<ref>{{cite web |url=https://example.org/a |title=A |deadurl=yes}}</ref>',
    '<ref>{{cite web |url=https://example.org/a |title=A}} {{dead link|date=May 2020}}</ref>',
  ]) {
    const ds = findings(text, { config: optIn });
    assert.equal(ds.length, 1, text);
    assert.deepEqual(ds[0].fixes, [], text);
  }
  const ds = findings(WEB, { config: optIn, links: links('dead') });
  assert.deepEqual(ds[0].fixes, [], 'checked dead by the link checker');
});

test('the inserted parameter copies the spacing on both sides of "="', () => {
  const text = '<ref>{{cite web | url = https://example.org/a | title = A }}</ref>';
  assert.equal(fixAll(text, { today, config: optIn }).text, '<ref>{{cite web | url = https://example.org/a | access-date = 2026-11-28 | title = A }}</ref>');
  const tight = '<ref>{{cite web| url =https://example.org/a| title =A}}</ref>';
  assert.equal(fixAll(tight, { today, config: optIn }).text, '<ref>{{cite web| url =https://example.org/a| access-date =2026-11-28| title =A}}</ref>');
});

test('defaults: web-type citations and undated ones are reported, dated books and journals are not', () => {
  assert.equal(findings('<ref>{{cite news |url=https://example.org/n |title=N |date=2020-01-01}}</ref>').length, 1);
  assert.equal(findings('<ref>{{cite press release |url=https://example.org/p |title=P |date=2020-01-01}}</ref>').length, 1);
  assert.equal(findings('<ref>{{cite book |url=https://example.org/b |title=B |year=2001}}</ref>').length, 0);
  assert.equal(findings('<ref>{{cite journal |url=https://example.org/j |title=J |journal=X |date=2001}}</ref>').length, 0);
  assert.equal(findings('<ref>{{citation |url=https://example.org/c |title=C |date=2001}}</ref>').length, 0);
  assert.equal(findings('<ref>{{cite book |url=https://example.org/b |title=B}}</ref>').length, 1, 'undated book');
  assert.equal(findings('<ref>{{cite book |chapterurl=https://example.org/b |title=B |chapter=C}}</ref>').length, 1, 'the removed chapterurl still holds the link');
  // with the templates option, exactly those templates, dated or not
  assert.equal(findings('<ref>{{cite book |url=https://example.org/b |title=B |year=2001}}</ref>', { config: { rules: { [RULE]: { setting: 'warning', options: { templates: ['cite book'] } } } } }).length, 1);
});

test('the seed still has 19 citations without an access-date', () => {
  const seed = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', 'Kazakhstan__Government_and_politics.wiki'), 'utf8');
  assert.equal(findings(seed).length, 19);
});

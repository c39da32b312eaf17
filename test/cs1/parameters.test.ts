import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  citationTemplate, isArchivedCopyTitle, isGenericName, isGenericTitle, isParameterAcceptedBy, isParameterIgnoredBy,
  lookupParameter, normaliseTemplateName, suggestParameter, validValues,
} from '../../server/src/core/cs1/parameters';

function known(name: string) {
  const lookup = lookupParameter(name);
  assert.ok(lookup.known, `${name} should be known`);
  return lookup;
}

test('aliases share the canonical name and redundancy key (url/URL, accessdate/access-date, work/website)', () => {
  assert.equal(known('URL').metaKey, known('url').metaKey);
  assert.equal(known('accessdate').canonical, 'access-date');
  assert.equal(known('accessdate').metaKey, known('access-date').metaKey);
  assert.equal(known('website').metaKey, known('work').metaKey);
  assert.equal(known('newspaper').canonical, 'work');
  assert.equal(known('orig-year').canonical, 'orig-date');
  assert.notEqual(known('title').metaKey, known('url').metaKey);
});

test('page, pages and at form one redundancy group; quote-page is separate', () => {
  const group = known('page').metaKey;
  assert.equal(known('pages').metaKey, group);
  assert.equal(known('at').metaKey, group);
  assert.equal(known('pp').metaKey, group);
  assert.notEqual(known('quote-page').metaKey, group);
});

test('numbered names keep their enumerator: last1/author1 redundant, last1/last2 not, bare form is N = 1', () => {
  assert.equal(known('last1').metaKey, known('author1').metaKey);
  assert.equal(known('last').metaKey, known('last1').metaKey);
  assert.equal(known('author').metaKey, known('last1').metaKey);
  assert.notEqual(known('last1').metaKey, known('last2').metaKey);
  const link = known('author2-link');
  assert.equal(link.canonical, 'author-link2');
  assert.equal(link.enumerator, 2);
  assert.equal(known('authorlink2').metaKey, link.metaKey);
  assert.equal(known('editor1-last').canonical, 'editor-last1');
  assert.equal(known('editor-last').metaKey, known('editor1').metaKey);
  assert.equal(known('first12').canonical, 'first12');
  assert.notEqual(known('first1').metaKey, known('last1').metaKey);
});

test('names used in real corpus citations are known', () => {
  for (const name of ['via', 'orig-year', 'editor-last', 'work', 'lay-url', 'ref', 'quote-page', 'script-title', 'trans-title', 'mode',
    'postscript', 'author-mask', 'contributor-last', 'interviewer', 'people', 'credits', 'season', 'series-no', 'minutes', 'time',
    'time-caption', 'station', 'network', 'transcript', 'event', 'conference-url', 'inset', 'scale', 'cartography', 'section', 'sheet',
    'number', 'docket', 'degree', 'website', 'place', 'location', 'ISBN', 'PMID', 'eprint', 's2cid-access', 'title-note', 'translator2-link']) {
    known(name);
  }
});

test('removed names are unknown and carry their replacement; deadurl maps yes/no to url-status values', () => {
  const deadurl = lookupParameter('deadurl');
  assert.equal(deadurl.known, false);
  assert.ok(!deadurl.known && deadurl.removed);
  assert.equal(deadurl.removed.suggestion, 'url-status');
  assert.equal(deadurl.removed.valueMap?.yes, 'dead');
  assert.equal(deadurl.removed.valueMap?.no, 'live');
  assert.equal(deadurl.removed.valueMap?.['bot: unknown'], null);
  for (const name of ['dead-url', 'coauthors', 'chapterurl', 'lastauthoramp', 'month', 'nopp', 'trans_title', 'editors', 'Title', 'isbN']) {
    assert.equal(lookupParameter(name).known, false, name);
  }
});

test('deprecated names are known and say why', () => {
  const layUrl = known('lay-url');
  assert.match(layUrl.deprecated ?? '', /Deprecated/);
  assert.equal(known('url').deprecated, undefined);
});

test('suggestions: removed map, explicit map, patterns, lower-case form and close spellings', () => {
  assert.equal(suggestParameter('deadurl'), 'url-status');
  assert.equal(suggestParameter('chapterurl'), 'chapter-url');
  assert.equal(suggestParameter('displayauthors'), 'display-authors');
  assert.equal(suggestParameter('coauthors'), 'author');
  assert.equal(suggestParameter('retrieved'), 'access-date');
  assert.equal(suggestParameter('author3first'), 'author-first3');
  assert.equal(suggestParameter('Title'), 'title');
  assert.equal(suggestParameter('ISBN13'), 'isbn');
  assert.equal(suggestParameter('publsher'), 'publisher');
  assert.equal(suggestParameter('langauge'), 'language');
  assert.equal(suggestParameter('title.'), 'title');
  // No guess where a wrong one is likely, or the removed parameter has no successor.
  assert.equal(suggestParameter('author-separator'), undefined);
  assert.equal(suggestParameter('subtitle'), undefined);
  assert.equal(suggestParameter('zzzzzzzz'), undefined);
});

test('valid values of enumerated parameters', () => {
  assert.deepEqual(validValues('url-status'), ['dead', 'live', 'deviated', 'usurped', 'unfit', 'bot: unknown']);
  assert.deepEqual(validValues('df'), ['dmy', 'dmy-all', 'mdy', 'mdy-all', 'ymd', 'ymd-all']);
  assert.deepEqual(validValues('chapter-url-access'), ['subscription', 'registration', 'limited']);
  assert.ok(validValues('name-list-style')?.includes('vanc'));
  assert.deepEqual(validValues('doi-access'), ['free']);
  assert.equal(validValues('title'), undefined);
});

test('citation templates by normalised name and redirect', () => {
  assert.equal(normaliseTemplateName('Cite_web '), 'cite web');
  assert.equal(citationTemplate('cite web')?.citationClass, 'web');
  assert.deepEqual(citationTemplate('cite web')?.required, ['title', 'url']);
  assert.equal(citationTemplate('Cite AV media')?.citationClass, 'audio-visual');
  assert.equal(citationTemplate('cite video')?.citationClass, 'audio-visual');
  assert.equal(citationTemplate('cite journal')?.requiredPeriodical, 'journal');
  assert.equal(citationTemplate('cite arxiv')?.limitedParameters, true);
  assert.equal(citationTemplate('cite tweet'), undefined);
  assert.equal(citationTemplate('infobox person'), undefined);
});

test('class restrictions: unique and preprint whitelists, chapter and periodical parameters ignored', () => {
  assert.equal(isParameterAcceptedBy('airdate', 'episode'), true);
  assert.equal(isParameterAcceptedBy('airdate', 'book'), false);
  assert.equal(isParameterAcceptedBy('date', 'book'), true);
  assert.equal(isParameterAcceptedBy('season', 'episode'), true);
  assert.equal(isParameterAcceptedBy('season', 'web'), false);
  assert.equal(isParameterAcceptedBy('book-title', 'conference'), true);
  assert.equal(isParameterAcceptedBy('publisher', 'arxiv'), false);
  assert.equal(isParameterAcceptedBy('author3-link', 'arxiv'), true);
  assert.equal(isParameterAcceptedBy('class', 'arxiv'), true);
  assert.equal(isParameterIgnoredBy('chapter', 'web'), true);
  assert.equal(isParameterIgnoredBy('chapter', 'book'), false);
  assert.equal(isParameterIgnoredBy('website', 'book'), true);
  assert.equal(isParameterIgnoredBy('journal', 'journal'), false);
});

test('generic titles and names, archived-copy placeholder', () => {
  assert.equal(isGenericTitle('Wayback Machine'), true);
  assert.equal(isGenericTitle('404 Not Found'), true);
  assert.equal(isGenericTitle('Page Not Found – Example'), true);
  assert.equal(isGenericTitle('The Wayback Machine and its critics'), false);
  assert.equal(isArchivedCopyTitle('Archived copy'), true);
  assert.equal(isArchivedCopyTitle('Archived copies of letters'), false);
  assert.equal(isGenericName('Staff Writer'), false);
  assert.equal(isGenericName('Facebook'), true);
  assert.equal(isGenericName('Author'), true);
  assert.equal(isGenericName('Authorson'), false);
  assert.equal(isGenericName('Smith, John (eds.)'), true);
});

test('lookups are cached and stable across calls', () => {
  assert.equal(lookupParameter('access-date'), lookupParameter('access-date'));
});

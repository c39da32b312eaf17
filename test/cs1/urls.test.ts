import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  archiveServiceName, archiveServiceOf, archiveUrlError, archiveUrlRepeatsOriginal, urlError, waybackTimestampDate,
} from '../../server/src/core/cs1/urls';

test('valid URLs from corpus citations pass', () => {
  for (const url of ['http://www.oscars.org/press/pressreleases/2012/20120830.html', 'https://www.estonica.org/eng/lugu.html?menyy_id=914',
    '//example.org/page', 'https://x.com/status/1', 'http://192.168.0.1/x', 'https://a.org/', 'https://bbc.co.uk', 'ftp://ftp.example.com/file',
    'https://example.xn--p1ai/', 'http://example.com:8080/path', 'news:comp.lang.lua']) {
    assert.equal(urlError(url), undefined, url);
  }
});

test('check_url faults: spaces, scheme, slashes, host', () => {
  assert.match(urlError('http://example.com/a b') ?? '', /spaces/);
  assert.match(urlError('www.example.com') ?? '', /no scheme/);
  assert.match(urlError('http:/example.com') ?? '', /exactly "\/\/"/);
  assert.match(urlError('http:///example.com') ?? '', /exactly "\/\/"/);
  assert.match(urlError('mailto:someone@example.com') ?? '', /exactly "\/\/"/);
  assert.match(urlError('http://-example.com') ?? '', /domain/);
  assert.match(urlError('http://localhost/') ?? '', /domain/);
  assert.match(urlError('http://a.com/') ?? '', /domain/);
  assert.match(urlError('http://[2001:db8::1]/') ?? '', /domain/);
  assert.match(urlError('1http:example') ?? '', /.+/);
});

test('Wayback archive-url faults: save, liveweb, timestamp, path, flag', () => {
  assert.equal(archiveUrlError('https://web.archive.org/web/20141004163009/http://www.oscars.org/press/pressreleases/2012/20120830.html'), undefined);
  assert.equal(archiveUrlError('https://web.archive.org/web/20070609233211id_/http://www.eas.ee/x.pdf'), undefined);
  assert.equal(archiveUrlError('https://web.archive.org/20070609233211/http://www.eas.ee/x.pdf'), undefined);
  assert.equal(archiveUrlError('https://web.archive.org/save/http://example.com/'), 'save command');
  assert.equal(archiveUrlError('https://liveweb.archive.org/http://example.com/'), 'liveweb');
  assert.equal(archiveUrlError('https://web.archive.org/web/2014/http://example.com/'), 'timestamp');
  assert.equal(archiveUrlError('https://web.archive.org/web/*/http://example.com/'), 'timestamp');
  assert.equal(archiveUrlError('https://web.archive.org/wayback/20141004163009/http://example.com/'), 'path');
  assert.equal(archiveUrlError('https://web.archive.org/20141004163009id_/http://example.com/'), 'flag');
  assert.equal(archiveUrlError('https://web.archive.org/web/20141004163009x/http://example.com/'), 'flag');
  // Not the Wayback Machine: not checked here.
  assert.equal(archiveUrlError('https://archive.today/2014.10.04-163009/http://example.com/'), undefined);
  // With today, an impossible timestamp date is also malformed.
  assert.equal(archiveUrlError('https://web.archive.org/web/20141304163009/http://example.com/', { year: 2025 }), 'timestamp');
});

test('Wayback timestamps become dates for archive-date comparisons', () => {
  assert.deepEqual(waybackTimestampDate('https://web.archive.org/web/20141004163009/http://www.oscars.org/x'), { year: 2014, month: 10, day: 4 });
  assert.deepEqual(waybackTimestampDate('20120117063355'), { year: 2012, month: 1, day: 17 });
  assert.equal(waybackTimestampDate('19951231000000'), undefined);
  assert.equal(waybackTimestampDate('20230229000000'), undefined);
  assert.equal(waybackTimestampDate('20290101000000', { year: 2025 }), undefined);
  assert.equal(waybackTimestampDate('https://archive.ph/abc'), undefined);
});

test('archive services are named by host', () => {
  assert.equal(archiveServiceName('https://web.archive.org/web/20141004163009/http://x.org/'), 'Wayback Machine');
  assert.equal(archiveServiceOf('https://web.archive.org/web/20141004163009/http://x.org/')?.wayback, true);
  assert.equal(archiveServiceName('https://archive.ph/AbCdE'), 'archive.today');
  assert.equal(archiveServiceName('http://archive.is/AbCdE'), 'archive.today');
  assert.equal(archiveServiceName('https://www.webcitation.org/6ABCdef'), 'WebCite');
  assert.equal(archiveServiceName('https://ghostarchive.org/archive/abc'), 'Ghostarchive');
  assert.equal(archiveServiceName('https://example.org/archive'), undefined);
});

test('archive-url identical to url is flagged', () => {
  assert.equal(archiveUrlRepeatsOriginal('http://x.org/a', ['http://x.org/a ']), true);
  assert.equal(archiveUrlRepeatsOriginal('https://web.archive.org/web/20141004163009/http://x.org/a', ['http://x.org/a']), false);
});

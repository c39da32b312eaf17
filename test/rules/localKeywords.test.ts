/**
 * A wiki's own keyword values (a citation profile's `values`): viwiki's Module:Citation/CS1/Configuration adds
 * Vietnamese words to CS1's keyword lists (`hư` for dead, `sống` for live, `trả phí` for subscription), and the
 * Bengali citation templates write `|ইউআরএল-অবস্থা=অকার্যকর` for dead. With the shipped maps the rules read them as
 * the keywords they stand for (accepted; a dead mark wants an archive), a word that is in no list is still reported,
 * hover says which keyword a local word is, completion offers the local words after CS1's. English is unchanged, and
 * a profile mapping a word to something CS1 does not accept is an error naming the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint/lint';
import { analyse } from '../../server/src/core/analysis';
import { parseCitationProfile } from '../../server/src/core/citationProfile';
import type { CitationProfile } from '../../server/src/core/profile';
import { hover, completion } from '../helpers/lspFeatures';
import { withCursor as cursor } from '../helpers/cursor';

const today = { year: 2026, month: 12, day: 1 };
const load = (lang: string) => parseCitationProfile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'server', 'data', 'citation-profiles', `${lang}.wikipedia.org.json`), 'utf8')), lang);
const vi = load('vi');
const bn = load('bn');
const options = (p?: CitationProfile) => ({ today, ...(p ? { citationProfile: p, profile: { site: `${p.lang}.wikipedia.org`, lang: p.lang } } : {}) });
const found = (text: string, p?: CitationProfile) => lint(text, options(p)).diagnostics.map((d) => `${d.rule}: ${d.message}`);

const ARCHIVE = '|url lưu trữ=https://web.archive.org/web/20200408000000/https://hanoi.gov.vn/ |ngày lưu trữ=2020-04-08';

test('Vietnamese keywords: hư, sống and trả phí are accepted as dead, live and subscription', () => {
  const text = `Hà Nội.<ref>{{Chú thích web |url=https://hanoi.gov.vn/ |tiêu đề=Hà Nội ${ARCHIVE} |trạng thái url=hư |url-access=trả phí}}</ref>\n` +
    `Huế.<ref>{{Chú thích web |url=https://hue.gov.vn/ |tiêu đề=Huế ${ARCHIVE} |trạng thái url=sống |doi-access=miễn phí |doi=10.1000/182}}</ref>\n{{Tham khảo}}\n`;
  assert.deepEqual(found(text, vi), []);
  // the same values in English CS1's lists are not keywords
  const english = found(text.replace(/Chú thích web/g, 'cite web').replace(/tiêu đề/g, 'title').replace(/url lưu trữ/g, 'archive-url').replace(/ngày lưu trữ/g, 'archive-date').replace(/trạng thái url/g, 'url-status'));
  assert.ok(english.some((m) => m.startsWith('cite-url-status-invalid: Invalid |url-status=hư')), english.join('\n'));
  assert.ok(english.some((m) => m.startsWith('cite-invalid-parameter-value: Invalid |url-access=trả phí')), english.join('\n'));
});

test('Vietnamese keywords: a local dead mark means dead (it wants an archive); a live mark without one has no effect; a word in no list is reported', () => {
  // hư (dead) without an archive: readers have no working link, as with |url-status=dead (not "has no effect")
  assert.deepEqual(found('<ref>{{Chú thích web |url=https://hue.gov.vn/ |tiêu đề=Huế |trạng thái url=hư}}</ref>\n{{Tham khảo}}', vi), [
    'cite-dead-link: Citation is marked |trạng thái url=hư but has no |archive-url=: readers have no working link',
  ]);
  assert.deepEqual(found('<ref>{{Chú thích web |url=https://hue.gov.vn/ |tiêu đề=Huế |trạng thái url=sống}}</ref>\n{{Tham khảo}}', vi), [
    'cite-url-status-without-archive: |url-status=sống has no effect without |archive-url=',
  ]);
  assert.deepEqual(found(`<ref>{{Chú thích web |url=https://hue.gov.vn/ |tiêu đề=Huế ${ARCHIVE} |trạng thái url=chết |url-access=miễn phí}}</ref>\n{{Tham khảo}}`, vi), [
    'cite-url-status-invalid: Invalid |url-status=chết: use one of dead, live, deviated, usurped, unfit, bot: unknown, hư, hỏng, hư hỏng, sai, lệch, sai lệch, thay đổi, sống, hoạt động, đang hoạt động, còn hoạt động, không hợp lệ, chiếm đoạt, cướp đoạt',
    'cite-invalid-parameter-value: Invalid |url-access=miễn phí: accepted values: subscription, limited, registration; this wiki\'s own: hạn chế, bị giới hạn, đăng ký, đăng kí, đăng nhập, tài khoản, đăng ký mua, đăng kí mua, trả phí',
  ]);
  // a near miss of a local word is suggested, as a near miss of CS1's is
  assert.deepEqual(found(`<ref>{{Chú thích web |url=https://hue.gov.vn/ |tiêu đề=Huế ${ARCHIVE} |trạng thái url=hư hong}}</ref>\n{{Tham khảo}}`, vi).map((m) => m.replace(/use one of .*\(/, '(')), [
    'cite-url-status-invalid: Invalid |url-status=hư hong: (did you mean "hư hỏng"?)',
  ]);
});

test('a local word in other case: the fix to it is safe, as for CS1\'s words', () => {
  const r = lint(`<ref>{{Chú thích web |url=https://hue.gov.vn/ |tiêu đề=Huế ${ARCHIVE} |doi=10.1000/182 |doi-access=Miễn phí}}</ref>\n{{Tham khảo}}`, options(vi)).diagnostics;
  const d = r.find((x) => x.rule === 'cite-invalid-parameter-value')!;
  assert.ok(d, JSON.stringify(r));
  assert.deepEqual(d.fixes!.map((f) => [f.title, f.safe]), [['Change to miễn phí', true]]);
});

test('Bengali: |ইউআরএল-অবস্থা=অকার্যকর is a dead mark, কার্যকর live, anything else reported', () => {
  const head = '<ref>{{ওয়েব উদ্ধৃতি |ইউআরএল=http://example.bd/a |শিরোনাম=শিরোনাম';
  const archive = ' |আর্কাইভের-ইউআরএল=https://web.archive.org/web/20110102030405/http://example.bd/a |আর্কাইভের-তারিখ=২ জানুয়ারি ২০১১';
  assert.deepEqual(found(`${head}${archive} |ইউআরএল-অবস্থা=অকার্যকর}}</ref>\n<references />`, bn), []);
  assert.deepEqual(found(`${head} |ইউআরএল-অবস্থা=অকার্যকর}}</ref>\n<references />`, bn), [
    'cite-dead-link: Citation is marked |ইউআরএল-অবস্থা=অকার্যকর but has no |archive-url=: readers have no working link',
  ]);
  assert.deepEqual(found(`${head} |ইউআরএল-অবস্থা=কার্যকর}}</ref>\n<references />`, bn), ['cite-url-status-without-archive: |url-status=কার্যকর has no effect without |archive-url=']);
  assert.deepEqual(found(`${head}${archive} |ইউআরএল-অবস্থা=মৃত}}</ref>\n<references />`, bn), ['cite-url-status-invalid: Invalid |url-status=মৃত: use one of dead, live, deviated, usurped, unfit, bot: unknown, কার্যকর, অকার্যকর']);
});

test('hover says which CS1 keyword a local word stands for; completion offers the wiki\'s words after CS1\'s', () => {
  const { text, offset } = cursor(`<ref>{{Chú thích web |url=https://hanoi.gov.vn/ |tiêu đề=Hà Nội ${ARCHIVE} |trạng thái url=h‸ư}}</ref>`);
  const h = hover(analyse(text, options(vi)), offset, { linkBase: 'https://vi.wikipedia.org/wiki/', today });
  assert.match((h!.contents as { value: string }).value, /^`url-status=hư` \(this wiki's word for `dead`\): /);
  const at = cursor('<ref>{{Chú thích web |url=https://hanoi.gov.vn/ |trạng thái url=‸}}</ref>');
  const items = completion(analyse(at.text, options(vi)), at.offset, options(vi)).items;
  const labels = items.map((i) => i.label);
  assert.deepEqual(labels.slice(0, 6), ['dead', 'live', 'deviated', 'usurped', 'unfit', 'bot: unknown']);
  for (const w of ['hư', 'sống', 'không hợp lệ', 'chiếm đoạt']) assert.ok(labels.includes(w), `${w} offered: ${labels.join(', ')}`);
  assert.equal(items.find((i) => i.label === 'sống')!.detail, 'this wiki\'s word for live');
  // English: CS1's words only
  const en = cursor('<ref>{{cite web |url=https://a.org/ |url-status=‸}}</ref>');
  assert.deepEqual(completion(analyse(en.text, { today }), en.offset, { today }).items.map((i) => i.label), ['dead', 'live', 'deviated', 'usurped', 'unfit', 'bot: unknown']);
});

test('"values" in a profile file is checked: a keyword parameter, and a CS1 keyword of it', () => {
  const base = { templates: {}, parameters: {} };
  assert.throws(() => parseCitationProfile({ ...base, values: { title: { x: 'y' } } }, 'p.json'), /p\.json: "values"\."title": CS1 checks no keyword list for \|title=/);
  assert.throws(() => parseCitationProfile({ ...base, values: { 'url-status': { tot: 'fine' } } }, 'p.json'), /p\.json: "values"\."url-status"\."tot" stands for "fine", which is not a CS1 keyword of \|url-status= \(dead, /);
  assert.throws(() => parseCitationProfile({ ...base, values: { 'url-status': ['dead'] } }, 'p.json'), /"values"\."url-status" must be an object of names/);
  assert.throws(() => parseCitationProfile({ ...base, values: { constructor: { a: 'b' } } }, 'p.json'), /"values"\."constructor": CS1 checks no keyword list/);
  assert.deepEqual({ ...parseCitationProfile({ ...base, values: { 'url-status': { tot: 'dead' } } }).values!['url-status'] }, { tot: 'dead' });
});

/**
 * Shared by the CI property tests (`properties.test.ts`) and the long fuzzer (`fuzz.ts`): arbitraries that
 * produce wikitext-like documents (templates, citations with realistic parameters, refs with names and
 * groups, links, tables, comments, tags, quotes; nested and broken), mutations of real articles, and the
 * invariants every document must satisfy.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, printTree, checkTree } from '../../server/src/core/parser/parse';
import { diffTexts } from '../../server/src/core/parser/reuse';
import { treeFingerprint, firstDifference } from '../helpers/treeFingerprint';
import { lint, fixAll, applyEdits, LintOptions } from '../../server/src/core/lint/lint';

export const TODAY = { year: 2026, month: 11, day: 28 };
export const LINT_OPTIONS: LintOptions = { today: TODAY };

// ---------------------------------------------------------------------------------------------------------
// Generated wikitext

const words = fc.constantFrom('Kazakhstan', 'the', 'Smith', 'é', 'Ελλάδα', 'Україна', '日本', '😀', ' ', 'a b', '1', '2020', 'x');
const text = fc.array(words, { maxLength: 4 }).map((w) => w.join(' '));

const refName = fc.constantFrom('a', 'b', 'smith2020', '1', '12', 'Foo bar', ':0', 'a"b', "it's", '', ' ', 'x/y', 'ü', 'auto');
const quote = fc.constantFrom('"', "'", '');
const attr = (key: fc.Arbitrary<string>) =>
  fc.tuple(key, fc.constantFrom('=', ' = ', '='), quote, refName).map(([k, eq, q, v]) => ` ${k}${eq}${q}${v}${q}`);
const refAttrs = fc
  .array(attr(fc.constantFrom('name', 'group', 'follow', 'dir', 'details', 'names', 'NAME', 'grp', 'responsive')), { maxLength: 3 })
  .map((a) => a.join(''));

const dates = fc.constantFrom(
  '2020-01-01', '1 January 2020', 'January 1, 2020', 'Jan 2020', '2020', '31 February 2019', '2099-01-01', '2000-13-45',
  'c. 1900', '1990s', 'Spring 2010', '28 November 2026', '29 November 2026', '14 January 2001', '', 'yesterday', '2020-1-1',
  'January 1 2020', '2020–2021', '{{date|2020}}',
);
const urls = fc.constantFrom(
  'https://example.org/a', 'http://example.com/x?y=1&z=2', 'example.org', 'https://', 'ftp://x.y/z', '//example.org/p',
  'https://exa mple.org', 'https://web.archive.org/web/20200101000000/https://example.org/a',
  'https://web.archive.org/web/2020/https://example.org/a', 'https://web.archive.org/save/https://example.org/a',
  'https://archive.today/abc', 'https://www.webcitation.org/5abc', 'http://[::1]/', 'https://例え.jp/パス', '', '{{{url}}}',
);
const idents = fc.constantFrom(
  '978-0-306-40615-7', '978-0-306-40615-8', '0-306-40615-2', '0306406152', '123', '0378-5955', '0378-5954', '2049-3630',
  '10.1000/182', '10.1000', '10.', 'doi:10.1/x', '',
);
const citeTemplate = fc.constantFrom('cite web', 'Cite web', 'cite news', 'cite book', 'cite journal', 'Cite podcast', 'cite mailing list', 'citation', 'cite magazine', 'cite av media', 'Cite_web', 'cite  web');
const citeParam = fc.oneof(
  fc.tuple(fc.constantFrom('url', 'chapter-url', 'archive-url', 'archiveurl', 'URL'), urls),
  fc.tuple(fc.constantFrom('access-date', 'accessdate', 'date', 'archive-date', 'archivedate', 'publication-date', 'year'), dates),
  fc.tuple(fc.constantFrom('title', 'trans-title', 'script-title', 'work', 'publisher', 'last', 'first', 'author', 'chapter'),
    fc.oneof(text, fc.constantFrom('Archived copy', 'Wayback Machine', 'Page not found', '404', 'Are you a robot?', ''))),
  fc.tuple(fc.constantFrom('url-status', 'deadurl', 'dead-url'), fc.constantFrom('dead', 'live', 'usurped', 'unfit', 'deviated', 'bot: unknown', 'yes', 'no', 'Dead', '')),
  fc.tuple(fc.constantFrom('isbn', 'ISBN', 'issn', 'eissn', 'doi', 'DOI'), idents),
  fc.tuple(fc.constantFrom('page', 'pages', 'p', 'pp', 'titel', 'acess-date', 'langauge', 'ref', 'quote', '1', ''), text),
);
const space = fc.constantFrom('', ' ', '\n', ' \n ', '  ');

function template(inner: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const name = fc.constantFrom('reflist', 'Reflist', 'notelist', 'efn', 'refn', 'sfn', 'dead link', 'Use dmy dates', 'Use mdy dates', 'Infobox country', 'lang', 'a', '#tag:ref', '#if:', 'PAGENAME', '{{{1}}}');
  const arg = fc.oneof(
    inner,
    fc.tuple(fc.constantFrom('refs', 'group', 'name', 'date', '1', '2', 'a', 'a'), inner).map(([k, v]) => `${k}=${v}`),
  );
  return fc.tuple(name, fc.array(fc.tuple(space, arg), { maxLength: 4 }), fc.boolean())
    .map(([n, args, closed]) => `{{${n}${args.map(([s, a]) => `${s}|${a}`).join('')}${closed ? '}}' : ''}`);
}

const citation = fc.tuple(citeTemplate, fc.array(fc.tuple(space, citeParam), { maxLength: 9 }), space, fc.nat(20))
  .map(([name, params, s, broken]) => {
    const body = `{{${name}${params.map(([sp, [k, v]]) => `${sp}|${k}=${v}`).join('')}${s}`;
    return broken === 0 ? body : broken === 1 ? body + '}' : body + '}}';
  });

function ref(inner: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(refAttrs, inner, fc.nat(12)).map(([a, c, k]) => `<ref${a}>${c}${k === 0 ? '' : k === 1 ? '</ref' : k === 2 ? '</REF >' : '</ref>'}`),
    refAttrs.map((a) => `<ref${a}/>`),
    refAttrs.map((a) => `<ref${a} />`),
    fc.tuple(refAttrs, inner).map(([a, c]) => `{{#tag:ref|${c}|${a.trim().replace(/ /g, '|')}}}`),
  );
}

function references(inner: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('<references/>', '<references />', '<references group="g"/>', '<references group=note />', '{{reflist}}', '{{Reflist|group=g}}', '{{notelist}}', '<references responsive/>', '<references foo=bar/>'),
    fc.tuple(refAttrs, fc.array(inner, { maxLength: 3 })).map(([a, rs]) => `<references${a}>\n${rs.join('\n')}\n</references>`),
    fc.array(inner, { maxLength: 3 }).map((rs) => `{{reflist|refs=\n${rs.join('\n')}\n}}`),
  );
}

function link(inner: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(text, fc.option(inner), fc.boolean()).map(([t, l, c]) => `[[${t}${l === null ? '' : '|' + l}${c ? ']]' : ''}`),
    fc.tuple(fc.constantFrom('File:X.jpg', 'Image:Y.png', 'Category:Z', ':Category:Z', 'fr:Paris', 'Datei:Ä.svg'), fc.array(inner, { maxLength: 3 }))
      .map(([t, ps]) => `[[${t}${ps.map((p) => '|' + p).join('')}]]`),
    fc.tuple(urls, fc.option(text)).map(([u, t]) => `[${u}${t === null ? '' : ' ' + t}]`),
    urls,
  );
}

function table(inner: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const cell = fc.tuple(fc.constantFrom('|', '!', '||', '!!', '|style="x"|', '| a=b |'), inner).map(([p, c]) => p + c);
  const row = fc.array(cell, { maxLength: 4 }).map((cs) => cs.join('\n'));
  return fc.tuple(fc.constantFrom('{|', '{| class="wikitable"', ' {|', '{{{!}}'), fc.option(inner), fc.array(row, { maxLength: 3 }), fc.constantFrom('|}', '', ' |}', '{{!}}}'))
    .map(([open, cap, rows, close]) => `${open}\n${cap === null ? '' : '|+' + cap + '\n'}${rows.join('\n|-\n')}\n${close}`);
}

function tag(inner: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(
    fc.constantFrom('nowiki', 'pre', 'span', 'div', 'math', 'gallery', 'small', 'sup', 'poem', 'syntaxhighlight', 'includeonly', 'noinclude', 'onlyinclude', 'b', 'blockquote', 'br', 'section', 'templatestyles'),
    fc.constantFrom('', ' class="a"', ' lang=en', ' style="x', ' name=n', '/'),
    inner, fc.nat(4),
  ).map(([t, a, c, k]) => (a === '/' ? `<${t}/>` : `<${t}${a}>${c}${k === 0 ? '' : `</${t}>`}`));
}

const noise = fc.oneof(
  fc.constantFrom('{{', '}}', '[[', ']]', '[', ']', '{|', '|}', '|-', '|', '||', '!!', '<', '>', '</', '/>', '=', '==', "''", "'''", "'''''",
    '<!--', '-->', '\n', '\r\n', '\r', '\t', '\0', '\ud800', '\udfff', '\ufeff', '\u00a0', '&amp;', '&#124;', '{{{', '}}}', '__TOC__',
    '~~~~', '----', '* ', '# ', ': ', '; ', '\n== H ==\n', '\n=', '<ref', '</ref>', '<references', '{{!}}', '{{=}}', 'ISBN 978-0-306-40615-7', 'RFC 1234'),
  fc.string({ maxLength: 4 }),
  fc.fullUnicodeString({ maxLength: 3 }),
);

/** One wikitext document: a mix of constructs, nested up to a few levels, some broken. */
export const wikitextDocument: fc.Arbitrary<string> = fc.letrec<{ node: string; doc: string }>((tie) => {
  const inner = tie('node');
  return {
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text, noise, citation,
      template(inner), ref(inner), references(ref(fc.oneof(text, citation))), link(inner), table(inner), tag(inner),
      fc.tuple(fc.constantFrom("''", "'''", "'''''"), inner, fc.boolean()).map(([q, c, closed]) => `${q}${c}${closed ? q : ''}`),
      fc.tuple(inner, fc.boolean()).map(([c, closed]) => `<!--${c}${closed ? '-->' : ''}`),
      fc.tuple(fc.integer({ min: 1, max: 7 }), inner).map(([n, c]) => `\n${'='.repeat(n)} ${c} ${'='.repeat(n)}\n`),
      fc.tuple(fc.constantFrom('*', '#', ':', ';', '*#:'), inner).map(([m, c]) => `\n${m} ${c}\n`),
      fc.tuple(inner, inner).map(([a, b]) => a + b),
    ),
    doc: fc.array(fc.tuple(inner, space), { maxLength: 24 }).map((parts) => parts.map(([p, s]) => p + s).join('')),
  };
}).doc;

// ---------------------------------------------------------------------------------------------------------
// Mutated corpus articles

const FIXTURE_DIR = resolve(__dirname, '../fixtures/corpus');
const SHARED_DIR = resolve(__dirname, '../../../shared/corpus/articles');

/** Corpus files: the fixtures always, and up to `sharedLimit` shared articles when this machine has them. */
export function corpusPaths(sharedLimit = Infinity): string[] {
  const fixtures = readdirSync(FIXTURE_DIR).filter((n) => n.endsWith('.wiki')).sort().map((n) => join(FIXTURE_DIR, n));
  if (!existsSync(SHARED_DIR) || sharedLimit <= 0) return fixtures;
  const shared = readdirSync(SHARED_DIR).filter((n) => n.endsWith('.wiki')).sort().map((n) => join(SHARED_DIR, n));
  // an even spread over the sorted list (several languages), not the first n
  const step = Math.max(1, shared.length / Math.min(sharedLimit, shared.length));
  const picked: string[] = [];
  for (let i = 0; i < shared.length && picked.length < sharedLimit; i += step) picked.push(shared[Math.floor(i)]);
  return [...fixtures, ...picked];
}

const cache = new Map<string, string>();
export function readCorpus(p: string): string {
  let t = cache.get(p);
  if (t === undefined) {
    t = readFileSync(p, 'utf8');
    cache.set(p, t);
  }
  return t;
}

const INSERTS = ['{{', '}}', '[[', ']]', '{|', '|}', '|', '||', '<ref>', '</ref>', '<ref name="a"/>', '<ref name=a>', '<!--', '-->', '<nowiki>',
  '</nowiki>', '<pre>', "''", "'''", '"', "'", '<', '>', '=', '\n', '\r\n', '\0', '\ud800', '\udc00', '😀', 'é', '\u200f', '\ufeff', '{{cite web|url=',
  '|access-date=', '|archive-url=https://web.archive.org/web/2020/x', '|url-status=dead', '<references/>', '{{reflist|refs=', '[http://x ', '{{{'];

type Mutation =
  | { kind: 'cut'; at: number; len: number }
  | { kind: 'duplicate'; at: number; len: number; to: number }
  | { kind: 'insert'; at: number; what: string }
  | { kind: 'crlf' }
  | { kind: 'truncate'; at: number };

const position = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: position, len: fc.nat({ max: 2000 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, len: fc.nat({ max: 2000 }), to: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, what: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...INSERTS) }, { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 3 }) }) }),
  fc.record({ kind: fc.constant('crlf' as const) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
);

function mutate(t: string, m: Mutation): string {
  const at = (n: number) => (t.length ? n % (t.length + 1) : 0);
  switch (m.kind) {
    case 'cut': { const a = at(m.at); return t.slice(0, a) + t.slice(a + m.len); }
    case 'duplicate': { const a = at(m.at); const piece = t.slice(a, a + m.len); const to = at(m.to); return t.slice(0, to) + piece + t.slice(to); }
    case 'insert': { const a = at(m.at); return t.slice(0, a) + m.what + t.slice(a); }
    case 'crlf': return t.replace(/\r?\n/g, '\r\n');
    case 'truncate': return t.slice(0, at(m.at));
  }
}

/**
 * A window of a corpus article (at most `maxWindow` characters, so that a run stays quick) with a few
 * mutations applied. Shrinks towards fewer mutations and a smaller window.
 */
export function mutatedArticle(paths: string[], maxWindow = 12_000): fc.Arbitrary<{ file: string; text: string }> {
  return fc.record({
    file: fc.constantFrom(...paths),
    start: fc.nat({ max: 10_000_000 }),
    len: fc.integer({ min: 0, max: maxWindow }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }),
  }).map(({ file, start, len, mutations }) => {
    const whole = readCorpus(file);
    const s = whole.length > len ? start % (whole.length - len + 1) : 0;
    let t = whole.slice(s, s + len);
    for (const m of mutations) t = mutate(t, m);
    return { file, text: t };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The invariants

export class PropertyFailure extends Error {}

function fail(what: string, text: string): never {
  throw new PropertyFailure(`${what}\n  document (${text.length} chars): ${JSON.stringify(text.length > 600 ? text.slice(0, 600) + '…' : text)}`);
}

function checkParses(text: string, label: string): void {
  const doc = parse(text);
  const problem = checkTree(doc);
  if (problem) fail(`${label}: checkTree: ${problem}`, text);
  if (printTree(doc) !== text) fail(`${label}: the printed tree differs from the text`, text);
}

/** Parsing `after` incrementally from the tree of `before` gives exactly the tree a full parse gives. */
function checkIncremental(before: string, after: string, label: string): void {
  const incremental = parse(after, { doc: parse(before), change: diffTexts(before, after) });
  const problem = checkTree(incremental);
  if (problem) fail(`${label}: incremental parse: checkTree: ${problem}`, before);
  const diff = firstDifference(treeFingerprint(incremental), treeFingerprint(parse(after)));
  if (diff) fail(`${label}: the incremental parse differs from a full parse\n  ${diff}`, before);
}

/** Checks one document; throws a PropertyFailure naming the broken invariant. `maxFixes` bounds the per-fix checks. */
export function checkDocument(text: string, options: LintOptions = LINT_OPTIONS, maxFixes = 60): void {
  let result;
  try {
    checkParses(text, 'parse');
    result = lint(text, options);
  } catch (e) {
    fail(`parse or lint threw: ${e instanceof Error ? e.stack : String(e)}`, text);
  }
  if (result.ruleErrors.length) fail(`rule threw: ${result.ruleErrors[0].rule}: ${result.ruleErrors[0].error.split('\n').slice(0, 3).join(' / ')}`, text);

  const fixes = result.diagnostics.flatMap((d) => d.fixes.map((f) => ({ d, f })));
  const step = Math.max(1, fixes.length / maxFixes);
  for (let i = 0; i < fixes.length; i += step) {
    const { d, f } = fixes[Math.floor(i)];
    const label = `fix "${f.title}" of ${d.rule} at ${d.start}`;
    const edits = [...f.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const e of edits) {
      if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= text.length)) fail(`${label}: edit [${e.start},${e.end}) is out of range`, text);
      if (typeof e.newText !== 'string') fail(`${label}: edit has no newText`, text);
    }
    for (let k = 1; k < edits.length; k++) {
      if (edits[k].start < edits[k - 1].end) fail(`${label}: its edits overlap ([${edits[k - 1].start},${edits[k - 1].end}) and [${edits[k].start},${edits[k].end}))`, text);
    }
    const { text: fixed, applied } = applyEdits(text, f.edits);
    if (applied !== f.edits.length) fail(`${label}: only ${applied} of ${f.edits.length} edits apply`, text);
    // outside its ranges, the text is unchanged: walk the gaps between edits
    let pos = 0, out = 0;
    for (const e of edits) {
      const gap = text.slice(pos, e.start);
      if (fixed.slice(out, out + gap.length) !== gap) fail(`${label}: text before ${e.start} changed`, text);
      out += gap.length + e.newText.length;
      pos = e.end;
    }
    if (fixed.slice(out) !== text.slice(pos)) fail(`${label}: text after the last edit changed`, text);
    if (!f.snippet) {
      checkParses(fixed, `after ${label}`);
      if (i < 10) checkIncremental(text, fixed, `after ${label}`);
      const again = lint(fixed, options);
      if (again.ruleErrors.length) fail(`after ${label}: rule threw: ${again.ruleErrors[0].rule}: ${again.ruleErrors[0].error.split('\n')[0]}`, text);
    }
  }

  const once = fixAll(text, options);
  checkParses(once.text, 'after fixAll');
  checkIncremental(text, once.text, 'after fixAll');
  // and an edit anywhere: the middle third of the text cut out
  checkIncremental(text, text.slice(0, Math.floor(text.length / 3)) + text.slice(Math.floor((2 * text.length) / 3)), 'after a cut');
  const twice = fixAll(once.text, options);
  if (twice.text !== once.text) {
    fail(`fixAll is not idempotent: the second run changed the text (${twice.fixed} more fixes; first run took ${once.passes} passes)\n  once:  ${JSON.stringify(once.text.slice(0, 400))}\n  twice: ${JSON.stringify(twice.text.slice(0, 400))}`, text);
  }
}

/** A property over generated documents; `counter.n` counts the documents run. */
export function generatedProperty(counter: { n: number }) {
  return fc.property(wikitextDocument, (text) => {
    counter.n++;
    checkDocument(text);
  });
}

/** A property over mutated corpus windows. */
export function mutatedProperty(paths: string[], counter: { n: number }, maxWindow?: number) {
  return fc.property(mutatedArticle(paths, maxWindow), ({ text }) => {
    counter.n++;
    checkDocument(text);
  });
}

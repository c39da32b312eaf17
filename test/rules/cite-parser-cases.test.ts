/**
 * The Cite extension's own parser tests (citeParserTests.txt, in ../shared/corpus/parsoid-cases/from-wikiparser-node):
 * for each case, the Cite error keys its expected HTML shows are mapped to this project's ref rules, and the rules
 * must report exactly those on the case's wikitext. The cases named in issue 11 must agree; the agreement over the
 * whole file is printed (and may not drop below its measured level). Skips when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint } from '../../server/src/core/lint/lint';

const FILE = resolve(__dirname, '../../../shared/corpus/parsoid-cases/from-wikiparser-node/citeParserTests.txt');
const skip = existsSync(FILE) ? false : `Cite parser tests not found at ${FILE} (../shared absent)`;

/** Cite error key → the rule that reports it. */
const KEY_TO_RULE: Record<string, string> = {
  cite_error_references_duplicate_key: 'ref-duplicate-name',
  cite_error_references_no_text: 'ref-undefined-name',
  cite_error_ref_no_key: 'ref-empty',
  cite_error_ref_no_input: 'ref-empty',
  cite_error_ref_numeric_key: 'ref-numeric-name',
  cite_error_ref_too_many_keys: 'ref-invalid-attribute',
  cite_error_references_invalid_parameters: 'ref-invalid-attribute',
  cite_error_included_ref: 'ref-unclosed',
  cite_error_group_refs_without_references: 'ref-group-without-list',
  cite_error_references_missing_key: 'ref-list-defined-unused',
};
const MAPPED_RULES = new Set(Object.values(KEY_TO_RULE));

/** The cases issue 11 names (by a unique part of their title). */
const REQUIRED = [
  'ref-tags with identical name encodings should get identical indexes',
  'Forward-referenced ref with follow',
  'Multiple follow after refs without content',
  'Reference list-defined nested <ref>s (T349981)',
  'Multiple references tags some with errors should be correctly handled',
];

interface Case { title: string; wikitext: string; keys: Set<string>; unmapped: boolean; options: string }

function cases(): Case[] {
  const text = readFileSync(FILE, 'utf8');
  const out: Case[] = [];
  for (const block of text.split(/^!! test\n/m).slice(1)) {
    const title = block.slice(0, block.indexOf('\n')).trim();
    const section = (name: string) => new RegExp(`^!! ${name}\\n([\\s\\S]*?)(?=^!! )`, 'm').exec(block)?.[1];
    const wikitext = section('wikitext');
    // error keys appear in Parsoid's HTML (data-mw "errors"); take every expected-HTML section
    const html = [...block.matchAll(/^!! html[^\n]*\n([\s\S]*?)(?=^!! )/gm)].map((m) => m[1]).join('\n');
    if (wikitext === undefined || html === '') continue;
    const keys = new Set([...html.matchAll(/cite_error_[a-z_]+/g)].map((m) => m[0]).filter((k) => k !== 'cite_error'));
    const unmapped = [...keys].some((k) => !(k in KEY_TO_RULE));
    out.push({ title, wikitext: wikitext.replace(/\n$/, ''), keys, unmapped, options: section('options') ?? '' });
  }
  return out;
}

function compare(c: Case): { expected: string[]; actual: string[] } {
  const expected = [...new Set([...c.keys].map((k) => KEY_TO_RULE[k]))].sort();
  const actual = [...new Set(lint(c.wikitext).diagnostics.map((d) => d.rule).filter((r) => MAPPED_RULES.has(r)))].sort();
  return { expected, actual };
}

test('Cite parser tests: the cases of issue 11 give the rules their Cite error keys map to', { skip }, async (t) => {
  const all = cases();
  for (const title of REQUIRED) {
    await t.test(title, () => {
      const c = all.find((x) => x.title.includes(title));
      assert.ok(c, `case "${title}" not found in ${FILE}`);
      const { expected, actual } = compare(c);
      assert.deepEqual(actual, expected, `Cite keys ${[...c.keys].join(', ') || '(none)'}`);
    });
  }
});

test('Cite parser tests: agreement over the whole file', { skip }, () => {
  const all = cases().filter((c) => !c.unmapped && !/\bcite_/.test(c.options) && !/subref|details=|responsive/i.test(c.wikitext));
  let agree = 0;
  const disagree: string[] = [];
  for (const c of all) {
    const { expected, actual } = compare(c);
    if (expected.join() === actual.join()) agree++;
    else disagree.push(`${c.title}: expected [${expected}] got [${actual}]`);
  }
  console.log(`# ${agree}/${all.length} Cite parser test cases agree with the ref rules`);
  for (const d of disagree) console.log(`#   ${d}`);
  assert.ok(agree / all.length >= 0.97, `${agree}/${all.length} agree`);
});

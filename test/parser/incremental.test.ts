/**
 * Incremental reparsing (reuse.ts) must give exactly the tree a full parse gives: checked on real
 * articles with edits anywhere (inside refs, in prose, on tag boundaries, edits that open or close tags).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, checkTree } from '../../server/src/core/parser/parse';
import { diffTexts } from '../../server/src/core/parser/reuse';
import { treeFingerprint as fingerprint, firstDifference } from '../helpers/treeFingerprint';

const FIXTURES = resolve(__dirname, '../fixtures/corpus');
const ARTICLES = resolve(__dirname, '../../../shared/corpus/articles');

/** A deterministic pseudo-random generator (the test must be reproducible). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const INSERTS = ['x', ' ', '\n', '|', '=', '}}', '{{', '[[', ']]', '<', '>', '</ref>', '<ref>', '<!--', '-->', "''", 'http://a.b ', '== H ==\n', '{|', '|}', '/'];

function checkEdits(name: string, text: string, edits: number, seed: number): void {
  const random = rng(seed);
  let current = text;
  let doc = parse(current);
  for (let e = 0; e < edits; e++) {
    // edits cluster in and around refs (where reuse matters) and anywhere else
    let at = Math.floor(random() * current.length);
    if (random() < 0.5) {
      const ref = current.indexOf('<ref', at);
      if (ref >= 0) at = Math.min(current.length, ref + Math.floor(random() * 40) - 8);
    }
    const del = random() < 0.3 ? Math.floor(random() * 12) : 0;
    const ins = random() < 0.8 ? INSERTS[Math.floor(random() * INSERTS.length)] : '';
    const next = current.slice(0, at) + ins + current.slice(Math.min(current.length, at + del));
    const incremental = parse(next, { doc, change: diffTexts(current, next) });
    const full = parse(next);
    assert.equal(checkTree(incremental), null, `${name}, edit ${e}: tree invariants`);
    const diff = firstDifference(fingerprint(incremental), fingerprint(full));
    if (diff) assert.fail(`${name}, edit ${e} (seed ${seed}, at ${at}, deleted ${del}, inserted ${JSON.stringify(ins)}): first difference\n  ${diff}`);
    current = next;
    doc = incremental;
  }
}

test('incremental reparse equals a full parse: fixtures (seed, Barack Obama), 150 edits each', () => {
  const files = readdirSync(FIXTURES).filter((n) => n.endsWith('.wiki'));
  assert.ok(files.length >= 2);
  files.forEach((f, i) => checkEdits(f, readFileSync(join(FIXTURES, f), 'utf8'), 150, 1000 + i));
});

test('incremental reparse equals a full parse: 40 corpus articles, 25 edits each', (t) => {
  if (!existsSync(ARTICLES)) {
    t.skip('shared corpus not present');
    return;
  }
  const files = readdirSync(ARTICLES).filter((n) => n.endsWith('.wiki')).sort();
  const pick = files.filter((_, i) => i % Math.ceil(files.length / 40) === 0);
  pick.forEach((f, i) => checkEdits(f, readFileSync(join(ARTICLES, f), 'utf8'), 25, 7 + i));
});

test('an edit inside one ref takes every other ref from the previous tree', () => {
  const text = 'A.<ref name="a">{{cite web |url=http://a.example |title=A}}</ref> B.<ref>{{cite book |title=B}}</ref> C.<ref>plain</ref>';
  const old = parse(text);
  const tags = old.constructs.filter((c) => c.type === 'ExtensionTag');
  const at = text.indexOf('title=B') + 6;
  const next = text.slice(0, at) + 'x' + text.slice(at);
  const doc = parse(next, { doc: old, change: diffTexts(text, next) });
  const newTags = doc.constructs.filter((c) => c.type === 'ExtensionTag').sort((a, b) => a.start - b.start);
  assert.equal(newTags.length, 3);
  assert.equal(newTags[0], tags.find((t) => t.start === 2), 'the ref before the edit is the same node');
  assert.notEqual(newTags[1], tags.find((t) => t.start === newTags[1].start), 'the edited ref is parsed again');
  assert.ok(tags.includes(newTags[2]), 'the ref after the edit is the old node, shifted');
  assert.equal(next.slice(newTags[2].start, newTags[2].end), '<ref>plain</ref>');
});

/**
 * The rule docs (docs/rules/<id>.md) are also the rules' fixtures, checked as a RuleTester: every ```wikitext
 * triggers / ok / fixed block is linted here with today = 2026-11-28. One test per rule, one subtest per example.
 *
 * A triggers block may annotate what it expects, as rust-analyzer's tests do: a line of carets under a line
 * of the example, followed by the message, marks one diagnostic of the rule with exactly that range and
 * message (a message ending in `...` need only start the same way). Annotation lines are not part of the
 * example's text. When a block has annotations, the rule's diagnostics must be exactly those.
 *
 *     <ref></ref>
 *     ^^^^^^^^^^^ Empty ref: ...
 *
 * A fixed block is the triggers block above it with the safe fixes of the rule under test applied (other
 * rules' fixes are not), repeated until stable as `--fix` does.
 *
 * Run: node --import tsx --test test/rules/docs-examples.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/core/rules';
import { lint, fixAll } from '../../server/src/core/lint/lint';
import type { Diagnostic } from '../../server/src/core/lint/types';
import { lookupOf, type LinkInfo, type LinkLookup } from '../../server/src/core/links/types';

/** A page's ```json links block: the link check results its examples assume (the link-* rules). */
function linksOf(md: string): LinkLookup | undefined {
  const m = /^```json links\n([\s\S]*?)\n```$/m.exec(md);
  return m ? lookupOf(JSON.parse(m[1]) as Record<string, LinkInfo>) : undefined;
}

const root = join(__dirname, '..', '..');
const docsDir = join(root, 'docs', 'rules');
const today = { year: 2026, month: 11, day: 28 };

/** Sections every rule page must have (level-2 headings, matched by their start). */
const REQUIRED_SECTIONS = ['What it checks', 'Why', 'What Wikipedia does', 'Default severity', 'Examples', 'Fixes'];

/**
 * Examples that document how the rule should behave but that the rule gets wrong today: the subtest is marked
 * todo (it still runs and reports). Keyed by rule id and a substring of the example's text. Remove an entry
 * when the rule is fixed.
 */
const KNOWN_BUGS: { rule: string; kind: Block['kind']; match: string; todo: string }[] = [];

/** An expected diagnostic: its range in the example's text and its message. */
interface Annotation {
  start: number;
  end: number;
  message: string;
}

const ANNOTATION = /^(\s*)(\^+)\s+(\S.*)$/;

/** Splits annotation lines off an example: the text without them, and the diagnostics they mark. */
export function parseAnnotations(raw: string): { text: string; annotations: Annotation[] } {
  const kept: string[] = [];
  const annotations: Annotation[] = [];
  let offset = 0; // offset of the next kept line in the text
  let lastLineStart = -1;
  for (const line of raw.split('\n')) {
    const m = ANNOTATION.exec(line);
    if (m && lastLineStart >= 0) {
      const start = lastLineStart + m[1].length;
      annotations.push({ start, end: start + m[2].length, message: m[3].trim() });
      continue;
    }
    kept.push(line);
    lastLineStart = offset;
    offset += line.length + 1;
  }
  return { text: kept.join('\n'), annotations };
}

interface Block {
  kind: 'triggers' | 'ok' | 'fixed';
  /** Diagnostics marked under the lines (triggers blocks). */
  annotations: Annotation[];
  /** Exact number of this rule's diagnostics expected (triggers=N). */
  count?: number;
  text: string;
  /** 1-based line of the opening fence in the docs page. */
  line: number;
  /** For a fixed block: the triggers block it follows. */
  source?: Block;
  /** Options for the rule (`fixed {"fixUnchecked": true}`): the fixes are applied with them. */
  options?: Record<string, unknown>;
}

/** The ```wikitext blocks of a page, with fixed blocks tied to the triggers block right before them. */
function parseBlocks(md: string): Block[] {
  const lines = md.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^```wikitext(?:\s+(.*))?$/.exec(lines[i]);
    if (!m) {
      if (/^```/.test(lines[i])) {
        // skip other fenced blocks whole (they may contain lines that look like fences)
        const fence = /^(`{3,})/.exec(lines[i])![1];
        for (i++; i < lines.length && !lines[i].startsWith(fence); i++);
      }
      continue;
    }
    const info = (m[1] ?? '').trim();
    const im = /^(triggers|ok|fixed)(?:=(\d+))?(?:\s+(\{.*\}))?$/.exec(info);
    assert.ok(im, `line ${i + 1}: unknown wikitext block info string "${info}" (expected triggers, triggers=N, ok or fixed)`);
    const start = i + 1;
    let j = start;
    while (j < lines.length && lines[j] !== '```') j++;
    assert.ok(j < lines.length, `line ${i + 1}: unterminated code block`);
    const kind = im[1] as Block['kind'];
    const raw = lines.slice(start, j).join('\n');
    const { text, annotations } = kind === 'triggers' ? parseAnnotations(raw) : { text: raw, annotations: [] };
    const block: Block = { kind, text, annotations, line: i + 1 };
    if (im[3] !== undefined) block.options = JSON.parse(im[3]) as Record<string, unknown>;
    if (im[2] !== undefined) {
      assert.equal(block.kind, 'triggers', `line ${i + 1}: only triggers blocks take a count`);
      block.count = Number(im[2]);
    }
    if (block.kind === 'fixed') {
      const prev = blocks[blocks.length - 1];
      assert.ok(prev && prev.kind === 'triggers', `line ${i + 1}: a fixed block must come right after a triggers block`);
      // "right after": only prose (an attribution line, say) may separate them, no other example
      block.source = prev;
    }
    blocks.push(block);
    i = j;
  }
  return blocks;
}

/** The level-2 headings of a page. */
function sections(md: string): string[] {
  return md.split('\n').filter((l) => /^## /.test(l)).map((l) => l.slice(3).trim());
}

function checkRanges(text: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    assert.ok(0 <= d.start && d.start <= d.end && d.end <= text.length, `${d.rule}: range ${d.start}-${d.end} outside the text (length ${text.length})`);
    for (const f of d.fixes) {
      for (const e of f.edits) {
        assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${d.rule}: fix "${f.title}" edit ${e.start}-${e.end} outside the text (length ${text.length})`);
      }
    }
  }
}

function describe(ds: Diagnostic[]): string {
  return ds.map((d) => `  ${d.rule} ${d.start}-${d.end}: ${d.message}`).join('\n') || '  (none)';
}

for (const rule of rules) {
  test(rule.id, async (t) => {
    const file = join(docsDir, `${rule.id}.md`);
    assert.ok(existsSync(file), `docs/rules/${rule.id}.md is missing`);
    const md = readFileSync(file, 'utf8');
    assert.match(md.split('\n')[0], new RegExp(`^# \`?${rule.id}\`?\\s*$`), 'the page starts with "# <rule id>"');
    const summary = md.split('\n').slice(1).find((l) => l.trim() !== '');
    assert.ok(summary && !summary.startsWith('#'), 'a one-line summary follows the title');
    const heads = sections(md);
    for (const s of REQUIRED_SECTIONS) assert.ok(heads.some((h) => h.startsWith(s)), `section "## ${s}" is missing (found: ${heads.join(', ')})`);
    const wikipediaSection = md.split(/^## /m).find((s) => s.startsWith('What Wikipedia does')) ?? '';
    if (rule.wikipedia === null) {
      assert.match(wikipediaSection, /beyond Wikipedia|not a Wikipedia/i, 'a rule with wikipedia: null says plainly that Wikipedia does not check this');
    } else {
      const key = /[A-Za-z_]+_[A-Za-z_]+|#\d+/.exec(rule.wikipedia)?.[0];
      if (key) assert.ok(wikipediaSection.includes(key), `"What Wikipedia does" names ${key}`);
    }

    const blocks = parseBlocks(md);
    const links = linksOf(md);
    assert.ok(blocks.some((b) => b.kind === 'triggers'), 'at least one ```wikitext triggers example');
    assert.ok(blocks.some((b) => b.kind === 'ok'), 'at least one ```wikitext ok example');

    for (const b of blocks) {
      const known = KNOWN_BUGS.find((k) => k.rule === rule.id && k.kind === b.kind && (b.kind === 'fixed' ? b.source!.text : b.text).includes(k.match));
      const name = `${b.kind}${b.count !== undefined ? `=${b.count}` : ''} example at ${rule.id}.md:${b.line}`;
      await t.test(name, known ? { todo: known.todo } : {}, () => {
        if (b.kind === 'fixed') {
          const config = b.options ? { rules: { [rule.id]: { setting: rule.defaultSeverity, options: b.options } } } : undefined;
          const out = fixAll(b.source!.text, { today, links, config }, rule.id).text;
          assert.equal(out, b.text, `the fixes of ${rule.id} give another text than the fixed block`);
          return;
        }
        const { diagnostics, ruleErrors } = lint(b.text, { today, links });
        assert.deepEqual(ruleErrors, [], 'no rule throws');
        checkRanges(b.text, diagnostics);
        const mine = diagnostics.filter((d) => d.rule === rule.id);
        if (b.kind === 'ok') {
          assert.equal(mine.length, 0, `expected no ${rule.id} diagnostics, got:\n${describe(mine)}`);
        } else if (b.annotations.length) {
          const got = mine.map((d) => ({ start: d.start, end: d.end, message: d.message }));
          for (const want of b.annotations) {
            const prefix = want.message.endsWith('...') ? want.message.slice(0, -3) : null;
            const hit = got.find((d) => d.start === want.start && d.end === want.end && (prefix !== null ? d.message.startsWith(prefix) : d.message === want.message));
            assert.ok(hit, `expected ${rule.id} at ${want.start}-${want.end} "${b.text.slice(want.start, want.end)}": ${want.message}\ngot:\n${describe(mine)}`);
          }
          assert.equal(mine.length, b.annotations.length, `expected exactly the ${b.annotations.length} annotated ${rule.id} diagnostics, got:\n${describe(mine)}`);
          if (b.count !== undefined) assert.equal(mine.length, b.count, 'the count agrees with the annotations');
        } else if (b.count !== undefined) {
          assert.equal(mine.length, b.count, `expected ${b.count} ${rule.id} diagnostics, got:\n${describe(mine)}`);
        } else {
          assert.ok(mine.length > 0, `expected ${rule.id} diagnostics, got:\n${describe(diagnostics)}`);
        }
      });
    }
  });
}

test('docs/rules/README.md lists exactly the registered rules', () => {
  const file = join(docsDir, 'README.md');
  assert.ok(existsSync(file), 'docs/rules/README.md is missing');
  const md = readFileSync(file, 'utf8');
  const listed: string[] = [];
  for (const line of md.split('\n')) {
    const m = /^\|\s*\[`?([a-z0-9-]+)`?\]\(\.?\/?([a-z0-9-]+)\.md\)/.exec(line);
    if (!m) continue;
    assert.equal(m[1], m[2], `README row for ${m[1]} links to ${m[2]}.md`);
    listed.push(m[1]);
  }
  const registry = rules.map((r) => r.id);
  const dupes = listed.filter((id, i) => listed.indexOf(id) !== i);
  assert.deepEqual(dupes, [], 'no rule is listed twice');
  assert.deepEqual(registry.filter((id) => !listed.includes(id)), [], 'rules missing from the README table');
  assert.deepEqual(listed.filter((id) => !registry.includes(id)), [], 'README rows that are not registered rules');
});

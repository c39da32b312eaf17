/**
 * Message ids (issue 10): every rule declares its messages once (`messages: { id: 'template {{placeholder}}' }`,
 * as ESLint's meta.messages) and reports with `messageId` + `data`; the diagnostic carries the rendered message
 * and the id. These tests check that every report names a declared id, that every declared id is used by the
 * rule's code, and how templates are filled.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules, ruleById } from '../../server/src/core/rules';
import { lint } from '../../server/src/core/lint/lint';
import { renderMessage } from '../../server/src/core/lint/types';

const root = join(__dirname, '..', '..');
const rulesDir = join(root, 'server/src/core/rules');
const today = { year: 2026, month: 11, day: 28 };

test('renderMessage fills {{name}} placeholders once, keeps wikitext braces and unknown placeholders', () => {
  assert.equal(renderMessage('|{{param}}= in {{{{template}}}}', { param: 'titel', template: 'cite web' }), '|titel= in {{cite web}}');
  assert.equal(renderMessage('add {{reflist|group={{group}}}}', { group: 'n' }), 'add {{reflist|group=n}}');
  assert.equal(renderMessage('{{a}} and {{b}}', { a: '{{b}}' }), '{{b}} and {{b}}', 'data is not scanned again');
  assert.equal(renderMessage('{{count}} refs', { count: 3 }), '3 refs');
  assert.equal(renderMessage('tagged {{dead link}}', {}), 'tagged {{dead link}}');
});

test('every rule declares its messages, and its code uses each declared id', () => {
  for (const r of rules) {
    const ids = Object.keys(r.messages ?? {});
    assert.ok(ids.length > 0, `${r.id} declares no messages`);
    let code = readFileSync(join(rulesDir, `${r.id}.ts`), 'utf8');
    // rules made by a shared factory report from the factory's file
    for (const f of readdirSync(join(rulesDir, 'shared'))) {
      const name = f.replace(/\.ts$/, '');
      if (new RegExp(`from './shared/${name}'`).test(code) && /Rule\(/.test(code)) code += readFileSync(join(rulesDir, 'shared', f), 'utf8');
    }
    const withoutDeclarations = code.replace(/messages: \{[^]*?\n\s*\},/g, '');
    for (const id of ids) {
      assert.ok(withoutDeclarations.includes(`'${id}'`), `${r.id}: message id "${id}" is declared but never reported`);
      for (const m of r.messages![id].matchAll(/\{\{\s*([A-Za-z_]\w*)\s*\}\}/g)) {
        // a placeholder is filled from data: the code names the key (as a property or a shorthand)
        assert.ok(new RegExp(`\\b${m[1]}\\b`).test(withoutDeclarations), `${r.id}: "${id}" has {{${m[1]}}} but the rule never gives it`);
      }
    }
  }
});

test('every diagnostic on the docs examples (and the corpus when present) names a declared message id', () => {
  const texts = readdirSync(join(root, 'docs/rules')).map((f) => readFileSync(join(root, 'docs/rules', f), 'utf8').split('\n').filter((l) => !/^\s*\^+\s+\S/.test(l)).join('\n'));
  const corpus = join(root, '..', 'shared', 'corpus', 'articles');
  if (existsSync(corpus)) for (const f of readdirSync(corpus).filter((n) => n.endsWith('.wiki')).slice(0, 120)) texts.push(readFileSync(join(corpus, f), 'utf8'));
  else console.log('# ../shared/corpus absent: docs examples only');
  const seen = new Map<string, Set<string>>();
  for (const text of texts) {
    const r = lint(text, { today });
    assert.deepEqual(r.ruleErrors, [], 'no rule threw (an undeclared messageId throws)');
    for (const d of r.diagnostics) {
      const rule = ruleById.get(d.rule);
      if (!rule) continue; // directive problems are not rules
      assert.ok(d.messageId && rule.messages?.[d.messageId] !== undefined, `${d.rule}: "${d.message}" has no declared messageId`);
      if (!seen.has(d.rule)) seen.set(d.rule, new Set());
      seen.get(d.rule)!.add(d.messageId!);
    }
  }
  assert.ok(seen.size > 30, `diagnostics of ${seen.size} rules seen`);
});

test('an undeclared messageId is a rule error, never a crash', () => {
  const rule = rules.find((r) => r.id === 'ref-unclosed')!;
  const check = rule.check;
  rule.check = (ctx) => ctx.report({ start: 0, end: 1, messageId: 'no-such-id' });
  try {
    const r = lint('<ref>x', { today });
    assert.equal(r.ruleErrors.length, 1);
    assert.match(r.ruleErrors[0].error, /undeclared messageId "no-such-id"/);
  } finally {
    rule.check = check;
  }
});

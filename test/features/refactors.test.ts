import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/core/analysis';
import { refactors } from '../helpers/lspFeatures';
import type { LintOptions } from '../../server/src/core/lint/lint';
import { applyEdits, withCursor } from '../helpers/cursor';

const today = { year: 2026, month: 11, day: 28 };
const uri = 'file:///a.wiki';

/** The refactorings at the marker: title → text after applying its edits. */
function rewrite(marked: string, options: LintOptions = { today }, only?: string[]): Record<string, string> {
  const { text, offset } = withCursor(marked);
  const a = analyse(text, options);
  const out: Record<string, string> = {};
  for (const action of refactors(a, uri, offset, offset, options, only)) {
    assert.equal(action.kind, 'refactor.rewrite');
    out[action.title] = applyEdits(a.lines, action.edit!.changes![uri]);
  }
  return out;
}

test('bare URL ref to {{cite web}}: title from the bracketed text, access-date in the page format', () => {
  assert.deepEqual(rewrite('x<ref>‸http://x.org/page</ref>'), {
    'Convert bare URL to {{cite web}}': 'x<ref>{{cite web |url=http://x.org/page |title=<!-- Title --> |access-date=2026-11-28}}</ref>',
  });
  assert.deepEqual(rewrite('{{Use dmy dates}}\nx<ref name="a"> [http://x.org/page The a|b Page] ‸</ref>'), {
    'Convert bare URL to {{cite web}}': '{{Use dmy dates}}\nx<ref name="a"> {{cite web |url=http://x.org/page |title=The a{{!}}b Page |access-date=28 November 2026}} </ref>',
  });
  assert.deepEqual(rewrite('<ref>[https://x.org/p]‸</ref>', { today, config: { rules: {}, dateFormat: 'mdy' } }), {
    'Convert bare URL to {{cite web}}': '<ref>{{cite web |url=https://x.org/p |title=<!-- Title --> |access-date=November 28, 2026}}</ref>',
  });
});

test('not a bare URL: text around the link, a citation, the cursor elsewhere, or another kind asked', () => {
  assert.deepEqual(rewrite('<ref>‸[http://x.org/p Title], 2010</ref>'), {});
  assert.deepEqual(rewrite('<ref>‸{{cite web|url=http://x.org|title=T}}</ref>'), {});
  assert.deepEqual(rewrite('‸text <ref>http://x.org/page</ref>'), {});
  assert.deepEqual(rewrite('<ref>‸http://x.org/page</ref>', { today }, ['quickfix']), {});
  assert.equal(Object.keys(rewrite('<ref>‸http://x.org/page</ref>', { today }, ['refactor'])).length, 1);
});

test('name an unnamed ref whose content repeats, and reuse it', () => {
  const cite = '{{cite web|url=http://www.example.com/a|title=A|last=Smith|date=2019}}';
  assert.deepEqual(rewrite(`a<ref>${cite}</ref> b<ref>‸ ${cite} </ref> c<ref>${cite}</ref> d<ref>other</ref>`), {
    'Name this ref "Smith2019" and reuse it (2 copies)': `a<ref name="Smith2019">${cite}</ref> b<ref name="Smith2019" /> c<ref name="Smith2019" /> d<ref>other</ref>`,
    'Turn all 2 reusable duplicate refs into reuses': `a<ref name="Smith2019">${cite}</ref> b<ref name="Smith2019" /> c<ref name="Smith2019" /> d<ref>other</ref>`,
  });
  // a name already taken in the group gets a suffix; the group is kept
  assert.deepEqual(rewrite('<ref name="example" group="n">x</ref><ref group="n">http://example.org/</ref><ref group="n">‸http://example.org/</ref>'), {
    'Convert bare URL to {{cite web}}': '<ref name="example" group="n">x</ref><ref group="n">http://example.org/</ref><ref group="n">{{cite web |url=http://example.org/ |title=<!-- Title --> |access-date=2026-11-28}}</ref>',
    'Name this ref "example-2" and reuse it (1 copy)': '<ref name="example" group="n">x</ref><ref group="n" name="example-2">http://example.org/</ref><ref name="example-2" group="n" />',
    'Turn all 1 reusable duplicate ref into reuses': '<ref name="example" group="n">x</ref><ref group="n" name="example-2">http://example.org/</ref><ref name="example-2" group="n" />',
  });
});

test('all reusable duplicates: later identical definitions of a name, unnamed copies of a named ref, identical unnamed refs', () => {
  const text = '<ref name="a">A</ref> <ref name="a">A</ref> <ref name="a">changed</ref> <ref>A</ref> <ref>B</ref> <ref>B</ref> <ref>C</ref>‸';
  assert.deepEqual(rewrite(text), {
    'Turn all 3 reusable duplicate refs into reuses': '<ref name="a">A</ref> <ref name="a" /> <ref name="a">changed</ref> <ref name="a" /> <ref name="ref">B</ref> <ref name="ref" /> <ref>C</ref>',
  });
  // list-defined and nested refs are never replaced
  assert.deepEqual(rewrite('<ref name="a">A</ref>‸\n<references>\n<ref name="a">A</ref>\n</references>'), {});
});

test('Kazakhstan corpus: offers nothing on a unique citation ref, and applies cleanly', () => {
  const text = readFileSync(join(__dirname, '../fixtures/corpus/Kazakhstan__Government_and_politics.wiki'), 'utf8');
  const a = analyse(text, { today });
  const at = text.indexOf('<ref name="tokayev-wins">') + 3;
  const actions = refactors(a, uri, at, at, { today });
  for (const action of actions) {
    const after = applyEdits(a.lines, action.edit!.changes![uri]);
    assert.equal(analyse(after, { today }).model.refs.length, a.model.refs.length);
  }
  assert.ok(!actions.some((x) => x.title.startsWith('Convert') || x.title.startsWith('Name')));
});

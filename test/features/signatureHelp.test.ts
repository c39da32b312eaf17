import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/analysis';
import { signatureHelp } from '../helpers/lspFeatures';
import { withCursor } from '../helpers/cursor';

const today = { year: 2026, month: 11, day: 28 };

function help(marked: string) {
  const { text, offset } = withCursor(marked);
  return signatureHelp(analyse(text, { today }), offset);
}

/** The active parameter's label text, or null. */
function active(marked: string): string | null {
  const h = help(marked);
  if (!h || h.activeParameter === null || h.activeParameter === undefined) return null;
  const sig = h.signatures[0];
  const [s, e] = sig.parameters![h.activeParameter].label as [number, number];
  return sig.label.slice(s, e);
}

test('the usual parameters of cite web as the signature', () => {
  const h = help('{{cite web|url=‸x}}')!;
  assert.equal(h.signatures[0].label, '{{cite web |url= |title= |last= |first= |date= |website= |publisher= |access-date= |archive-url= |archive-date= |url-status=}}');
  assert.equal(h.signatures[0].documentation, 'Cites a web page that is not better described by another template.');
  assert.deepEqual(h.signatures[0].parameters![0], { label: [12, 16], documentation: 'Online location of the text: a valid http(s) or protocol-relative URL with no spaces.' });
  assert.equal(h.activeParameter, 0);
});

test('the active parameter follows the cursor, through aliases, in unclosed citations too', () => {
  assert.equal(active('<ref>{{cite web|url=x|title=T|accessdate=‸'), 'access-date=');
  assert.equal(active('{{cite news|url=x|news‸paper=The Times}}'), 'work=');
  assert.equal(active('{{cite web |url=x |ti‸'), 'title=');
  assert.equal(active('{{cite book|title=T|author=‸}}'), 'last=');
});

test('a parameter outside the usual ones is added to the signature and made active', () => {
  const h = help('{{cite web|url=x|via=‸}}')!;
  assert.ok(h.signatures[0].label.endsWith(' |url-status= |via=}}'));
  assert.equal(active('{{cite web|url=x|via=‸}}'), 'via=');
});

test('no active parameter on the name or an unknown parameter; null outside citations', () => {
  assert.equal(help('{{cite w‸eb|url=x}}')!.activeParameter, null);
  assert.equal(help('{{cite web|zzz=‸}}')!.activeParameter, null);
  assert.equal(help('{{Infobox|name=‸}}'), null);
  assert.equal(help('text ‸'), null);
});

/**
 * The language server (the real server over stdio) gives completion, signature help and hover the citation profile it
 * lints with: with `wikitext.citationProfile` naming a German profile, `{{` offers `Internetquelle` with a snippet of
 * its German parameter names, signature help in it shows them, and hover on a local `{{Sfn|...|name=x}}` names ref x
 * and counts its reuses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openWithProfile } from '../helpers/profileWorkspace';

const PROFILE = {
  site: 'de.wikipedia.org', lang: 'de', provenance: ['test fixture'],
  templates: { Internetquelle: 'cite web' }, parameters: {},
  templateParameters: { Internetquelle: { url: 'url', titel: 'title', datum: 'date', abruf: 'access-date' } },
  refTemplates: { Sfn: { like: 'sfn', parameters: { name: 'name' } } },
  dates: {
    months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    formats: ['D. MMMM YYYY'],
  },
};
const TEXT = [
  'Berlin.<ref>{{Internetquelle |url=https://www.berlin.de/ |titel=Berlin |abruf=}}</ref>',
  'Mitte.{{Sfn|Schmidt|2006|S=25|name=sm}} Tor.<ref name="sm" />',
  'Neu.<ref>{{Inter}}</ref>',
  '<references />',
  '',
].join('\n');

test('completion, signature help and hover use the citation profile the server lints with', { timeout: 30_000 }, async () => {
  const { s, uri } = await openWithProfile(PROFILE, TEXT, 'wikitext-lint-localtemplates-');
  try {
    const lines = TEXT.split('\n');
    const at = (line: number, needle: string, delta = 0) => ({ line, character: lines[line].indexOf(needle) + delta });

    // completion after {{ (closed by the editor): Internetquelle first, its German parameter names, no second }}
    const c = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(2, '{{Inter', 7) })) as { items: { label: string; sortText?: string; textEdit?: { newText: string } }[] };
    const iq = c.items.find((i) => i.label === 'Internetquelle');
    assert.ok(iq, JSON.stringify(c.items.map((i) => i.label)));
    assert.ok(!c.items.some((i) => (i.sortText ?? i.label) < iq.sortText!), 'the local template sorts first');
    assert.match(iq.textEdit!.newText, /^Internetquelle \|titel=\$\{1\} \|url=\$\{2\} \|datum=\$\{3\} \|abruf=\$\{4:\d{1,2}\. [A-Za-zä]+ \d{4}\}\$0$/);

    // signature help inside {{Internetquelle}}: German names, the one under the cursor active
    const h = (await s.connection.sendRequest('textDocument/signatureHelp', { textDocument: { uri }, position: at(0, 'abruf=', 6) })) as { signatures: { label: string; parameters: { label: [number, number]; documentation?: string }[] }[]; activeParameter: number };
    assert.equal(h.signatures[0].label, '{{Internetquelle |titel= |url= |datum= |abruf=}}');
    const active = h.signatures[0].parameters[h.activeParameter];
    assert.equal(h.signatures[0].label.slice(...active.label), 'abruf=');
    assert.match(active.documentation!, /^CS1 access-date: /);

    // hover on the local {{Sfn|...|name=sm}}: it makes ref "sm", used twice
    const hv = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(1, 'Schmidt', 2) })) as { contents: { value: string } };
    assert.match(hv.contents.value, /Makes the ref "sm" \(named by its `name=` on this wiki\)\.\n\nUsed 2 times on this page \(1 call, 1 `<ref name=\.\.\. \/>` tag\): one footnote, reused 1 time\./);
  } finally {
    await s.stop();
  }
});

/**
 * The language server (the real server over stdio) gives hover and completion the citation profile it lints with:
 * with `wikitext.citationProfile` naming a German profile, a German date in {{Internetquelle}} is shown as written
 * and `|abruf=` is offered today's date as dewiki writes it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openWithProfile } from '../helpers/profileWorkspace';

const PROFILE = {
  site: 'de.wikipedia.org', lang: 'de', provenance: ['test fixture'],
  templates: { Internetquelle: 'cite web' }, parameters: {},
  templateParameters: { Internetquelle: { url: 'url', titel: 'title', datum: 'date', abruf: 'access-date' } },
  dates: {
    months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    formats: ['D. MMMM YYYY', 'DD.MM.YYYY'],
  },
};
const TEXT = 'Berlin.<ref>{{Internetquelle |url=https://www.berlin.de/ |titel=Berlin |datum=19. Mai 2020 |abruf=}}</ref>\n<references />\n';

test('hover and completion use the citation profile the server lints with', { timeout: 30_000 }, async () => {
  const { s, uri } = await openWithProfile(PROFILE, TEXT, 'wikitext-lint-localdates-');
  try {
    const diags = (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code: string }[] };
    assert.ok(!diags.items.some((d) => d.code === 'cite-bad-date'), JSON.stringify(diags.items));
    const at = (needle: string, delta = 0) => ({ line: 0, character: TEXT.indexOf(needle) + delta });
    const h = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at('19. Mai', 4) })) as { contents: { value: string } };
    assert.equal(h.contents.value, "**19. Mai 2020**: 19 May 2020 (a full date)\n\nWritten in this wiki's format `D. MMMM YYYY`.");
    const c = (await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at('abruf=', 6) })) as { items: { label: string }[] };
    const today = new Date();
    const months = PROFILE.dates.months;
    // the server takes today from the clock: either side of midnight UTC
    const labels = [0, -1].map((d) => { const t = new Date(today.getTime() + d * 86_400_000); return `${t.getUTCDate()}. ${months[t.getUTCMonth()]} ${t.getUTCFullYear()}`; });
    assert.equal(c.items.length, 1);
    assert.ok(labels.includes(c.items[0].label), `${c.items[0].label} not in ${labels}`);
  } finally {
    await s.stop();
  }
});

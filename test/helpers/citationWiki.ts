/**
 * The citation-template fixtures of a language (test/fixtures/wiki/<lang>/*.wiki; German by default:
 * Vorlage:Internetquelle with TemplateData, its redirect Vorlage:Webquelle, Vorlage:Literatur, a CS1-style
 * Vorlage:Cite web with a German alias, the reference list Vorlage:Einzelnachweise and its redirect Vorlage:Belege)
 * written into a test wiki through the API, as the admin's bot password: the file name without `.wiki` is the title.
 * (`scripts/test-wiki.sh start --fixtures DIR` imports the same files without the API.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WikiClient, WikiSession, editPage } from '../../server/src/wiki';
import type { TestWiki } from './testWiki';

export const CITATION_FIXTURES_ROOT = resolve(__dirname, '../fixtures/wiki');
export const CITATION_FIXTURES = join(CITATION_FIXTURES_ROOT, 'de');

export async function importCitationFixtures(wiki: TestWiki, lang = 'de'): Promise<WikiSession> {
  const dir = join(CITATION_FIXTURES_ROOT, lang);
  const s = new WikiSession(await WikiClient.connect(wiki.api, { backoffMs: 20 }));
  await s.loginBotPassword(wiki.bot.user, wiki.bot.password);
  // redirects last, so their targets exist (not needed by MediaWiki, but the order reads better in the history)
  const files = readdirSync(dir).filter((f) => f.endsWith('.wiki'));
  const text = (f: string) => readFileSync(join(dir, f), 'utf8');
  const isRedirect = (f: string) => Number(/^#[^\s[]+\s*\[\[/.test(text(f)));
  files.sort((a, b) => isRedirect(a) - isRedirect(b) || a.localeCompare(b));
  for (const f of files) await editPage(s, { title: f.slice(0, -'.wiki'.length).replace(/%2F/g, '/'), text: text(f), summary: 'test fixture', create: true });
  return s;
}

/**
 * The German citation-template fixtures (test/fixtures/wiki-de/*.wiki: Vorlage:Internetquelle with TemplateData,
 * its redirect Vorlage:Webquelle, Vorlage:Literatur, a CS1-style Vorlage:Cite web with a German alias, the
 * reference list Vorlage:Einzelnachweise and its redirect Vorlage:Belege) written into a test wiki through the API,
 * as the admin's bot password: the file name without `.wiki` is the title.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WikiClient, WikiSession, editPage } from '../../server/src/wiki';
import type { TestWiki } from './testWiki';

export const CITATION_FIXTURES = resolve(__dirname, '../fixtures/wiki-de');

export async function importCitationFixtures(wiki: TestWiki): Promise<WikiSession> {
  const s = new WikiSession(await WikiClient.connect(wiki.api, { backoffMs: 20 }));
  await s.loginBotPassword(wiki.bot.user, wiki.bot.password);
  // redirects last, so their targets exist (not needed by MediaWiki, but the order reads better in the history)
  const files = readdirSync(CITATION_FIXTURES).filter((f) => f.endsWith('.wiki'));
  const text = (f: string) => readFileSync(join(CITATION_FIXTURES, f), 'utf8');
  files.sort((a, b) => Number(/^#WEITERLEITUNG/.test(text(a))) - Number(/^#WEITERLEITUNG/.test(text(b))) || a.localeCompare(b));
  for (const f of files) await editPage(s, { title: f.slice(0, -'.wiki'.length), text: text(f), summary: 'test fixture', create: true });
  return s;
}

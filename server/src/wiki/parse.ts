/**
 * Rendering wikitext with the wiki itself (`action=parse`), for the editor's preview: the text as it would be
 * saved (`pst`), without section edit links, with the page's title so `{{PAGENAME}}` and relative links work.
 */
import { WikiClient } from './client';

export interface ParseResult {
  /** The rendered HTML of the content (no skin). */
  html: string;
  displaytitle: string;
  /** Parser warnings (e.g. template loops, expensive function calls), as text. */
  warnings: string[];
  /** ResourceLoader modules the page wants (styles only are ever loaded by the preview). */
  modules: string[];
  modulestyles: string[];
  jsconfigvars: Record<string, unknown>;
}

export async function parseWikitext(client: WikiClient, title: string, text: string, options: { section?: number } = {}): Promise<ParseResult> {
  const r = await client.post({
    action: 'parse',
    title,
    text,
    pst: true,
    contentmodel: 'wikitext',
    disableeditsection: true,
    disablelimitreport: true,
    prop: ['text', 'displaytitle', 'parsewarnings', 'modules', 'jsconfigvars'],
    // a section is parsed on its own: MediaWiki has no "render only section N of this text"
    sectionpreview: options.section !== undefined ? true : undefined,
  }, { page: title });
  const p = r?.parse ?? {};
  return {
    html: typeof p.text === 'string' ? p.text : String(p.text?.['*'] ?? ''),
    displaytitle: String(p.displaytitle ?? title),
    warnings: (p.parsewarnings ?? []).map((w: unknown) => (typeof w === 'string' ? w : String((w as { '*'?: string })['*'] ?? ''))),
    modules: p.modules ?? [],
    modulestyles: p.modulestyles ?? [],
    jsconfigvars: p.jsconfigvars ?? {},
  };
}

/**
 * Which wiki a text belongs to, guessed from its own links: `[[Datei:`, `[[Kategorie:`, `[[Категорія:` are
 * namespace names only one language's wiki (or a few) gives the File and Category namespaces. The names come
 * from MediaWiki's language files (`server/data/namespace-languages.json`, made by
 * scripts/gen-namespace-languages.mjs). Pure: the parsed model in, a guess out.
 */
import data from '../../data/namespace-languages.json';
import type { DocumentModel } from './model';

export interface PageLanguageGuess {
  /** Content language code (`de`). */
  lang: string;
  /** The Wikipedia of that language (`de.wikipedia.org`). */
  wiki: string;
  /** The localized namespace prefixes seen, as written, with how often. */
  names: { name: string; count: number }[];
  /** Links with a localized File/Category prefix of that language, and links with the English ones. */
  localLinks: number;
  englishLinks: number;
  /** The first such link (where the note is shown). */
  start: number;
  end: number;
}

interface Candidate { lang: string; main: boolean }

const index = new Map<string, Candidate[]>();
const ENGLISH = new Set(['file', 'image', 'media', 'category']);
for (const [lang, ns] of Object.entries(data.languages as Record<string, { file?: string[]; category?: string[] }>)) {
  if (!/^[a-z]{2,3}$/.test(lang)) continue; // variants (de-formal, sr-ec...) share their base language's wiki
  for (const list of [ns.file ?? [], ns.category ?? []]) {
    list.forEach((name, i) => {
      const key = name.toLowerCase();
      if (ENGLISH.has(key)) return;
      const c = index.get(key) ?? [];
      if (!c.some((x) => x.lang === lang)) c.push({ lang, main: i === 0 });
      index.set(key, c);
    });
  }
}
const preference = new Map<string, number>((data.preference as string[]).map((l, i) => [l, i]));

/**
 * The likely wiki of a text whose File/Category links use another language's namespace names more often than
 * the English ones; null when they do not (English text, or no such links).
 */
export function guessPageLanguage(model: DocumentModel): PageLanguageGuess | null {
  const score = new Map<string, number>();
  const seen: { key: string; name: string; start: number; end: number }[] = [];
  let englishLinks = 0;
  for (const w of model.wikilinks) {
    // the built-in tables know many localized names too (kind file/category), so the prefix decides
    if (w.kind === 'interwiki' || w.target.startsWith(':')) continue;
    const colon = w.target.indexOf(':');
    if (colon <= 0 || colon > 40) continue;
    const name = w.target.slice(0, colon).trim();
    const key = name.toLowerCase();
    if (ENGLISH.has(key)) {
      englishLinks++;
      continue;
    }
    const cands = index.get(key);
    if (!cands) continue;
    seen.push({ key, name, start: w.start, end: w.end });
    for (const c of cands) score.set(c.lang, (score.get(c.lang) ?? 0) + (c.main ? 2 : 1));
  }
  if (!seen.length) return null;
  const rank = (l: string) => preference.get(l) ?? preference.size;
  const lang = [...score].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1))[0][0];
  const mine = seen.filter((s) => index.get(s.key)!.some((c) => c.lang === lang));
  if (mine.length <= englishLinks) return null;
  const counts = new Map<string, number>();
  for (const s of mine) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  return {
    lang,
    wiki: `${lang}.wikipedia.org`,
    names: [...counts].map(([name, count]) => ({ name, count })),
    localLinks: mine.length,
    englishLinks,
    start: mine[0].start,
    end: mine[0].end,
  };
}

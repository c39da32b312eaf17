/**
 * Which wiki a text belongs to, guessed from its own links: `[[Datei:`, `[[Kategorie:`, `[[Категорія:` are
 * namespace names only one language's wiki (or a few) gives the File and Category namespaces. The names come
 * from MediaWiki's language files (`server/data/namespace-languages.json`, made by
 * scripts/gen-namespace-languages.mjs). Pure: the parsed model in, a guess out.
 */
import data from '../../data/namespace-languages.json';
import type { DocumentModel } from './model';

export interface PageLanguageGuess {
  /** Content language code (`de`); null when the names seen are shared by several languages' wikis (see `candidates`). */
  lang: string | null;
  /** The Wikipedia of that language (`de.wikipedia.org`); null when ambiguous. */
  wiki: string | null;
  /**
   * Every language whose wiki the names fit equally well (one entry when `lang` is set), largest wiki first:
   * `[[Kategori:` alone fits nn, nb, sv and da, `[[Kategorie:` alone de, cs and af.
   */
  candidates: { lang: string; wiki: string }[];
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
/** Lower-cased local names of the Category namespace (any language). */
const categoryNames = new Set<string>();
const ENGLISH = new Set(['file', 'image', 'media', 'category']);
for (const [lang, ns] of Object.entries(data.languages as Record<string, { file?: string[]; category?: string[] }>)) {
  if (!/^[a-z]{2,3}$/.test(lang)) continue; // variants (de-formal, sr-ec...) share their base language's wiki
  for (const list of [ns.file ?? [], ns.category ?? []]) {
    list.forEach((name, i) => {
      const key = name.toLowerCase();
      if (ENGLISH.has(key)) return;
      if (list === ns.category) categoryNames.add(key);
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
  let englishLinks = 0, englishCategories = 0;
  for (const w of model.wikilinks) {
    // the built-in tables know many localized names too (kind file/category), so the prefix decides
    if (w.kind === 'interwiki' || w.target.startsWith(':')) continue;
    const colon = w.target.indexOf(':');
    if (colon <= 0 || colon > 40) continue;
    const name = w.target.slice(0, colon).trim();
    const key = name.toLowerCase();
    if (ENGLISH.has(key)) {
      englishLinks++;
      if (key === 'category') englishCategories++;
      continue;
    }
    const cands = index.get(key);
    if (!cands) continue;
    seen.push({ key, name, start: w.start, end: w.end });
    // a language's own (first) name counts twice its aliases: `Категория:` is Russian's and Bulgarian's name, an alias in Ukrainian
    for (const c of cands) score.set(c.lang, (score.get(c.lang) ?? 0) + (c.main ? 2 : 1));
  }
  if (!seen.length) return null;
  // a page's interlanguage links ([[sv:Statoil]]) name the other wikis: not its own
  for (const w of model.wikilinks) {
    if (w.kind !== 'interwiki') continue;
    const p = /^\s*([a-z]{2,3})\s*:/.exec(w.target)?.[1];
    if (p && score.size > 1) score.delete(p === 'no' ? 'nb' : p);
  }
  if (!score.size) return null;
  // the languages that explain the most of the local names seen; among them the wikis of some size (the
  // preference list): `Kategorie:` + `Lêer:` is af only, `Kategorie:` + `Datei:` is de (bar and ksh use
  // them too, but their wikis are small), `Kategorie:` alone is de, cs or af: several, so no single wiki is named
  const best = Math.max(...score.values());
  let tied = [...score].filter(([, n]) => n === best).map(([l]) => l);
  const major = tied.filter((l) => preference.has(wikiCode(l)));
  if (major.length) tied = major;
  const rank = (l: string) => preference.get(wikiCode(l)) ?? preference.size;
  tied.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const langs = new Set(tied);
  const mine = seen.filter((s) => index.get(s.key)!.some((c) => langs.has(c.lang)));
  // English File/Image links are valid on every wiki and common on all of them: only English category links
  // (which a local wiki's editors rarely write) outnumbering the local names make the text English
  const localCategories = mine.filter((s) => categoryNames.has(s.key)).length;
  if (localCategories ? localCategories <= englishCategories : mine.length <= englishLinks) return null;
  const counts = new Map<string, number>();
  for (const s of mine) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  const candidates = tied.map((l) => ({ lang: l, wiki: `${wikiCode(l)}.wikipedia.org` }));
  const one = candidates.length === 1 ? candidates[0] : null;
  return {
    lang: one?.lang ?? null,
    wiki: one?.wiki ?? null,
    candidates,
    names: [...counts].map(([name, count]) => ({ name, count })),
    localLinks: mine.length,
    englishLinks,
    start: mine[0].start,
    end: mine[0].end,
  };
}

/** The Wikipedia subdomain of a language code: Norwegian Bokmål's wiki is no.wikipedia.org. */
function wikiCode(lang: string): string {
  return lang === 'nb' ? 'no' : lang;
}

/**
 * A site profile: what the parser and rules must know about one wiki's syntax, as plain data. The built-in
 * profile is English Wikipedia's (`server/data/wikitext-syntax.json`, used offline and by default); other
 * profiles come from the wiki itself (`meta=siteinfo` and `meta=allmessages`, fetched by `server/src/wiki/`)
 * and are handed to the core as data. The core never fetches anything.
 */

/** One namespace: its local name, canonical (English) name and aliases, as the wiki spells them. */
export interface ProfileNamespace {
  id: number;
  name: string;
  canonical?: string;
  aliases: string[];
  case: 'first-letter' | 'case-sensitive';
}

/** One magic word: its id and the spellings the wiki accepts (localised ones included). */
export interface ProfileMagicWord {
  name: string;
  aliases: string[];
  caseSensitive: boolean;
}

export interface SiteProfile {
  /** The site's short name (`en.wikipedia.org`, `127.0.0.1:8080`). */
  site: string;
  /** True for the profile that ships with the tool (its syntax tables are today's English ones). */
  builtIn?: boolean;
  /** When it was read from the wiki (ISO 8601). */
  fetchedAt?: string;
  /** `MediaWiki 1.39.17`... */
  generator?: string;
  /** The content language code. */
  lang?: string;
  /** Case rule of page titles in the main namespace. */
  case?: 'first-letter' | 'case-sensitive';
  namespaces?: ProfileNamespace[];
  magicWords?: ProfileMagicWord[];
  /** Parser function hook ids (`if`, `lc`, `pagename`...). */
  functionHooks?: string[];
  /** Extension tag names, lower-case, without brackets (`ref`, `nowiki`...). */
  extensionTags?: string[];
  /** URL protocols as `$wgUrlProtocols` lists them (`https://`, `mailto:`, `//`). */
  protocols?: string[];
  /** Interwiki prefixes, lower-case. */
  interwiki?: string[];
  /** Interwiki prefixes that are interlanguage links. */
  languageLinks?: string[];
  /** Where the wiki's pages are: the URL before the title (`https://de.wikipedia.org/wiki/`; siteinfo's server + articlepath). */
  articleBase?: string;
  /** Month names in the content language: nominative, genitive and abbreviated, January first. */
  months?: { names: string[]; genitive: string[]; abbreviations: string[] };
}

/**
 * A citation profile: which of a wiki's own templates are CS1 citations and what its local parameter names
 * mean, as data (a JSON file given with `--profile`, or built from the wiki). With one, the English-only
 * citation rules run on that wiki's text and check its local templates (`{{Internetquelle|titel=|abruf=}}`).
 */
export interface CitationProfile {
  /** The wiki it describes (informational). */
  site?: string;
  lang?: string;
  /** When `wikitext-lint profile` built it (ISO 8601); absent for hand-written profiles. */
  builtAt?: string;
  /** Where each part came from (API URLs, the declarative map's file, a person): shown by `--print-config`. */
  provenance?: string[];
  /** Local citation template name (any case, spaces or underscores) → the English CS1 template it behaves as (`cite web`). */
  templates: Record<string, string>;
  /** Local parameter name (as written, case-sensitive) → CS1's canonical name (`titel` → `title`), for every local template. */
  parameters: Record<string, string>;
  /**
   * Per local citation template (its name as a key of `templates`): local parameter → CS1's canonical name, from the
   * template's TemplateData (`aliases` included). Wins over `parameters` for that template.
   */
  templateParameters?: Record<string, Record<string, string>>;
  /**
   * Per local citation template: its own parameters that CS1 has no name for (`titelerg`, `offline`), from its
   * TemplateData. Accepted and not checked by the CS1 rules (never "unknown parameter").
   */
  unmappedParameters?: Record<string, string[]>;
  /**
   * Per local citation template: positional values the wiki's template takes as flags, not as stray text (jawiki's
   * `{{Cite book|和書|...}}` switches to Japanese punctuation). Such a positional parameter is not reported.
   */
  positionalFlags?: Record<string, string[]>;
  /** Templates English Wikipedia treats as citations but this wiki does not (frwiki's `{{citation}}` is a quotation). */
  notCitations?: string[];
  /**
   * Local templates with a role for refs (reference lists, footnotes, shortened footnotes, ref reuse), each as the
   * English template it behaves like (a key of `server/data/ref-templates.json`: `reflist`, `efn`, `sfn`, `r`...) and
   * its local parameter names (`{"Références": {"like": "reflist", "parameters": {"groupe": "group"}}}`).
   */
  refTemplates?: Record<string, { like: string; parameters?: Record<string, string> }>;
  /**
   * Keyword values in the wiki's language: CS1 parameter (canonical name) → local keyword → the CS1 keyword it stands
   * for (`{"url-status": {"hư": "dead", "sống": "live"}}`). A wiki's Module:Citation/CS1/Configuration adds its own
   * words to the `keywords` table; its module accepts them besides the English ones, and so do the rules.
   */
  values?: Record<string, Record<string, string>>;
  /** Dates as this wiki's citation module accepts them. */
  dates?: CitationDates;
  /**
   * Rule id → on (true) or off (false) by default on this wiki. Policy rules (`languages` `en`, category `policy`)
   * are off on a non-English wiki unless its profile turns them on; the user's configuration still wins.
   */
  rules?: Record<string, boolean>;
}

/** How a wiki's citation module reads dates. Month arrays have twelve entries, January first. */
export interface CitationDates {
  /** False: the wiki's module does not validate dates, so no date rule runs there. Default true. */
  check?: boolean;
  /** Month names in the content language (nominative). */
  months?: string[];
  /** Genitive forms (`grudnia`, `դեկտեմբերի`), where the language has them. */
  genitive?: string[];
  /** Abbreviated month names. */
  abbreviations?: string[];
  /** The ten local digits, 0 to 9 (`০১২৩৪৫৬৭৮৯`); ASCII digits are always accepted too. */
  digits?: string;
  /**
   * Date forms the module accepts besides ISO `YYYY-MM-DD`, as patterns: `D` day, `DD` two-digit day, `M` month number,
   * `MM` two-digit month, `MMMM` month name, `MMMMG` genitive, `MMM` abbreviation, `YYYY` year; anything else is
   * literal text (`YYYY թ․ MMMMG D`, `YYYY年M月D日`, `D. MMMM YYYY`).
   */
  formats?: string[];
}

/** English Wikipedia as built in: the parser uses its own tables for it, exactly as before profiles existed. */
export const BUILTIN_PROFILE: SiteProfile = Object.freeze({ site: 'en.wikipedia.org', builtIn: true, lang: 'en', case: 'first-letter' as const });

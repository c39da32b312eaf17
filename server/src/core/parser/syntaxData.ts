import data from '../../../data/wikitext-syntax.json';
import type { SiteProfile } from '../profile';

/**
 * What the parser must know about the wiki: tags, protocols, magic words, namespaces. The built-in tables are
 * English Wikipedia's (`server/data/wikitext-syntax.json`); a site profile (see `core/profile.ts`) gives
 * another wiki's. `parse()` selects the tables for one parse with `useSyntax` (parsing is synchronous, so
 * the selection is in force for exactly that parse); parser code reads them from `syntaxData`.
 */
export interface ParserSyntax {
  rawTags: Set<string>;
  wikitextTags: Set<string>;
  htmlTags: Set<string>;
  urlProtocols: string[];
  variables: Set<string>;
  /** Parser function names without `#`, upper-cased for lookup (MediaWiki matches most case-insensitively). */
  parserFunctions: Set<string>;
  behaviorSwitches: Set<string>;
  fileNamespaces: Set<string>;
  /** The `Media:` namespace's names, also in `fileNamespaces` (links to the file itself: no caption links). */
  mediaNamespaces: Set<string>;
  categoryNamespaces: Set<string>;
  templateNamespaces: Set<string>;
  otherNamespaces: Set<string>;
  interwikiPrefixes: Set<string>;
  // derived, computed once per syntax
  /** Protocols that may start a free URL, without `//` (`https:`, `mailto:`). */
  freeProtocols: Set<string>;
  /** Of those, the ones that need `//` after the colon. */
  slashProtocols: Set<string>;
  /** Any protocol at the sticky position (`lastIndex`), case-insensitive. */
  bracketProtocolRe: RegExp;
  /** Any protocol at the start of a string. */
  bracketProtocolOnce: RegExp;
  /** `__NAME__` at the sticky position; group 1 is the name, checked with `isBehaviorSwitch`. */
  switchRe: RegExp;
  isBehaviorSwitch(name: string): boolean;
  /** `#REDIRECT` (and its local forms) at the start of a page, with the optional colon and spaces after it. */
  redirectRe: RegExp;
  /** The template namespace prefix of a template name (`Template:`, `Vorlage:`), dropped when normalising. */
  templatePrefixRe: RegExp;
  /** Page titles have their first letter upper-cased (false on case-sensitive wikis such as Wiktionary). */
  firstLetterCase: boolean;
  /** Template name normalisation cache of this syntax. */
  templateNames: Map<string, string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function derive(s: Omit<ParserSyntax, 'freeProtocols' | 'slashProtocols' | 'bracketProtocolRe' | 'bracketProtocolOnce' | 'templateNames'>): ParserSyntax {
  const prots = s.urlProtocols.map(escape);
  return {
    ...s,
    freeProtocols: new Set(s.urlProtocols.filter((p) => p !== '//').map((p) => p.replace('//', '').toLowerCase())),
    slashProtocols: new Set(s.urlProtocols.filter((p) => p.endsWith('://')).map((p) => p.replace('//', '').toLowerCase())),
    bracketProtocolRe: new RegExp(`(?:${prots.join('|')})`, 'iy'),
    bracketProtocolOnce: new RegExp(`^(?:${prots.join('|')})`, 'i'),
    templateNames: new Map(),
  };
}

const builtinSwitches = new Set(data.behaviorSwitches);

/** English Wikipedia's tables, as before site profiles existed. */
export const BUILTIN_SYNTAX: ParserSyntax = derive({
  rawTags: new Set(data.extensionTags.raw),
  wikitextTags: new Set(data.extensionTags.wikitext),
  htmlTags: new Set(data.htmlTags),
  urlProtocols: data.urlProtocols,
  variables: new Set(data.variables),
  parserFunctions: new Set(data.parserFunctions.map((s) => s.toUpperCase())),
  behaviorSwitches: builtinSwitches,
  fileNamespaces: new Set(data.namespaces.file),
  mediaNamespaces: new Set(['media']),
  categoryNamespaces: new Set(data.namespaces.category),
  templateNamespaces: new Set(data.namespaces.template),
  otherNamespaces: new Set(data.otherNamespaces),
  interwikiPrefixes: new Set([...data.interwikiPrefixes, ...data.languageCodes]),
  switchRe: /__([A-Z]+)__/y,
  isBehaviorSwitch: (name) => builtinSwitches.has(name),
  redirectRe: /^\s*#redirect\s*:?\s*/i,
  templatePrefixRe: /^(template|tm)\s*:\s*/i,
  firstLetterCase: true,
});

/** The tables in force for the parse under way (the built-in ones outside a parse). */
// eslint-disable-next-line import/no-mutable-exports
export let syntaxData: ParserSyntax = BUILTIN_SYNTAX;

/** Puts `syntax` in force and returns the one it replaces (restore it when the parse ends). */
export function useSyntax(syntax: ParserSyntax): ParserSyntax {
  const previous = syntaxData;
  syntaxData = syntax;
  return previous;
}

const fromProfile = new WeakMap<SiteProfile, ParserSyntax>();

/** The parser tables for a site profile (the built-in ones for none or the built-in profile); cached per profile object. */
export function syntaxFor(profile: SiteProfile | undefined): ParserSyntax {
  if (!profile || profile.builtIn) return BUILTIN_SYNTAX;
  let s = fromProfile.get(profile);
  if (!s) {
    s = syntaxFromProfile(profile);
    fromProfile.set(profile, s);
  }
  return s;
}

const nsKey = (name: string) => name.replace(/_/g, ' ').trim().toLowerCase();

/** Builds parser tables from a wiki's own description (what a fetched profile lacks falls back to the built-in tables). */
export function syntaxFromProfile(profile: SiteProfile): ParserSyntax {
  const b = BUILTIN_SYNTAX;
  // extension tags: the wiki's own list; whether a body is wikitext is a property of the extension, known for the usual ones
  const tags = profile.extensionTags;
  const rawTags = tags ? new Set(tags.filter((t) => !b.wikitextTags.has(t))) : b.rawTags;
  const wikitextTags = tags ? new Set(tags.filter((t) => b.wikitextTags.has(t))) : b.wikitextTags;
  // includeonly/noinclude/onlyinclude are the preprocessor's own, on every wiki
  if (tags) for (const t of ['includeonly', 'noinclude', 'onlyinclude']) wikitextTags.add(t);
  const nsNames = (ids: number[]) => {
    const out = new Set<string>();
    for (const ns of profile.namespaces ?? []) {
      if (!ids.includes(ns.id)) continue;
      for (const n of [ns.name, ns.canonical ?? '', ...ns.aliases]) if (n) out.add(nsKey(n));
    }
    return out;
  };
  const haveNs = !!profile.namespaces?.length;
  const special = new Set([0, -2, 6, 10, 14]);
  const other = haveNs ? nsNames((profile.namespaces ?? []).map((n) => n.id).filter((id) => !special.has(id))) : b.otherNamespaces;
  const template = haveNs ? nsNames([10]) : b.templateNamespaces;

  let variables = b.variables, parserFunctions = b.parserFunctions;
  let behaviorSwitches = b.behaviorSwitches, isBehaviorSwitch = b.isBehaviorSwitch, switchRe = b.switchRe, redirectRe = b.redirectRe;
  if (profile.magicWords?.length) {
    const hooks = new Set(profile.functionHooks ?? []);
    variables = new Set();
    parserFunctions = new Set();
    const exact = new Set<string>(), folded = new Set<string>();
    const redirects: string[] = [];
    for (const m of profile.magicWords) {
      if (m.name === 'redirect') {
        redirects.push(...m.aliases);
        continue;
      }
      const isHook = hooks.has(m.name);
      for (const a of m.aliases) {
        const sw = /^__(.+)__$/.exec(a);
        if (sw) {
          (m.caseSensitive ? exact : folded).add(m.caseSensitive ? sw[1] : sw[1].toUpperCase());
          continue;
        }
        // a no-hash function (`{{lc:x}}`, `{{PAGENAME:x}}`); `#if` and friends are functions by their `#` anyway
        if (isHook && (a.endsWith(':') || b.parserFunctions.has(m.name.toUpperCase()) || b.variables.has(m.name.toUpperCase()))) {
          parserFunctions.add(a.replace(/:$/, '').toUpperCase());
        }
        if (m.name.startsWith('img_') || a.includes('$1') || a.endsWith(':') || a.startsWith('#')) continue;
        if (!isHook || b.variables.has(m.name.toUpperCase())) variables.add(a);
      }
    }
    behaviorSwitches = new Set([...exact, ...folded]);
    isBehaviorSwitch = (name) => exact.has(name) || folded.has(name.toUpperCase());
    switchRe = /__([\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)*)__/uy;
    if (redirects.length) redirectRe = new RegExp(`^\\s*(?:${redirects.map(escape).join('|')})\\s*:?\\s*`, 'i');
  }
  const templatePrefixes = [...template].map((t) => escape(t).replace(/ /g, '[ _]+'));
  return derive({
    rawTags,
    wikitextTags,
    htmlTags: b.htmlTags,
    urlProtocols: profile.protocols?.length ? profile.protocols : b.urlProtocols,
    variables,
    parserFunctions,
    behaviorSwitches,
    fileNamespaces: haveNs ? nsNames([6, -2]) : b.fileNamespaces,
    mediaNamespaces: haveNs ? nsNames([-2]) : b.mediaNamespaces,
    categoryNamespaces: haveNs ? nsNames([14]) : b.categoryNamespaces,
    templateNamespaces: template,
    otherNamespaces: other,
    interwikiPrefixes: profile.interwiki ? new Set([...profile.interwiki, ...(profile.languageLinks ?? [])]) : b.interwikiPrefixes,
    switchRe,
    isBehaviorSwitch,
    redirectRe,
    templatePrefixRe: templatePrefixes.length ? new RegExp(`^(${templatePrefixes.join('|')})\\s*:\\s*`, 'i') : b.templatePrefixRe,
    firstLetterCase: profile.case !== 'case-sensitive',
  });
}

/** True for a tag MediaWiki hands to an extension (its body is not parsed with the page). */
export function isExtensionTag(lowerName: string): boolean {
  return syntaxData.rawTags.has(lowerName) || syntaxData.wikitextTags.has(lowerName);
}

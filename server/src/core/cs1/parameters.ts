// CS1/CS2 parameter and template knowledge, read from the data files in server/data.
// Every map is built once at module load: rules call these lookups for every argument of
// every citation on every keystroke, so a lookup must not scan the parameter table.

import { editDistance } from '../text';
import cs1Parameters from '../../../data/cs1-parameters.json';
import cs1Templates from '../../../data/cs1-templates.json';

/** A CS1 CitationClass value as passed to Module:Citation/CS1 (web, book, audio-visual, encyclopaedia, …). */
export type CitationClass = string;

/** What a parameter holds; drives which value checks apply. */
export type ParameterKind =
  | 'title' | 'url' | 'date' | 'identifier' | 'keyword' | 'format' | 'link' | 'name' | 'page' | 'language' | 'text';

/** One canonical CS1 parameter as described in cs1-parameters.json. */
export interface ParameterDefinition {
  /** Canonical name; '#' stands for the enumerator of a numbered name (last#). */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly kind: ParameterKind;
  readonly numbered: boolean;
  /** Valid values when the parameter takes a keyword (url-status, df, …). */
  readonly values?: readonly string[];
  readonly periodical: boolean;
  readonly chapter: boolean;
  /** Parameters sharing a group are redundant with each other (page, pages, at). */
  readonly redundancyGroup?: string;
  /** Name list (author, editor, …) the parameter belongs to. */
  readonly nameList?: string;
  /** CS1 classes whose whitelist accepts the parameter; undefined means every class. */
  readonly onlyIn?: readonly CitationClass[];
  /** Per-alias class restriction (air-date only in cite episode/serial). */
  readonly aliasOnlyIn: Readonly<Record<string, readonly CitationClass[]>>;
  /** Classes in which CS1 raises an error when the parameter is missing ('all' = every class). */
  readonly required?: readonly string[];
  /** Classes whose TemplateData marks the parameter "suggested". */
  readonly suggested?: readonly string[];
}

/** A parameter CS1 no longer accepts, with the replacement a quick-fix should offer. */
export interface RemovedParameter {
  readonly suggestion?: string;
  /** Old value → new value for the replacement; null means drop the parameter. */
  readonly valueMap?: Readonly<Record<string, string | null>>;
  readonly note?: string;
}

/** What the whitelist says about a name it accepts (deprecated names included). */
export interface KnownParameter {
  /** The name as written. */
  readonly name: string;
  readonly known: true;
  /** Canonical name with its enumerator filled in (author2-link → author-link2, author → last1). */
  readonly canonical: string;
  /** Key for redundancy checks: two arguments of one citation with the same key are "More than one of …". */
  readonly metaKey: string;
  /** Enumerator of a numbered name; 1 for the bare form (last); undefined for unnumbered parameters. */
  readonly enumerator?: number;
  readonly definition: ParameterDefinition;
  /** Why the name is deprecated, when it is (CS1 err_deprecated_params). */
  readonly deprecated?: string;
}

/** What the whitelist says about a name it does not accept. */
export interface UnknownParameter {
  /** The name as written. */
  readonly name: string;
  readonly known: false;
  /** Set when the name was removed from CS1 (deadurl, coauthors, …). */
  readonly removed?: RemovedParameter;
}

/** What the CS1 whitelist says about one parameter name as written in a citation. */
export type ParameterLookup = KnownParameter | UnknownParameter;

/** A CS1/CS2 citation template from cs1-templates.json. */
export interface CitationTemplateInfo {
  /** Normalised name (lower case, spaces). */
  readonly name: string;
  readonly citationClass: CitationClass;
  readonly description: string;
  /** Parameters CS1 raises an error for when missing. */
  readonly required: readonly string[];
  /** Periodical parameter whose absence is the hidden err_missing_periodical. */
  readonly requiredPeriodical?: string;
  /** Parameters for a completion snippet. */
  readonly usualParameters: readonly string[];
  readonly redirects: readonly string[];
  /** True for the preprint templates that accept only the limited parameter set. */
  readonly limitedParameters: boolean;
  readonly note?: string;
}

interface RawParameter {
  aliases?: string[];
  description: string;
  kind: string;
  numbered?: boolean;
  values?: string[];
  periodical?: boolean;
  chapter?: boolean;
  redundancyGroup?: string;
  nameList?: string;
  onlyIn?: string[];
  aliasOnlyIn?: Record<string, string[]>;
  required?: string[];
  suggested?: string[];
}

interface NameEntry {
  readonly definition: ParameterDefinition;
  /** The spelling as listed in the data ('author#-link'), used for class restrictions. */
  readonly listedAs: string;
}

const definitions = new Map<string, ParameterDefinition>();
// Names without '#' (title, URL, last, author-link: the bare N = 1 forms are included here).
const plainNames = new Map<string, NameEntry>();
// Names with exactly one '#', keyed with the '#' in place (author#-link).
const numberedNames = new Map<string, NameEntry>();

for (const [name, raw] of Object.entries(cs1Parameters.parameters as Record<string, RawParameter>)) {
  const definition: ParameterDefinition = {
    name,
    aliases: raw.aliases ?? [],
    description: raw.description,
    kind: raw.kind as ParameterKind,
    numbered: raw.numbered ?? false,
    values: raw.values,
    periodical: raw.periodical ?? false,
    chapter: raw.chapter ?? false,
    redundancyGroup: raw.redundancyGroup,
    nameList: raw.nameList,
    onlyIn: raw.onlyIn,
    aliasOnlyIn: raw.aliasOnlyIn ?? {},
    required: raw.required,
    suggested: raw.suggested,
  };
  definitions.set(name, definition);
  for (const spelling of [name, ...definition.aliases]) {
    if (spelling.includes('#')) {
      numberedNames.set(spelling, { definition, listedAs: spelling });
      plainNames.set(spelling.replace('#', ''), { definition, listedAs: spelling });
    } else {
      plainNames.set(spelling, { definition, listedAs: spelling });
    }
  }
}

const deprecatedNotes = new Map<string, string>(Object.entries(cs1Parameters.deprecated));
const removedParameters = new Map<string, RemovedParameter>(
  Object.entries(cs1Parameters.removed as Record<string, RemovedParameter>),
);
const explicitSuggestions = new Map<string, string>(Object.entries(cs1Parameters.suggestions));
const suggestionPatterns = cs1Parameters.suggestionPatterns.map((entry) => ({
  pattern: new RegExp(entry.pattern, 'u'),
  suggestion: entry.suggestion,
}));
const chapterIgnoredIn = new Set<string>(cs1Parameters.chapterIgnoredIn);
const periodicalIgnoredIn = new Set<string>(cs1Parameters.periodicalIgnoredIn);
const preprintAccepted = new Set<string>(cs1Parameters.preprint.limitedParameters);
const preprintByClass = new Map<string, Set<string>>(
  Object.entries(cs1Parameters.preprint.byClass).map(([cls, names]) => [cls, new Set(names)]),
);

const templatesByName = new Map<string, CitationTemplateInfo>();
for (const raw of cs1Templates.templates) {
  const template: CitationTemplateInfo = {
    name: raw.name,
    citationClass: raw.citationClass,
    description: raw.description,
    required: raw.required ?? [],
    requiredPeriodical: 'requiredPeriodical' in raw ? raw.requiredPeriodical : undefined,
    usualParameters: raw.usualParameters,
    redirects: 'redirects' in raw && raw.redirects ? raw.redirects : [],
    limitedParameters: 'limitedParameters' in raw ? raw.limitedParameters === true : false,
    note: 'note' in raw ? raw.note : undefined,
  };
  templatesByName.set(template.name, template);
  for (const redirect of template.redirects) templatesByName.set(redirect, template);
}

// A numbered name has one run of digits (author12-link); CS1 replaces it with '#' before the whitelist test.
const ENUMERATED = /^(\D*?)(\d+)(\D*)$/;

/** A numbered name as CS1 reads it: its pattern with `#` for the number (`họ 3` → `họ #`) and the number, or undefined. */
export function enumeratedName(name: string): { pattern: string; number: string } | undefined {
  const parts = ENUMERATED.exec(name);
  return parts ? { pattern: `${parts[1]}#${parts[3]}`, number: parts[2] } : undefined;
}

function lookUpUncached(name: string): ParameterLookup {
  const removed = removedParameters.get(name);
  let entry = plainNames.get(name);
  let enumerator: number | undefined;
  if (entry) {
    if (entry.definition.numbered) enumerator = 1;
  } else if (!name.includes('#')) {
    const parts = ENUMERATED.exec(name);
    if (parts) {
      entry = numberedNames.get(`${parts[1]}#${parts[3]}`);
      if (entry) enumerator = Number(parts[2]);
    }
  }
  // two object shapes only (known, unknown): every rule reads these in its loop over parameters
  if (!entry) return { name, known: false, removed };
  const definition = entry.definition;
  const base = definition.name.replace('#', '');
  const canonical = definition.numbered ? definition.name.replace('#', String(enumerator)) : definition.name;
  const groupKey = definition.redundancyGroup ?? base;
  const metaKey = definition.numbered ? `${groupKey}${enumerator}` : groupKey;
  const deprecated = deprecatedNotes.get(name);
  return { name, known: true, canonical, metaKey, enumerator, definition, deprecated };
}

const lookupCache = new Map<string, ParameterLookup>();

/** What the CS1 whitelist says about a parameter name as written (case-sensitive, as CS1 is). */
export function lookupParameter(name: string): ParameterLookup {
  const cached = lookupCache.get(name);
  if (cached) return cached;
  // Names come from user text; bound the cache so a pathological document cannot grow it forever.
  if (lookupCache.size > 5000) lookupCache.clear();
  const result = lookUpUncached(name);
  lookupCache.set(name, result);
  return result;
}

function listedSpelling(name: string): string | undefined {
  if (plainNames.has(name)) return plainNames.get(name)!.listedAs;
  const parts = ENUMERATED.exec(name);
  if (!parts) return undefined;
  const pattern = `${parts[1]}#${parts[3]}`;
  return numberedNames.has(pattern) ? pattern : undefined;
}

/** True when a citation of the given CS1 class accepts the parameter name (preprint and class-unique whitelists applied). */
export function isParameterAcceptedBy(name: string, citationClass: CitationClass): boolean {
  const lookup = lookupParameter(name);
  if (!lookup.known) return false;
  const preprintOwn = preprintByClass.get(citationClass);
  if (preprintOwn) {
    const listed = listedSpelling(name);
    return preprintOwn.has(name) || preprintAccepted.has(name) || (listed !== undefined && preprintAccepted.has(listed));
  }
  const { onlyIn, aliasOnlyIn } = lookup.definition;
  if (onlyIn && !onlyIn.includes(citationClass)) return false;
  const listed = listedSpelling(name);
  const aliasClasses = listed ? aliasOnlyIn[listed] : undefined;
  return !aliasClasses || aliasClasses.includes(citationClass);
}

/** True when CS1 reports the parameter as ignored in this class (err_chapter_ignored, err_periodical_ignored [2025]). */
export function isParameterIgnoredBy(name: string, citationClass: CitationClass): boolean {
  const lookup = lookupParameter(name);
  if (!lookup.known) return false;
  const definition = lookup.definition;
  return (definition.chapter && chapterIgnoredIn.has(citationClass))
    || (definition.periodical && periodicalIgnoredIn.has(citationClass));
}

// Cite's rule for suggesting an attribute is distance ≤ 1, or ≤ half the suggestion's length, for inputs of
// at most 20 characters. CS1 names share long parts (-url, -date, trans-), so half the length pairs unrelated
// names (subtitle → book-title); the distance is also capped at 2, which still covers transpositions.
const MAX_FUZZY_INPUT = 20;
const MAX_FUZZY_DISTANCE = 2;

function canonicalOf(name: string): string | undefined {
  const lookup = lookupParameter(name);
  return lookup.known && !lookup.deprecated ? lookup.canonical : undefined;
}

function closestKnownName(name: string): string | undefined {
  if (name.length > MAX_FUZZY_INPUT || name.length < 3) return undefined;
  const parts = ENUMERATED.exec(name);
  const candidates: Array<[written: string, spelling: string]> = [];
  for (const spelling of plainNames.keys()) candidates.push([name, spelling]);
  if (parts) for (const spelling of numberedNames.keys()) candidates.push([`${parts[1]}#${parts[3]}`, spelling]);
  let best: string | undefined;
  let bestCanonical: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const [written, spelling] of candidates) {
    const limit = Math.min(MAX_FUZZY_DISTANCE, Math.max(1, Math.floor(spelling.length / 2)));
    const distance = editDistance(written.toLowerCase(), spelling.toLowerCase(), Math.min(limit, bestDistance));
    if (distance > limit || distance > bestDistance) continue;
    const resolved = spelling.includes('#') && parts ? spelling.replace('#', parts[2]) : spelling;
    const canonical = canonicalOf(resolved);
    if (!canonical) continue;
    if (distance < bestDistance) {
      best = resolved;
      bestCanonical = canonical;
      bestDistance = distance;
      tied = false;
    } else if (canonical !== bestCanonical) {
      tied = true;
    }
  }
  // Two different parameters equally close: a wrong suggestion is worse than none.
  return tied ? undefined : best;
}

function followToKnown(suggestion: string): string | undefined {
  if (canonicalOf(suggestion)) return suggestion;
  const next = removedParameters.get(suggestion)?.suggestion;
  return next && canonicalOf(next) ? next : undefined;
}

function suggestUncached(name: string): string | undefined {
  const removed = removedParameters.get(name);
  // A removed name with no successor (author-separator) gets no guess: the note explains it instead.
  if (removed) return removed.suggestion ? followToKnown(removed.suggestion) : undefined;
  const lower = name.toLowerCase();
  for (const key of [name, lower]) {
    const explicit = explicitSuggestions.get(key);
    if (explicit) {
      const target = followToKnown(explicit);
      if (target) return target;
    }
  }
  for (const { pattern, suggestion } of suggestionPatterns) {
    const match = pattern.exec(lower);
    if (match) {
      const target = followToKnown(suggestion.replace('$1', match[1] ?? ''));
      if (target) return target;
    }
  }
  // CS1 names are lower case except identifiers, which may be all upper case (ISBN); |Title= → title.
  if (lower !== name && canonicalOf(lower)) return lower;
  return closestKnownName(name);
}

const suggestionCache = new Map<string, string | undefined>();

/** The parameter to suggest for an unknown or removed name: explicit CS1 suggestions, then its lower-case form, then a close spelling. */
export function suggestParameter(name: string): string | undefined {
  if (suggestionCache.has(name)) return suggestionCache.get(name);
  if (suggestionCache.size > 5000) suggestionCache.clear();
  const suggestion = suggestUncached(name.trim());
  suggestionCache.set(name, suggestion);
  return suggestion;
}

/** The keyword values a parameter accepts (url-status, df, name-list-style, …), or undefined when its value is free text. */
export function validValues(name: string): readonly string[] | undefined {
  const lookup = lookupParameter(name);
  return lookup.known ? lookup.definition.values : undefined;
}

/** Every canonical parameter definition, for completion and hover. */
export function allParameterDefinitions(): Iterable<ParameterDefinition> {
  return definitions.values();
}

/** Normalises a template name as MediaWiki and this data do: underscores as spaces, whitespace collapsed, lower case. */
export function normaliseTemplateName(raw: string): string {
  return raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The CS1/CS2 citation template with this name or redirect (normalised here, so raw names work too), or undefined when it is not one. */
export function citationTemplate(name: string): CitationTemplateInfo | undefined {
  const direct = templatesByName.get(name);
  if (direct) return direct;
  let key = normalisedNames.get(name);
  if (key === undefined) {
    if (normalisedNames.size >= 4096) normalisedNames.clear();
    key = normaliseTemplateName(name);
    normalisedNames.set(name, key);
  }
  return templatesByName.get(key);
}
const normalisedNames = new Map<string, string>();

/** Title patterns that CS1 rejects as generic placeholders (err_generic_title), as regular expressions over the lower-cased title. */
export const genericTitlePatterns: readonly RegExp[] = cs1Parameters.genericTitles.map((entry) =>
  'regex' in entry && entry.regex !== undefined
    ? new RegExp(entry.regex, 'u')
    : new RegExp((entry as { text: string }).text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'u'),
);

/** True when a title is one of CS1's generic placeholder titles ("Wayback Machine", "Page not found", …). */
export function isGenericTitle(title: string): boolean {
  const lower = title.trim().toLowerCase();
  return genericTitlePatterns.some((pattern) => pattern.test(lower));
}

/** True when a title is the bots' "Archived copy" placeholder (maint_archived_copy). */
export function isArchivedCopyTitle(title: string): boolean {
  return new RegExp(cs1Parameters.archivedCopyTitle.regex, cs1Parameters.archivedCopyTitle.flags).test(title.trim());
}

interface GenericNameEntry { text?: string; regex?: string }
function matchesGenericName(name: string, entry: GenericNameEntry): boolean {
  if (entry.text !== undefined) return name.toLowerCase().includes(entry.text);
  return new RegExp(entry.regex!, 'u').test(name);
}

/** True when an author or editor name is one CS1 rejects as generic (err_generic_name: "Staff", "Facebook", …). */
export function isGenericName(name: string): boolean {
  const { accept, reject } = cs1Parameters.genericNames as { accept: GenericNameEntry[]; reject: GenericNameEntry[] };
  if (accept.some((entry) => matchesGenericName(name, entry))) return false;
  return reject.some((entry) => matchesGenericName(name, entry));
}

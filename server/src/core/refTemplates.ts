/**
 * What templates mean for refs and links (`server/data/ref-templates.json`): lists that emit
 * `<references/>`, footnotes that emit `<ref>`, `{{r}}` reuses, `{{dead link}}`, `{{use dmy dates}}`...
 */
import data from '../../data/ref-templates.json';
import type { CitationProfile } from './profile';
import type { ParameterNode, TemplateNode } from './parser/nodes';

/** One template's role. */
export interface RefTemplateInfo {
  /** Canonical name (lower case) of the template the name resolves to. */
  canonical: string;
  kind:
    | 'reference-list' | 'note-list' | 'footnote' | 'ref' | 'ref-reuse' | 'shortened-footnote' | 'harvard-citation'
    | 'page-in-ref' | 'reference-list-wrapper' | 'dead-link' | 'web-archive' | 'link-status' | 'date-format' | 'bot-directive';
  /** Fixed group (note lists, footnotes). */
  group?: string;
  defaultGroup?: string;
  listDefinedParameter?: string;
  contentParameters?: string[];
  contentParameter?: string;
  nameParameter?: string;
  groupParameter?: string;
  dateFormat?: 'dmy' | 'mdy';
  /** Shortened footnotes: which of Module:Footnotes' builders names the ref (`core/footnotes.ts`). */
  footnote?: 'sfn' | 'sfnm';
  /** `{{sfnp}}`, `{{sfnmp}}`: the year in brackets (the text differs from `{{sfn}}`'s, not the name). */
  bracketYear?: boolean;
  parameters?: string[];
  /** English parameter name → the local one (from a citation profile's refTemplates). */
  localNames?: Record<string, string>;
}

const byName = new Map<string, RefTemplateInfo>();
for (const [name, raw] of Object.entries(data.templates as Record<string, Record<string, unknown>>)) {
  const info = { ...(raw as object), canonical: name } as RefTemplateInfo & { redirects?: string[] };
  byName.set(name, info);
  for (const r of info.redirects ?? []) byName.set(r, info);
}

/** Normalises a template name for lookup: lower case, underscores as spaces, whitespace collapsed. */
export function templateKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // a page names the same few templates again and again; the cache is bounded against hostile pages
    if (keys.size >= 4096) keys.clear();
    key = name.replace(/[_\s]+/g, ' ').trim().toLowerCase();
    keys.set(name, key);
  }
  return key;
}
const keys = new Map<string, string>();

/** The role of a template (by its normalised name), or undefined for an ordinary template. */
export function refTemplateKind(name: string): RefTemplateInfo | undefined {
  return byName.get(templateKey(name));
}

/** True when the template outputs a reference list. */
export function isListTemplate(info: RefTemplateInfo | undefined): boolean {
  return info?.kind === 'reference-list' || info?.kind === 'note-list';
}

/** A template-name lookup: the built-in English table, or it with a citation profile's local templates first. */
export type RefTemplateLookup = (name: string) => RefTemplateInfo | undefined;

const lookups = new WeakMap<CitationProfile, RefTemplateLookup>();

/**
 * The lookup for a wiki: a citation profile's `refTemplates` (`{"Références": {"like": "reflist", "parameters":
 * {"groupe": "group"}}}`) each behave as their English template, reading the local parameter names; every other
 * name as in English. Without a profile (or without refTemplates) this is `refTemplateKind`.
 */
export function refTemplateLookup(profile?: CitationProfile): RefTemplateLookup {
  if (!profile?.refTemplates) return refTemplateKind;
  let l = lookups.get(profile);
  if (!l) {
    const local = new Map<string, RefTemplateInfo>();
    for (const [name, r] of Object.entries(profile.refTemplates)) {
      const base = refTemplateKind(r.like);
      if (base) local.set(templateKey(name), localInfo(base, r.parameters ?? {}));
    }
    l = (name) => local.get(templateKey(name)) ?? refTemplateKind(name);
    lookups.set(profile, l);
  }
  return l;
}

/** An English template's role, with the local names of its parameters (the English ones stay accepted). */
function localInfo(base: RefTemplateInfo, parameters: Record<string, string>): RefTemplateInfo {
  const localNames: Record<string, string> = Object.create(null);
  for (const [loc, en] of Object.entries(parameters)) if (!(en in localNames)) localNames[en] = loc;
  return { ...base, localNames };
}

/**
 * A parameter of a ref template by its English name (`group`, `name`, `refs`, `1`), or by the local name a citation
 * profile gives it (`groupe`): the last one written wins, as in MediaWiki.
 */
export function refTemplateParam(t: TemplateNode, info: RefTemplateInfo, name: string): ParameterNode | undefined {
  const en = t.param(name);
  const local = info.localNames?.[name];
  const loc = local !== undefined ? t.param(local) : undefined;
  return !loc ? en : !en ? loc : loc.start > en.start ? loc : en;
}

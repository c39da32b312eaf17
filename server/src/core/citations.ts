/**
 * Citation templates of a page, analysed once per parse and shared by the citation rules, hover and
 * completion: which CS1 template each is, its parameters by canonical name, its enclosing ref and
 * any `{{dead link}}` that follows it inside that ref.
 */
import type { DocumentModel, RefUse } from './model';
import { isWhitespace } from './text';
import { textWithoutComments } from './model';
import type { ParameterNode, SyntaxNode, TemplateNode } from './parser/nodes';
import { citationTemplate, enumeratedName, lookupParameter, type CitationTemplateInfo, type ParameterLookup } from './cs1/parameters';
import { refTemplateLookup } from './refTemplates';
import type { CitationProfile } from './profile';
import { normaliseTemplateName } from './cs1/parameters';

/** One parameter of a citation, with its value as CS1 sees it (comments removed, trimmed). */
export interface CitationParam {
  node: ParameterNode;
  /** Name as written (trimmed). */
  name: string;
  lookup: ParameterLookup;
  value: string;
  /**
   * The CS1 keyword a local keyword value stands for (`hư` → `dead` on viwiki's |url-status=), from the citation
   * profile's `values`; absent when the value is not a local keyword. `keywordValue(p)` reads either.
   */
  keyword?: string;
  /** Range of the trimmed value in the source (an empty range at the value's start when empty). */
  valueStart: number;
  valueEnd: number;
}

/** A CS1/CS2 citation template call. */
export interface Citation {
  template: TemplateNode;
  info: CitationTemplateInfo;
  /** Named parameters in order (positional ones are in `positional`). */
  params: CitationParam[];
  positional: ParameterNode[];
  /** The last non-empty parameter whose canonical name is `canonical` (MediaWiki keeps the last). */
  get(canonical: string): CitationParam | undefined;
  /** The value of `get(canonical)` (the CS1 keyword for a local keyword value), or '' when absent or empty. */
  value(canonical: string): string;
  /** The `<ref>` (or ref-making template) the citation stands in, if any. */
  ref: RefUse | null;
  /** A `{{dead link}}` after the citation inside the same ref. */
  deadLinkTag: TemplateNode | null;
}

/** A citation; `get` looks through its dozen or so parameters (no map per citation). */
class CitationImpl implements Citation {
  constructor(
    public template: TemplateNode,
    public info: CitationTemplateInfo,
    public params: CitationParam[],
    public positional: ParameterNode[],
    public ref: RefUse | null,
    public deadLinkTag: TemplateNode | null,
  ) {}

  private byCanonical: Map<string, CitationParam> | undefined;

  get(canonical: string): CitationParam | undefined {
    const ps = this.params;
    if (ps.length > 24) {
      // a long citation (or a hostile one): one map, made on first use, keeps lookups constant-time
      if (!this.byCanonical) {
        this.byCanonical = new Map();
        for (const p of ps) if (p.lookup.known && p.value !== '') this.byCanonical.set(p.lookup.canonical, p);
      }
      return this.byCanonical.get(canonical);
    }
    for (let i = ps.length - 1; i >= 0; i--) {
      const p = ps[i];
      if (p.lookup.known && p.lookup.canonical === canonical && p.value !== '') return p;
    }
    return undefined;
  }

  value(canonical: string): string {
    const p = this.get(canonical);
    return p ? p.keyword ?? p.value : '';
  }
}

/** The wiki's own keywords for the CS1 parameter `canonical` (a citation profile's `values`), in the profile's order; [] without. */
export function localKeywords(profile: CitationProfile | undefined, canonical: string): string[] {
  const m = profile?.values && Object.prototype.hasOwnProperty.call(profile.values, canonical) ? profile.values[canonical] : undefined;
  return m ? Object.keys(m) : [];
}

/** A parameter's value as CS1 reads it: the CS1 keyword a local keyword value stands for, else the value as written. */
export function keywordValue(p: CitationParam): string {
  return p.keyword ?? p.value;
}

/**
 * How a citation profile names citations: which CS1 template a template is (its local names, minus the templates the
 * wiki does not cite with) and what a parameter of one template is (the template's own names, then the wiki-wide
 * ones, then CS1's). Without a profile, CS1's own tables. Used by `analyseCitations` and by completion.
 */
export interface CitationNames {
  templateInfo(name: string): CitationTemplateInfo | undefined;
  /** A template's own parameter map (its TemplateData names), found once per template. */
  ownParameters(templateName: string): Record<string, string> | undefined;
  paramLookup(name: string, own: Record<string, string> | undefined): ParameterLookup;
  /** The positional values a template takes as flags (`positionalFlags`), or undefined. */
  flags(templateName: string): Set<string> | undefined;
  /** The CS1 keyword a local keyword value of the parameter `canonical` stands for (`values`), or undefined. */
  keyword(canonical: string, value: string): string | undefined;
}

const namesOf = new WeakMap<CitationProfile, CitationNames>();
let englishNames: CitationNames | undefined;

/** The names of a profile, made once per profile object (a profile of 100,000 templates cost 0.5 s per lint when made each time). */
export function citationNames(profile?: CitationProfile): CitationNames {
  if (!profile) return (englishNames ??= makeCitationNames());
  let n = namesOf.get(profile);
  if (!n) namesOf.set(profile, (n = makeCitationNames(profile)));
  return n;
}

function makeCitationNames(profile?: CitationProfile): CitationNames {
  // a citation profile's local template names (normalised) and parameter names map to CS1's
  const localTemplates = new Map<string, string>();
  if (profile) for (const [k, v] of Object.entries(profile.templates)) localTemplates.set(normaliseTemplateName(k), v);
  const localParams = profile?.parameters;
  // templates English Wikipedia cites with but this wiki does not (frwiki's {{citation}} is a quotation)
  const notCitations = new Set((profile?.notCitations ?? []).map(normaliseTemplateName));
  // a template's own parameter names (its TemplateData) win over the wiki-wide ones
  const ownParams = new Map<string, Record<string, string>>();
  if (profile?.templateParameters) for (const [k, v] of Object.entries(profile.templateParameters)) ownParams.set(normaliseTemplateName(k), v);
  const flags = new Map<string, Set<string>>();
  if (profile?.positionalFlags) for (const [k, list] of Object.entries(profile.positionalFlags)) flags.set(normaliseTemplateName(k), new Set(list));
  const has = Object.prototype.hasOwnProperty;
  // enumerated local names (`họ#` → `last#`, from a Configuration module's aliases): `họ3` is last3
  const numbered = new Map<string, string>();
  if (localParams) for (const [k, v] of Object.entries(localParams)) if (k.includes('#')) numbered.set(k, v);
  const values = profile?.values;
  return {
    keyword: (canonical, value) => {
      const m = values && has.call(values, canonical) ? values[canonical] : undefined;
      return m && has.call(m, value) ? m[value] : undefined;
    },
    flags: (templateName) => (flags.size ? flags.get(normaliseTemplateName(templateName)) : undefined),
    templateInfo(name) {
      const key = localTemplates.size || notCitations.size ? normaliseTemplateName(name) : '';
      const own = localTemplates.size ? localTemplates.get(key) : undefined;
      if (own !== undefined) return citationTemplate(own);
      return notCitations.size && notCitations.has(key) ? undefined : citationTemplate(name);
    },
    ownParameters: (templateName) => (ownParams.size ? ownParams.get(normaliseTemplateName(templateName)) : undefined),
    paramLookup(name, own) {
      const mapped = own && has.call(own, name) ? own[name] : localParams && has.call(localParams, name) ? localParams[name] : undefined;
      if (mapped !== undefined) return lookupParameter(mapped);
      if (numbered.size) {
        const e = enumeratedName(name);
        const pattern = e ? numbered.get(e.pattern) : undefined;
        if (pattern !== undefined) return lookupParameter(pattern.replace('#', e!.number));
      }
      return lookupParameter(name);
    },
  };
}

const NO_OWN_ONLY = new Map<string, Set<string>>();
const ownOnlyTables = new WeakMap<CitationProfile, Map<string, Set<string>>>();
/** A local template's parameters CS1 has no name for (`unmappedParameters`): the template's own business, not checked. Made once per profile. */
function ownOnlyOf(profile: CitationProfile): Map<string, Set<string>> {
  let ownOnly = ownOnlyTables.get(profile);
  if (!ownOnly) {
    ownOnly = new Map();
    if (profile.unmappedParameters) for (const [k, list] of Object.entries(profile.unmappedParameters)) ownOnly.set(normaliseTemplateName(k), new Set(list));
    ownOnlyTables.set(profile, ownOnly);
  }
  return ownOnly;
}

/** Finds every citation template of the page. */
export function analyseCitations(src: string, model: DocumentModel, profile?: CitationProfile): Citation[] {
  const names = citationNames(profile);
  const { templateInfo, ownParameters, paramLookup, flags } = names;
  const localKeywords = !!profile?.values;
  const refTemplateKind = refTemplateLookup(profile);
  const out: Citation[] = [];
  const refByNode = new Map<SyntaxNode, RefUse>();
  for (const r of model.refs) if (r.content) refByNode.set(r.node, r);
  const ownOnly = profile ? ownOnlyOf(profile) : NO_OWN_ONLY;
  const enclosingRef = (n: SyntaxNode): RefUse | null => {
    for (let p = n.parent; p; p = p.parent) {
      const r = refByNode.get(p);
      if (r && r.content && r.content.start <= n.start && n.end <= r.content.end) return r;
    }
    return null;
  };
  const deadLinksByRef = new Map<RefUse, TemplateNode[]>();
  for (const t of model.templates) {
    if (refTemplateKind(t.name)?.kind !== 'dead-link') continue;
    const r = enclosingRef(t);
    if (!r) continue;
    const list = deadLinksByRef.get(r); // appended in place: a copy per tag was quadratic in the tags of one ref
    if (list) list.push(t);
    else deadLinksByRef.set(r, [t]);
  }
  for (const t of model.templates) {
    const info = templateInfo(t.name);
    if (!info) continue;
    const own = ownParameters(t.name);
    const params: CitationParam[] = [];
    const positional: ParameterNode[] = [];
    const skip = ownOnly.size ? ownOnly.get(normaliseTemplateName(t.name)) : undefined;
    const flagValues = flags(t.name);
    for (const p of t.params) {
      if (p.positional) {
        // a flag the wiki's template reads ({{Cite book|和書|...}}): not stray text
        if (flagValues?.has(textWithoutComments(src, p.valueNode).trim())) continue;
        positional.push(p);
        continue;
      }
      if (skip?.has(p.name)) continue;
      const value = textWithoutComments(src, p.valueNode).trim();
      let s = p.valueNode.start, e = p.valueNode.end;
      while (s < e && isWhitespace(src.charCodeAt(s))) s++;
      while (e > s && isWhitespace(src.charCodeAt(e - 1))) e--;
      const lookup = paramLookup(p.name, own);
      const param: CitationParam = { node: p, name: p.name, lookup, value, valueStart: s, valueEnd: e };
      if (localKeywords && lookup.known) {
        const k = names.keyword(lookup.canonical, value);
        if (k !== undefined) param.keyword = k;
      }
      params.push(param);
    }
    const ref = enclosingRef(t);
    let deadLinkTag: TemplateNode | null = null;
    for (const d of (ref && deadLinksByRef.get(ref)) || []) if (d.start >= t.end) deadLinkTag = d;
    out.push(new CitationImpl(t, info, params, positional, ref, deadLinkTag));
  }
  return out;
}

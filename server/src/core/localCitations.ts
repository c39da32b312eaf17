/**
 * A wiki's own citation templates as an editor offers them (completion of template names, signature help): which
 * templates a citation profile adds (dewiki's `{{Internetquelle}}`, frwiki's `{{Lien web}}`) and how that template
 * spells CS1's parameters (`titel` for `title`). Plain data from the profile; shared by the features that need it.
 */
import { citationTemplate, lookupParameter, normaliseTemplateName, type CitationTemplateInfo, type ParameterDefinition } from './cs1/parameters';
import type { CitationProfile } from './profile';

/** A local citation template of a profile: its name as the profile writes it and the CS1 template it is checked as. */
export interface LocalCitationTemplate {
  name: string;
  info: CitationTemplateInfo;
}

/**
 * The profile's citation templates that are not English CS1 names for the same template (hywiki's `Cite web` → `cite
 * web` is English's own and is left out), in the profile's order.
 */
export function localCitationTemplates(profile: CitationProfile | undefined): LocalCitationTemplate[] {
  if (!profile) return [];
  const out: LocalCitationTemplate[] = [];
  for (const [name, cs1] of Object.entries(profile.templates)) {
    const info = citationTemplate(cs1);
    if (!info || citationTemplate(name)?.name === info.name) continue;
    out.push({ name, info });
  }
  return out;
}

/** Whether a template name (any case, spaces or underscores) is one the profile says is no citation on its wiki. */
export function isNotCitation(profile: CitationProfile | undefined, name: string): boolean {
  if (!profile?.notCitations?.length) return false;
  const key = normaliseTemplateName(name);
  return profile.notCitations.some((n) => normaliseTemplateName(n) === key);
}

/** A template's own parameter map (`templateParameters`), found by its normalised name. */
function ownParameters(profile: CitationProfile, templateName: string): Record<string, string> | undefined {
  if (!profile.templateParameters) return undefined;
  const key = normaliseTemplateName(templateName);
  for (const [k, v] of Object.entries(profile.templateParameters)) if (normaliseTemplateName(k) === key) return v;
  return undefined;
}

/** One CS1 spelling whatever its numbering: `last` and `last1` are one, `author` another. */
function spellingKey(name: string, enumerator: number | undefined): string {
  return enumerator === undefined ? name : `${name.replace(/\d+$/, '')}#${enumerator}`;
}

/**
 * How a template of a profiled wiki spells CS1's parameters: `spell('title')` is the template's own name for it
 * (its TemplateData map first, then the wiki-wide names), the English name where the wiki names it nowhere, and
 * undefined when the template has its own map and that map lacks the parameter (the template does not take it).
 * Without a profile every name is spelled as CS1 spells it.
 */
export function localSpeller(profile: CitationProfile | undefined, templateName: string): (cs1Name: string) => string | undefined {
  if (!profile) return (n) => n;
  const own = ownParameters(profile, templateName);
  // per CS1 definition, the first local name (an unnumbered or first one preferred: `autor` over `autor2`)
  const byDefinition = new Map<ParameterDefinition, { name: string; enumerator: number }>();
  // a local name for exactly the CS1 spelling asked for wins (vi's `họ` for `last`, fr's `nom1` for `last`: not the
  // `tác giả`, `auteur` they give `author`, an alias of the same parameter)
  const byName = new Map<string, string>();
  const add = (map: Record<string, string>) => {
    for (const [local, canonical] of Object.entries(map)) {
      const l = lookupParameter(canonical);
      if (!l.known) continue;
      const key = spellingKey(l.name, l.enumerator);
      if (!byName.has(key)) byName.set(key, local);
      const enumerator = l.enumerator ?? 1;
      const seen = byDefinition.get(l.definition);
      if (!seen || (enumerator < seen.enumerator)) byDefinition.set(l.definition, { name: local, enumerator });
    }
  };
  if (own) add(own);
  else add(profile.parameters);
  return (cs1Name) => {
    const l = lookupParameter(cs1Name);
    if (!l.known) return own ? undefined : cs1Name;
    const exact = byName.get(spellingKey(l.name, l.enumerator));
    if (exact !== undefined) return exact;
    const local = byDefinition.get(l.definition);
    if (local) return local.name;
    return own ? undefined : cs1Name;
  };
}

/**
 * The parameters an editor offers for a citation template of a profiled wiki, spelled as that template spells them:
 * the template's required ones first, then its usual ones (each once), as `{name, canonical}`.
 */
export function usualLocalParameters(profile: CitationProfile | undefined, templateName: string, info: CitationTemplateInfo): { name: string; canonical: string }[] {
  const spell = localSpeller(profile, templateName);
  const out: { name: string; canonical: string }[] = [];
  const seen = new Set<string>();
  for (const cs1 of [...info.required, ...info.usualParameters]) {
    const l = lookupParameter(cs1);
    const canonical = l.known ? l.canonical : cs1;
    if (seen.has(canonical)) continue;
    seen.add(canonical);
    const name = spell(cs1);
    if (name !== undefined) out.push({ name, canonical });
  }
  return out;
}

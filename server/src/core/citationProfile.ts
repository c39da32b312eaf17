/**
 * Checks a citation profile given as JSON (a `--profile` file, the `"profile"` of `.wikitext-lint.json`, the VS Code
 * setting, or what `wikitext-lint profile` built) and returns it typed. Pure: the adapters read the file. Every
 * problem is an error naming where it is; nothing unknown is silently ignored.
 */
import type { CitationDates, CitationProfile } from './profile';
import { citationTemplate } from './cs1/parameters';
import { refTemplateKind } from './refTemplates';
import { KEYWORD_PARAMS } from './cs1/values';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const KNOWN = new Set(['site', 'lang', 'builtAt', 'provenance', 'templates', 'parameters', 'templateParameters', 'unmappedParameters', 'positionalFlags', 'notCitations', 'refTemplates', 'values', 'dates', 'rules', '$schema', 'comment']);
const DATE_KEYS = new Set(['check', 'months', 'genitive', 'abbreviations', 'digits', 'formats']);

/** `knownRules`: the rule ids (the adapters pass the registry's); an id in "rules" not among them is an error, not silently nothing. */
export function parseCitationProfile(value: unknown, where = 'the profile', knownRules?: ReadonlySet<string>): CitationProfile {
  if (!isObj(value)) throw new Error(`${where}: must be a JSON object`);
  for (const k of Object.keys(value)) if (!KNOWN.has(k)) throw new Error(`${where}: unknown key "${k}"`);
  const names = (m: unknown, key: string): Record<string, string> => {
    if (m === undefined) return Object.create(null);
    if (!isObj(m)) throw new Error(`${where}: "${key}" must be an object of names`);
    const out: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(m)) {
      if (typeof v !== 'string' || !k.trim() || !v.trim()) throw new Error(`${where}: "${key}"."${k}" must be a name`);
      out[k] = v;
    }
    return out;
  };
  const strings = (v: unknown, key: string, length?: number): string[] => {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x)) throw new Error(`${where}: "${key}" must be a list of names`);
    if (length !== undefined && v.length !== length) throw new Error(`${where}: "${key}" must have ${length} entries, not ${v.length}`);
    return v as string[];
  };
  const templates = names(value.templates, 'templates');
  for (const [k, v] of Object.entries(templates)) {
    if (!citationTemplate(v)) throw new Error(`${where}: "templates"."${k}" maps to "${v}", which is not a CS1 template`);
  }
  const out: CitationProfile = { templates, parameters: names(value.parameters, 'parameters') };
  // an enumerated local name (`họ#`) stands for an enumerated CS1 one (`last#`): `họ3` is last3
  for (const [k, v] of Object.entries(out.parameters)) {
    if ((k.split('#').length > 2 || v.split('#').length > 2) || k.includes('#') !== v.includes('#')) throw new Error(`${where}: "parameters"."${k}": an enumerated name (one '#') maps to an enumerated name, as "họ#": "last#"`);
  }
  if (typeof value.site === 'string') out.site = value.site;
  if (typeof value.lang === 'string') out.lang = value.lang;
  if (typeof value.builtAt === 'string') out.builtAt = value.builtAt;
  if (value.provenance !== undefined) out.provenance = strings(value.provenance, 'provenance');
  if (value.templateParameters !== undefined) {
    if (!isObj(value.templateParameters)) throw new Error(`${where}: "templateParameters" must be an object`);
    out.templateParameters = Object.create(null) as Record<string, Record<string, string>>;
    for (const [t, m] of Object.entries(value.templateParameters)) out.templateParameters[t] = names(m, `templateParameters"."${t}`);
  }
  if (value.unmappedParameters !== undefined) {
    if (!isObj(value.unmappedParameters)) throw new Error(`${where}: "unmappedParameters" must be an object of template names to lists of parameter names`);
    out.unmappedParameters = Object.create(null) as Record<string, string[]>;
    for (const [t, list] of Object.entries(value.unmappedParameters)) out.unmappedParameters[t] = strings(list, `unmappedParameters"."${t}`);
  }
  if (value.positionalFlags !== undefined) {
    if (!isObj(value.positionalFlags)) throw new Error(`${where}: "positionalFlags" must be an object of template names to lists of values`);
    out.positionalFlags = Object.create(null) as Record<string, string[]>;
    for (const [t, list] of Object.entries(value.positionalFlags)) out.positionalFlags[t] = strings(list, `positionalFlags"."${t}`);
  }
  if (value.notCitations !== undefined) out.notCitations = strings(value.notCitations, 'notCitations');
  if (value.refTemplates !== undefined) {
    if (!isObj(value.refTemplates)) throw new Error(`${where}: "refTemplates" must be an object`);
    out.refTemplates = Object.create(null) as Record<string, { like: string; parameters?: Record<string, string> }>;
    for (const [t, r] of Object.entries(value.refTemplates)) {
      if (!isObj(r) || typeof r.like !== 'string') throw new Error(`${where}: "refTemplates"."${t}" must be {"like": "<English template>"}`);
      if (!refTemplateKind(r.like)) throw new Error(`${where}: "refTemplates"."${t}" is like "${r.like}", which has no known role for refs`);
      out.refTemplates[t] = { like: r.like, ...(r.parameters !== undefined ? { parameters: names(r.parameters, `refTemplates"."${t}"."parameters`) } : {}) };
    }
  }
  if (value.values !== undefined) {
    if (!isObj(value.values)) throw new Error(`${where}: "values" must be an object of CS1 parameters to {local keyword: CS1 keyword}`);
    out.values = Object.create(null) as Record<string, Record<string, string>>;
    const has = Object.prototype.hasOwnProperty;
    for (const [param, m] of Object.entries(value.values)) {
      const list = has.call(KEYWORD_PARAMS, param) ? KEYWORD_PARAMS[param] : undefined;
      if (!list) throw new Error(`${where}: "values"."${param}": CS1 checks no keyword list for |${param}= (keyword parameters: ${Object.keys(KEYWORD_PARAMS).join(', ')})`);
      const words = names(m, `values"."${param}`);
      for (const [local, cs1] of Object.entries(words)) {
        if (!list.includes(cs1)) throw new Error(`${where}: "values"."${param}"."${local}" stands for "${cs1}", which is not a CS1 keyword of |${param}= (${list.join(', ')})`);
      }
      out.values[param] = words;
    }
  }
  if (value.dates !== undefined) out.dates = parseDates(value.dates, where, strings);
  if (value.rules !== undefined) {
    if (!isObj(value.rules)) throw new Error(`${where}: "rules" must be an object of rule ids to true/false`);
    out.rules = Object.create(null) as Record<string, boolean>;
    for (const [id, on] of Object.entries(value.rules)) {
      if (typeof on !== 'boolean') throw new Error(`${where}: "rules"."${id}" must be true or false`);
      if (knownRules && !knownRules.has(id)) throw new Error(`${where}: "rules"."${id}" is not a rule (wikitext-lint --list-rules lists them)`);
      out.rules[id] = on;
    }
  }
  return out;
}

function parseDates(d: unknown, where: string, strings: (v: unknown, key: string, length?: number) => string[]): CitationDates {
  if (!isObj(d)) throw new Error(`${where}: "dates" must be an object`);
  for (const k of Object.keys(d)) if (!DATE_KEYS.has(k)) throw new Error(`${where}: unknown key "dates"."${k}"`);
  const out: CitationDates = {};
  if (d.check !== undefined) {
    if (typeof d.check !== 'boolean') throw new Error(`${where}: "dates"."check" must be true or false`);
    out.check = d.check;
  }
  for (const k of ['months', 'genitive', 'abbreviations'] as const) if (d[k] !== undefined) out[k] = strings(d[k], `dates"."${k}`, 12);
  if (d.digits !== undefined) {
    if (typeof d.digits !== 'string' || [...d.digits].length !== 10) throw new Error(`${where}: "dates"."digits" must be the ten local digits, 0 to 9`);
    // each read as one digit: a repeated character or a space would rewrite every date silently
    const list = [...d.digits];
    if (new Set(list).size !== 10 || list.some((c) => /\s/.test(c))) throw new Error(`${where}: "dates"."digits" must be ten different characters, none a space`);
    out.digits = d.digits;
  }
  if (d.formats !== undefined) {
    out.formats = strings(d.formats, 'dates"."formats');
    // each pattern becomes a regular expression: keep them few and short, each field once, so a hostile profile
    // cannot build a giant or ambiguous expression
    if (out.formats.length > 32) throw new Error(`${where}: "dates"."formats" has ${out.formats.length} patterns; at most 32`);
    for (const f of out.formats) {
      if (f.length > 64) throw new Error(`${where}: the date format "${f.slice(0, 40)}…" is longer than 64 characters`);
      const fields = f.match(/YYYY|MMMMG|MMMM|MMM|MM|M|DD|D/g) ?? [];
      const count = (re: RegExp) => fields.filter((x) => re.test(x)).length;
      if (count(/^Y/) !== 1 || count(/^M/) > 1 || count(/^D/) > 1) {
        throw new Error(`${where}: the date format "${f}" must have one year (YYYY) and at most one month and one day`);
      }
    }
  }
  for (const k of ['months', 'genitive', 'abbreviations'] as const) {
    const long = out[k]?.find((n) => n.length > 50);
    if (long) throw new Error(`${where}: "dates"."${k}" has a name longer than 50 characters ("${long.slice(0, 40)}…")`);
  }
  return out;
}

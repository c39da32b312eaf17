/**
 * What templates mean for refs and links (`server/data/ref-templates.json`): lists that emit
 * `<references/>`, footnotes that emit `<ref>`, `{{r}}` reuses, `{{dead link}}`, `{{use dmy dates}}`...
 */
import data from '../../data/ref-templates.json';

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
  parameters?: string[];
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

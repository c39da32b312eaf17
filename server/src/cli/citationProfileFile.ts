/**
 * `--profile FILE`: a citation profile as JSON (see `CitationProfile` in core/profile.ts), read and checked here
 * (the core never reads files). Unknown CS1 template targets and non-string values are errors, never ignored.
 */
import { readFileSync } from 'node:fs';
import type { CitationProfile } from '../core/profile';
import { citationTemplate } from '../core/cs1/parameters';

export function parseCitationProfile(value: unknown, where = 'the profile'): CitationProfile {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where}: must be a JSON object`);
  const o = value as Record<string, unknown>;
  const map = (key: 'templates' | 'parameters'): Record<string, string> => {
    const m = o[key] ?? {};
    if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new Error(`${where}: "${key}" must be an object of names`);
    const out: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(m as Record<string, unknown>)) {
      if (typeof v !== 'string' || !k.trim()) throw new Error(`${where}: "${key}"."${k}" must be a name`);
      if (key === 'templates' && !citationTemplate(v)) throw new Error(`${where}: "templates"."${k}" maps to "${v}", which is not a CS1 template`);
      out[k] = v;
    }
    return out;
  };
  return {
    ...(typeof o.site === 'string' ? { site: o.site } : {}),
    ...(typeof o.lang === 'string' ? { lang: o.lang } : {}),
    templates: map('templates'),
    parameters: map('parameters'),
  };
}

export function loadCitationProfile(file: string): CitationProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read the profile (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (text.length > 5_000_000) throw new Error(`${file}: the profile is larger than 5 MB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
  return parseCitationProfile(json, file);
}

/**
 * Signature help inside a citation: its usual parameters as a signature, the parameter under the cursor
 * active (added to the signature when it is not a usual one). In a citation profile's local template (dewiki's
 * `{{Internetquelle}}`) the parameters are spelled as that template spells them, each saying which CS1 parameter it is.
 */
import type { Analysis } from '../analysis';
import { citationTemplate, lookupParameter, type ParameterDefinition } from '../cs1/parameters';
import { citationNames } from '../citations';
import { usualLocalParameters } from '../localCitations';
import { templateContextAt } from '../templateContext';
import type { SignatureResult } from './types';

/** Computes signature help at an offset, or null outside a citation. */
export function signatureHelp(a: Analysis, offset: number): SignatureResult | null {
  const ctx = templateContextAt(a, offset);
  if (!ctx) return null;
  const profile = a.citationProfile;
  const names = profile ? citationNames(profile) : undefined;
  const info = names ? names.templateInfo(ctx.name) : ctx.info;
  if (!info) return null;
  // a local template (one the profile maps to a CS1 template of another name): its own spellings
  const local = names !== undefined && citationTemplate(ctx.name)?.name !== info.name;
  const own = names?.ownParameters(ctx.name);
  const definitionOf = (name: string): ParameterDefinition | undefined => {
    const l = names ? names.paramLookup(name, own) : lookupParameter(name);
    return l.known ? l.definition : undefined;
  };
  let current: string | undefined;
  if (ctx.where.kind === 'param-value') current = ctx.where.param;
  else if (ctx.where.kind === 'param-name') {
    // The name typed so far, up to the cursor and on to the `=` when there is one.
    const rest = /^[^|=}]*/.exec(a.text.slice(offset, offset + 100))![0];
    current = (a.text.slice(ctx.where.prefixStart, offset) + rest).trim() || undefined;
  }
  const params = local ? usualLocalParameters(profile, ctx.name, info).map((p) => p.name) : [...info.usualParameters];
  const currentDef = current ? definitionOf(current) : undefined;
  let active = currentDef ? params.findIndex((n) => definitionOf(n) === currentDef) : -1;
  // A name being typed (|ti): the first usual parameter it begins.
  if (!currentDef && current && ctx.where.kind === 'param-name') active = params.findIndex((n) => n.startsWith(current!));
  if (current && currentDef && active < 0) {
    params.push(current);
    active = params.length - 1;
  }
  let label = `{{${local ? ctx.name : info.name}`;
  const parameters: SignatureResult['parameters'] = [];
  for (const n of params) {
    label += ' |';
    const start = label.length;
    label += `${n}=`;
    const def = definitionOf(n);
    const documentation = def ? (local && n !== def.name.replace('#', '') ? `CS1 ${def.name.replace('#', '')}: ${def.description}` : def.description) : undefined;
    parameters.push({ label: [start, label.length], ...(documentation ? { documentation } : {}) });
  }
  label += '}}';
  const documentation = local ? `This wiki's citation template, checked as CS1's {{${info.name}}}. ${info.description}` : info.description;
  return { label, documentation, parameters, activeParameter: active >= 0 ? active : null };
}

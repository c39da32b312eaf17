/**
 * Signature help inside a citation: its usual parameters as a signature, the parameter under the cursor
 * active (added to the signature when it is not a usual one).
 */
import type { Analysis } from '../analysis';
import { lookupParameter, type ParameterDefinition } from '../cs1/parameters';
import { templateContextAt } from '../templateContext';
import type { SignatureResult } from './types';

function definitionOf(name: string): ParameterDefinition | undefined {
  const l = lookupParameter(name);
  return l.known ? l.definition : undefined;
}

/** Computes signature help at an offset, or null outside a citation. */
export function signatureHelp(a: Analysis, offset: number): SignatureResult | null {
  const ctx = templateContextAt(a, offset);
  if (!ctx || !ctx.info) return null;
  const info = ctx.info;
  let current: string | undefined;
  if (ctx.where.kind === 'param-value') current = ctx.where.param;
  else if (ctx.where.kind === 'param-name') {
    // The name typed so far, up to the cursor and on to the `=` when there is one.
    const rest = /^[^|=}]*/.exec(a.text.slice(offset, offset + 100))![0];
    current = (a.text.slice(ctx.where.prefixStart, offset) + rest).trim() || undefined;
  }
  const names = [...info.usualParameters];
  const currentDef = current ? definitionOf(current) : undefined;
  let active = currentDef ? names.findIndex((n) => definitionOf(n) === currentDef) : -1;
  // A name being typed (|ti): the first usual parameter it begins.
  if (!currentDef && current && ctx.where.kind === 'param-name') active = names.findIndex((n) => n.startsWith(current!));
  if (current && currentDef && active < 0) {
    names.push(current);
    active = names.length - 1;
  }
  let label = `{{${info.name}`;
  const parameters: SignatureResult['parameters'] = [];
  for (const n of names) {
    label += ' |';
    const start = label.length;
    label += `${n}=`;
    const def = definitionOf(n);
    parameters.push({ label: [start, label.length], ...(def ? { documentation: def.description } : {}) });
  }
  label += '}}';
  return { label, documentation: info.description, parameters, activeParameter: active >= 0 ? active : null };
}

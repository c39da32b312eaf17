/**
 * Conversion of the core's results (UTF-16 offsets, plain data) to LSP types, in one place, as rust-analyzer's
 * `to_proto`: ranges, text edits, diagnostics and whole-text replacements as minimal edits.
 */
import type { Diagnostic as LspDiagnostic, Range, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import type { Diagnostic, Fix, TextEdit } from './core/lint/types';
import type { LineIndex } from './core/lineIndex';

/** What a diagnostic carries in `data`: its rule, its offsets and the document version it was computed for. Its fixes stay on the server. */
export interface DiagnosticData {
  rule: string;
  version: number;
  /** UTF-16 offsets of the finding (ranges a client sends back may be rebuilt in its own columns). */
  start?: number;
  end?: number;
}

export function toRange(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.position(start), end: lines.position(end) };
}

export function toLspEdit(lines: LineIndex, e: TextEdit): LspTextEdit {
  return { range: toRange(lines, e.start, e.end), newText: e.newText };
}

export function toLspEdits(lines: LineIndex, fix: Fix): LspTextEdit[] {
  return fix.edits.map((e) => toLspEdit(lines, e));
}

/** Converts one of our diagnostics to LSP; `data` names the rule and the version, so a code action can find its fixes. */
export function toLspDiagnostic(lines: LineIndex, d: Diagnostic, uri: string, version: number, docsUrl: (id: string) => string): LspDiagnostic {
  const severity = d.severity === 'error' ? 1 : d.severity === 'warning' ? 2 : d.severity === 'info' ? 3 : 4;
  const data: DiagnosticData = { rule: d.rule, version, start: d.start, end: d.end };
  const out: LspDiagnostic = {
    range: toRange(lines, d.start, d.end),
    severity: severity as 1 | 2 | 3 | 4,
    code: d.rule,
    codeDescription: { href: docsUrl(d.rule) },
    source: 'wikitext-lint',
    message: d.message,
    data,
  };
  if (d.related.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri, range: toRange(lines, r.start, r.end) }, message: r.message }));
  }
  if (d.tags?.length) out.tags = d.tags.map((t) => (t === 'unnecessary' ? 1 : 2));
  return out;
}

/** A single edit turning `before` into `after`: the changed middle, between the common prefix and suffix. */
export function minimalEdit(lines: LineIndex, before: string, after: string): LspTextEdit | null {
  if (before === after) return null;
  let pre = 0;
  const max = Math.min(before.length, after.length);
  while (pre < max && before.charCodeAt(pre) === after.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf < max - pre && before.charCodeAt(before.length - 1 - suf) === after.charCodeAt(after.length - 1 - suf)) suf++;
  return { range: { start: lines.position(pre), end: lines.position(before.length - suf) }, newText: after.slice(pre, after.length - suf) };
}

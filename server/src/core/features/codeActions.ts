/**
 * Code actions: each diagnostic's fixes as quick fixes (looked up from the diagnostic, never re-linted),
 * fix all of one rule, fix all (`source.fixAll.wikitext`), and disable a rule for the line or the file.
 */
import { CodeAction, CodeActionKind, Diagnostic as LspDiagnostic, Range, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import type { Diagnostic, Fix } from '../lint/types';
import { fixAll, LintOptions } from '../lint/lint';
import type { LineIndex } from '../lineIndex';

/** The kind under which `editor.codeActionsOnSave` finds our fix-all. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.wikitext`;

/** What a diagnostic carries in `data`, so that code actions need no re-lint. */
export interface DiagnosticData {
  rule: string;
  fixes: { title: string; safe: boolean; snippet?: boolean; edits: LspTextEdit[] }[];
}

/** Converts one of our diagnostics to LSP, its fixes stored in `data`. */
export function toLspDiagnostic(lines: LineIndex, d: Diagnostic, uri: string, docsUrl: (id: string) => string): LspDiagnostic {
  const range = (s: number, e: number): Range => ({ start: lines.position(s), end: lines.position(e) });
  const severity = d.severity === 'error' ? 1 : d.severity === 'warning' ? 2 : d.severity === 'info' ? 3 : 4;
  const data: DiagnosticData = {
    rule: d.rule,
    fixes: d.fixes.map((f) => ({ title: f.title, safe: f.safe, snippet: f.snippet, edits: f.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })) })),
  };
  const out: LspDiagnostic = {
    range: range(d.start, d.end),
    severity: severity as 1 | 2 | 3 | 4,
    code: d.rule,
    codeDescription: { href: docsUrl(d.rule) },
    source: 'wikitext-lint',
    message: d.message,
    data,
  };
  if (d.related.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri, range: range(r.start, r.end) }, message: r.message }));
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

/** Inputs of a code action request. */
export interface CodeActionRequest {
  uri: string;
  range: Range;
  /** Diagnostics the client sent (with our `data`). */
  diagnostics: LspDiagnostic[];
  only?: string[];
  lintOptions: LintOptions;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

const fixAllCache = new WeakMap<Analysis, Map<string, { options: LintOptions; result: ReturnType<typeof fixAll> }>>();

/** Fix-all of one analysed version, computed once: every lightbulb request asks again (275-515 ms on a large article). */
function fixAllOnce(a: Analysis, options: LintOptions, rule?: string): ReturnType<typeof fixAll> {
  let perRule = fixAllCache.get(a);
  if (!perRule) fixAllCache.set(a, (perRule = new Map()));
  const hit = perRule.get(rule ?? '');
  if (hit && hit.options === options) return hit.result;
  const result = fixAll(a.text, options, rule);
  perRule.set(rule ?? '', { options, result });
  return result;
}

/** Computes the code actions for a range. */
export function codeActions(a: Analysis, req: CodeActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  const { uri } = req;
  const ours = req.diagnostics.filter((d) => d.source === 'wikitext-lint' && d.data && typeof (d.data as DiagnosticData).rule === 'string');
  if (wants(req.only, CodeActionKind.QuickFix)) {
    const rulesSeen = new Set<string>();
    for (const d of ours) {
      const data = d.data as DiagnosticData;
      data.fixes.forEach((f, i) => {
        actions.push({
          title: f.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: f.safe && i === 0,
          edit: { changes: { [uri]: f.edits } },
        });
      });
      // fix all problems of this rule in the file
      if (!rulesSeen.has(data.rule) && data.fixes.some((f) => f.safe && !f.snippet)) {
        rulesSeen.add(data.rule);
        const count = a.diagnostics.filter((x) => x.rule === data.rule && x.fixes.some((f: Fix) => f.safe && !f.snippet)).length;
        if (count > 1) {
          const fixed = fixAllOnce(a, req.lintOptions, data.rule);
          const edit = minimalEdit(a.lines, a.text, fixed.text);
          if (edit) actions.push({ title: `Fix all ${data.rule} problems (${count})`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: [edit] } } });
        }
      }
      // suppressions
      const line = d.range.start.line;
      const lineStart = a.lines.offset(line, 0);
      actions.push({
        title: `Disable ${data.rule} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `<!-- wikitext-lint-disable-next-line ${data.rule} -->\n` }] } },
      });
      void lineStart;
      actions.push({
        title: `Disable ${data.rule} for the whole file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `<!-- wikitext-lint-disable ${data.rule} -->\n` }] } },
      });
    }
  }
  const fixAllKind = wants(req.only, FIX_ALL_KIND) || wants(req.only, CodeActionKind.Source);
  if (fixAllKind && a.diagnostics.some((d) => d.fixes.some((f) => f.safe && !f.snippet))) {
    const fixed = fixAllOnce(a, req.lintOptions);
    const edit = minimalEdit(a.lines, a.text, fixed.text);
    if (edit) actions.push({ title: `Fix all auto-fixable wikitext problems (${fixed.fixed})`, kind: FIX_ALL_KIND, edit: { changes: { [uri]: [edit] } } });
  }
  return actions;
}

/**
 * Code actions, as lookups in the cached analysis: a diagnostic's quick fixes are the analysis's fixes of the
 * diagnostic at that range (nothing travels to the client and back but the rule and the document version),
 * and a diagnostic of another version is refused. "Fix all of this rule" and "fix all"
 * (`source.fixAll.wikitext`) are listed without their edit; `codeAction/resolve` computes it (the
 * repeat-until-stable fix loop), after checking the version the action was listed for. A client that cannot
 * resolve gets the edit at once.
 */
import { CodeAction, CodeActionKind, Diagnostic as LspDiagnostic, Range } from 'vscode-languageserver-types';
import type { Analysis } from './core/analysis';
import type { Diagnostic, Fix } from './core/lint/types';
import { fixAll, LintOptions } from './core/lint/lint';
import { minimalEdit, toLspEdits, type DiagnosticData } from './toProto';

/** The kind under which `editor.codeActionsOnSave` finds our fix-all. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.wikitext`;

/** Inputs of a code action request. */
export interface CodeActionRequest {
  uri: string;
  /** The document version of the analysis. */
  version: number;
  range: Range;
  /** Diagnostics the client sent (with our `data`). */
  diagnostics: LspDiagnostic[];
  only?: string[];
  lintOptions: LintOptions;
  /** The client resolves code actions' edits (`codeAction/resolve`): fix-all edits are computed then. */
  canResolve?: boolean;
}

/** What a fix-all action carries until it is resolved. */
export interface FixAllData {
  fixAll: true;
  uri: string;
  version: number;
  /** One rule's fixes, or every rule's. */
  rule?: string;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

const safeFix = (f: Fix) => f.safe && !f.snippet;

/** The analysis's diagnostic a client diagnostic stands for, if it belongs to this version. */
function lookup(a: Analysis, version: number, d: LspDiagnostic): Diagnostic | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (d.source !== 'wikitext-lint' || !data || typeof data.rule !== 'string') return undefined;
  if (data.version !== version) return undefined; // computed for another version: refused
  // the offsets in data, else the range: some clients send ranges back rebuilt from their own columns
  // (Neovim 0.7 from byte columns), which differ from ours after a non-ASCII character
  const start = typeof data.start === 'number' ? data.start : a.lines.offset(d.range.start.line, d.range.start.character);
  const end = typeof data.end === 'number' ? data.end : a.lines.offset(d.range.end.line, d.range.end.character);
  return diagnosticIndex(a).get(`${data.rule}\0${start}\0${end}\0${d.message}`);
}

/**
 * The analysis's diagnostics by rule, range and message, built once per analysis: a request for the whole of a
 * document with 20,000 problems looks each one up, which a linear search made quadratic.
 */
const indexes = new WeakMap<Analysis, Map<string, Diagnostic>>();
function diagnosticIndex(a: Analysis): Map<string, Diagnostic> {
  let index = indexes.get(a);
  if (!index) {
    index = new Map();
    for (const x of a.diagnostics) {
      const key = `${x.rule}\0${x.start}\0${x.end}\0${x.message}`;
      if (!index.has(key)) index.set(key, x); // the first, as the linear search found it
    }
    indexes.set(a, index);
  }
  return index;
}

/** Computes the code actions for a range. */
export function codeActions(a: Analysis, req: CodeActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  const { uri } = req;
  const fixAllAction = (title: string, kind: string, rule: string | undefined, diagnostics?: LspDiagnostic[]): CodeAction => {
    const action: CodeAction = { title, kind, ...(diagnostics ? { diagnostics } : {}), data: { fixAll: true, uri, version: req.version, ...(rule ? { rule } : {}) } satisfies FixAllData };
    return req.canResolve ? action : resolveFixAll(a, action, req.lintOptions);
  };
  if (wants(req.only, CodeActionKind.QuickFix)) {
    const rulesSeen = new Set<string>();
    for (const d of req.diagnostics) {
      const x = lookup(a, req.version, d);
      if (!x) continue;
      x.fixes.forEach((f, i) => {
        actions.push({
          title: f.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: f.safe && i === 0,
          edit: { changes: { [uri]: toLspEdits(a.lines, f) } },
        });
      });
      // fix all problems of this rule in the file
      if (!rulesSeen.has(x.rule) && x.fixes.some(safeFix)) {
        rulesSeen.add(x.rule);
        const count = a.diagnostics.filter((y) => y.rule === x.rule && y.fixes.some(safeFix)).length;
        if (count > 1) {
          const action = fixAllAction(`Fix all ${x.rule} problems (${count})`, CodeActionKind.QuickFix, x.rule, [d]);
          if (req.canResolve || action.edit) actions.push(action);
        }
      }
      // suppressions
      const line = d.range.start.line;
      actions.push({
        title: `Disable ${x.rule} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `<!-- wikitext-lint-disable-next-line ${x.rule} -->\n` }] } },
      });
      actions.push({
        title: `Disable ${x.rule} for the whole file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `<!-- wikitext-lint-disable ${x.rule} -->\n` }] } },
      });
    }
  }
  const fixAllKind = wants(req.only, FIX_ALL_KIND) || wants(req.only, CodeActionKind.Source);
  if (fixAllKind) {
    const count = a.diagnostics.filter((d) => d.fixes.some(safeFix)).length;
    if (count > 0) {
      const action = fixAllAction(`Fix all auto-fixable wikitext problems (${count})`, FIX_ALL_KIND, undefined);
      if (req.canResolve || action.edit) actions.push(action);
    }
  }
  return actions;
}

const fixAllCache = new WeakMap<Analysis, Map<string, { options: LintOptions; result: ReturnType<typeof fixAll> }>>();

/** Fix-all of one analysed version, computed once (each request would otherwise run it again: 275-515 ms on a large article). */
function fixAllOnce(a: Analysis, options: LintOptions, rule?: string): ReturnType<typeof fixAll> {
  let perRule = fixAllCache.get(a);
  if (!perRule) fixAllCache.set(a, (perRule = new Map()));
  const hit = perRule.get(rule ?? '');
  if (hit && hit.options === options) return hit.result;
  const result = fixAll(a.text, options, rule);
  perRule.set(rule ?? '', { options, result });
  return result;
}

/** True when a code action is one of our fix-alls waiting for its edit. */
export function isFixAll(action: CodeAction): action is CodeAction & { data: FixAllData } {
  const d = action.data as Partial<FixAllData> | undefined;
  return !!d && d.fixAll === true && typeof d.uri === 'string' && typeof d.version === 'number';
}

/**
 * Fills in a fix-all action's edit: safe fixes applied and the page re-linted until stable (`fixAll`). The
 * caller has checked that `a` is the analysis of the version in the action's data. An action that turns
 * out to change nothing gets no edit.
 */
export function resolveFixAll(a: Analysis, action: CodeAction, lintOptions: LintOptions): CodeAction {
  const data = action.data as FixAllData;
  const fixed = fixAllOnce(a, lintOptions, data.rule);
  const edit = minimalEdit(a.lines, a.text, fixed.text);
  const out: CodeAction = { ...action };
  delete out.data;
  if (edit) out.edit = { changes: { [data.uri]: [edit] } };
  if (!data.rule) out.title = `Fix all auto-fixable wikitext problems (${fixed.fixed})`;
  return out;
}

/**
 * Conversion of the core's results (UTF-16 offsets, plain data) to LSP types, in one place, as rust-analyzer's
 * `to_proto`: ranges, text edits, diagnostics, whole-text replacements as minimal edits, and the results of
 * every language feature (`core/features` never sees an LSP type).
 */
import {
  CompletionItemKind, DocumentHighlightKind, FoldingRangeKind, InsertTextFormat, SymbolKind,
  type CodeAction, type CompletionItem, type CompletionList, type Diagnostic as LspDiagnostic, type DocumentHighlight, type DocumentLink,
  type DocumentSymbol, type FoldingRange, type Hover, type Location, type MarkupContent, type ParameterInformation, type Range,
  type SelectionRange, type SemanticTokens, type SignatureHelp, type TextEdit as LspTextEdit,
} from 'vscode-languageserver-types';
import type { Diagnostic, Fix, TextEdit } from './core/lint/types';
import type { LineIndex } from './core/lineIndex';
import type {
  CompletionEntry, CompletionEntryKind, Fold, Highlight, HoverResult, LinkTarget, OutlineKind, OutlineSymbol, Refactor, RenameTarget,
  SignatureResult, Span, TokenList,
} from './core/features/types';

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

// ---------------------------------------------------------------------------------------------
// Language features (core/features return offsets and plain data; here they become LSP types)

const COMPLETION_KINDS: Readonly<Record<CompletionEntryKind, CompletionItemKind>> = {
  snippet: CompletionItemKind.Snippet,
  reference: CompletionItemKind.Reference,
  property: CompletionItemKind.Property,
  'enum-member': CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  file: CompletionItemKind.File,
};

const SYMBOL_KINDS: Readonly<Record<OutlineKind, SymbolKind>> = {
  section: SymbolKind.Namespace,
  'pseudo-section': SymbolKind.String,
  ref: SymbolKind.Key,
  citation: SymbolKind.Object,
};

const HIGHLIGHT_KINDS: Readonly<Record<Highlight['kind'], DocumentHighlightKind>> = {
  text: DocumentHighlightKind.Text,
  read: DocumentHighlightKind.Read,
  write: DocumentHighlightKind.Write,
};

export function toHover(lines: LineIndex, h: HoverResult | null): Hover | null {
  if (!h) return null;
  const contents: MarkupContent = { kind: 'markdown', value: h.markdown };
  return { contents, range: toRange(lines, h.start, h.end) };
}

function toCompletionItem(e: CompletionEntry, range: Range): CompletionItem {
  const item: CompletionItem = { label: e.label, kind: COMPLETION_KINDS[e.kind] };
  if (e.detail !== undefined) item.detail = e.detail;
  if (e.documentation !== undefined) item.documentation = { kind: 'markdown', value: e.documentation };
  if (e.sortText !== undefined) item.sortText = e.sortText;
  if (e.filterText !== undefined) item.filterText = e.filterText;
  if (e.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  item.textEdit = { range, newText: e.edit.newText };
  if (e.suggestAgain) item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
  return item;
}

export function toCompletionList(lines: LineIndex, r: { items: CompletionEntry[] }): CompletionList {
  // The items of one list replace the same range (the typed prefix): its positions are computed once.
  let start = -1, end = -1;
  let range: Range | null = null;
  const items = r.items.map((e) => {
    if (!range || e.edit.start !== start || e.edit.end !== end) {
      start = e.edit.start;
      end = e.edit.end;
      range = toRange(lines, start, end);
    }
    return toCompletionItem(e, range);
  });
  return { isIncomplete: false, items };
}

export function toSignatureHelp(s: SignatureResult | null): SignatureHelp | null {
  if (!s) return null;
  const parameters: ParameterInformation[] = s.parameters.map((p) => (p.documentation !== undefined ? { label: p.label, documentation: p.documentation } : { label: p.label }));
  return {
    signatures: [{ label: s.label, ...(s.documentation !== undefined ? { documentation: s.documentation } : {}), parameters }],
    activeSignature: 0,
    activeParameter: s.activeParameter,
  };
}

export function toCodeAction(lines: LineIndex, uri: string, r: Refactor): CodeAction {
  return { title: r.title, kind: r.kind, edit: { changes: { [uri]: r.edits.map((e) => toLspEdit(lines, e)) } } };
}

export function toLocations(lines: LineIndex, uri: string, spans: Span[]): Location[] {
  return spans.map((s) => ({ uri, range: toRange(lines, s.start, s.end) }));
}

export function toPrepareRename(lines: LineIndex, t: RenameTarget | null): { range: Range; placeholder: string } | null {
  return t ? { range: toRange(lines, t.start, t.end), placeholder: t.placeholder } : null;
}

export function toHighlights(lines: LineIndex, hs: Highlight[]): DocumentHighlight[] {
  return hs.map((h) => ({ range: toRange(lines, h.start, h.end), kind: HIGHLIGHT_KINDS[h.kind] }));
}

export function toDocumentSymbols(lines: LineIndex, symbols: OutlineSymbol[]): DocumentSymbol[] {
  return symbols.map((s) => {
    const out: DocumentSymbol = { name: s.name, kind: SYMBOL_KINDS[s.kind], range: toRange(lines, s.start, s.end), selectionRange: toRange(lines, s.selection.start, s.selection.end) };
    if (s.detail !== undefined) out.detail = s.detail;
    if (s.children?.length) out.children = toDocumentSymbols(lines, s.children);
    return out;
  });
}

export function toFoldingRanges(folds: Fold[]): FoldingRange[] {
  return folds.map((f) => (f.kind ? { startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'region' ? FoldingRangeKind.Region : FoldingRangeKind.Comment } : { startLine: f.startLine, endLine: f.endLine }));
}

export function toDocumentLinks(lines: LineIndex, links: LinkTarget[]): DocumentLink[] {
  return links.map((l) => ({ range: toRange(lines, l.start, l.end), target: l.target, tooltip: l.tooltip }));
}

/** Each chain (innermost first) as LSP's linked list, each range pointing to its parent. */
export function toSelectionRanges(lines: LineIndex, chains: Span[][]): SelectionRange[] {
  return chains.map((chain) => {
    let parent: SelectionRange | undefined;
    for (let i = chain.length - 1; i >= 0; i--) {
      const range = toRange(lines, chain[i].start, chain[i].end);
      parent = parent ? { range, parent } : { range };
    }
    return parent!;
  });
}

/** Tokens in offsets (sorted, none across a line break) to LSP's relative encoding: a line cursor moves forward only. */
export function toSemanticTokens(lines: LineIndex, tokens: TokenList): SemanticTokens {
  const src = tokens.data;
  const starts = lines.lineStarts;
  const data: number[] = new Array(src.length / 4 * 5);
  let line = src.length ? lines.position(src[0]).line : 0;
  let prevLine = 0, prevChar = 0, k = 0;
  for (let i = 0; i < src.length; i += 4) {
    const start = src[i];
    while (line + 1 < starts.length && starts[line + 1] <= start) line++;
    const char = start - starts[line];
    data[k++] = line - prevLine;
    data[k++] = line === prevLine ? char - prevChar : char;
    data[k++] = src[i + 1];
    data[k++] = src[i + 2];
    data[k++] = src[i + 3];
    prevLine = line;
    prevChar = char;
  }
  return { data };
}

/**
 * The language features as the client sees them: each core feature (offsets and plain data) converted to
 * LSP types by the server's own `toProto.ts`, with the signatures the feature tests were written against.
 * The tests thus check the features and the conversion together, as the server runs them.
 */
import type {
  CodeAction, CompletionList, DocumentHighlight, DocumentLink, DocumentSymbol, FoldingRange, Hover, Range, SelectionRange,
  SemanticTokens, SignatureHelp, TextEdit,
} from 'vscode-languageserver-types';
import type { Analysis } from '../../server/src/core/analysis';
import type { LintOptions } from '../../server/src/core/lint/lint';
import { features } from '../../server/src/core/features';
import type { HoverOptions } from '../../server/src/core/features/hover';
import {
  toCodeAction, toCompletionList, toDocumentLinks, toDocumentSymbols, toFoldingRanges, toHighlights, toHover, toLspEdit, toPrepareRename,
  toRange, toSelectionRanges, toSemanticTokens, toSignatureHelp,
} from '../../server/src/toProto';

export const semanticTokensLegend = features.semanticTokensLegend;

export function hover(a: Analysis, offset: number, options: HoverOptions): Hover | null {
  return toHover(a.lines, features.hover(a, offset, options));
}

export function completion(a: Analysis, offset: number, options: LintOptions): CompletionList {
  return toCompletionList(a.lines, features.completion(a, offset, options));
}

export function signatureHelp(a: Analysis, offset: number): SignatureHelp | null {
  return toSignatureHelp(features.signatureHelp(a, offset));
}

export function refactors(a: Analysis, uri: string, start: number, end: number, options: LintOptions, only?: string[]): CodeAction[] {
  return features.refactors(a, start, end, options, only).map((r) => toCodeAction(a.lines, uri, r));
}

export function definition(a: Analysis, offset: number): Range[] {
  return features.definition(a, offset).map((s) => toRange(a.lines, s.start, s.end));
}

export function references(a: Analysis, offset: number, includeDeclaration: boolean): Range[] {
  return features.references(a, offset, includeDeclaration).map((s) => toRange(a.lines, s.start, s.end));
}

export function prepareRename(a: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const t = features.prepareRename(a, offset);
  // refused with a reason: the server answers with an error carrying it
  if (typeof t === 'string') throw new Error(t);
  return toPrepareRename(a.lines, t);
}

export function rename(a: Analysis, offset: number, newName: string): TextEdit[] | string {
  const r = features.rename(a, offset, newName);
  return typeof r === 'string' ? r : r.map((e) => toLspEdit(a.lines, e));
}

export function documentHighlights(a: Analysis, offset: number): DocumentHighlight[] {
  return toHighlights(a.lines, features.documentHighlights(a, offset));
}

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  return toDocumentSymbols(a.lines, features.documentSymbols(a));
}

export function foldingRanges(a: Analysis): FoldingRange[] {
  return toFoldingRanges(features.foldingRanges(a));
}

export function documentLinks(a: Analysis, linkBase: string): DocumentLink[] {
  return toDocumentLinks(a.lines, features.documentLinks(a, linkBase));
}

export function selectionRanges(a: Analysis, offsets: number[]): SelectionRange[] {
  return toSelectionRanges(a.lines, features.selectionRanges(a, offsets));
}

export function semanticTokens(a: Analysis, range?: { start: number; end: number }): SemanticTokens {
  return toSemanticTokens(a.lines, features.semanticTokens(a, range));
}

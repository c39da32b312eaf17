/**
 * What the language features return: UTF-16 offsets and plain data, never LSP types. The server turns
 * them into LSP's shapes in one module (`server/src/toProto.ts`, as rust-analyzer's `to_proto`), so the
 * core knows nothing of the protocol, and the CLI or another adapter could use the same results.
 */
import type { TextEdit } from '../lint/types';

export type { TextEdit };

/** `[start, end)` in UTF-16 offsets of the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A hover: Markdown and the range it describes. */
export interface HoverResult extends Span {
  markdown: string;
}

/** Kinds of completion entries (mapped to LSP CompletionItemKind in toProto). */
export type CompletionEntryKind = 'snippet' | 'reference' | 'property' | 'enum-member' | 'value' | 'file';

/** One completion. Its edit replaces `[start, end)` (the typed prefix up to the cursor) with `newText`. */
export interface CompletionEntry {
  label: string;
  kind: CompletionEntryKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  filterText?: string;
  /** `newText` is a snippet (`$1`, `${1:x}`, `$0`). */
  snippet?: boolean;
  edit: TextEdit;
  /** Ask the editor to suggest again after inserting (values and dates have their own completions). */
  suggestAgain?: boolean;
}

/** Signature help: one signature with its parameters as `[start, end)` in the label. */
export interface SignatureResult {
  label: string;
  documentation?: string;
  parameters: { label: [number, number]; documentation?: string }[];
  /** Index of the parameter under the cursor, or null. */
  activeParameter: number | null;
}

/** A refactoring: a title, a code action kind (`refactor.rewrite`) and its edits in this document. */
export interface Refactor {
  title: string;
  kind: string;
  edits: TextEdit[];
}

/** A highlighted use: a definition is written, a reuse read, a template call is text. */
export interface Highlight extends Span {
  kind: 'text' | 'read' | 'write';
}

/** The range a rename would change and the current name. */
export interface RenameTarget extends Span {
  placeholder: string;
}

/** Kinds of outline entries (mapped to LSP SymbolKind in toProto). */
export type OutlineKind = 'section' | 'pseudo-section' | 'ref' | 'citation';

/** An outline entry: `[start, end)` the whole construct, `selection` the part to reveal (its name). */
export interface OutlineSymbol extends Span {
  name: string;
  detail?: string;
  kind: OutlineKind;
  selection: Span;
  children?: OutlineSymbol[];
}

/** A folding range, by whole lines (0-based, of the analysis's line index). */
export interface Fold {
  startLine: number;
  endLine: number;
  kind?: 'region' | 'comment';
}

/** A document link. */
export interface LinkTarget extends Span {
  target: string;
  tooltip: string;
}

/**
 * Semantic tokens, flat in document order; no token crosses a line break. Types and modifier bits index
 * `semanticTokensLegend`.
 */
export interface TokenList {
  /** `[start0, length0, type0, modifiers0, start1, ...]`: four numbers per token. */
  data: number[];
}

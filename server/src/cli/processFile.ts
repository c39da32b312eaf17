/**
 * Lints (and optionally fixes) one file, returning a plain, serialisable result: the same code runs on
 * the main thread and in worker threads.
 */
import { lstatSync } from 'node:fs';
import { findConfigFor, readWikitext, writeWikitextAtomic, describeFsError } from './files';
import { fixAll, lint } from '../core/lint/lint';
import { mergeConfigs, LintConfig } from '../core/lint/config';
import type { Day, Diagnostic, Severity } from '../core/lint/types';
import { LineIndex } from '../core/lineIndex';
import { parse } from '../core/parser/parse';
import { treeToJson, treeToText } from '../core/parser/printTree';
import { unifiedDiff } from './diff';
import type { SiteProfile } from '../core/profile';
import { lookupOf, type LinkInfo } from '../core/links/types';
import type { PageMetadata } from '../core/links/metadata';
import { fillAllEdits } from '../core/links/fill';
import { applyEdits } from '../core/lint/lint';

/** What the CLI was asked to do with each file. */
export interface ProcessOptions {
  mode: 'lint' | 'fix' | 'fix-dry-run' | 'print-tree';
  treeFormat: 'text' | 'json';
  /** `--config` file (replaces the lookup), already validated. */
  config?: LintConfig;
  /** `--rule id:severity` overrides. */
  overrides?: LintConfig;
  today: Day;
  /** The site profile for every file (`--site`). */
  profile?: SiteProfile;
  /** Profiles by site name, for files whose `.wikitext-lint.json` names a `"site"` (loaded before linting). */
  profiles?: Record<string, SiteProfile>;
  /** Results of `--check-links`, by URL. */
  links?: Record<string, LinkInfo>;
  /** Metadata fetched by `--fill-citations`, by URL. */
  fills?: Record<string, PageMetadata>;
}

/** A 1-based line and column with the 0-based UTF-16 offset. */
export interface OutPosition {
  line: number;
  column: number;
  offset: number;
}

/** A diagnostic as printed: positions resolved. */
export interface OutDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: { start: OutPosition; end: OutPosition };
  related: { message: string; range: { start: OutPosition; end: OutPosition } }[];
  fixes: { title: string; safe: boolean; edits: { range: { start: OutPosition; end: OutPosition }; newText: string }[] }[];
}

/** The outcome for one file. */
export interface FileResult {
  path: string;
  /** Why the file could not be processed (it is then counted as an I/O error). */
  error?: string;
  diagnostics: OutDiagnostic[];
  /** Fixes applied (with --fix) or that would be (with --fix-dry-run). */
  fixed?: number;
  diff?: string;
  /** The printed syntax tree (--print-tree). */
  tree?: string;
  /** Rules that threw on this file (a bug of ours; reported, never fatal). */
  ruleErrors?: string[];
  /** For a page read from a wiki (then `path` is the permalink of the revision linted). */
  page?: { site: string; title: string; revid: number; timestamp: string; redirectedFrom?: string; section?: number };
  /** The fixed text (pages with --fix, which never publish: the CLI writes it to --output). */
  fixedText?: string;
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function position(lines: LineIndex, offset: number): OutPosition {
  const p = lines.position(offset);
  return { line: p.line + 1, column: p.character + 1, offset };
}

function toOut(lines: LineIndex, d: Diagnostic): OutDiagnostic {
  const range = (s: number, e: number) => ({ start: position(lines, s), end: position(lines, e) });
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    range: range(d.start, d.end),
    related: d.related.map((r) => ({ message: r.message, range: range(r.start, r.end) })),
    fixes: d.fixes.map((f) => ({ title: f.title, safe: f.safe, edits: f.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })) })),
  };
}

/** Processes one file according to the options; never throws. */
export function processFile(file: string, options: ProcessOptions): FileResult {
  const result: FileResult = { path: file, diagnostics: [] };
  let input;
  try {
    input = readWikitext(file);
  } catch (e) {
    result.error = e instanceof Error && !(e as NodeJS.ErrnoException).code ? e.message : describeFsError(e);
    return result;
  }
  try {
    let config: LintConfig | undefined = options.config;
    if (!config && options.mode !== 'print-tree') config = findConfigFor(file).config ?? undefined;
    const profile = options.profile ?? (config?.site ? options.profiles?.[config.site] : undefined);
    processText(result, input.text, options, config, profile, (fixed) => {
      if (file === '-') process.stdout.write((input.bom ? '\ufeff' : '') + fixed);
      else if (isSymbolicLink(file)) throw new Error('is a symbolic link: not fixed (fix the file it points to)');
      else writeWikitextAtomic(file, { text: fixed, bom: input.bom });
    });
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  }
  return result;
}

/**
 * Lints, fixes or prints the tree of one text into `result` (shared by files and wiki pages). `write` receives
 * the fixed text with --fix (a file is rewritten; a page's text goes to --output). May throw.
 */
export function processText(result: FileResult, text: string, options: ProcessOptions, config: LintConfig | undefined, profile: SiteProfile | undefined, write: (fixed: string) => void): void {
  if (options.mode === 'print-tree') {
    const doc = parse(text, undefined, profile);
    result.tree = options.treeFormat === 'json' ? JSON.stringify(treeToJson(doc)) : treeToText(doc);
    return;
  }
  const lintOptions = { config: mergeConfigs(config, options.overrides), today: options.today, profile, ...(options.links ? { links: lookupOf(options.links) } : {}) };
  if (options.mode === 'fix' || options.mode === 'fix-dry-run') {
    // --fill-citations: bare URL refs and untitled citations filled from their pages' metadata, then the fixes
    let start = text, filled = 0;
    if (options.fills) {
      const fills = options.fills;
      const before = lint(text, lintOptions);
      const done = applyEdits(text, fillAllEdits(text, before.model, before.citations, (u) => fills[u], options.today, lintOptions.config.dateFormat ?? 'iso'));
      filled = done.applied;
      start = done.text;
    }
    const fixed = fixAll(start, lintOptions);
    fixed.fixed += filled;
    result.fixed = fixed.fixed;
    if (fixed.text !== text) {
      if (options.mode === 'fix') write(fixed.text);
      else result.diff = unifiedDiff(result.path, text, fixed.text);
      text = fixed.text;
    }
  }
  const linted = lint(text, lintOptions);
  result.diagnostics = linted.diagnostics.map((d) => toOut(linted.lines, d));
  if (linted.ruleErrors.length) result.ruleErrors = linted.ruleErrors.map((r) => `${r.rule}: ${r.error.split('\n')[0]}`);
}

/**
 * Lints (and optionally fixes) one file, returning a plain, serialisable result: the same code runs on
 * the main thread and in worker threads.
 */
import { lstatSync } from 'node:fs';
import { findConfigFor, readWikitext, describeFsError } from './files';
import { writeFixedFile } from './safeWrite';
import { INPUT_SIZE_CAP } from '../readLimited';
import { fixAll, lint } from '../core/lint/lint';
import { mergeConfigs, LintConfig } from '../core/lint/config';
import type { Day, Diagnostic, Severity } from '../core/lint/types';
import { LineIndex } from '../core/lineIndex';
import { parse } from '../core/parser/parse';
import { treeToJson, treeToText } from '../core/parser/printTree';
import { unifiedDiff } from './diff';

/** What the CLI was asked to do with each file. */
export interface ProcessOptions {
  mode: 'lint' | 'fix' | 'fix-dry-run' | 'print-tree';
  treeFormat: 'text' | 'json';
  /** `--config` file (replaces the lookup), already validated. */
  config?: LintConfig;
  /** `--rule id:severity` overrides. */
  overrides?: LintConfig;
  today: Day;
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
    if (options.mode === 'print-tree') {
      const doc = parse(input.text);
      result.tree = options.treeFormat === 'json' ? JSON.stringify(treeToJson(doc)) : treeToText(doc);
      return result;
    }
    let config: LintConfig | undefined = options.config;
    if (!config) {
      const found = findConfigFor(file);
      config = found.config ?? undefined;
    }
    const lintOptions = { config: mergeConfigs(config, options.overrides), today: options.today };
    let text = input.text;
    if (options.mode === 'fix' || options.mode === 'fix-dry-run') {
      const fixed = fixAll(text, lintOptions);
      if (options.mode === 'fix-dry-run') result.fixed = fixed.fixed;
      if (fixed.text !== text) {
        if (options.mode === 'fix') {
          if (file === '-') process.stdout.write((input.bom ? '\ufeff' : '') + fixed.text);
          else if (isSymbolicLink(file)) throw new Error('is a symbolic link: not fixed (fix the file it points to)');
          else writeFixedFile(file, input.source!, (input.bom ? '\ufeff' : '') + fixed.text, INPUT_SIZE_CAP);
          // counted only once written: a file that could not be written reports its error, not "N fixes applied"
          result.fixed = fixed.fixed;
        } else result.diff = unifiedDiff(file, text, fixed.text);
        text = fixed.text;
      }
    }
    const linted = lint(text, lintOptions);
    result.diagnostics = linted.diagnostics.map((d) => toOut(linted.lines, d));
    if (linted.ruleErrors.length) result.ruleErrors = linted.ruleErrors.map((r) => `${r.rule}: ${r.error.split('\n')[0]}`);
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  }
  return result;
}

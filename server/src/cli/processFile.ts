/**
 * Lints (and optionally fixes) one file, returning a plain, serialisable result: the same code runs on
 * the main thread and in worker threads.
 */
import { resolveCitationProfileFile } from '../wiki/citationProfileCache';
import type { ResolvedCitationProfile } from '../wiki/autoProfile';
import { lstatSync } from 'node:fs';
import { findConfigFor, readWikitext, describeFsError, writeWikitextAtomic } from './files';
import { writeFixedFile } from './safeWrite';
import { INPUT_SIZE_CAP } from '../readLimited';
import { fixAll, lint } from '../core/lint/lint';
import { mergeConfigs, LintConfig } from '../core/lint/config';
import type { Day, Diagnostic, Severity } from '../core/lint/types';
import { LineIndex } from '../core/lineIndex';
import { parse } from '../core/parser/parse';
import { treeToJson, treeToText } from '../core/parser/printTree';
import { unifiedDiff } from './diff';
import type { CitationProfile, SiteProfile } from '../core/profile';
import { lookupOf, type LinkInfo } from '../core/links/types';
import type { PageMetadata } from '../core/links/metadata';
import { fillAllEdits } from '../core/links/fill';
import { applyEdits } from '../core/lint/lint';
import { createHash } from 'node:crypto';
import type { Citation } from '../core/citations';
import { contentHash, type CacheEntry } from './cache';

/** What the CLI was asked to do with each file. */
export interface ProcessOptions {
  mode: 'lint' | 'fix' | 'fix-dry-run' | 'print-tree';
  treeFormat: 'text' | 'json';
  /** `--config` file (replaces the lookup), already validated. */
  config?: LintConfig;
  /** `--rule id:severity` overrides. */
  overrides?: LintConfig;
  today: Day;
  /** A citation profile for every file (`--profile`). */
  citationProfile?: CitationProfile;
  /** The site profile for every file (`--site`). */
  profile?: SiteProfile;
  /** Profiles by site name, for files whose `.wikitext-lint.json` names a `"site"` (loaded before linting). */
  profiles?: Record<string, SiteProfile>;
  /** Results of `--check-links`, by URL. */
  links?: Record<string, LinkInfo>;
  /** Metadata fetched by `--fill-citations`, by URL. */
  fills?: Record<string, PageMetadata>;
  /** `--fix-rule` / `--fix-type`, resolved to the rule ids whose fixes apply (undefined: all). */
  fixRules?: string[];
  /** Compute a position-independent fingerprint per diagnostic (--baseline, SARIF). */
  fingerprints?: boolean;
  /** `--stdin-filename`: the name of standard input in the report and for configuration lookup. */
  stdinFilename?: string;
  /** `--cache`: remember results by content and configuration. */
  cache?: boolean;
  /** `--report-unused-disable-directives`. */
  reportUnusedDisableDirectives?: boolean;
  /** The CLI's version (part of the cache key). */
  version?: string;
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
  /** Rule and the text of the citation (or of the range with its surroundings), hashed: stable when text moves. */
  fingerprint?: string;
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
  /** English-only rules not run on this file, and for which wiki (see `LintResult.skippedRules`). */
  skipped?: { rules: string[]; for: string };
  /** `"profile": "auto"` of the file's configuration used the map shipped for its site: the note for the user. */
  profileNote?: string;
  /** For a page read from a wiki (then `path` is the permalink of the revision linted). */
  page?: { site: string; title: string; revid: number; timestamp: string; redirectedFrom?: string; section?: number };
  /** The fixed text (pages with --fix, which never publish: the CLI writes it to --output). */
  fixedText?: string;
  /** With --cache: the file's content hash and configuration key (the result is stored under them). */
  cacheKey?: { hash: string; config: string };
  /** With --cache: the result came from the cache. */
  cached?: boolean;
}

const profileFiles = new Map<string, ResolvedCitationProfile>();
/** A citation profile file, read once per run (throws: the file is then reported as not processed). */
function profileFromFile(file: string, site?: string): ResolvedCitationProfile {
  const key = file === 'auto' ? `auto\0${site ?? ''}` : file;
  let p = profileFiles.get(key);
  if (!p) profileFiles.set(key, p = resolveCitationProfileFile(file, site));
  return p;
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

/** The fingerprint of a diagnostic: its rule, message and the text of the citation it is in (else of its range). */
export function fingerprint(src: string, rule: string, message: string, start: number, end: number, citations: Citation[]): string {
  let lo = 0, hi = citations.length - 1, found: Citation | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (citations[mid].template.start <= start) {
      found = citations[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const text = found && found.template.end >= end ? src.slice(found.template.start, found.template.end) : src.slice(start, end);
  return createHash('sha1').update(rule).update('\0').update(message).update('\0').update(text).digest('hex').slice(0, 20);
}

/** Processes one file according to the options; never throws. `cached` is what --cache holds for it. */
export function processFile(file: string, options: ProcessOptions, cached?: CacheEntry): FileResult {
  const shown = file === '-' && options.stdinFilename ? options.stdinFilename : file;
  const result: FileResult = { path: shown, diagnostics: [] };
  let input;
  try {
    input = readWikitext(file);
  } catch (e) {
    result.error = e instanceof Error && !(e as NodeJS.ErrnoException).code ? e.message : describeFsError(e);
    return result;
  }
  try {
    let config: LintConfig | undefined = options.config;
    if (!config && options.mode !== 'print-tree') config = findConfigFor(shown).config ?? undefined;
    const profile = options.profile ?? (config?.site ? options.profiles?.[config.site] : undefined);
    // "profile" of the file's .wikitext-lint.json, unless --profile gave one for every file
    const fromConfig = !options.citationProfile && config?.profile ? profileFromFile(config.profile, config.site) : undefined;
    if (fromConfig?.note) result.profileNote = fromConfig.note; // `auto` used the shipped map: the CLI says so once
    const citationProfile = options.citationProfile ?? fromConfig?.profile;
    const hit = processText(result, input.text, { ...options, ...(citationProfile ? { citationProfile } : {}) }, config, profile, (fixed) => {
      if (file === '-') process.stdout.write((input.bom ? '\ufeff' : '') + fixed);
      else if (isSymbolicLink(file)) throw new Error('is a symbolic link: not fixed (fix the file it points to)');
      // UTF-16 files are encoded back as they came; others are written only if the file still holds what was read
      else if (input.encoding || !input.source) writeWikitextAtomic(file, { text: fixed, bom: input.bom, encoding: input.encoding });
      else writeFixedFile(file, input.source, (input.bom ? '\ufeff' : '') + fixed, INPUT_SIZE_CAP);
    }, file !== '-' ? cached : undefined, file !== '-');
    if (hit) return { ...hit.result, path: shown, cached: true, ...(result.profileNote ? { profileNote: result.profileNote } : {}) };
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  }
  return result;
}

/**
 * Lints (or fixes, or prints the tree of) one text, a file's or a wiki page's, into `result`. With --cache and a
 * matching entry, returns that entry instead (nothing is linted).
 */
export function processText(result: FileResult, text: string, options: ProcessOptions, config: LintConfig | undefined, profile: SiteProfile | undefined, write: (fixed: string) => void, cached?: CacheEntry, cacheable = false): CacheEntry | undefined {
  if (options.mode === 'print-tree') {
    const doc = parse(text, undefined, profile);
    result.tree = options.treeFormat === 'json' ? JSON.stringify(treeToJson(doc)) : treeToText(doc);
    return undefined;
  }
  const lintOptions = {
    config: mergeConfigs(config, options.overrides),
    today: options.today,
    profile,
    ...(options.citationProfile ? { citationProfile: options.citationProfile } : {}),
    ...(options.links ? { links: lookupOf(options.links) } : {}),
    ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: 'warning' as const } : {}),
  };
  if (options.cache && cacheable && options.mode === 'lint' && !options.links) {
    const key = { hash: contentHash(text), config: contentHash(JSON.stringify([options.version, lintOptions, options.fingerprints === true])) };
    if (cached && cached.hash === key.hash && cached.config === key.config) return cached;
    result.cacheKey = key;
  }
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
    const only = options.fixRules ? new Set(options.fixRules) : undefined;
    const fixed = fixAll(start, lintOptions, only && ((id: string) => only.has(id)));
    fixed.fixed += filled;
    // with --fix, counted only once written: a file that could not be written reports its error, not "N fixes applied"
    if (options.mode === 'fix-dry-run' || fixed.text === text) result.fixed = fixed.fixed;
    if (fixed.text !== text) {
      if (options.mode === 'fix') {
        write(fixed.text);
        result.fixed = fixed.fixed;
      } else result.diff = unifiedDiff(result.path, text, fixed.text);
      text = fixed.text;
    }
  }
  const linted = lint(text, lintOptions);
  result.diagnostics = linted.diagnostics.map((d) => toOut(linted.lines, d));
  if (linted.skippedRules.length && linted.skippedFor) result.skipped = { rules: linted.skippedRules, for: linted.skippedFor };
  if (options.fingerprints) {
    const cites = [...linted.citations].sort((a, b) => a.template.start - b.template.start);
    linted.diagnostics.forEach((d, i) => {
      result.diagnostics[i].fingerprint = fingerprint(text, d.rule, d.message, d.start, d.end, cites);
    });
  }
  if (linted.ruleErrors.length) result.ruleErrors = linted.ruleErrors.map((r) => `${r.rule}: ${r.error.split('\n')[0]}`);
  return undefined;
}

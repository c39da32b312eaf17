/**
 * Output formats of the CLI: stylish (people), json, sarif 2.1.0 (code scanning), github (workflow annotations).
 * Every format is a streaming reporter: it writes each file's results as they come, diagnostic by diagnostic, so
 * a run with millions of findings never builds one giant string (V8 caps strings at about 512 MB) nor keeps all
 * results in memory.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { FileResult, OutDiagnostic } from './processFile';
import type { Sink } from './sink';
import { rules } from '../core/rules';
import { ruleDocsUrl } from '../core/rules/meta';

export { ruleDocsUrl };

/** Counts across all files. */
export interface Summary {
  errors: number;
  warnings: number;
  info: number;
  /** Files that could not be read or processed. */
  fileErrors: number;
  /** Diagnostics with a fix --fix would apply, by severity. */
  fixableErrors: number;
  fixableWarnings: number;
  /** Fixes applied (--fix) or that would be (--fix-dry-run). */
  fixed: number;
}

export function emptySummary(): Summary {
  return { errors: 0, warnings: 0, info: 0, fileErrors: 0, fixableErrors: 0, fixableWarnings: 0, fixed: 0 };
}


/** Whether --fix would fix this diagnostic. */
export const isFixable = (d: OutDiagnostic) => d.fixes.some((f) => f.safe);

/** Adds one file's counts (hints count as info). */
export function addToSummary(s: Summary, r: FileResult): void {
  if (r.error) s.fileErrors++;
  s.fixed += r.fixed ?? 0;
  for (const d of r.diagnostics) {
    const fixable = isFixable(d);
    if (d.severity === 'error') {
      s.errors++;
      if (fixable) s.fixableErrors++;
    } else if (d.severity === 'warning') {
      s.warnings++;
      if (fixable) s.fixableWarnings++;
    } else s.info++;
  }
}

/** Sums diagnostics by severity. */
export function summarise(results: FileResult[]): Summary {
  const s = emptySummary();
  for (const r of results) addToSummary(s, r);
  return s;
}

/** What the reporters need besides the results. */
export interface ReportContext {
  mode: 'lint' | 'fix' | 'fix-dry-run';
  color: boolean;
  version: string;
}

/** A streaming reporter: `begin`, then `file` for each file in order, then `end`. */
export interface Reporter {
  begin(): Promise<void>;
  file(r: FileResult): Promise<void>;
  end(summary: Summary): Promise<void>;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** `path:line:col  severity  message  rule-id`, grouped by file, with a total. */
export function stylishReporter(out: Sink, ctx: ReportContext): Reporter {
  const c = (code: string, s: string) => (ctx.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return {
    async begin() {},
    async file(r) {
      if (r.error) {
        await out.write(c('31', `${r.path}: error: ${r.error}`) + '\n');
        return;
      }
      if (r.diff) await out.write(r.diff);
      if (!r.diagnostics.length) return;
      await out.write(c('4', r.path) + '\n');
      for (const d of r.diagnostics) {
        const sev = d.severity === 'error' ? c('31', 'error') : d.severity === 'warning' ? c('33', 'warning') : c('36', d.severity);
        await out.write(`${r.path}:${d.range.start.line}:${d.range.start.column}  ${sev}  ${d.message}  ${c('2', d.rule)}${isFixable(d) ? '  ' + c('32', '(fixable)') : ''}\n`);
      }
      await out.write('\n');
    },
    async end(s) {
      const lines: string[] = [];
      const total = s.errors + s.warnings + s.info;
      if (total || s.fileErrors) {
        const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), `${s.info} info`];
        let line = `${plural(total, 'problem')} (${parts.join(', ')})`;
        if (s.fileErrors) line += `, ${plural(s.fileErrors, 'file')} not linted`;
        lines.push(c(s.errors || s.fileErrors ? '31' : '33', line));
        if (s.fixableErrors || s.fixableWarnings) lines.push(c(s.errors || s.fileErrors ? '31' : '33', `  ${plural(s.fixableErrors, 'error')} and ${plural(s.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
      }
      const fixes = plural(s.fixed, 'fix').replace(/fixs$/, 'fixes');
      if (s.fixed) lines.push(ctx.mode === 'fix-dry-run' ? `would apply ${fixes} (dry run: nothing written)` : `${fixes} applied`);
      if (lines.length) await out.write(lines.join('\n') + '\n');
    },
  };
}

/**
 * The documented JSON shape: `{"files": [{path, error?, diagnostics, fixed?, diff?}], "summary": {...}}`,
 * written one diagnostic per line.
 */
export function jsonReporter(out: Sink): Reporter {
  let first = true;
  return {
    async begin() {
      await out.write('{"files": [');
    },
    async file(r) {
      await out.write(`${first ? '\n' : ',\n'}{"path": ${JSON.stringify(r.path)}${r.page ? `, "page": ${JSON.stringify(r.page)}` : ''}${r.error ? `, "error": ${JSON.stringify(r.error)}` : ''}, "diagnostics": [`);
      first = false;
      for (let i = 0; i < r.diagnostics.length; i++) await out.write(`${i ? ',' : ''}\n  ${JSON.stringify(r.diagnostics[i])}`);
      await out.write(`${r.diagnostics.length ? '\n' : ''}]${r.fixed !== undefined ? `, "fixed": ${r.fixed}` : ''}${r.diff ? `, "diff": ${JSON.stringify(r.diff)}` : ''}}`);
    },
    async end(s) {
      const summary = { errors: s.errors, warnings: s.warnings, info: s.info, fileErrors: s.fileErrors, fixableErrors: s.fixableErrors, fixableWarnings: s.fixableWarnings, ...(s.fixed ? { fixed: s.fixed } : {}) };
      await out.write(`\n],\n"summary": ${JSON.stringify(summary)}}\n`);
    },
  };
}

/**
 * A path as a SARIF `artifactLocation.uri`: a relative path is a relative URI reference with each segment
 * percent-encoded; an absolute path is a `file://` URI.
 */
export function sarifUri(p: string): string {
  if (p === '-') return 'stdin';
  // a wiki page is named by its revision's permalink, already a URI
  if (/^https?:\/\//i.test(p)) return p;
  if (path.isAbsolute(p) || /^[A-Za-z]:[\\/]/.test(p)) return pathToFileURL(p).href;
  return p.replace(/\\/g, '/').split('/').map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase())).join('/');
}

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export function sarifReporter(out: Sink, ctx: ReportContext): Reporter {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const failures: { level: string; message: { text: string } }[] = [];
  let first = true;
  return {
    async begin() {
      const driver = {
        name: 'wikitext-lint',
        version: ctx.version,
        informationUri: 'https://github.com/wikitext-tools/wikitext-lint',
        rules: rules.map((r) => ({
          id: r.id,
          shortDescription: { text: r.description },
          helpUri: ruleDocsUrl(r.id),
          defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : level(r.defaultSeverity) },
        })),
      };
      await out.write(`{\n"$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n"version": "2.1.0",\n"runs": [{\n"tool": {"driver": ${JSON.stringify(driver)}},\n"results": [`);
    },
    async file(r) {
      if (r.error) failures.push({ level: 'error', message: { text: `${r.path}: ${r.error}` } });
      const uri = sarifUri(r.path);
      for (const d of r.diagnostics) {
        const idx = ruleIndex.get(d.rule);
        const result = {
          ruleId: d.rule,
          ...(idx !== undefined ? { ruleIndex: idx } : {}),
          level: level(d.severity),
          message: { text: d.message },
          locations: [{
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: d.range.start.line, startColumn: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column, charOffset: d.range.start.offset, charLength: d.range.end.offset - d.range.start.offset },
            },
          }],
          ...(d.fingerprint ? { partialFingerprints: { 'wikitextLint/v1': d.fingerprint } } : {}),
          ...(d.related.length ? {
            relatedLocations: d.related.map((rel, i) => ({
              id: i,
              message: { text: rel.message },
              physicalLocation: { artifactLocation: { uri }, region: { startLine: rel.range.start.line, startColumn: rel.range.start.column } },
            })),
          } : {}),
        };
        await out.write(`${first ? '\n' : ',\n'}${JSON.stringify(result)}`);
        first = false;
      }
    },
    async end() {
      const invocations = [{ executionSuccessful: failures.length === 0, toolExecutionNotifications: failures }];
      await out.write(`\n],\n"invocations": ${JSON.stringify(invocations)}\n}]\n}\n`);
    },
  };
}

/** GitHub Actions workflow commands: `::error file=..,line=..,col=..::message`. */
export function githubReporter(out: Sink): Reporter {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return {
    async begin() {},
    async file(r) {
      if (r.error) await out.write(`::error file=${prop(r.path)}::${esc(r.error)}\n`);
      for (const d of r.diagnostics) {
        const cmd = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
        await out.write(`::${cmd} file=${prop(r.path)},line=${d.range.start.line},col=${d.range.start.column},endLine=${d.range.end.line},endColumn=${d.range.end.column},title=${prop(d.rule)}::${esc(d.message)}\n`);
      }
    },
    async end() {},
  };
}

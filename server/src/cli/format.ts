/** Output formats of the CLI: stylish (people), json, sarif 2.1.0 (code scanning), github (workflow annotations). */
import type { FileResult } from './processFile';
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
}

/** Sums diagnostics by severity (hints count as info). */
export function summarise(results: FileResult[]): Summary {
  const s: Summary = { errors: 0, warnings: 0, info: 0, fileErrors: 0 };
  for (const r of results) {
    if (r.error) s.fileErrors++;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else s.info++;
    }
  }
  return s;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** `path:line:col  severity  message  rule-id`, grouped by file, with a total. */
export function formatStylish(results: FileResult[], summary: Summary, color: boolean): string {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(c('31', `${r.path}: error: ${r.error}`));
      continue;
    }
    if (!r.diagnostics.length) continue;
    out.push(c('4', r.path));
    for (const d of r.diagnostics) {
      const sev = d.severity === 'error' ? c('31', 'error') : d.severity === 'warning' ? c('33', 'warning') : c('36', d.severity);
      out.push(`${r.path}:${d.range.start.line}:${d.range.start.column}  ${sev}  ${d.message}  ${c('2', d.rule)}`);
    }
    out.push('');
  }
  const total = summary.errors + summary.warnings + summary.info;
  if (total || summary.fileErrors) {
    const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), `${summary.info} info`];
    let line = `${plural(total, 'problem')} (${parts.join(', ')})`;
    if (summary.fileErrors) line += `, ${plural(summary.fileErrors, 'file')} not linted`;
    out.push(c(summary.errors || summary.fileErrors ? '31' : '33', line));
  }
  const fixed = results.reduce((n, r) => n + (r.fixed ?? 0), 0);
  if (fixed) out.push(`${fixed} ${fixed === 1 ? 'fix' : 'fixes'} applied`);
  return out.length ? out.join('\n') + '\n' : '';
}

/** The documented JSON shape: files with diagnostics, and a summary. */
export function formatJson(results: FileResult[], summary: Summary): string {
  return JSON.stringify({
    files: results.map((r) => ({
      path: r.path,
      ...(r.page ? { page: r.page } : {}),
      ...(r.error ? { error: r.error } : {}),
      diagnostics: r.diagnostics,
      ...(r.fixed !== undefined ? { fixed: r.fixed } : {}),
    })),
    summary: { errors: summary.errors, warnings: summary.warnings, info: summary.info, fileErrors: summary.fileErrors },
  }, null, 2) + '\n';
}

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export function formatSarif(results: FileResult[], version: string): string {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'wikitext-lint',
          version,
          informationUri: 'https://github.com/wikitext-tools/wikitext-lint',
          rules: rules.map((r) => ({
            id: r.id,
            shortDescription: { text: r.description },
            helpUri: ruleDocsUrl(r.id),
            defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : level(r.defaultSeverity) },
          })),
        },
      },
      results: results.flatMap((r) => r.diagnostics.map((d) => ({
        ruleId: d.rule,
        ruleIndex: rules.findIndex((x) => x.id === d.rule),
        level: level(d.severity),
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: r.path.replace(/\\/g, '/') },
            region: { startLine: d.range.start.line, startColumn: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column, charOffset: d.range.start.offset, charLength: d.range.end.offset - d.range.start.offset },
          },
        }],
        ...(d.related.length ? {
          relatedLocations: d.related.map((rel, i) => ({
            id: i,
            message: { text: rel.message },
            physicalLocation: { artifactLocation: { uri: r.path.replace(/\\/g, '/') }, region: { startLine: rel.range.start.line, startColumn: rel.range.start.column } },
          })),
        } : {}),
      }))),
      invocations: [{
        executionSuccessful: results.every((r) => !r.error),
        toolExecutionNotifications: results.filter((r) => r.error).map((r) => ({ level: 'error', message: { text: `${r.path}: ${r.error}` } })),
      }],
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** GitHub Actions workflow commands: `::error file=..,line=..,col=..::message`. */
export function formatGithub(results: FileResult[]): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const out: string[] = [];
  for (const r of results) {
    if (r.error) out.push(`::error file=${prop(r.path)}::${esc(r.error)}`);
    for (const d of r.diagnostics) {
      const cmd = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      out.push(`::${cmd} file=${prop(r.path)},line=${d.range.start.line},col=${d.range.start.column},endLine=${d.range.end.line},endColumn=${d.range.end.column},title=${prop(d.rule)}::${esc(d.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/**
 * Everything said about the rules outside their own files is made here from their metadata (`Rule`): the
 * docs URL of each diagnostic, `--list-rules`, the rule tables of README.md and docs/rules/README.md, and
 * the `wikitext.rules` settings schema of package.json. `node scripts/sync-manifest.mjs` writes the files;
 * test/rules/metadata.test.ts fails when one is stale.
 */
import type { Rule, RuleOption } from '../lint/types';
import { rules } from './index';

/** The docs page of a rule, linked from every diagnostic. */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/wikitext-tools/wikitext-lint/blob/main/docs/rules/${id}.md`;
}

/** `--list-rules`: one rule a line, with its default severity, category, kind of fix and description. */
export function listRulesText(list: readonly Rule[] = rules): string {
  return list.map((r) => `${r.id.padEnd(40)} ${String(r.defaultSeverity).padEnd(8)} ${r.category.padEnd(8)} ${(r.fixable ?? '-').padEnd(10)} ${r.description}\n`).join('');
}

/** Markdown table cell text: pipes escaped, tags shown as text. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

function fixCell(r: Rule): string {
  return r.fixable === 'safe' ? 'safe (--fix)' : r.fixable === 'suggestion' ? 'suggestion' : '';
}

/** The Wikipedia check, with message keys as code. */
function wikipediaCell(r: Rule): string {
  if (r.wikipedia === null) return 'project policy (beyond Wikipedia)';
  return cell(r.wikipedia).replace(/\b[a-z]+(?:_[a-z]+)+\b/g, '`$&`');
}

/** Where a generated block starts and ends in a Markdown file. */
export const GENERATED_START = '<!-- generated from the rules\' metadata by scripts/sync-manifest.mjs: do not edit -->';
export const GENERATED_END = '<!-- end of generated rules table -->';

/** The rule table of README.md (links into docs/rules/). */
export function readmeRulesTable(list: readonly Rule[] = rules): string {
  const rows = list.map((r) => `| [${r.id}](docs/rules/${r.id}.md) | ${r.category} | ${r.defaultSeverity} | ${fixCell(r)} | ${cell(r.description)} |`);
  return ['| rule | category | default | fix | what it finds |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The rule table of docs/rules/README.md. */
export function docsRulesTable(list: readonly Rule[] = rules): string {
  const rows = list.map((r) => `| [${r.id}](${r.id}.md) | ${r.category} | ${r.defaultSeverity} | ${fixCell(r)} | ${cell(r.description)} | ${wikipediaCell(r)} |`);
  return ['| Rule | Category | Default severity | Fix | What it checks | Wikipedia check |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** Replaces the generated block of a Markdown text (between the markers) with `table`. */
export function withGeneratedTable(markdown: string, table: string): string {
  const a = markdown.indexOf(GENERATED_START);
  const b = markdown.indexOf(GENERATED_END);
  if (a < 0 || b < a) throw new Error('the generated rules table markers are missing');
  return markdown.slice(0, a) + GENERATED_START + '\n' + table + '\n' + markdown.slice(b);
}

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];

function optionSchema(o: RuleOption): Record<string, unknown> {
  const base = o.type === 'string[]' ? { type: 'array', items: { type: 'string' } } : { type: o.type };
  return { ...base, description: o.description, ...(o.default !== undefined ? { default: o.default } : {}) };
}

/** The `wikitext.rules` settings schema of package.json: a severity, or `[severity, options]` for rules with options. */
export function settingsSchema(list: readonly Rule[] = rules): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const r of list) {
    const markdownDescription = `${r.description} [Docs](${ruleDocsUrl(r.id)})`;
    const severity = { type: 'string', enum: SEVERITIES };
    if (!r.options) {
      props[r.id] = { ...severity, default: r.defaultSeverity, markdownDescription };
      continue;
    }
    const options: Record<string, unknown> = {};
    for (const [k, o] of Object.entries(r.options)) options[k] = optionSchema(o);
    props[r.id] = {
      anyOf: [severity, { type: 'array', minItems: 1, maxItems: 2, items: [severity, { type: 'object', properties: options, additionalProperties: false }] }],
      default: r.defaultSeverity,
      markdownDescription,
    };
  }
  return props;
}

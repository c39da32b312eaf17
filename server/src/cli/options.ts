/**
 * The CLI's options: one table that the argument parser, `--help` and the README's options table are all made
 * from (`npm run docs:cli` rewrites the README section; a test fails when it is stale).
 */

/** What a run does: lint (the default) or one of the other modes; two modes at once are a usage error. */
export type Mode = 'lint' | 'fix' | 'fix-dry-run' | 'print-tree' | 'list-rules' | 'print-config' | 'init';

/** The parsed command line. */
export interface CliArgs {
  paths: string[];
  mode: Mode;
  /** Every mode option given, to name both in a conflict. */
  modeFlags: string[];
  format?: string;
  outputFile?: string;
  fixRules: string[];
  fixTypes: string[];
  config?: string;
  rules: string[];
  maxWarnings?: number;
  quiet: boolean;
  today?: string;
  jobs?: number;
  /** undefined: decided from the terminal and FORCE_COLOR/NO_COLOR. */
  color?: boolean;
  printConfig?: string;
  ignore: boolean;
  ignorePatterns: string[];
  baseline?: string;
  updateBaseline: boolean;
  cache: boolean;
  cacheLocation?: string;
  stdinFilename?: string;
  reportUnusedDisableDirectives: boolean;
  /** Wiki pages (issue 12): --site, --page (repeatable), --section, --output, --refresh. */
  site?: string;
  /** --profile: a citation profile file (issue 13). */
  profile?: string;
  pages: string[];
  section?: number;
  output?: string;
  refresh: boolean;
  /** Links (issue 15): --check-links, --fill-citations, --no-link-cache. */
  checkLinks: boolean;
  fillCitations: boolean;
  noLinkCache: boolean;
}

/** A usage error: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

/** One option of the command line. */
export interface OptionDef {
  flag: string;
  short?: string;
  /** The value's placeholder; absent for switches. */
  arg?: string;
  /** May be given more than once (values collect). */
  repeat?: boolean;
  /** Sets this mode (modes exclude each other). */
  mode?: Mode;
  group: 'Output' | 'Fixing' | 'Configuration' | 'Files' | 'Wiki' | 'Links' | 'Run' | 'Other';
  help: string;
  apply(args: CliArgs, value: string): void;
}

const wholeNumber = (flag: string, v: string, min: number) => {
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${flag} needs a ${min > 0 ? 'positive ' : ''}whole number, got "${v}"`);
  return Number(v);
};
const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

/** Every option, in the order --help and the README list them. */
export const OPTIONS: OptionDef[] = [
  { flag: '--format', short: '-f', arg: '<name>', group: 'Output', help: 'output format: `stylish` (default), `json`, `sarif` (SARIF 2.1.0 for code scanning), `github` (workflow annotations); with --print-tree: `text`, `json`', apply: (a, v) => { a.format = v; } },
  { flag: '--output-file', short: '-o', arg: '<file>', group: 'Output', help: 'write the report to this file instead of standard output', apply: (a, v) => { a.outputFile = v; } },
  { flag: '--quiet', group: 'Output', help: 'report errors only', apply: (a) => { a.quiet = true; } },
  { flag: '--max-warnings', arg: '<n>', group: 'Output', help: 'exit 1 when there are more than n warnings', apply: (a, v) => { a.maxWarnings = wholeNumber('--max-warnings', v, 0); } },
  { flag: '--color', group: 'Output', help: 'colour the stylish output (default: when standard output is a terminal; `FORCE_COLOR` and `NO_COLOR` are honoured)', apply: (a) => { a.color = true; } },
  { flag: '--no-color', group: 'Output', help: 'plain output', apply: (a) => { a.color = false; } },
  { flag: '--fix', mode: 'fix', group: 'Fixing', help: 'apply the safe fixes to the files (atomic write; BOM and line endings kept). Adding today\'s date as an access-date is not safe: see the rule `cite-missing-access-date`', apply: () => {} },
  { flag: '--fix-dry-run', mode: 'fix-dry-run', group: 'Fixing', help: 'show the fixes --fix would apply as a unified diff (for `patch -p0`), change nothing; with --format json the diff is in each file\'s `diff`', apply: () => {} },
  { flag: '--fix-rule', arg: '<id,...>', repeat: true, group: 'Fixing', help: 'apply only the fixes of these rules', apply: (a, v) => { a.fixRules.push(...list(v)); } },
  { flag: '--fix-type', arg: '<category,...>', repeat: true, group: 'Fixing', help: 'apply only the fixes of rules in these categories: `ref`, `cite`, `cs1`, `policy`, `links`, `template`', apply: (a, v) => { a.fixTypes.push(...list(v)); } },
  { flag: '--config', short: '-c', arg: '<file>', group: 'Configuration', help: 'use this configuration (JSON with comments) instead of looking up `.wikitext-lint.json`', apply: (a, v) => { a.config = v; } },
  { flag: '--rule', arg: '<id:severity>', repeat: true, group: 'Configuration', help: 'set a rule\'s severity (`off`, `hint`, `info`, `warning`/`warn`, `error`)', apply: (a, v) => { a.rules.push(v); } },
  { flag: '--today', arg: '<YYYY-MM-DD>', group: 'Configuration', help: 'the date used by date checks and inserted dates (default: today, UTC)', apply: (a, v) => { a.today = v; } },
  { flag: '--report-unused-disable-directives', group: 'Configuration', help: 'report `wikitext-lint-disable` comments that suppress nothing', apply: (a) => { a.reportUnusedDisableDirectives = true; } },
  { flag: '--print-config', arg: '<file>', mode: 'print-config', group: 'Configuration', help: 'print the configuration that applies to this file, and change nothing', apply: (a, v) => { a.printConfig = v; } },
  { flag: '--init', mode: 'init', group: 'Configuration', help: 'write a starter `.wikitext-lint.json` in the current folder', apply: () => {} },
  { flag: '--site', arg: '<wiki>', group: 'Wiki', help: 'the wiki whose syntax applies (`en.wikipedia.org`, `dewiki`, `de`, or any wiki\'s `api.php` URL); with --page, the wiki to read from (default `en.wikipedia.org`)', apply: (a, v) => { a.site = v; } },
  { flag: '--profile', arg: '<file>', group: 'Wiki', help: 'a citation profile (JSON): the wiki\'s own citation templates and parameter names, mapped to CS1\'s; `auto`: the one `wikitext-lint profile --site X` built for the site, else the map shipped for it', apply: (a, v) => { a.profile = v; } },
  { flag: '--page', arg: '<title>', repeat: true, group: 'Wiki', help: 'lint the current revision of a wiki page (repeatable); a page URL given as a path does the same. Read-only: nothing is ever published', apply: (a, v) => { a.pages.push(v); } },
  { flag: '--section', arg: '<n>', group: 'Wiki', help: 'with --page: only section n (0 is the lead)', apply: (a, v) => { a.section = wholeNumber('--section', v, 0); } },
  { flag: '--output', arg: '<file>', group: 'Wiki', help: 'with --fix and one --page: write the fixed wikitext there (`-` for standard output); nothing is published to the wiki', apply: (a, v) => { a.output = v; } },
  { flag: '--refresh', group: 'Wiki', help: 'fetch site profiles again even when cached (they are kept a week)', apply: (a) => { a.refresh = true; } },
  { flag: '--check-links', group: 'Links', help: 'check the cited links over the network (the `link-*` rules; with --fix, archive repairs)', apply: (a) => { a.checkLinks = true; } },
  { flag: '--fill-citations', group: 'Links', help: 'with --fix or --fix-dry-run: fill bare URL refs and untitled citations from their pages\' metadata', apply: (a) => { a.fillCitations = true; } },
  { flag: '--no-link-cache', group: 'Links', help: 'check links again even when checked within the day', apply: (a) => { a.noLinkCache = true; } },
  { flag: '--ignore-pattern', arg: '<pattern>', repeat: true, group: 'Files', help: 'skip files matching this gitignore-style pattern (beside `.wikitext-lintignore`)', apply: (a, v) => { a.ignorePatterns.push(v); } },
  { flag: '--no-ignore', group: 'Files', help: 'do not skip files listed in `.wikitext-lintignore`, `.gitignore` or --ignore-pattern', apply: (a) => { a.ignore = false; } },
  { flag: '--stdin-filename', arg: '<name>', group: 'Files', help: 'the name used for standard input (`-`) in the report and for configuration lookup', apply: (a, v) => { a.stdinFilename = v; } },
  { flag: '--baseline', arg: '<file>', group: 'Files', help: 'do not report the findings recorded in this baseline file (by rule, file and citation text, not position)', apply: (a, v) => { a.baseline = v; } },
  { flag: '--update-baseline', group: 'Files', help: 'write the current findings to the --baseline file and exit 0', apply: (a) => { a.updateBaseline = true; } },
  { flag: '--cache', group: 'Files', help: 'skip files unchanged since the last run (same content and configuration)', apply: (a) => { a.cache = true; } },
  { flag: '--cache-location', arg: '<file>', group: 'Files', help: 'where --cache keeps its file (default `.wikitext-lint-cache`)', apply: (a, v) => { a.cacheLocation = v; } },
  { flag: '--jobs', short: '-j', arg: '<n>', group: 'Run', help: 'worker threads (default: chosen from the number of files and bytes, at most one per CPU; 1 disables workers)', apply: (a, v) => { a.jobs = wholeNumber('--jobs', v, 1); } },
  { flag: '--print-tree', mode: 'print-tree', group: 'Run', help: 'print each file\'s syntax tree instead of linting (several files with --format json: one JSON document)', apply: () => {} },
  { flag: '--list-rules', mode: 'list-rules', group: 'Other', help: 'list the rules with their default severities (`--format json` for the full metadata)', apply: () => {} },
  { flag: '--help', short: '-h', group: 'Other', help: 'this help', apply: () => {} },
  { flag: '--version', short: '-v', group: 'Other', help: 'the version', apply: () => {} },
];

const byName = new Map<string, OptionDef>();
for (const o of OPTIONS) {
  byName.set(o.flag, o);
  if (o.short) byName.set(o.short, o);
}

/** Edit distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = t;
    }
  }
  return prev[b.length];
}

/** The closest of the candidates, when close enough to be a typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

/** Parses the command line; throws UsageError. */
export function parseArgs(argv: string[]): CliArgs | 'help' | 'version' {
  const args: CliArgs = { paths: [], mode: 'lint', modeFlags: [], fixRules: [], fixTypes: [], rules: [], quiet: false, ignore: true, ignorePatterns: [], updateBaseline: false, cache: false, reportUnusedDisableDirectives: false, pages: [], refresh: false, checkLinks: false, fillCitations: false, noLinkCache: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPaths || a === '-' || !a.startsWith('-')) {
      args.paths.push(a);
      continue;
    }
    if (a === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const def = byName.get(name);
    if (!def) {
      const near = closest(name, byName.keys());
      throw new UsageError(`unknown option ${name}${near ? ` (did you mean ${near}?)` : ''}`);
    }
    if (def.flag === '--help') return 'help';
    if (def.flag === '--version') return 'version';
    let value = '';
    if (def.arg) {
      if (eq > 0) value = a.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new UsageError(`${def.flag} needs a value ${def.arg}`);
    } else if (eq > 0) throw new UsageError(`${def.flag} takes no value`);
    if (def.mode) {
      if (args.modeFlags.length && args.mode !== def.mode) throw new UsageError(`${args.modeFlags[0]} and ${def.flag} cannot be used together`);
      args.mode = def.mode;
      args.modeFlags.push(def.flag);
    }
    def.apply(args, value);
  }
  if (args.updateBaseline && !args.baseline) throw new UsageError('--update-baseline needs --baseline <file>');
  if ((args.fixRules.length || args.fixTypes.length) && args.mode !== 'fix' && args.mode !== 'fix-dry-run') throw new UsageError(`${args.fixRules.length ? '--fix-rule' : '--fix-type'} needs --fix or --fix-dry-run`);
  if (args.updateBaseline && args.mode !== 'lint') throw new UsageError(`--update-baseline and ${args.modeFlags[0]} cannot be used together`);
  return args;
}

/** Checks a YYYY-MM-DD date, calendar included. */
export function parseDay(s: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new UsageError(`--today needs a date as YYYY-MM-DD, got "${s}"`);
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) throw new UsageError(`--today: ${s} is not a date in the calendar`);
  return { year, month, day };
}

const usage = (o: OptionDef) => `${o.short ? `${o.short}, ` : ''}${o.flag}${o.arg ? ` ${o.arg}` : ''}`;
const plain = (s: string) => s.replace(/`/g, '');

/** `--help`. */
export function helpText(): string {
  const out = [
    'Usage: wikitext-lint [options] <files, directories, globs or - for standard input>',
    '       wikitext-lint profile --site <wiki> [--out <file>] [--refresh]   (a wiki\'s citation profile; profile --help)',
    '',
    'Lints Wikipedia wikitext: <ref> and citation problems as Wikipedia\'s Cite extension',
    'and CS1 module report them, and more. Directories are walked for *.wiki, *.wikitext,',
    '*.mediawiki and *.mw files (skipping what .wikitext-lintignore and .gitignore list).',
  ];
  let group = '';
  const width = Math.max(...OPTIONS.map((o) => usage(o).length)) + 2;
  for (const o of OPTIONS) {
    if (o.group !== group) {
      group = o.group;
      out.push('', `${group}:`);
    }
    out.push(...wrap(`  ${usage(o).padEnd(width)}`, `${plain(o.help)}${o.repeat ? ' (repeatable)' : ''}`, 100));
  }
  out.push('', 'Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, configuration or I/O error.', '');
  return out.join('\n');
}

/** Word-wraps `text` after `lead` to `width` columns, continuation lines indented under the text. */
function wrap(lead: string, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = lead;
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line.trim().length && line.length > lead.length) {
      lines.push(line.trimEnd());
      line = ' '.repeat(lead.length);
    }
    line += (line.length > lead.length || line.trim().length === 0 && line.length > lead.length ? ' ' : '') + word;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** The README's options table (between the `cli-options` markers). */
export function optionsMarkdown(): string {
  const rows = ['| option | meaning |', '| --- | --- |'];
  for (const o of OPTIONS) rows.push(`| \`${usage(o)}\` | ${o.help.replace(/\|/g, '\\|')}${o.repeat ? ' (repeatable)' : ''} |`);
  return rows.join('\n');
}

/**
 * `wikitext-lint`: the command line. Thin: it finds files, hands each to `processFile` (in worker threads
 * when there are many), prints the results in order, and sets the exit code:
 * 0 clean, 1 errors (or warnings over --max-warnings), 2 usage, configuration or I/O error.
 */
import * as path from 'node:path';
import * as os from 'node:os';
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { expandPaths, loadConfigFile, findConfigFor, writeWikitextAtomic, describeFsError } from './files';
import { WikiSession, isPageUrl, pageArgs, processPages } from './wikiPages';
import { processFile, FileResult, ProcessOptions } from './processFile';
import { formatGithub, formatJson, formatSarif, formatStylish, summarise } from './format';
import { parseSetting, LintConfig, ConfigError } from '../core/lint/config';
import { ruleIds } from '../core/rules';
import { listRulesText } from '../core/rules/meta';
import { todayUtc } from '../core/lint/lint';
import type { Day } from '../core/lint/types';
import type { LookupFunction } from 'node:net';
import { prepareLinks } from '../links/cli';

function usage(message: string): number {
  process.stderr.write(`wikitext-lint: ${message}\nTry 'wikitext-lint --help'.\n`);
  return 2;
}

const VERSION = '0.1.0';

const HELP = `Usage: wikitext-lint [options] <paths...>

Lints Wikipedia wikitext: <ref> and citation problems as Wikipedia's Cite extension
and CS1 module report them, and more. Paths are files, directories (their *.wiki,
*.wikitext and *.mediawiki files, recursively), globs, or - for standard input.

Options:
  --format <name>      stylish (default), json, sarif, github; with --print-tree: text, json
  --fix                apply safe fixes to the files (atomic write, keeps BOM and line endings)
  --fix-dry-run        print the fixes as a unified diff; change nothing
  --print-tree         print each file's syntax tree instead of linting
  --config <file>      use this JSON configuration instead of .wikitext-lint.json lookup
  --rule <id:severity> set a rule's severity (off, info, warning, error, hint); repeatable
  --max-warnings <n>   exit 1 when there are more than n warnings
  --quiet              report errors only
  --today <YYYY-MM-DD> the date used for date checks and inserted dates (default: today, UTC)
  --jobs <n>           worker threads (default: number of CPUs; 1 disables workers)
  --site <wiki>        the wiki whose syntax profile applies (en.wikipedia.org, dewiki, an
                       api.php URL); with --page, the wiki to read from (default en.wikipedia.org)
  --page <title>       lint the current revision of a wiki page (repeatable); a page URL given
                       as a path does the same. Read-only: nothing is ever published
  --section <n>        with --page: only section n (0 is the lead)
  --output <file>      with --fix and one --page: write the fixed wikitext there (- for stdout)
  --refresh            fetch site profiles again even when cached (they are kept a week)
  --list-rules         print the rules: id, default severity, category, fix, description
  --check-links        check the cited links over the network (link-* rules; with --fix, archive fixes)
  --fill-citations     with --fix/--fix-dry-run: fill bare URL refs and untitled citations from their pages
  --no-link-cache      check links again even when checked within the day
  --no-color           plain output
  -h, --help           this help
  -v, --version        the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, configuration or I/O error.
`;

interface CliArgs {
  paths: string[];
  format?: string;
  mode: ProcessOptions['mode'];
  config?: string;
  rules: string[];
  maxWarnings?: number;
  quiet: boolean;
  today?: string;
  jobs?: number;
  color: boolean;
  listRules: boolean;
  site?: string;
  pages: string[];
  section?: number;
  output?: string;
  refresh: boolean;
  checkLinks?: boolean;
  fillCitations?: boolean;
  noLinkCache?: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): CliArgs | 'help' | 'version' {
  const args: CliArgs = { paths: [], pages: [], refresh: false, mode: 'lint', rules: [], quiet: false, color: process.stdout.isTTY === true && !process.env.NO_COLOR, listRules: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
      return argv[++i];
    };
    const name = a.startsWith('--') && a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    switch (name) {
      case '-h': case '--help': return 'help';
      case '-v': case '--version': return 'version';
      case '--format': args.format = value('--format'); break;
      case '--fix': args.mode = 'fix'; break;
      case '--fix-dry-run': args.mode = 'fix-dry-run'; break;
      case '--print-tree': args.mode = 'print-tree'; break;
      case '--config': args.config = value('--config'); break;
      case '--rule': args.rules.push(value('--rule')); break;
      case '--max-warnings': {
        const v = value('--max-warnings');
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, got "${v}"`);
        args.maxWarnings = Number(v);
        break;
      }
      case '--quiet': args.quiet = true; break;
      case '--today': args.today = value('--today'); break;
      case '--jobs': {
        const v = value('--jobs');
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--jobs needs a positive whole number, got "${v}"`);
        args.jobs = Number(v);
        break;
      }
      case '--no-color': args.color = false; break;
      case '--color': args.color = true; break;
      case '--list-rules': args.listRules = true; break;
      case '--site': args.site = value('--site'); break;
      case '--page': args.pages.push(value('--page')); break;
      case '--output': args.output = value('--output'); break;
      case '--refresh': args.refresh = true; break;
      case '--section': {
        const v = value('--section');
        if (!/^\d+$/.test(v)) throw new UsageError(`--section needs a section number, got "${v}"`);
        args.section = Number(v);
        break;
      }
      case '--check-links': args.checkLinks = true; break;
      case '--fill-citations': args.fillCitations = true; break;
      case '--no-link-cache': args.noLinkCache = true; break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        args.paths.push(a);
    }
  }
  return args;
}

function parseDay(s: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new UsageError(`--today needs a date as YYYY-MM-DD, got "${s}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function ruleOverrides(specs: string[]): LintConfig {
  const config: LintConfig = { rules: {} };
  for (const spec of specs) {
    const colon = spec.lastIndexOf(':');
    if (colon <= 0) throw new UsageError(`--rule needs id:severity, got "${spec}"`);
    const id = spec.slice(0, colon);
    if (!ruleIds.has(id)) throw new UsageError(`--rule: unknown rule "${id}"`);
    try {
      config.rules[id] = parseSetting(spec.slice(colon + 1), `--rule ${id}`, id);
    } catch (e) {
      throw new UsageError((e as ConfigError).message);
    }
  }
  return config;
}

/** The configuration that applies to a file, or none when there is none or it is broken (reported later, per file). */
function safeConfigFor(file: string): LintConfig | null {
  try {
    return findConfigFor(file === '.' ? './x' : file).config;
  } catch {
    return null;
  }
}

/** Runs the files through worker threads, keeping results in input order. */
async function runInWorkers(files: string[], options: ProcessOptions, jobs: number): Promise<FileResult[]> {
  const workerFile = path.join(__dirname, 'lintWorker.js');
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  const runOne = () => new Promise<void>((resolve, reject) => {
    // a larger young generation: parsing makes much short-lived garbage (the server runs with --max-semi-space-size=32 too)
    const worker = new Worker(workerFile, { workerData: { options }, resourceLimits: { maxYoungGenerationSizeMb: 48 } });
    const feed = () => {
      if (next >= files.length) {
        void worker.terminate();
        resolve();
        return;
      }
      // small batches keep the pool balanced when file sizes differ a lot
      const batch: number[] = [];
      while (next < files.length && batch.length < 4) batch.push(next++);
      worker.postMessage({ batch: batch.map((i) => ({ index: i, file: files[i] })) });
    };
    worker.on('message', (msg: { results: { index: number; result: FileResult }[] }) => {
      for (const r of msg.results) results[r.index] = r.result;
      feed();
    });
    worker.on('error', reject);
    feed();
  });
  await Promise.all(Array.from({ length: jobs }, runOne));
  return results;
}

/** The CLI entry point; returns the exit code. */
export async function main(argv: string[], hooks: { lookup?: LookupFunction } = {}): Promise<number> {
  let args: CliArgs | 'help' | 'version';
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`wikitext-lint: ${(e as Error).message}\nTry 'wikitext-lint --help'.\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (args.listRules) {
    process.stdout.write(listRulesText());
    return 0;
  }
  let options: ProcessOptions;
  let pageUrls: string[] = [];
  try {
    const formats = args.mode === 'print-tree' ? ['text', 'json'] : ['stylish', 'json', 'sarif', 'github'];
    if (args.format && !formats.includes(args.format)) throw new UsageError(`--format must be one of ${formats.join(', ')}${args.mode === 'print-tree' ? ' with --print-tree' : ''}, got "${args.format}"`);
    pageUrls = args.paths.filter(isPageUrl);
    args.paths = args.paths.filter((p) => !isPageUrl(p));
    const wantsPages = args.pages.length + pageUrls.length > 0;
    if (!args.paths.length && !wantsPages) throw new UsageError('no paths given');
    if (args.output !== undefined && !(wantsPages && args.mode === 'fix')) throw new UsageError('--output is for --fix with --page: it receives the fixed wikitext of the page');
    if (args.mode === 'fix' && wantsPages && args.output === undefined) throw new UsageError('--fix with --page never publishes to the wiki: give --output FILE (or - for standard output) to receive the fixed wikitext');
    if (args.output !== undefined && args.pages.length + pageUrls.length > 1) throw new UsageError('--output takes the fixed text of one page: give one --page');
    if (args.output === '-' && args.paths.includes('-')) throw new UsageError('--output - and standard input cannot both use the terminal streams');
    if (args.section !== undefined && !wantsPages) throw new UsageError('--section is for --page');
    options = {
      mode: args.mode,
      treeFormat: args.format === 'json' ? 'json' : 'text',
      today: args.today ? parseDay(args.today) : todayUtc(),
      overrides: ruleOverrides(args.rules),
    };
    if (args.config) {
      try {
        options.config = loadConfigFile(args.config);
      } catch (e) {
        process.stderr.write(`wikitext-lint: ${(e as Error).message}\n`);
        return 2;
      }
    }
  } catch (e) {
    process.stderr.write(`wikitext-lint: ${(e as Error).message}\nTry 'wikitext-lint --help'.\n`);
    return 2;
  }

  const { files, problems } = args.paths.length ? expandPaths(args.paths) : { files: [], problems: [] };
  // site profiles: --site for every file, else the "site" of each file's .wikitext-lint.json (fetched once each)
  const session = new WikiSession(args.refresh);
  const cwdConfig = options.config ?? safeConfigFor('.');
  const pageSite = args.site ?? cwdConfig?.site ?? 'en.wikipedia.org';
  try {
    if (args.site && files.length) options.profile = await session.profile(args.site);
    else if (files.length && args.mode !== 'print-tree') {
      const sites = new Set<string>();
      for (const f of files) {
        const site = (options.config ?? safeConfigFor(f))?.site;
        if (site) sites.add(site);
      }
      options.profiles = {};
      for (const site of sites) options.profiles[site] = await session.profile(site);
    }
  } catch (e) {
    for (const n of session.notes) process.stderr.write(`wikitext-lint: note: ${n}\n`);
    process.stderr.write(`wikitext-lint: cannot get the site profile: ${(e as Error).message}\n`);
    return 2;
  }
  if (args.checkLinks || args.fillCitations) {
    // network, on this command only (issue 15): link results and metadata go to the linting as plain data
    if (args.fillCitations && options.mode !== 'fix' && options.mode !== 'fix-dry-run') return usage('--fill-citations needs --fix or --fix-dry-run');
    if (files.includes('-')) return usage('--check-links and --fill-citations read files, not standard input');
    const prep = await prepareLinks(files, { checkLinks: !!args.checkLinks, fillCitations: !!args.fillCitations, noCache: !!args.noLinkCache, today: options.today, config: options.config, lookup: hooks.lookup, progress: process.stderr.isTTY ? (l) => process.stderr.write(`\r${l}`) : undefined });
    if (process.stderr.isTTY) process.stderr.write('\n');
    Object.assign(options, { links: prep.links, fills: prep.fills });
    for (const n of prep.notes) process.stderr.write(`wikitext-lint: ${n}\n`);
  }
  const jobs = Math.max(1, Math.min(args.jobs ?? os.availableParallelism(), files.length));
  let results: FileResult[];
  const useWorkers = jobs > 1 && files.length >= 8 && !files.includes('-') && fs.existsSync(path.join(__dirname, 'lintWorker.js'));
  if (useWorkers) results = await runInWorkers(files, options, jobs);
  else results = files.map((f) => processFile(f, options));
  for (const p of problems) results.push({ path: p.path, error: p.message, diagnostics: [] });
  if (args.pages.length || pageUrls.length) {
    const fixedOut: string[] = [];
    const pages = await processPages(pageArgs(args.pages, pageUrls, pageSite), options, cwdConfig ?? undefined, session, args.section, (t) => fixedOut.push(t));
    results.push(...pages);
    if (args.output !== undefined && fixedOut.length) {
      try {
        if (args.output === '-') process.stdout.write(fixedOut[0]);
        else writeWikitextAtomic(args.output, { text: fixedOut[0], bom: false });
      } catch (e) {
        process.stderr.write(`wikitext-lint: ${args.output}: ${describeFsError(e)}\n`);
        return 2;
      }
    }
  }
  for (const n of session.notes) process.stderr.write(`wikitext-lint: note: ${n}\n`);

  if (options.mode === 'print-tree') {
    for (const r of results) {
      if (r.error) process.stderr.write(`wikitext-lint: ${r.path}: ${r.error}\n`);
      else {
        if (results.length > 1 && options.treeFormat === 'text') process.stdout.write(`# ${r.path}\n`);
        process.stdout.write(r.tree! + (options.treeFormat === 'json' ? '\n' : ''));
      }
    }
    return results.some((r) => r.error) ? 2 : 0;
  }

  if (args.quiet) for (const r of results) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
  const summary = summarise(results);
  const format = args.format ?? 'stylish';
  let out = '';
  if (format === 'json') out = formatJson(results, summary);
  else if (format === 'sarif') out = formatSarif(results, VERSION);
  else if (format === 'github') out = formatGithub(results);
  else out = formatStylish(results, summary, args.color);
  if (options.mode === 'fix-dry-run') for (const r of results) if (r.diff) process.stdout.write(r.diff);
  // With --fix on standard input the fixed text goes to stdout, so the report goes to stderr.
  (options.mode === 'fix' && (files.includes('-') || args.output === '-') ? process.stderr : process.stdout).write(out);
  for (const r of results) for (const e of r.ruleErrors ?? []) process.stderr.write(`wikitext-lint: internal error in rule ${e} (${r.path})\n`);
  if (format !== 'stylish') for (const r of results) if (r.error) process.stderr.write(`wikitext-lint: ${r.path}: ${r.error}\n`);

  if (summary.fileErrors) return 2;
  if (summary.errors) return 1;
  if (args.maxWarnings !== undefined && summary.warnings > args.maxWarnings) {
    process.stderr.write(`wikitext-lint: ${summary.warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`wikitext-lint: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

/**
 * `wikitext-lint`: the command line. Thin: it finds files, hands each to `processFile` (in worker threads
 * when the work is large enough to pay for them), streams the results in order to the chosen format, and sets
 * the exit code: 0 clean, 1 errors (or warnings over --max-warnings), 2 usage, configuration or I/O error.
 * The options are defined in `options.ts`; ignore files, baseline and cache live in their own modules.
 */
import './v8flags'; // first: V8 settings for a short run, before any linting code is compiled
import * as path from 'node:path';
import * as os from 'node:os';
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { expandPaths, findConfigFor, loadConfigFile, writeWikitextAtomic, describeFsError } from './files';
import { WikiSession, isPageUrl, pageArgs, processPages } from './wikiPages';
import { prepareLinks } from './linkPrep';
import { resolveCitationProfileFile } from '../wiki/citationProfileCache';
import { shippedMapPath } from '../wiki/autoProfile';
import { profileCommand } from './profileCommand';
import type { LookupFunction } from 'node:net';
import { listRulesText } from '../core/rules/meta';
import { processFile, FileResult, ProcessOptions } from './processFile';
import { addToSummary, emptySummary, githubReporter, jsonReporter, Reporter, sarifReporter, stylishReporter } from './format';
import { parseSetting, LintConfig, ConfigError, mergeConfigs } from '../core/lint/config';
import { ruleIds, rules } from '../core/rules';
import { todayUtc } from '../core/lint/lint';
import { CliArgs, UsageError, closest, helpText, parseArgs, parseDay } from './options';
import { IgnoreRules } from './ignore';
import { Baseline } from './baseline';
import { DEFAULT_CACHE_LOCATION, ResultCache } from './cache';
import { exitQuietlyOnEpipe, fileSink, Sink, streamSink } from './sink';

const VERSION = '0.1.0';

/** A rule's category: its metadata, or (until every rule declares one) the prefix of its id. */
function categoryOf(r: (typeof rules)[number]): string {
  return r.category ?? r.id.split('-')[0];
}

function ruleOverrides(specs: string[]): LintConfig {
  const config: LintConfig = { rules: {} };
  for (const spec of specs) {
    const colon = spec.lastIndexOf(':');
    if (colon <= 0) throw new UsageError(`--rule needs id:severity, got "${spec}"`);
    const id = spec.slice(0, colon);
    checkRuleId(id, '--rule');
    let severity = spec.slice(colon + 1);
    if (severity === 'warn') severity = 'warning';
    try {
      config.rules[id] = parseSetting(severity, `--rule ${id}`, id);
    } catch (e) {
      throw new UsageError((e as ConfigError).message);
    }
  }
  return config;
}

function checkRuleId(id: string, flag: string): void {
  if (ruleIds.has(id)) return;
  const near = closest(id, ruleIds);
  throw new UsageError(`${flag}: unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}`);
}

/** The rules whose fixes --fix applies, from --fix-rule and --fix-type (undefined: all). */
function fixRuleIds(args: CliArgs): string[] | undefined {
  if (!args.fixRules.length && !args.fixTypes.length) return undefined;
  for (const id of args.fixRules) checkRuleId(id, '--fix-rule');
  const categories = new Set(rules.map(categoryOf));
  for (const t of args.fixTypes) if (!categories.has(t)) throw new UsageError(`--fix-type: unknown category "${t}" (one of ${[...categories].join(', ')})`);
  const ids = new Set(args.fixRules);
  for (const r of rules) if (args.fixTypes.includes(categoryOf(r))) ids.add(r.id);
  return [...ids];
}

/** Colour: --color/--no-color, else FORCE_COLOR / NO_COLOR, else whether the report goes to a terminal. */
function useColor(args: CliArgs): boolean {
  if (args.color !== undefined) return args.color;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (process.env.NO_COLOR) return false;
  return !args.outputFile && process.stdout.isTTY === true;
}

/**
 * How many threads pay off. Each thread warms up V8's optimising compiler on its own (about 0.4 s of CPU on
 * background threads, measured per thread), which competes with the lint on a 2-core machine: on this machine the
 * 18 MB corpus took 1.45 s wall with one thread and 1.65 s with two, 72 MB took 3.95 s and 3.7 s. So a run stays
 * on one thread below 48 MB of text, and above it takes a thread per 24 MB, at most one per CPU.
 */
export function chooseJobs(fileCount: number, bytes: number, cpus: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, fileCount));
  if (fileCount < 4) return 1;
  if (bytes < 48 << 20) return 1;
  return Math.max(1, Math.min(cpus, fileCount >> 1, Math.floor(bytes / (24 << 20))));
}

/**
 * Runs the files on `jobs` threads: the main thread and jobs - 1 workers, all taking small batches from one
 * queue; `onResult` gets each result (in any order). The main thread works too, so a run on two CPUs pays for
 * one worker's start-up (its bundle and its own JIT warm-up), not two. Each worker has a second batch queued
 * so that it never waits while the main thread is busy with a file.
 */
async function runInWorkers(files: string[], options: ProcessOptions, jobs: number, cache: ResultCache | undefined, onResult: (i: number, r: FileResult) => Promise<void> | void): Promise<void> {
  const workerFile = path.join(__dirname, 'lintWorker.js');
  let next = 0;
  const BATCH = 4;
  const take = () => {
    const batch: { index: number; file: string; cached?: unknown }[] = [];
    while (next < files.length && batch.length < BATCH) {
      const i = next++;
      batch.push({ index: i, file: files[i], cached: cache?.get(files[i]) });
    }
    return batch;
  };
  const runWorker = () => new Promise<void>((resolve, reject) => {
    // a larger young generation: parsing makes much short-lived garbage (the server runs with --max-semi-space-size=32 too)
    const worker = new Worker(workerFile, { workerData: { options }, resourceLimits: { maxYoungGenerationSizeMb: 48 } });
    let outstanding = 0;
    const feed = () => {
      while (outstanding < 2) {
        const batch = take();
        if (!batch.length) break;
        outstanding++;
        worker.postMessage({ batch });
      }
      if (!outstanding) {
        void worker.terminate();
        resolve();
      }
    };
    worker.on('message', (msg: { results: { index: number; result: FileResult }[] }) => {
      outstanding--;
      for (const r of msg.results) void onResult(r.index, r.result);
      feed();
    });
    worker.on('error', reject);
    feed();
  });
  const runMain = async () => {
    // the workers start first; the main thread then takes one file at a time, yielding to their messages
    await new Promise((r) => setImmediate(r));
    for (;;) {
      if (next >= files.length) return;
      const i = next++;
      await onResult(i, processFile(files[i], options, cache?.get(files[i])));
      await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all([...Array.from({ length: jobs - 1 }, runWorker), runMain()]);
}

const STARTER_CONFIG = `{
  // wikitext-lint configuration: JSON with comments. Severities: "off", "hint", "info", "warning", "error";
  // a rule with options: ["warning", { ... }]. \`wikitext-lint --list-rules\` lists the rules.
  "rules": {
    "cite-missing-access-date": "warning",
    "ref-identical-content": "info"
  }
  // "dateFormat": "dmy"
}
`;

/** The configuration that applies to a file, or none when there is none or it is broken (reported later, per file). */
function safeConfigFor(file: string): LintConfig | null {
  try {
    return findConfigFor(file === '.' ? './x' : file).config;
  } catch {
    return null;
  }
}

function fail(message: string, usage = false): number {
  process.stderr.write(`wikitext-lint: ${message}\n${usage ? "Try 'wikitext-lint --help'.\n" : ''}`);
  return 2;
}

/** The CLI entry point; returns the exit code. */
export async function main(argv: string[], hooks: { lookup?: LookupFunction } = {}): Promise<number> {
  // `wikitext-lint profile --site X`: build a wiki's citation profile (profileCommand.ts); `./profile` lints a file so named
  if (argv[0] === 'profile') return profileCommand(argv.slice(1));
  let args: CliArgs | 'help' | 'version';
  try {
    args = parseArgs(argv);
  } catch (e) {
    return fail((e as Error).message, true);
  }
  if (args === 'help') {
    process.stdout.write(helpText());
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (args.mode === 'list-rules') {
    if (args.format === 'json') {
      const list = rules.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, description: r.description, category: categoryOf(r), fixable: r.fixable ?? null, wikipedia: r.wikipedia, options: r.options ?? {}, docs: `https://github.com/wikitext-tools/wikitext-lint/blob/main/docs/rules/${r.id}.md` }));
      process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    } else if (args.format && args.format !== 'text') return fail(`--list-rules: --format must be text or json, got "${args.format}"`, true);
    else process.stdout.write(listRulesText());
    return 0;
  }
  if (args.mode === 'init') {
    const target = path.resolve('.wikitext-lint.json');
    if (fs.existsSync(target)) return fail(`${target} already exists; not overwritten`);
    fs.writeFileSync(target, STARTER_CONFIG, { flag: 'wx' });
    process.stdout.write(`wrote ${target}\n`);
    return 0;
  }

  let options: ProcessOptions;
  let overrides: LintConfig;
  // pages of a wiki: --page, or page URLs given as paths
  const pageUrls = args.paths.filter(isPageUrl);
  args.paths = args.paths.filter((p) => !isPageUrl(p));
  const wantsPages = args.pages.length + pageUrls.length > 0;
  try {
    const formats = args.mode === 'print-tree' ? ['text', 'json'] : args.mode === 'print-config' ? ['json'] : ['stylish', 'json', 'sarif', 'github'];
    if (args.format && !formats.includes(args.format)) throw new UsageError(`--format must be one of ${formats.join(', ')}${args.mode === 'print-tree' ? ' with --print-tree' : ''}, got "${args.format}"`);
    if (!args.paths.length && !wantsPages && args.mode !== 'print-config') throw new UsageError('no paths given');
    if (args.output !== undefined && !(wantsPages && args.mode === 'fix')) throw new UsageError('--output is for --fix with --page: it receives the fixed wikitext of the page');
    if (args.mode === 'fix' && wantsPages && args.output === undefined) throw new UsageError('--fix with --page never publishes to the wiki: give --output FILE (or - for standard output) to receive the fixed wikitext');
    if (args.output !== undefined && args.pages.length + pageUrls.length > 1) throw new UsageError('--output takes the fixed text of one page: give one --page');
    if (args.output === '-' && args.paths.includes('-')) throw new UsageError('--output - and standard input cannot both use the terminal streams');
    if (args.section !== undefined && !wantsPages) throw new UsageError('--section is for --page');
    if (args.fillCitations && args.mode !== 'fix' && args.mode !== 'fix-dry-run') throw new UsageError('--fill-citations needs --fix or --fix-dry-run');
    if (args.mode === 'print-config' && args.paths.length) throw new UsageError('--print-config takes one file and no other paths');
    if (args.stdinFilename && !args.paths.includes('-')) throw new UsageError('--stdin-filename needs - (standard input) among the paths');
    overrides = ruleOverrides(args.rules);
    options = {
      mode: args.mode as ProcessOptions['mode'],
      treeFormat: args.format === 'json' ? 'json' : 'text',
      today: args.today ? parseDay(args.today) : todayUtc(),
      overrides,
      fixRules: fixRuleIds(args),
      fingerprints: args.baseline !== undefined || args.format === 'sarif',
      stdinFilename: args.stdinFilename,
      cache: args.cache,
      reportUnusedDisableDirectives: args.reportUnusedDisableDirectives,
      version: VERSION,
    };
  } catch (e) {
    return fail((e as Error).message, true);
  }
  if (args.config) {
    try {
      options.config = loadConfigFile(args.config);
    } catch (e) {
      return fail((e as Error).message);
    }
  }
  if (args.profile) {
    try {
      // `auto`: the cached profile of --site, else of the "site" of the .wikitext-lint.json here
      const resolved = resolveCitationProfileFile(args.profile, args.site ?? (args.profile === 'auto' ? (options.config ?? safeConfigFor('.'))?.site : undefined));
      options.citationProfile = resolved.profile;
      // `auto` fell back to the map shipped for the site: say which file and how to build the full profile
      if (resolved.note) process.stderr.write(`wikitext-lint: note: ${resolved.note}\n`);
    } catch (e) {
      return fail((e as Error).message);
    }
  }
  if (args.mode === 'print-config') {
    let config = options.config;
    let from = args.config ?? null;
    if (!config) {
      try {
        const found = findConfigFor(args.printConfig!);
        config = found.config ?? undefined;
        from = found.path;
      } catch (e) {
        return fail((e as Error).message);
      }
    }
    const merged = mergeConfigs(config, overrides);
    const effective: Record<string, unknown> = {};
    for (const r of rules) {
      const c = merged.rules[r.id];
      effective[r.id] = c && Object.keys(c.options).length ? [c.setting, c.options] : c?.setting ?? r.defaultSeverity;
    }
    process.stdout.write(JSON.stringify({ configFile: from, rules: effective, ...(merged.dateFormat ? { dateFormat: merged.dateFormat } : {}) }, null, 2) + '\n');
    return 0;
  }

  const baseline = args.baseline ? new Baseline(args.baseline) : undefined;
  if (baseline && !args.updateBaseline) {
    try {
      baseline.load();
    } catch (e) {
      return fail((e as Error).message);
    }
  }
  const cache = args.cache ? new ResultCache(args.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;

  const ignoreRules = new IgnoreRules(process.cwd(), args.ignore, args.ignorePatterns);
  const { files, problems, ignoredFiles } = args.paths.length ? expandPaths(args.paths, ignoreRules) : { files: [] as string[], problems: [] as { path: string; message: string }[], ignoredFiles: [] as string[] };
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
    return fail(`cannot get the site profile: ${(e as Error).message}`);
  }
  if (args.checkLinks || args.fillCitations) {
    // network, on this command only (issue 15): link results and metadata go to the linting as plain data
    if (files.includes('-')) return fail('--check-links and --fill-citations read files, not standard input', true);
    const prep = await prepareLinks(files, { checkLinks: args.checkLinks, fillCitations: args.fillCitations, noCache: args.noLinkCache, today: options.today, config: options.config, lookup: hooks.lookup, progress: process.stderr.isTTY ? (l) => process.stderr.write(`\r${l}`) : undefined });
    if (process.stderr.isTTY) process.stderr.write('\n');
    Object.assign(options, { links: prep.links, fills: prep.fills });
    for (const n of prep.notes) process.stderr.write(`wikitext-lint: ${n}\n`);
  }
  // the pages are read before the files are linted; their results follow the files'
  const fixedOut: string[] = [];
  const pageResults = wantsPages ? await processPages(pageArgs(args.pages, pageUrls, pageSite), options, cwdConfig ?? undefined, session, args.section, (t) => fixedOut.push(t)) : [];
  for (const n of session.notes) process.stderr.write(`wikitext-lint: note: ${n}\n`);
  if (args.output !== undefined && fixedOut.length) {
    try {
      if (args.output === '-') process.stdout.write(fixedOut[0]);
      else writeWikitextAtomic(args.output, { text: fixedOut[0], bom: false });
    } catch (e) {
      return fail(`${args.output}: ${describeFsError(e)}`);
    }
  }
  for (const f of ignoredFiles) process.stderr.write(`wikitext-lint: ${f}: ignored (it matches .wikitext-lintignore or --ignore-pattern; --no-ignore to lint it)\n`);
  let bytes = 0;
  for (const f of files) {
    try {
      if (f !== '-') bytes += fs.statSync(f).size;
    } catch {
      /* reported when read */
    }
  }
  const canUseWorkers = !files.includes('-') && fs.existsSync(path.join(__dirname, 'lintWorker.js'));
  const jobs = canUseWorkers ? chooseJobs(files.length, bytes, os.availableParallelism(), args.jobs) : 1;

  // print-tree: one tree per file; several files with --format json are one JSON document
  if (options.mode === 'print-tree') {
    const results = files.map((f) => processFile(f, options));
    results.push(...pageResults);
    for (const p of problems) results.push({ path: p.path, error: p.message, diagnostics: [] });
    exitQuietlyOnEpipe(process.stdout);
    const out = streamSink(process.stdout);
    const ok = results.filter((r) => !r.error);
    for (const r of results) if (r.error) process.stderr.write(`wikitext-lint: ${r.path}: ${r.error}\n`);
    if (options.treeFormat === 'json' && results.length > 1) {
      await out.write('{"files": [');
      for (let i = 0; i < ok.length; i++) await out.write(`${i ? ',' : ''}\n{"path": ${JSON.stringify(ok[i].path)}, "tree": ${ok[i].tree}}`);
      await out.write('\n]}\n');
    } else {
      for (const r of ok) {
        if (results.length > 1) await out.write(`# ${r.path}\n`);
        await out.write(r.tree! + (options.treeFormat === 'json' ? '\n' : ''));
      }
    }
    await out.close();
    return results.some((r) => r.error) ? 2 : 0;
  }

  // The report: to --output-file, or stdout (stderr with --fix on standard input, whose fixed text is on stdout).
  const toStderr = options.mode === 'fix' && (files.includes('-') || args.output === '-') && !args.outputFile;
  exitQuietlyOnEpipe(process.stdout);
  let sink: Sink;
  try {
    if (args.outputFile) fs.mkdirSync(path.dirname(path.resolve(args.outputFile)), { recursive: true });
    sink = args.outputFile ? fileSink(args.outputFile) : streamSink(toStderr ? process.stderr : process.stdout);
  } catch (e) {
    return fail(`${args.outputFile}: cannot write the report: ${(e as Error).message}`);
  }
  const format = args.updateBaseline ? 'none' : args.format ?? 'stylish';
  const ctx = { mode: options.mode as 'lint' | 'fix' | 'fix-dry-run', color: useColor(args), version: VERSION };
  const reporter: Reporter = format === 'json' ? jsonReporter(sink)
    : format === 'sarif' ? sarifReporter(sink, ctx)
    : format === 'github' ? githubReporter(sink)
    : format === 'none' ? { async begin() {}, async file() {}, async end() {} }
    : stylishReporter(sink, ctx);
  // a diff on stdout would corrupt the JSON or SARIF document: there it is in the JSON (json) or on stderr
  const diffToStderr = format === 'sarif' || format === 'github';
  const summary = emptySummary();
  let ruleErrorCount = 0;
  const skippedResults: FileResult[] = [];
  const profileNotes = new Set<string>(); // `"profile": "auto"` of a .wikitext-lint.json that used a shipped map: once each

  const emit = async (r: FileResult) => {
    const file = r.path;
    cache?.record(file, r);
    if (args.quiet) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
    if (baseline) {
      if (args.updateBaseline) baseline.add(r);
      else baseline.filter(r);
    }
    for (const e of r.ruleErrors ?? []) {
      ruleErrorCount++;
      process.stderr.write(`wikitext-lint: internal error in rule ${e} (${r.path})\n`);
    }
    if (r.diff && diffToStderr) {
      process.stderr.write(r.diff);
      delete r.diff;
    }
    if (r.skipped) skippedResults.push({ path: r.path, diagnostics: [], skipped: r.skipped });
    if (r.profileNote && !profileNotes.has(r.profileNote)) {
      profileNotes.add(r.profileNote);
      process.stderr.write(`wikitext-lint: note: ${r.profileNote}\n`);
    }
    addToSummary(summary, r);
    await reporter.file(r);
    if (format !== 'stylish' && r.error) process.stderr.write(`wikitext-lint: ${r.path}: ${r.error}\n`);
  };

  // progress on a terminal, for runs that take more than two seconds (the delay can be set for tests)
  let done = 0;
  const started = Date.now();
  const after = Number(process.env.WIKITEXT_LINT_PROGRESS_AFTER_MS ?? 2000);
  const progress = process.stderr.isTTY === true && !toStderr;
  let shown = 0;
  const tick = () => {
    done++;
    if (!progress) return;
    const now = Date.now();
    if (now - started > after && now - shown >= 100) {
      shown = now;
      process.stderr.write(`\r${done}/${files.length} files`);
    }
  };

  await reporter.begin();
  try {
    if (jobs > 1) {
      // results arrive in any order; they are written in input order as soon as the next one is there
      const waiting = new Map<number, FileResult>();
      let nextOut = 0;
      let chain = Promise.resolve();
      await runInWorkers(files, options, jobs, cache, (i, r) => {
        tick();
        waiting.set(i, r);
        chain = chain.then(async () => {
          while (waiting.has(nextOut)) {
            const res = waiting.get(nextOut)!;
            waiting.delete(nextOut++);
            await emit(res);
          }
        });
        return chain;
      });
      await chain;
    } else {
      for (const f of files) {
        await emit(processFile(f, options, cache?.get(f)));
        tick();
      }
    }
    for (const r of pageResults) await emit(r);
    for (const p of problems) await emit({ path: p.path, error: p.message, diagnostics: [] });
  } finally {
    if (shown) process.stderr.write('\r\x1b[K');
  }
  await reporter.end(summary);
  try {
    await sink.close();
  } catch (e) {
    return fail(`${args.outputFile ?? 'output'}: cannot write the report: ${(e as Error).message}`);
  }
  const skipNote = skippedRulesNote(skippedResults);
  if (skipNote) process.stderr.write(skipNote);
  try {
    cache?.save();
  } catch (e) {
    process.stderr.write(`wikitext-lint: cannot write the cache: ${(e as Error).message}\n`);
  }
  if (baseline) {
    if (args.updateBaseline) {
      baseline.save();
      process.stderr.write(`wikitext-lint: wrote ${baseline.size} findings to ${args.baseline}\n`);
      return summary.fileErrors ? 2 : 0;
    }
    if (baseline.suppressed && format === 'stylish') process.stderr.write(`wikitext-lint: ${baseline.suppressed} findings in the baseline not shown\n`);
  }
  void ruleErrorCount;

  if (summary.fileErrors) return 2;
  if (summary.errors) return 1;
  if (args.maxWarnings !== undefined && summary.warnings > args.maxWarnings) {
    process.stderr.write(`wikitext-lint: ${summary.warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

export function skippedRulesNote(results: FileResult[]): string {
  const rules = new Set<string>(), wikis = new Map<string, number>();
  for (const r of results) {
    if (!r.skipped) continue;
    for (const id of r.skipped.rules) rules.add(id);
    wikis.set(r.skipped.for, (wikis.get(r.skipped.for) ?? 0) + 1);
  }
  if (!rules.size) return '';
  const where = [...wikis].map(([w, n]) => `${w}: ${n} file${n === 1 ? '' : 's'}`).join(', ');
  // a map shipped for one of these wikis: `--profile auto` uses it (the site itself may only be guessed: then --site too)
  const shipped: string[] = [];
  for (const w of wikis.keys()) {
    const site = /^[^\s]+/.exec(w)?.[0] ?? '';
    const map = site && !/ or /.test(w) ? shippedMapPath(site) : undefined;
    if (map) shipped.push(`${site} has a map shipped with wikitext-lint (${map}): lint with ${/\(guessed/.test(w) ? `--site ${site} ` : ''}--profile auto (or "profile": "auto" in .wikitext-lint.json) to check its citation templates now. `);
  }
  return `wikitext-lint: note: no citation profile for ${where}; only the rules that hold in every language ran. ` +
    `Skipped ${rules.size} rules that need English Wikipedia's citation templates: ${[...rules].join(', ')}. ` +
    shipped.join('') +
    `To check that wiki's own citation templates, build its citation profile with \`wikitext-lint profile --site <wiki>\` and lint with --profile auto (or give a profile file: --profile FILE, or "profile" in .wikitext-lint.json); to run one rule anyway, set it in "rules" (or --rule id:warning).\n`;
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

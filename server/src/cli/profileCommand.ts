/**
 * `wikitext-lint profile --site X [--out FILE] [--refresh] [--map FILE]`: builds the citation profile of a wiki from
 * its own data (server/src/wiki/citationProfileBuilder.ts) and the declarative map shipped for it, caches it at
 * `<cacheDir>/profiles/<site>.citations.json`, and prints that path on standard output (notes go to standard
 * error). A cached profile younger than a week is kept unless --refresh. `--profile auto` (or `"profile": "auto"`)
 * then uses the cached one for the configured site; `--out` also writes it where a repository can pin it.
 */
import { WikiClient } from '../wiki/client';
import { buildAndCacheCitationProfile, describeCitationProfile, printable, writeCitationProfile } from '../wiki/citationProfileBuilder';
import { findConfigFor } from './files';

export const PROFILE_HELP = `Usage: wikitext-lint profile --site <wiki> [--out <file>] [--refresh] [--map <file>]

Builds the citation profile of a wiki (which of its templates are CS1 citations, their local parameter names
and aliases, reference-list templates, month names, digits, rule defaults) from the wiki's own data
(TemplateData, redirects, messages) and the map shipped for it (server/data/citation-profiles/<site>.json),
caches it, and prints where. Lint with it: --profile auto (or "profile": "auto" in .wikitext-lint.json, or
--profile <file> for a file written with --out).

  --site <wiki>    the wiki (de.wikipedia.org, dewiki, de, or an api.php URL); default: "site" of the
                   .wikitext-lint.json of the current folder
  --out <file>     also write the profile to this file (to commit it and pin it in CI)
  --refresh        build again even when the cached profile is less than a week old
  --map <file>     the declarative map to start from (default: the one shipped for the site, else the one
                   of <content language>.wikipedia.org)
  --help           this help
`;

interface ProfileArgs {
  site?: string;
  out?: string;
  map?: string;
  refresh: boolean;
  help: boolean;
}

function parseProfileArgs(argv: string[]): ProfileArgs {
  const a: ProfileArgs = { refresh: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      if (eq > 0) return arg.slice(eq + 1);
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
      return argv[++i];
    };
    if (name === '--help' || name === '-h') a.help = true;
    else if (name === '--refresh') a.refresh = true;
    else if (name === '--site') a.site = value();
    else if (name === '--out') a.out = value();
    else if (name === '--map') a.map = value();
    else throw new Error(`profile: unknown ${arg.startsWith('-') ? 'option' : 'argument'} ${arg}`);
  }
  return a;
}

/** Runs `wikitext-lint profile ...` (argv without `profile`); returns the exit code. */
export async function profileCommand(argv: string[], io: { out: (s: string) => void; err: (s: string) => void } = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  // what a wiki answers (titles, error texts) reaches the terminal: no escape sequences or bidi overrides
  const raw = io.err;
  io = { out: io.out, err: (s) => raw(printable(s)) }; // keeps newlines and tabs
  let args: ProfileArgs;
  try {
    args = parseProfileArgs(argv);
  } catch (e) {
    io.err(`wikitext-lint: ${(e as Error).message}\n${PROFILE_HELP}`);
    return 2;
  }
  if (args.help) {
    io.out(PROFILE_HELP);
    return 0;
  }
  let site = args.site;
  if (!site) {
    try {
      site = findConfigFor('.').config?.site;
    } catch (e) {
      io.err(`wikitext-lint: ${(e as Error).message}\n`);
      return 2;
    }
  }
  if (!site) {
    io.err(`wikitext-lint: profile: give the wiki with --site (or "site" in .wikitext-lint.json)\n${PROFILE_HELP}`);
    return 2;
  }
  try {
    const client = await WikiClient.connect(site, { backoffMs: 500, timeoutMs: Number(process.env.WIKITEXT_LINT_TIMEOUT_MS) || 30_000 });
    const r = await buildAndCacheCitationProfile(client, { refresh: args.refresh, mapFile: args.map });
    for (const n of r.notes) io.err(`wikitext-lint: note: ${n}\n`);
    if (r.kept) io.err(`wikitext-lint: the citation profile of ${r.site} was built on ${r.profile.builtAt!.slice(0, 10)}: kept (--refresh builds it again)\n`);
    else io.err(`wikitext-lint: citation profile of ${r.site}: ${describeCitationProfile(r.profile)} (${r.requests} requests)\n`);
    if (args.out) {
      writeCitationProfile(args.out, r.profile);
      io.err(`wikitext-lint: wrote ${args.out}\n`);
    }
    io.out(`${r.file}\n`);
    return 0;
  } catch (e) {
    io.err(`wikitext-lint: profile: ${(e as Error).message}\n`);
    return 2;
  }
}

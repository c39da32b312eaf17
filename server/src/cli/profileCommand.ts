/**
 * `wikitext-lint profile --site X [--out FILE] [--refresh] [--map FILE]`: builds the citation profile of a wiki from
 * its own data (server/src/wiki/citationProfileBuilder.ts) and the declarative map shipped for it, caches it at
 * `<cacheDir>/profiles/<site>.citations.json`, and prints that path on standard output (notes go to standard
 * error). A cached profile younger than a week is kept unless --refresh. `--profile auto` (or `"profile": "auto"`)
 * then uses the cached one for the configured site; `--out` also writes it where a repository can pin it.
 */
import * as fs from 'node:fs';
import { WikiClient } from '../wiki/client';
import { buildCitationProfile, builtInCitationMap, readCitationMap, writeCitationProfile } from '../wiki/citationProfileBuilder';
import { citationProfileCacheFile } from '../wiki/citationProfileCache';
import { parseCitationProfile } from '../core/citationProfile';
import type { CitationProfile } from '../core/profile';
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

export const CITATION_PROFILE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

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

function readCached(file: string): CitationProfile | undefined {
  try {
    return parseCitationProfile(JSON.parse(fs.readFileSync(file, 'utf8')), file);
  } catch {
    return undefined;
  }
}

/** Runs `wikitext-lint profile ...` (argv without `profile`); returns the exit code. */
export async function profileCommand(argv: string[], io: { out: (s: string) => void; err: (s: string) => void } = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
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
    const name = client.site.name;
    const file = citationProfileCacheFile(name);
    const cached = !args.refresh && !args.map ? readCached(file) : undefined;
    let profile: CitationProfile;
    if (cached?.builtAt && Date.now() - Date.parse(cached.builtAt) < CITATION_PROFILE_MAX_AGE_MS) {
      profile = cached;
      io.err(`wikitext-lint: the citation profile of ${name} was built on ${cached.builtAt.slice(0, 10)}: kept (--refresh builds it again)\n`);
    } else {
      let map: { map: CitationProfile; source: string } | undefined;
      if (args.map) map = { map: readCitationMap(args.map), source: args.map };
      map ??= builtInCitationMap(name);
      if (!map) {
        // no map for this site: the one of its content language's Wikipedia (a wiki in German → dewiki's map)
        const si = await client.get({ action: 'query', meta: 'siteinfo', siprop: 'general' });
        const lang = String(si?.query?.general?.lang ?? '');
        map = lang ? builtInCitationMap(`${lang}.wikipedia.org`) : undefined;
        if (map) io.err(`wikitext-lint: note: no map for ${name}; using the one of ${lang}.wikipedia.org (its content language); --map FILE to give another\n`);
      }
      if (!map) {
        io.err(`wikitext-lint: no citation map for ${name}: write one (see docs/profiles.md) and give it with --map FILE\n`);
        return 2;
      }
      const built = await buildCitationProfile(client, map.map, { mapSource: map.source });
      for (const n of built.notes) io.err(`wikitext-lint: note: ${n}\n`);
      profile = built.profile;
      writeCitationProfile(file, profile);
      const t = Object.keys(profile.templates).length;
      const p = Object.values(profile.templateParameters ?? {}).reduce((n, m) => n + Object.keys(m).length, 0);
      io.err(`wikitext-lint: citation profile of ${name}: ${t} citation template names, ${p} template parameter names, ${Object.keys(profile.refTemplates ?? {}).length} ref template names${profile.dates?.months ? ', month names' : ''}${profile.dates?.digits ? ', local digits' : ''} (${built.requests} requests)\n`);
    }
    if (args.out) {
      writeCitationProfile(args.out, profile);
      io.err(`wikitext-lint: wrote ${args.out}\n`);
    }
    io.out(`${file}\n`);
    return 0;
  } catch (e) {
    io.err(`wikitext-lint: profile: ${(e as Error).message}\n`);
    return 2;
  }
}

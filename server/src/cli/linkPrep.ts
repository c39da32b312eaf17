/**
 * The CLI's link work, before linting: `--check-links` checks the links of every file (one run, so one set
 * of per-host limits over all files) and `--fill-citations` fetches metadata for bare URL refs and citations
 * without a title. Results are plain records: they go to worker threads with the other options.
 */
import type { LookupFunction } from 'node:net';
import { readWikitext, findConfigFor } from './files';
import { lint } from '../core/lint/lint';
import type { LintConfig } from '../core/lint/config';
import type { Day } from '../core/lint/types';
import { linkTargets } from '../core/links/select';
import { normaliseLinkUrl, type LinkInfo } from '../core/links/types';
import { archiveTargetDate } from '../core/links/archive';
import { fillCandidates } from '../core/links/fill';
import type { PageMetadata } from '../core/links/metadata';
import { checkUrls, LinkSession } from '../links/checker';
import { LinkCache } from '../links/cache';
import { fetchMetadata } from '../links/fill';
import { NetFailure } from '../links/http';

export interface CliLinkOptions {
  checkLinks: boolean;
  fillCitations: boolean;
  noCache: boolean;
  today: Day;
  /** `--config`, else the configuration found for the first file. */
  config?: LintConfig;
  lookup?: LookupFunction;
  signal?: AbortSignal;
  /** Progress lines (stderr when it is a terminal). */
  progress?: (line: string) => void;
}

export interface CliLinkResults {
  links?: Record<string, LinkInfo>;
  fills?: Record<string, PageMetadata>;
  /** Messages for stderr (cache not writable, pages that could not be filled...). */
  notes: string[];
  /** Seconds the link check took. */
  seconds: number;
}

export async function prepareLinks(files: readonly string[], o: CliLinkOptions): Promise<CliLinkResults> {
  const t0 = Date.now();
  const notes: string[] = [];
  const config = o.config ?? (files.length ? findConfigFor(files[0]).config ?? undefined : undefined);
  const settings = config?.links ?? {};
  const urls: string[] = [];
  const seen = new Set<string>();
  const archiveDates = new Map<string, string>();
  const fillUrls = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = readWikitext(file).text;
    } catch {
      continue; // reported when the file is linted
    }
    const r = lint(text, { today: o.today, config: { rules: {} } });
    for (const t of linkTargets(text, r.model, r.citations, { allExternalLinks: settings.allExternalLinks })) {
      const url = normaliseLinkUrl(t.url);
      if (!seen.has(url)) {
        seen.add(url);
        urls.push(url);
      }
      const isArchive = t.param?.lookup.known && t.param.lookup.canonical === 'archive-url';
      if (!isArchive && !(t.citation && t.citation.get('archive-url')) && !archiveDates.has(url)) archiveDates.set(url, archiveTargetDate(t.citation, o.today));
    }
    if (o.fillCitations) for (const c of fillCandidates(r.model, r.citations)) fillUrls.add(c.url);
  }
  const cache = o.noCache ? null : new LinkCache(LinkCache.defaultFile());
  const out: CliLinkResults = { notes, seconds: 0 };
  if (o.checkLinks) {
    let last = 0;
    const results = await checkUrls(urls, {
      settings, lookup: o.lookup, signal: o.signal, cache, archiveDates,
      onProgress: (done, total) => {
        if (o.progress && (Date.now() - last > 1000 || done === total)) {
          last = Date.now();
          o.progress(`checking links: ${done}/${total}`);
        }
      },
    });
    out.links = Object.fromEntries(results);
    const err = cache?.save();
    if (err) notes.push(`link cache not saved: ${err}`);
  }
  if (o.fillCitations && fillUrls.size) {
    const session = new LinkSession({ settings, lookup: o.lookup, signal: o.signal });
    const fills: Record<string, PageMetadata> = {};
    await Promise.all([...fillUrls].map(async (url) => {
      try {
        const r = await fetchMetadata(session, url);
        if (r.ok) fills[url] = r.metadata;
        else notes.push(`${url}: not filled: ${r.reason}`);
      } catch (e) {
        if (e instanceof NetFailure && e.kind === 'aborted') throw e;
        notes.push(`${url}: not filled: ${(e as Error).message}`);
      }
    }));
    out.fills = fills;
  }
  out.seconds = (Date.now() - t0) / 1000;
  return out;
}

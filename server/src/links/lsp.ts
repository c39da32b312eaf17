/**
 * The language server's link features (issue 15), kept out of server.ts: the `wikitext/checkLinks` request
 * (progress notifications, cancellation that stops every request), the `wikitext/fillCitation` request (metadata
 * fetched, the citation built in the page's style, a preview rendered as the citation hover renders it), the
 * Fill Citation code action, and the link results that rules read through `ctx.links`.
 * Nothing here runs without a request from the user.
 */
import { ResponseError, LSPErrorCodes, type Connection, type CancellationToken } from 'vscode-languageserver/node';
import type { CodeAction } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analysis';
import { lint, todayUtc } from '../core/lint/lint';
import { linkTargets } from '../core/links/select';
import { normaliseLinkUrl, type LinkInfo, type LinkLookup } from '../core/links/types';
import { archiveTargetDate } from '../core/links/archive';
import { fillCandidates, fillEdit, citationStyleOf } from '../core/links/fill';
import type { LinkSettings } from '../core/links/settings';
import { citationPreview } from '../core/citationInfo';
import { checkUrls, LinkSession } from './checker';
import { LinkCache } from './cache';
import { fetchMetadata } from './fill';
import { NetFailure } from './http';

export interface CheckLinksParams {
  uri: string;
  /** Only the links inside this range (the selection). */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Where to keep results (the extension's storage); default: the user cache directory. */
  cacheFile?: string;
  /** Check again even when checked within the day. */
  noCache?: boolean;
}

export interface CheckLinksResult {
  total: number;
  counts: Record<string, number>;
  seconds: number;
}

export interface FillCitationParams {
  uri: string;
  position: { line: number; character: number };
}

export type FillCitationResult =
  | { ok: true; title: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string; preview: string; version?: number }
  | { ok: false; reason: string };

export interface LinkServiceDeps {
  analysisOf(uri: string): Promise<Analysis | null>;
  linkSettings(uri: string): Promise<Partial<LinkSettings>>;
  /** Drops the cached analysis of a document and sends its diagnostics again (link results changed). */
  refresh(uri: string): void;
  version(uri: string): number | undefined;
  /** Tests inject a DNS lookup. */
  lookup?: import('node:net').LookupFunction;
}

export class LinkService {
  private results = new Map<string, LinkInfo>();
  private caches = new Map<string, LinkCache>();
  /** What rules read: the results of the user's link checks in this session. */
  readonly lookup: LinkLookup = { get: (url) => this.results.get(url) ?? this.results.get(normaliseLinkUrl(url)) };

  constructor(private connection: Connection, private deps: LinkServiceDeps) {}

  /** True once a check has run (before that, rules get no `ctx.links` and stay silent). */
  get active(): boolean {
    return this.results.size > 0;
  }

  register(): void {
    this.connection.onRequest('wikitext/checkLinks', (p: CheckLinksParams, token: CancellationToken) => this.checkLinks(p, token));
    this.connection.onRequest('wikitext/fillCitation', (p: FillCitationParams, token: CancellationToken) => this.fillCitation(p, token));
  }

  private cache(file: string | undefined): LinkCache {
    const f = file ?? LinkCache.defaultFile();
    let c = this.caches.get(f);
    if (!c) this.caches.set(f, (c = new LinkCache(f)));
    return c;
  }

  async checkLinks(p: CheckLinksParams, token: CancellationToken): Promise<CheckLinksResult> {
    const t0 = Date.now();
    const a = await this.deps.analysisOf(p.uri);
    if (!a) throw new ResponseError(-32602, `document not open: ${p.uri}`);
    const today = todayUtc();
    const from = p.range ? a.lines.offset(p.range.start.line, p.range.start.character) : 0;
    const to = p.range ? a.lines.offset(p.range.end.line, p.range.end.character) : a.text.length;
    const settings = await this.deps.linkSettings(p.uri);
    const targets = linkTargets(a.text, a.model, a.citations, { allExternalLinks: settings.allExternalLinks }).filter((t) => from === to || (t.end > from && t.start < to));
    const urls: string[] = [];
    const archiveDates = new Map<string, string>();
    for (const t of targets) {
      const u = normaliseLinkUrl(t.url);
      if (!urls.includes(u)) urls.push(u);
      const isArchive = t.param?.lookup.known && t.param.lookup.canonical === 'archive-url';
      if (!isArchive && !t.citation?.get('archive-url') && !archiveDates.has(u)) archiveDates.set(u, archiveTargetDate(t.citation, today));
    }
    const ac = new AbortController();
    const sub = token.onCancellationRequested(() => ac.abort());
    const cache = p.noCache ? null : this.cache(p.cacheFile);
    try {
      const results = await checkUrls(urls, {
        settings, lookup: this.deps.lookup, signal: ac.signal, cache, archiveDates,
        onProgress: (done, total, url) => void this.connection.sendNotification('wikitext/checkLinksProgress', { uri: p.uri, done, total, url }),
      });
      for (const [u, info] of results) this.results.set(u, info);
      cache?.save();
      const counts: Record<string, number> = {};
      for (const info of results.values()) counts[info.status] = (counts[info.status] ?? 0) + 1;
      this.deps.refresh(p.uri);
      return { total: urls.length, counts, seconds: (Date.now() - t0) / 1000 };
    } catch (e) {
      if (e instanceof NetFailure && e.kind === 'aborted') {
        cache?.save();
        throw new ResponseError(LSPErrorCodes.RequestCancelled, 'link check cancelled');
      }
      throw e;
    } finally {
      sub.dispose();
    }
  }

  async fillCitation(p: FillCitationParams, token: CancellationToken): Promise<FillCitationResult> {
    const a = await this.deps.analysisOf(p.uri);
    if (!a) return { ok: false, reason: 'the document is not open' };
    const version = this.deps.version(p.uri);
    const offset = a.lines.offset(p.position.line, p.position.character);
    const cand = fillCandidates(a.model, a.citations).find((c) => c.start <= offset && offset <= c.end);
    if (!cand) return { ok: false, reason: 'no bare URL ref or citation without a title here' };
    const ac = new AbortController();
    const sub = token.onCancellationRequested(() => ac.abort());
    try {
      const session = new LinkSession({ settings: await this.deps.linkSettings(p.uri), lookup: this.deps.lookup, signal: ac.signal });
      const r = await fetchMetadata(session, cand.url);
      if (!r.ok) return { ok: false, reason: `${cand.url}: ${r.reason}` };
      const style = citationStyleOf(a.text, a.model, a.citations, 'iso');
      const edit = fillEdit(a.text, cand, r.metadata, todayUtc(), style);
      if (!edit) return { ok: false, reason: 'nothing to add: the citation already has what the page says' };
      // the preview: the citation after the fill, rendered as the citation hover renders it
      const after = a.text.slice(0, edit.start) + edit.newText + a.text.slice(edit.end);
      const linted = lint(after);
      const c = linted.citations.find((x) => x.template.start <= edit.start + 2 && edit.start <= x.template.end);
      const preview = c ? citationPreview(c, after) : edit.newText;
      return {
        ok: true,
        title: cand.kind === 'bare-ref' ? 'Fill citation from the URL' : 'Complete the citation from its URL',
        range: { start: a.lines.position(edit.start), end: a.lines.position(edit.end) },
        newText: edit.newText,
        preview,
        ...(version !== undefined ? { version } : {}),
      };
    } catch (e) {
      if (e instanceof NetFailure && e.kind === 'aborted') throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      throw e;
    } finally {
      sub.dispose();
    }
  }

  /** "Fill citation" code actions on a bare URL ref or an untitled citation in the range (the command asks the server, previews, applies). */
  codeActions(a: Analysis, uri: string, start: number, end: number): CodeAction[] {
    const out: CodeAction[] = [];
    for (const c of fillCandidates(a.model, a.citations)) {
      if (c.end < start || c.start > end) continue;
      out.push({
        title: c.kind === 'bare-ref' ? 'Fill citation from the URL (fetches the page)' : 'Complete the citation from its URL (fetches the page)',
        kind: 'refactor.rewrite',
        command: { title: 'Fill Citation', command: 'wikitext.fillCitation', arguments: [uri, a.lines.position(c.start)] },
      });
    }
    return out;
  }
}

/**
 * Which URLs of a page a link check looks at: every URL parameter of citations (url, chapter-url,
 * archive-url and the other `-url` parameters CS1 knows), external links and bare URLs inside refs, and,
 * when asked, every external link of the page. Pure: offsets only.
 */
import type { DocumentModel, RefUse } from '../model';
import type { Citation, CitationParam } from '../citations';
import type { ExternalLinkNode } from '../parser/nodes';
import { normaliseLinkUrl } from './types';

/** One place a URL is cited. */
export interface LinkTarget {
  /** The URL as written (trimmed). */
  url: string;
  /** Range of the URL in the source. */
  start: number;
  end: number;
  kind: 'citation' | 'ref-link' | 'page-link';
  /** The citation and parameter, for URL parameters of citations. */
  citation?: Citation;
  param?: CitationParam;
  /** The external link node (ref-link, page-link). */
  link?: ExternalLinkNode;
  /** The ref holding it, if any. */
  ref?: RefUse | null;
}

const CHECKABLE = /^https?:\/\//i;

/** URL parameters of a citation (by canonical name): url, chapter-url, archive-url, and the other *-url ones. */
export function isUrlParameter(p: CitationParam): boolean {
  return p.lookup.known && p.lookup.definition.kind === 'url';
}

/** The links of a page that a check looks at, in document order. */
export function linkTargets(src: string, model: DocumentModel, citations: readonly Citation[], options: { allExternalLinks?: boolean } = {}): LinkTarget[] {
  const out: LinkTarget[] = [];
  const inCitation: [number, number][] = [];
  for (const c of citations) {
    inCitation.push([c.template.start, c.template.end]);
    for (const p of c.params) {
      if (!isUrlParameter(p) || !CHECKABLE.test(p.value)) continue;
      out.push({ url: p.value, start: p.valueStart, end: p.valueEnd, kind: 'citation', citation: c, param: p, ref: c.ref });
    }
  }
  inCitation.sort((a, b) => a[0] - b[0]);
  const insideCitation = (at: number) => {
    let lo = 0, hi = inCitation.length - 1;
    // citations may nest; a linear scan over the few candidates before `at` is enough
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (inCitation[mid][0] <= at) lo = mid + 1;
      else hi = mid - 1;
    }
    for (let i = hi; i >= 0 && i > hi - 8; i--) if (inCitation[i][0] <= at && at < inCitation[i][1]) return true;
    return false;
  };
  // a link in an {{sfn}}'s |p= is not "in a ref" whose end a {{dead link}} could follow: the ref is the template's output
  const refs = model.refs.filter((r) => r.content && !r.generatedName).sort((a, b) => a.content!.start - b.content!.start);
  const refAt = (at: number): RefUse | null => {
    let found: RefUse | null = null;
    for (const r of refs) {
      if (r.content!.start > at) break;
      if (at < r.content!.end) found = r;
    }
    return found;
  };
  for (const l of model.externalLinks) {
    const url = l.url.trim();
    if (!CHECKABLE.test(url) || insideCitation(l.start)) continue;
    const ref = refAt(l.start);
    if (!ref && !options.allExternalLinks) continue;
    const start = src.indexOf(url, l.start);
    out.push({ url, start: start >= 0 && start < l.end ? start : l.start, end: start >= 0 && start < l.end ? start + url.length : l.end, kind: ref ? 'ref-link' : 'page-link', link: l, ref });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** The distinct URLs to check (as the checker keys them), in first-seen order. */
export function distinctUrls(targets: readonly LinkTarget[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of targets) {
    const u = normaliseLinkUrl(t.url);
    if (!seen.has(u)) {
      seen.add(u);
      out.push(u);
    }
  }
  return out;
}

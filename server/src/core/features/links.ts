/**
 * Document links: external links and bare URLs open their URL; wikilinks (pages, files, categories)
 * open the page on the configured wiki; language interwiki links (`[[fr:Paris]]`) and the main sister
 * projects (`[[wikt:word]]`) open on their own wiki; magic links (ISBN, PMID, RFC) open where MediaWiki
 * sends them.
 */
import { trimmedRange } from '../text';
import type { Analysis } from '../analysis';
import type { SyntaxNode, WikilinkNode } from '../parser/nodes';
import syntax from '../../../data/wikitext-syntax.json';
import type { LinkTarget } from './types';

const languageCodes = new Set(syntax.languageCodes);

/** Sister projects by interwiki prefix (MediaWiki's default interwiki map; English editions where a project has several). */
const SISTER_PROJECTS: Record<string, string> = {
  w: 'https://en.wikipedia.org/wiki/',
  wikipedia: 'https://en.wikipedia.org/wiki/',
  wikt: 'https://en.wiktionary.org/wiki/',
  wiktionary: 'https://en.wiktionary.org/wiki/',
  commons: 'https://commons.wikimedia.org/wiki/',
  c: 'https://commons.wikimedia.org/wiki/',
  meta: 'https://meta.wikimedia.org/wiki/',
  m: 'https://meta.wikimedia.org/wiki/',
  mw: 'https://www.mediawiki.org/wiki/',
  s: 'https://en.wikisource.org/wiki/',
  wikisource: 'https://en.wikisource.org/wiki/',
  q: 'https://en.wikiquote.org/wiki/',
  wikiquote: 'https://en.wikiquote.org/wiki/',
  n: 'https://en.wikinews.org/wiki/',
  wikinews: 'https://en.wikinews.org/wiki/',
  b: 'https://en.wikibooks.org/wiki/',
  wikibooks: 'https://en.wikibooks.org/wiki/',
  v: 'https://en.wikiversity.org/wiki/',
  wikiversity: 'https://en.wikiversity.org/wiki/',
  voy: 'https://en.wikivoyage.org/wiki/',
  wikivoyage: 'https://en.wikivoyage.org/wiki/',
  d: 'https://www.wikidata.org/wiki/',
  wikidata: 'https://www.wikidata.org/wiki/',
  species: 'https://species.wikimedia.org/wiki/',
  wikispecies: 'https://species.wikimedia.org/wiki/',
};

/** Encodes a page title for a URL as MediaWiki does (wfUrlencode): spaces as `_`, and `:/;@$!*(),~` kept. */
export function encodeTitle(title: string): string {
  return encodeURIComponent(title.replace(/ /g, '_')).replace(/%(3A|2F|3B|40|24|21|2A|28|29|2C|7E)/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Links of a document: URLs of external links, and wikilink targets resolved against `linkBase` (ends with `/wiki/`). */
export function documentLinks(a: Analysis, linkBase: string): LinkTarget[] {
  const src = a.text;
  const out: LinkTarget[] = [];

  for (const l of a.model.externalLinks) {
    const urlNode = l.type === 'ExternalLink' ? l.children?.find((c) => c.type === 'ExternalLinkUrl') : l;
    if (!urlNode) continue;
    const url = l.url.startsWith('//') ? 'https:' + l.url : l.url;
    out.push({ start: urlNode.start, end: urlNode.end, target: url, tooltip: `Open ${url}` });
  }

  for (const w of a.model.wikilinks) {
    const target = wikilinkTarget(w, linkBase);
    if (!target) continue;
    const r = trimmedRange(src, w.targetNode.start, w.targetNode.end);
    if (r.start < r.end) out.push({ start: r.start, end: r.end, target: target.url, tooltip: target.tooltip });
  }

  // Magic links are leaves, found only in a walk of the tree.
  const stack: SyntaxNode[] = [a.doc];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'MagicLink') {
      const link = magicLinkTarget(src.slice(n.start, n.end), linkBase);
      if (link) out.push({ start: n.start, end: n.end, target: link.url, tooltip: link.tooltip });
      continue;
    }
    const ch = n.children;
    if (ch) for (let i = ch.length - 1; i >= 0; i--) if (ch[i].children || ch[i].type === 'MagicLink') stack.push(ch[i]);
  }
  out.sort((x, y) => x.start - y.start);
  return out;
}

/** Where a wikilink leads, or null for links no URL can stand for (templates in the target, relative or same-page links). */
function wikilinkTarget(w: WikilinkNode, linkBase: string): { url: string; tooltip: string } | null {
  // A template or argument in the target: the page is only known after expansion.
  if (hasNonText(w.targetNode)) return null;
  let title = w.target.replace(/\s+/g, ' ').trim();
  if (title.startsWith(':')) title = title.slice(1).trim();
  if (!title || title.startsWith('/') || title.startsWith('../')) return null;
  const fragment = w.fragment ? '#' + encodeTitle(w.fragment.replace(/\s+/g, ' ').trim()) : '';
  const colon = title.indexOf(':');
  if (colon > 0) {
    const prefix = title.slice(0, colon).trim().toLowerCase();
    const rest = title.slice(colon + 1).trim();
    if (languageCodes.has(prefix)) {
      return { url: `https://${prefix}.wikipedia.org/wiki/${encodeTitle(rest)}${fragment}`, tooltip: `Open "${rest}" on ${prefix}.wikipedia.org` };
    }
    const sister = SISTER_PROJECTS[prefix];
    if (sister) return { url: sister + encodeTitle(rest) + fragment, tooltip: `Open "${rest}" on ${new URL(sister).host}` };
    if (w.kind === 'interwiki') return null;
  }
  const what = w.kind === 'file' ? 'file page' : w.kind === 'category' ? 'category' : 'page';
  return { url: linkBase + encodeTitle(title) + fragment, tooltip: `Open ${what} "${title}${w.fragment ? '#' + w.fragment : ''}"` };
}

function hasNonText(target: SyntaxNode): boolean {
  for (const c of target.children ?? []) if (c.type !== 'Text' && c.type !== 'Comment') return true;
  return false;
}

/** ISBN to Special:BookSources, PMID to PubMed, RFC to the IETF (MediaWiki's magic links). */
function magicLinkTarget(text: string, linkBase: string): { url: string; tooltip: string } | null {
  const m = /^(ISBN|PMID|RFC)[\s\u00a0]+(.*)$/s.exec(text);
  if (!m) return null;
  if (m[1] === 'ISBN') {
    const isbn = m[2].replace(/[^0-9Xx]/g, '').toUpperCase();
    return { url: `${linkBase}Special:BookSources/${isbn}`, tooltip: `Find book sources for ISBN ${isbn}` };
  }
  const n = m[2].replace(/\D/g, '');
  if (m[1] === 'PMID') return { url: `https://pubmed.ncbi.nlm.nih.gov/${n}`, tooltip: `Open PMID ${n} on PubMed` };
  return { url: `https://datatracker.ietf.org/doc/html/rfc${n}`, tooltip: `Open RFC ${n}` };
}


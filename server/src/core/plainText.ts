/**
 * The plain text of wikitext, roughly as a reader sees it: a link by its label (or its target when it has
 * none), quote markup, HTML tags, comments, refs, categories and behaviour switches dropped, character
 * references decoded, whitespace collapsed. A template's output is not known here: it is kept as written
 * (in a citation value or a footnote it is most of what identifies the text), or dropped with
 * `{ templates: 'drop' }` (a heading's `{{anchor}}`). For labels (outline entries, hover and completion
 * previews), never for checks that must match what MediaWiki renders exactly.
 *
 * Two entry points over one set of decisions: `plainTextOf(src, node)` reads the syntax tree (what the
 * features have at hand), `plainTextOfWikitext(text)` a string that has no tree (a regex match, a value
 * copied out of a template), with linear regular expressions.
 */
import type { ExternalLinkNode, SyntaxNode, TemplateNode, WikilinkNode } from './parser/nodes';
import { decodeAttrEntities, textWithoutComments } from './model';

/** Extension tags whose body a reader sees as text (the others are footnotes, lists or rendered media). */
const TEXT_TAGS = new Set(['nowiki', 'pre', 'poem', 'code', 'blockquote', 'span', 'small', 'big', 'sup', 'sub', 'syntaxhighlight', 'source', 'math', 'chem', 'ce']);

/** Options of `plainTextOf`. */
export interface PlainTextOptions {
  /** Templates (and parser functions) kept as written (the default) or dropped. */
  templates?: 'keep' | 'drop';
}

/** The visible text of a node, whitespace collapsed and trimmed. */
export function plainTextOf(src: string, node: SyntaxNode, options: PlainTextOptions = {}): string {
  // the common case: a value or a title of one text leaf
  if (!node.children) return collapse(leafText(src, node));
  const parts: string[] = [];
  visit(src, node, parts, options.templates === 'drop');
  return collapse(parts.join(''));
}

function collapse(s: string): string {
  return /\s\s|[\t\n\r\u00a0]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

function leafText(src: string, n: SyntaxNode): string {
  switch (n.type) {
    case 'Comment':
    case 'Quote':
    case 'BehaviorSwitch':
    case 'HorizontalRule':
      return '';
    case 'Entity':
      return decodeAttrEntities(src.slice(n.start, n.end));
    default:
      return src.slice(n.start, n.end);
  }
}

function visit(src: string, n: SyntaxNode, out: string[], dropTemplates: boolean): void {
  const ch = n.children;
  if (!ch) {
    out.push(leafText(src, n));
    return;
  }
  switch (n.type) {
    case 'Template':
    case 'ParserFunction':
    case 'MagicWord':
      // {{!}} is a pipe; other templates' output is not known here
      if ((n as TemplateNode).name === '!') out.push('|');
      else if (!dropTemplates) out.push(textWithoutComments(src, n));
      return;
    case 'HtmlTag':
      // a line break reads as a space; other tags are markup
      if ((n as SyntaxNode & { name: string }).name === 'br') out.push(' ');
      return;
    case 'Argument':
    case 'Comment':
      return;
    case 'ExtensionTag': {
      const tag = n as SyntaxNode & { name: string; body: SyntaxNode | null };
      if (tag.body && TEXT_TAGS.has(tag.name)) visit(src, tag.body, out, dropTemplates);
      return;
    }
    case 'Wikilink': {
      const link = n as WikilinkNode;
      if (link.kind === 'category' || link.kind === 'file') return;
      const label = ch.find((c) => c.type === 'LinkText');
      if (label) visit(src, label, out, dropTemplates);
      else out.push(link.target.replace(/^:/, '') + (link.fragment ? `#${link.fragment}` : ''));
      return;
    }
    case 'ExternalLink': {
      const label = ch.find((c) => c.type === 'ExternalLinkText');
      if (label) visit(src, label, out, dropTemplates);
      return;
    }
    case 'FreeUrl':
      out.push((n as ExternalLinkNode).url);
      return;
    case 'Heading': {
      const content = (n as SyntaxNode & { contentNode: SyntaxNode }).contentNode;
      visit(src, content, out, dropTemplates);
      return;
    }
  }
  for (const c of ch) visit(src, c, out, dropTemplates);
}

/** The visible text of wikitext given as a string (no tree at hand), whitespace collapsed and trimmed. */
export function plainTextOfWikitext(wikitext: string): string {
  // Most values hold no markup: skip the replacements (completion previews every named ref).
  if (!/[<[{'&]|\s\s|[\t\n\r]/.test(wikitext)) return wikitext.trim();
  return wikitext
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/\{\{\s*!\s*\}\}/g, '|')
    // No class below may run over the opener it starts from (`[`, `<`): a failed match then stops at the next
    // opener instead of scanning to the end, so a long run of `[[` or `<a` stays linear.
    .replace(/\[\[(?:[^[\]|]*\|)?([^[\]]*)\]\]/g, '$1')
    .replace(/\[(?:[a-z][a-z\d+.-]*:)?\/\/[^\s[\]]+\s([^[\]]*)\]/gi, '$1') // one \s: `\s+` then `[^[\]]*` backtracked over spaces
    .replace(/'{2,}/g, '')
    .replace(/<br\b[^<>]*>/gi, ' ')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g, (m) => decodeAttrEntities(m))
    .replace(/\s+/g, ' ')
    .trim();
}

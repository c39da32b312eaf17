/**
 * The lossless wikitext syntax tree.
 *
 * Invariants (tested on the whole corpus):
 * - every node covers `[start, end)` in UTF-16 offsets of the source;
 * - a node's children tile its range exactly, in order, with no gap or overlap;
 * - leaves (`children === null`) therefore tile the whole document, so the source
 *   is always recoverable from the tree (`printTree`).
 */

/** Every kind of node the parser produces. */
export type NodeType =
  | 'Document'
  // leaves
  | 'Text'
  | 'Punct'
  | 'Comment'
  | 'RawText'
  | 'Entity'
  | 'Signature'
  | 'BehaviorSwitch'
  | 'Quote'
  | 'HorizontalRule'
  | 'MagicLink'
  // preprocessor constructs
  | 'Template'
  | 'TemplateName'
  | 'Parameter'
  | 'ParameterName'
  | 'ParameterValue'
  | 'ParserFunction'
  | 'MagicWord'
  | 'Argument'
  | 'ArgumentName'
  | 'ArgumentDefault'
  | 'ExtensionTag'
  | 'TagOpen'
  | 'TagClose'
  | 'TagBody'
  | 'Attribute'
  | 'AttributeName'
  | 'AttributeValue'
  | 'Heading'
  | 'HeadingContent'
  // block and inline constructs
  | 'HtmlTag'
  | 'Wikilink'
  | 'LinkTarget'
  | 'LinkText'
  | 'ExternalLink'
  | 'ExternalLinkUrl'
  | 'ExternalLinkText'
  | 'FreeUrl'
  | 'ListItem'
  | 'ListContent'
  | 'Table'
  | 'TableOpen'
  | 'TableCaption'
  | 'TableRow'
  | 'TableCell'
  | 'TableAttributes'
  | 'TableCellContent'
  | 'TableClose'
  | 'Redirect';

/** A node of the syntax tree; subclasses add what each construct means. */
export class SyntaxNode {
  parent: SyntaxNode | null = null;
  constructor(
    public type: NodeType,
    public start: number,
    public end: number,
    public children: SyntaxNode[] | null,
  ) {
    if (children) for (let i = 0; i < children.length; i++) children[i].parent = this;
  }

  /** Replaces the children, re-pointing their parent. */
  setChildren(children: SyntaxNode[]): void {
    this.children = children;
    for (let i = 0; i < children.length; i++) children[i].parent = this;
  }
}

/** The node types listed in `DocumentNode.constructs`. */
export const CONSTRUCT_TYPES: ReadonlySet<NodeType> = new Set<NodeType>([
  'Comment', 'Heading', 'Template', 'MagicWord', 'ParserFunction', 'ExtensionTag', 'Wikilink', 'ExternalLink', 'FreeUrl',
]);

/** The root: the whole source text. */
export class DocumentNode extends SyntaxNode {
  /** Constructs the parser met but could not close; MediaWiki prints them as text. */
  unclosed: UnclosedConstruct[] = [];
  /**
   * Every comment, heading, template, parser function, extension tag, wikilink and external link of the
   * tree (the types in `CONSTRUCT_TYPES`), in the order the parser made them: the model reads these
   * instead of walking every node. The parser makes no such node that it does not keep (`checkTree`
   * checks it).
   */
  constructs: SyntaxNode[] = [];
  constructor(public source: string, children: SyntaxNode[]) {
    super('Document', 0, source.length, children);
  }
}

/** An opener MediaWiki leaves as literal text because nothing closes it. */
export interface UnclosedConstruct {
  kind: 'template' | 'argument' | 'link' | 'extension-tag' | 'comment' | 'table' | 'html-tag';
  /** Offsets of the opener (`{{`, `[[`, `<ref>`, `<!--`, `{|`). */
  start: number;
  end: number;
  /** Tag name for tags. */
  name?: string;
}

/** `<!-- ... -->`; an unclosed comment runs to the end of its context. */
export class CommentNode extends SyntaxNode {
  constructor(start: number, end: number, public closed: boolean) {
    super('Comment', start, end, null);
  }
}

/** `{{name|a|b=c}}`: a template transclusion. */
export class TemplateNode extends SyntaxNode {
  constructor(
    start: number,
    end: number,
    children: SyntaxNode[],
    /** Normalised title: comments removed, trimmed, `_` as space, `Template:` dropped, first letter upper case. */
    public name: string,
    public nameNode: SyntaxNode,
    public params: ParameterNode[],
  ) {
    super('Template', start, end, children);
  }

  /** The last parameter of that name (MediaWiki keeps the last of duplicates). */
  param(name: string): ParameterNode | undefined {
    for (let i = this.params.length - 1; i >= 0; i--) if (this.params[i].name === name) return this.params[i];
    return undefined;
  }
}

/** `{{#if:a|b}}`, `{{lc:x}}`, `{{DEFAULTSORT:x}}`: a parser function; its first argument follows the colon. */
export class ParserFunctionNode extends SyntaxNode {
  constructor(
    start: number,
    end: number,
    children: SyntaxNode[],
    /** Function name as written, trimmed (e.g. `#invoke`, `DEFAULTSORT`). */
    public name: string,
    public nameNode: SyntaxNode,
    /** The argument after the colon first, then the piped ones. */
    public params: ParameterNode[],
  ) {
    super('ParserFunction', start, end, children);
  }
}

/** `|name=value` or `|value` inside a template, parser function or argument. */
export class ParameterNode extends SyntaxNode {
  constructor(
    start: number,
    end: number,
    children: SyntaxNode[],
    /** Trimmed name, or the positional index as MediaWiki counts it ("1", "2"...). */
    public name: string,
    public positional: boolean,
    public nameNode: SyntaxNode | null,
    public valueNode: SyntaxNode,
  ) {
    super('Parameter', start, end, children);
  }
}

/** `{{{1|default}}}`: a template argument. */
export class ArgumentNode extends SyntaxNode {
  constructor(start: number, end: number, children: SyntaxNode[], public name: string) {
    super('Argument', start, end, children);
  }
}

/** An attribute of a tag: `name="x"`, `name='x'`, `name=x` or a bare `name`. */
export class AttributeNode extends SyntaxNode {
  constructor(
    start: number,
    end: number,
    children: SyntaxNode[],
    /** Lower-cased attribute name. */
    public name: string,
    /** Value with quotes removed, trimmed and inner whitespace collapsed (MediaWiki's Sanitizer). */
    public value: string,
    public nameNode: SyntaxNode,
    public valueNode: SyntaxNode | null,
  ) {
    super('Attribute', start, end, children);
  }
}

/** An extension tag (`<ref>`, `<nowiki>`, `<references>`...): body is wikitext or raw text. */
export class ExtensionTagNode extends SyntaxNode {
  constructor(
    start: number,
    end: number,
    children: SyntaxNode[],
    /** Lower-cased tag name. */
    public name: string,
    public attributes: AttributeNode[],
    public openTag: SyntaxNode,
    /** `TagBody` node, or null when self-closing or unclosed. */
    public body: SyntaxNode | null,
    public closeTag: SyntaxNode | null,
    public selfClosing: boolean,
    /** False when no closing tag follows: MediaWiki then prints the open tag as text. */
    public closed: boolean,
  ) {
    super('ExtensionTag', start, end, children);
  }

  /** The last attribute of that name (MediaWiki keeps the last of duplicates). */
  attr(name: string): AttributeNode | undefined {
    for (let i = this.attributes.length - 1; i >= 0; i--) if (this.attributes[i].name === name) return this.attributes[i];
    return undefined;
  }
}

/** An HTML tag MediaWiki allows (`<span ...>`, `</div>`, `<br/>`); not paired with its partner. */
export class HtmlTagNode extends SyntaxNode {
  constructor(
    start: number,
    end: number,
    children: SyntaxNode[],
    public name: string,
    public closing: boolean,
    public selfClosing: boolean,
    public attributes: AttributeNode[],
  ) {
    super('HtmlTag', start, end, children);
  }
}

/** `== Title ==` at the start of a line. */
export class HeadingNode extends SyntaxNode {
  constructor(start: number, end: number, children: SyntaxNode[], public level: number, public contentNode: SyntaxNode) {
    super('Heading', start, end, children);
  }
}

/** `[[target|text]]`: internal link, file, category or interwiki link. */
export class WikilinkNode extends SyntaxNode {
  constructor(
    start: number,
    end: number,
    children: SyntaxNode[],
    /** Target as written, trimmed, without the fragment; comments removed. */
    public target: string,
    public fragment: string | null,
    /** 'file' | 'category' | 'interwiki' | 'page' */
    public kind: 'page' | 'file' | 'category' | 'interwiki',
    public targetNode: SyntaxNode,
  ) {
    super('Wikilink', start, end, children);
  }
}

/** `[http://x text]` or a bare URL (`FreeUrl`, a leaf-like node with one child). */
export class ExternalLinkNode extends SyntaxNode {
  constructor(type: 'ExternalLink' | 'FreeUrl', start: number, end: number, children: SyntaxNode[], public url: string) {
    super(type, start, end, children);
  }
}

/** A list line: `*`, `#`, `:`, `;` prefix and its content up to the end of the line. */
export class ListItemNode extends SyntaxNode {
  constructor(start: number, end: number, children: SyntaxNode[], public prefix: string) {
    super('ListItem', start, end, children);
  }
}

/** A table cell (`|`, `||`, `!`, `!!`). */
export class TableCellNode extends SyntaxNode {
  constructor(start: number, end: number, children: SyntaxNode[], public header: boolean) {
    super('TableCell', start, end, children);
  }
}

/** Any node whose children are known to be set (a container). */
export type ContainerNode = SyntaxNode & { children: SyntaxNode[] };

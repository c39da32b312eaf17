/**
 * The document model: what features and rules ask about a page, built once per parse in one walk of
 * the tree. Refs follow the Cite extension's semantics (names trimmed with inner whitespace collapsed,
 * case-sensitive, scoped by group; whitespace-only content is a reuse).
 */
import {
  CommentNode,
  DocumentNode,
  ExtensionTagNode,
  HeadingNode,
  ParameterNode,
  ParserFunctionNode,
  SyntaxNode,
  TemplateNode,
  WikilinkNode,
  ExternalLinkNode,
} from './parser/nodes';
import { isListTemplate, refTemplateLookup, refTemplateParam, RefTemplateInfo } from './refTemplates';
import type { CitationProfile } from './profile';
import { sfnFootnote, sfnmFootnote, type FootnoteArgs } from './footnotes';

/** One `<ref>`, or a template that makes one (`{{#tag:ref}}`, `{{efn}}`, `{{refn}}`, `{{r}}`). */
export interface RefUse {
  node: SyntaxNode;
  /** How it is written. */
  syntax: 'tag' | 'template';
  /** Name after Cite's normalisation, or null when unnamed (or the name is empty). */
  name: string | null;
  /** The node holding the name's value (attribute value or parameter value), for rename and ranges. */
  nameNode: SyntaxNode | null;
  group: string;
  /** True when it has non-whitespace content: a definition. */
  isDefinition: boolean;
  /** Content range and raw text (definitions only). */
  content: { start: number; end: number; text: string } | null;
  /** Inside `<references>` or `{{reflist|refs=}}`. */
  listDefined: boolean;
  /** Nested inside another ref's content (MediaWiki prints it as text). */
  nestedIn: RefUse | null;
  /** The `<ref ...>` open tag, or the whole template. */
  tagNode: SyntaxNode;
  /**
   * Which stretch of the page the ref belongs to for its group: the number of reference lists of its group that
   * end before it. Cite empties a group's stack at each `<references>` of that group, so a name is defined,
   * reused or duplicated only within one stretch (a list-defined ref belongs to its own list's stretch).
   */
  listSection: number;
  /** The `follow=` attribute's value (a continuation of another ref), when given. */
  follow?: string;
  /**
   * A shortened footnote (`{{sfn}}`, `{{sfnp}}`, `{{sfnm}}`): the name was made from the template's arguments as
   * Module:Footnotes makes it (`core/footnotes.ts`), so it stands nowhere in the text (`nameNode` is null) and
   * cannot be renamed; `content.text` is the text the module renders. `name` is null when an argument is itself
   * wikitext that expands (a template, a variable), which a page linter cannot expand.
   */
  generatedName?: true;
}

/** A place that outputs a reference list for a group. */
export interface RefList {
  node: SyntaxNode;
  group: string;
  syntax: 'tag' | 'template';
}

/** A section: a heading and the text up to the next heading of the same or a higher level. */
export interface Section {
  heading: HeadingNode;
  level: number;
  title: string;
  start: number;
  end: number;
}

/** Everything the features need about one parsed document. */
export interface DocumentModel {
  doc: DocumentNode;
  refs: RefUse[];
  refLists: RefList[];
  /** Every template call, in document order (nested ones included). */
  templates: TemplateNode[];
  parserFunctions: ParserFunctionNode[];
  sections: Section[];
  comments: CommentNode[];
  wikilinks: WikilinkNode[];
  externalLinks: ExternalLinkNode[];
  /** Templates that set the page's date format (`{{Use dmy dates}}`). */
  dateFormat: 'dmy' | 'mdy' | null;
}

/** Normalises a ref name or group as MediaWiki's Sanitizer does: trimmed, inner whitespace collapsed. */
export function normaliseRefName(value: string): string {
  return value.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Concatenated source of a node with comments removed. */
export function textWithoutComments(src: string, node: SyntaxNode): string {
  if (!node.children) return node.type === 'Comment' ? '' : src.slice(node.start, node.end);
  // the common case: a value of plain leaves, no comment anywhere
  let plain = true;
  for (const c of node.children) {
    if (c.children || c.type === 'Comment') {
      plain = false;
      break;
    }
  }
  if (plain) return src.slice(node.start, node.end);
  const parts: string[] = [];
  const stack: SyntaxNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'Comment') continue;
    if (!n.children) parts.push(src.slice(n.start, n.end));
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return parts.join('');
}

const ISOLATED_WS = /^[\s\u00a0]*$/;

/**
 * A name or group given as a template parameter (`{{reflist|group="note"}}`, `{{#tag:ref|..|name="x"}}`):
 * `{{#tag}}` strips one pair of surrounding quotes, as CoreParserFunctions::tagObj does.
 */
export function templateAttrValue(raw: string): string {
  const v = normaliseRefName(raw);
  const m = /^(["'])(.*)\1$/s.exec(v);
  return m ? normaliseRefName(m[2]) : v;
}

/**
 * Builds the document model from the constructs the parser listed (`doc.constructs`), in document order,
 * without walking every node. A ref's context (the ref it is nested in, the list that defines it) is
 * found by walking up from it to the nearest ancestor that sets one.
 */
export function buildModel(doc: DocumentNode, profile?: CitationProfile): DocumentModel {
  const src = doc.source;
  // a citation profile's local reference lists and footnote templates ({{Références|groupe=}}) count as the English ones
  const refTemplateKind = refTemplateLookup(profile);
  const model: DocumentModel = {
    doc, refs: [], refLists: [], templates: [], parserFunctions: [], sections: [], comments: [], wikilinks: [], externalLinks: [], dateFormat: null,
  };
  const headings: HeadingNode[] = [];
  /** Nodes that make one ref: what is inside them is nested in that ref. */
  const refOf = new Map<SyntaxNode, RefUse>();
  /** `<references>` tags and `{{reflist|refs=}}` parameters: refs inside them are list-defined, in that group. */
  const listGroupOf = new Map<SyntaxNode, string>();
  const context = (node: SyntaxNode): { ref: RefUse | null; listGroup: string | null } => {
    let list: string | null | undefined;
    for (let p = node.parent; p; p = p.parent) {
      const r = refOf.get(p);
      if (r) return { ref: r, listGroup: list ?? null };
      if (list === undefined) list = listGroupOf.get(p);
    }
    return { ref: null, listGroup: list ?? null };
  };
  const nodes = doc.constructs.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  for (const node of nodes) {
    switch (node.type) {
      case 'Comment':
        model.comments.push(node as CommentNode);
        break;
      case 'Heading':
        headings.push(node as HeadingNode);
        break;
      case 'Wikilink':
        model.wikilinks.push(node as WikilinkNode);
        break;
      case 'ExternalLink':
      case 'FreeUrl':
        model.externalLinks.push(node as ExternalLinkNode);
        break;
      case 'ExtensionTag': {
        const tag = node as ExtensionTagNode;
        if (tag.name === 'ref' && tag.closed) {
          const { ref, listGroup } = context(tag);
          const use = refFromTag(src, tag, ref, listGroup);
          model.refs.push(use);
          refOf.set(tag, use);
        } else if (tag.name === 'references' && tag.closed) {
          const group = normaliseRefName(tag.attr('group')?.value ?? '');
          model.refLists.push({ node: tag, group, syntax: 'tag' });
          listGroupOf.set(tag, group);
        }
        break;
      }
      case 'ParserFunction': {
        const fn = node as ParserFunctionNode;
        model.parserFunctions.push(fn);
        if (fn.name.toLowerCase() === '#tag' && fn.params[0] && textWithoutComments(src, fn.params[0].valueNode).trim().toLowerCase() === 'ref') {
          const { ref, listGroup } = context(fn);
          const use = refFromTagFunction(src, fn, ref, listGroup);
          model.refs.push(use);
          refOf.set(fn, use);
        } else if (fn.name.toLowerCase() === '#tag' && fn.params[0] && textWithoutComments(src, fn.params[0].valueNode).trim().toLowerCase() === 'references') {
          // {{#tag:references|<list-defined refs>|group=g}}: a reference list like <references group=g>...</references>
          const gp = fn.params.find((p) => !p.positional && p.name === 'group');
          const group = gp ? templateAttrValue(textWithoutComments(src, gp.valueNode)) : '';
          model.refLists.push({ node: fn, group, syntax: 'template' });
          const body = fn.params.find((p) => p.positional && p.name === '2');
          if (body) listGroupOf.set(body, group);
        }
        break;
      }
      case 'Template': {
        const t = node as TemplateNode;
        model.templates.push(t);
        const info = refTemplateKind(t.name);
        if (info) {
          const { ref, listGroup } = context(t);
          const made = refsFromTemplate(src, t, info, ref, listGroup, model);
          if (made.length === 1) refOf.set(t, made[0]);
          if (isListTemplate(info)) {
            const groupP = info.kind === 'reference-list' ? refTemplateParam(t, info, 'group') : undefined;
            const group = info.group ?? ((groupP ? templateAttrValue(textWithoutComments(src, groupP.valueNode)) : '') || info.defaultGroup || '');
            model.refLists.push({ node: t, group, syntax: 'template' });
            const refsParam = info.listDefinedParameter ? refTemplateParam(t, info, info.listDefinedParameter) : undefined;
            // list-defined refs inside |refs=
            if (refsParam) listGroupOf.set(refsParam, group);
          }
          if (info.kind === 'date-format' && !model.dateFormat) model.dateFormat = info.dateFormat ?? null;
        }
        break;
      }
    }
  }
  // Already in document order, but `{{r|a|b}}` makes refs that share a start: keep the sorts stable and explicit.
  model.refs.sort((a, b) => a.node.start - b.node.start);
  model.templates.sort((a, b) => a.start - b.start);
  model.refLists.sort((a, b) => a.node.start - b.node.start);
  model.comments.sort((a, b) => a.start - b.start);
  model.wikilinks.sort((a, b) => a.start - b.start);
  model.externalLinks.sort((a, b) => a.start - b.start);
  headings.sort((a, b) => a.start - b.start);
  model.sections = buildSections(src, headings);
  assignListSections(model);
  resolveFollows(model);
  return model;
}

/**
 * Character references in a tag attribute, decoded as MediaWiki's Sanitizer does before Cite sees the value
 * (`name="a &amp; b"` is the name `a & b`): numeric references and the named ones that occur in ref names.
 */
export function decodeAttrEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g, (m, dec: string, hex: string, named: string) => {
    if (named) return NAMED_ENTITIES[named] ?? m;
    const cp = dec ? Number(dec) : parseInt(hex, 16);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
  });
}
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', shy: '\u00ad',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', hellip: '\u2026', eacute: '\u00e9', times: '\u00d7',
};

function refFromTag(src: string, tag: ExtensionTagNode, parent: RefUse | null, listGroup: string | null): RefUse {
  const nameAttr = tag.attr('name');
  const nameValue = nameAttr ? normaliseRefName(decodeAttrEntities(nameAttr.value)) : '';
  const name = nameValue !== '' ? nameValue : null;
  const groupAttr = tag.attr('group');
  const groupValue = groupAttr ? normaliseRefName(decodeAttrEntities(groupAttr.value)) : '';
  const group = groupValue !== '' ? groupValue : listGroup ?? '';
  const followAttr = tag.attr('follow');
  const follow = followAttr ? normaliseRefName(decodeAttrEntities(followAttr.value)) : '';
  let content: RefUse['content'] = null;
  if (tag.body) {
    const text = src.slice(tag.body.start, tag.body.end);
    if (!ISOLATED_WS.test(text)) content = { start: tag.body.start, end: tag.body.end, text };
  }
  return {
    node: tag, syntax: 'tag', name, nameNode: nameAttr?.valueNode ?? null, group, isDefinition: content !== null, content,
    listDefined: listGroup !== null, nestedIn: parent, tagNode: tag.openTag, listSection: 0,
    ...(follow ? { follow } : {}),
  };
}

function refFromTagFunction(src: string, fn: ParserFunctionNode, parent: RefUse | null, listGroup: string | null): RefUse {
  // {{#tag:ref|content|name=x|group=g}}
  let name: string | null = null, nameNode: SyntaxNode | null = null, group = listGroup ?? '';
  let content: RefUse['content'] = null;
  for (const p of fn.params.slice(1)) {
    if (!p.positional && p.name === 'name') {
      const v = templateAttrValue(textWithoutComments(src, p.valueNode));
      name = v || null;
      nameNode = p.valueNode;
    } else if (!p.positional && p.name === 'group') {
      const v = templateAttrValue(textWithoutComments(src, p.valueNode));
      if (v) group = v;
    } else if (p.positional && p.name === '2') {
      const text = src.slice(p.valueNode.start, p.valueNode.end);
      if (!ISOLATED_WS.test(text)) content = { start: p.valueNode.start, end: p.valueNode.end, text };
    }
  }
  return { node: fn, syntax: 'template', name, nameNode, group, isDefinition: content !== null, content, listDefined: listGroup !== null, nestedIn: parent, tagNode: fn, listSection: 0 };
}

function refsFromTemplate(src: string, t: TemplateNode, info: RefTemplateInfo, parent: RefUse | null, listGroup: string | null, model: DocumentModel): RefUse[] {
  const made: RefUse[] = [];
  const param = (name: string) => (info.localNames ? refTemplateParam(t, info, name) : t.param(name));
  const paramValue = (name: string | undefined) => {
    const p = name ? param(name) : undefined;
    return p ? templateAttrValue(textWithoutComments(src, p.valueNode)) : '';
  };
  const contentOf = (p: ParameterNode | undefined): RefUse['content'] => {
    if (!p) return null;
    const text = src.slice(p.valueNode.start, p.valueNode.end);
    return ISOLATED_WS.test(text) ? null : { start: p.valueNode.start, end: p.valueNode.end, text };
  };
  if (info.kind === 'footnote' || info.kind === 'ref') {
    // {{efn|content|name=x}} (fixed group) and {{refn|content|name=x|group=g}}
    const nameP = param(info.nameParameter ?? 'name');
    const name = paramValue(info.nameParameter ?? 'name') || null;
    const group = info.group ?? (paramValue(info.groupParameter) || listGroup || info.defaultGroup || '');
    let content: RefUse['content'] = null;
    for (const c of info.contentParameters ?? ['1']) content ??= contentOf(param(c));
    made.push({ node: t, syntax: 'template', name, nameNode: nameP?.valueNode ?? null, group, isDefinition: content !== null, content, listDefined: listGroup !== null, nestedIn: parent, tagNode: t, listSection: 0 });
  } else if (info.kind === 'ref-reuse') {
    // {{r|a|b|r=content}}: every positional parameter names a ref; |r= defines the first.
    const group = paramValue(info.groupParameter) || listGroup || info.defaultGroup || '';
    const def = info.contentParameter ? param(info.contentParameter) : undefined;
    for (const p of t.params) {
      if (!p.positional) continue;
      const name = templateAttrValue(textWithoutComments(src, p.valueNode));
      if (!name) continue;
      const content = made.length === 0 ? contentOf(def) : null;
      made.push({ node: t, syntax: 'template', name, nameNode: p.valueNode, group, isDefinition: content !== null, content, listDefined: false, nestedIn: parent, tagNode: t, listSection: 0 });
    }
  } else if (info.kind === 'shortened-footnote' && info.footnote) {
    made.push(shortenedFootnote(src, t, info, parent, listGroup, paramValue));
  }
  model.refs.push(...made);
  return made;
}

/** Node types whose text MediaWiki replaces before a module sees an argument: the generated name cannot be known. */
const EXPANDS = new Set(['Template', 'ParserFunction', 'MagicWord', 'Argument', 'ExtensionTag']);

function expands(node: SyntaxNode): boolean {
  if (!node.children) return EXPANDS.has(node.type);
  for (const c of node.children) if (EXPANDS.has(c.type) || (c.children && expands(c))) return true;
  return false;
}

/**
 * `{{sfn|Smith|2020|p=5}}`: a ref named `FOOTNOTESmith20205` whose text the module renders; identical calls are one
 * ref. A citation profile whose entry maps a local parameter to `name` (`{"Sfn": {"like": "sfn", "parameters":
 * {"name": "name"}}}`, as Armenian and Russian `{{sfn|...|name=x}}`) makes a non-empty one name the ref instead.
 */
function shortenedFootnote(
  src: string, t: TemplateNode, info: RefTemplateInfo, parent: RefUse | null, listGroup: string | null,
  paramValue: (name: string | undefined) => string,
): RefUse {
  // {{sfnm}} asks for several names per source: one map of the call's arguments (the last one wins); {{sfn}} asks
  // for a dozen among a few arguments, where a scan is cheaper than a map
  let byName: Map<string, ParameterNode> | undefined;
  if (info.footnote === 'sfnm' || t.params.length > 16) {
    byName = new Map();
    for (const p of t.params) byName.set(p.name, p);
  }
  const get = (name: string) => (byName ? byName.get(name) : t.param(name));
  const local = info.localNames;
  const param = (name: string): ParameterNode | undefined => {
    const en = get(name);
    const loc = local?.[name] !== undefined ? get(local[name]) : undefined;
    return !loc ? en : !en ? loc : loc.start > en.start ? loc : en;
  };
  let dynamic = false;
  const args: FootnoteArgs = (name) => {
    const p = param(name);
    if (!p) return undefined;
    if (p.valueNode.children && expands(p.valueNode)) dynamic = true;
    const v = textWithoutComments(src, p.valueNode);
    // MediaWiki trims named arguments; positional ones reach the module as written
    return p.positional ? v : v.trim();
  };
  const style = { bracketYear: info.bracketYear === true };
  const made = info.footnote === 'sfnm' ? sfnmFootnote(args, style) : sfnFootnote(args, style);
  const content = { start: t.start, end: t.end, text: made.content };
  const localName = info.localNames?.name !== undefined ? paramValue('name') : '';
  if (localName) {
    return { node: t, syntax: 'template', name: localName, nameNode: param('name')!.valueNode, group: listGroup ?? '', isDefinition: true, content, listDefined: listGroup !== null, nestedIn: parent, tagNode: t, listSection: 0 };
  }
  const name = dynamic ? null : normaliseRefName(made.name) || null;
  return { node: t, syntax: 'template', name, nameNode: null, group: listGroup ?? '', isDefinition: true, content, listDefined: listGroup !== null, nestedIn: parent, tagNode: t, listSection: 0, generatedName: true };
}

/** Sets each ref's `listSection`: how many lists of its group end before it (the usual page has one list: 0). */
function assignListSections(model: DocumentModel): void {
  if (model.refLists.length < 2) return;
  const endsByGroup = new Map<string, number[]>();
  for (const l of model.refLists) {
    const ends = endsByGroup.get(l.group) ?? [];
    ends.push(l.node.end);
    endsByGroup.set(l.group, ends);
  }
  for (const r of model.refs) {
    const ends = endsByGroup.get(r.group);
    if (!ends || ends.length < 2) continue;
    let n = 0;
    for (const e of ends) if (e <= r.node.start) n++;
    r.listSection = n;
  }
}

/**
 * `<ref follow="x">text</ref>`: when x was reused before it but not yet defined (in its group and stretch), Cite
 * stores the text as the definition of x, so a later definition of x with other content is a duplicate
 * ("Forward-referenced ref with follow"); when x is already defined, the text is appended to it; when x has not
 * appeared yet, the text stays a ref of its own and x is not used ("A follow before its parent is not merged").
 */
function resolveFollows(model: DocumentModel): void {
  if (!model.refs.some((r) => r.follow)) return;
  const defined = new Set<string>();
  const seen = new Set<string>();
  for (const r of model.refs) {
    const key = (name: string) => `${r.group}\u0000${r.listSection}\u0000${name}`;
    if (r.name !== null) seen.add(key(r.name));
    if (r.follow && r.name === null && r.content) {
      if (seen.has(key(r.follow)) && !defined.has(key(r.follow))) {
        r.name = r.follow;
        r.isDefinition = true;
        defined.add(key(r.follow));
      }
      continue;
    }
    if (r.name !== null && r.isDefinition) defined.add(key(r.name));
  }
}

function buildSections(src: string, headings: HeadingNode[]): Section[] {
  const sections: Section[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    let end = src.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].level <= h.level) {
        end = headings[j].start;
        break;
      }
    }
    sections.push({ heading: h, level: h.level, title: textWithoutComments(src, h.contentNode).trim(), start: h.start, end });
  }
  return sections;
}

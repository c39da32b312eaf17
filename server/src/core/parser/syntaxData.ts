import data from '../../../data/wikitext-syntax.json';

/** What the parser must know about the wiki: tags, protocols, magic words, namespaces (from `server/data/wikitext-syntax.json`). */
export const syntaxData = {
  rawTags: new Set(data.extensionTags.raw),
  wikitextTags: new Set(data.extensionTags.wikitext),
  htmlTags: new Set(data.htmlTags),
  urlProtocols: data.urlProtocols,
  variables: new Set(data.variables),
  /** Parser function names without `#`, upper-cased for lookup (MediaWiki matches most case-insensitively). */
  parserFunctions: new Set(data.parserFunctions.map((s) => s.toUpperCase())),
  behaviorSwitches: new Set(data.behaviorSwitches),
  fileNamespaces: new Set(data.namespaces.file),
  categoryNamespaces: new Set(data.namespaces.category),
  templateNamespaces: new Set(data.namespaces.template),
  otherNamespaces: new Set(data.otherNamespaces),
  interwikiPrefixes: new Set([...data.interwikiPrefixes, ...data.languageCodes]),
};

/** True for a tag MediaWiki hands to an extension (its body is not parsed with the page). */
export function isExtensionTag(lowerName: string): boolean {
  return syntaxData.rawTags.has(lowerName) || syntaxData.wikitextTags.has(lowerName);
}

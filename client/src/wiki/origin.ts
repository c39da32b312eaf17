/**
 * Where a local `.wiki` file comes from, for "Open on Wiki" (explorer context menu). Pure (no `vscode`, no
 * Node I/O: the caller passes a reader), so it is unit-tested.
 *
 * The declaration changes nothing in the text that would be published:
 *  - the wiki is the `"site"` of the `.wikitext-lint.json` that applies to the file (the nearest one upward,
 *    stopping at the workspace folder, as the linter finds it: the same key already makes the linter use that
 *    wiki's namespaces and magic words), e.g. `"site": "de.wikipedia.org"` or an `api.php` URL;
 *  - the page is the file's name without its extension, as a title: `_` for spaces and percent-escapes for
 *    characters a file name cannot hold (`Foo%2FBar.wiki` is `Foo/Bar`), the way `https://…/wiki/Title` spells it.
 */
import * as path from 'node:path';
import { parseJsonc } from '../../../server/src/jsonc';
import { normaliseTitle } from '../../../server/src/wiki/site';

export const WIKI_EXTENSIONS = ['.wiki', '.wikitext', '.mediawiki', '.mw'];

export interface Origin {
  site: string;
  title: string;
  /** The configuration file that named the site. */
  configFile: string;
}

/** The page title a file name stands for (undefined for a name that is no valid title). */
export function titleFromFileName(fileName: string): string | undefined {
  let base = path.posix.basename(fileName);
  const ext = WIKI_EXTENSIONS.find((e) => base.toLowerCase().endsWith(e));
  if (ext) base = base.slice(0, -ext.length);
  const title = normaliseTitle(base); // underscores to spaces, percent-escapes decoded
  return title || undefined;
}

/**
 * The origin of the file at `filePath` (a POSIX path, as `vscode.Uri.path`): walks up from its folder to
 * `root` (the workspace folder; the file system root when undefined) and takes the first `.wikitext-lint.json`.
 * Returns an error message for the user when there is no declaration.
 */
export async function findOrigin(filePath: string, read: (p: string) => PromiseLike<string | undefined>, root?: string): Promise<Origin | { error: string }> {
  const title = titleFromFileName(filePath);
  if (!title) return { error: `"${path.posix.basename(filePath)}" is not the name of a wiki page.` };
  let dir = path.posix.dirname(filePath);
  const stop = root && (dir === root || dir.startsWith(`${root.replace(/\/+$/, '')}/`)) ? root.replace(/\/+$/, '') || '/' : '/';
  for (;;) {
    const file = path.posix.join(dir, '.wikitext-lint.json');
    const text = await read(file);
    if (text !== undefined) {
      let value: unknown;
      try {
        value = parseJsonc(text, file);
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
      const site = (value as { site?: unknown } | null)?.site;
      if (typeof site !== 'string' || !site.trim()) {
        return { error: `${file} names no "site": add "site": "en.wikipedia.org" (the wiki this folder's pages come from) to open its pages on the wiki.` };
      }
      return { site: site.trim(), title, configFile: file };
    }
    if (dir === stop || dir === '/' || dir === '.') break;
    dir = path.posix.dirname(dir);
  }
  return { error: `No .wikitext-lint.json with a "site" above ${path.posix.basename(filePath)}: add one naming the wiki (e.g. {"site": "en.wikipedia.org"}) so the file's page can be opened.` };
}

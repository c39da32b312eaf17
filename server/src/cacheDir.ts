/** The user cache directory for wiki profiles and link results: $WIKITEXT_LINT_CACHE, else $XDG_CACHE_HOME/wikitext-lint, else ~/.cache/wikitext-lint. */
import * as os from 'node:os';
import * as path from 'node:path';

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WIKITEXT_LINT_CACHE) return path.resolve(env.WIKITEXT_LINT_CACHE);
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'wikitext-lint');
  return path.join(os.homedir(), '.cache', 'wikitext-lint');
}

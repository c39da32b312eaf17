/**
 * The user cache directory for profiles and link results: `$WIKITEXT_LINT_CACHE`, else
 * `$XDG_CACHE_HOME/wikitext-lint`, else `~/.cache/wikitext-lint` (`%LOCALAPPDATA%\wikitext-lint` on Windows).
 */
import * as os from 'node:os';
import * as path from 'node:path';

export function cacheDir(): string {
  const env = process.env;
  if (env.WIKITEXT_LINT_CACHE) return path.resolve(env.WIKITEXT_LINT_CACHE);
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'wikitext-lint');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'wikitext-lint');
  return path.join(os.homedir(), '.cache', 'wikitext-lint');
}

/**
 * Citation profiles for the web-worker server (browserServer.ts), which has no disk: the profile file named by
 * `wikitext.citationProfile` or the `"profile"` of `.wikitext-lint.json` is read by the client through
 * `workspace.fs` (any file system provider) when the server asks (`wikitext/readCitationProfile`); the server checks
 * the text with the same `parseCitationProfile` as everywhere. `auto` is the map shipped for the site (the web has no
 * cache of built profiles). When the file changes, the client says so (`wikitext/citationProfileChanged`) and the
 * server reads it again. No Node API here.
 */
import { parseProfileText, resolveAutoCitationProfile } from './wiki/autoProfile';
import type { LoadedCitationProfile } from './serverSettings';
import type { ReadProfileAnswer } from './webProfileMessages';

export { READ_PROFILE_REQUEST, PROFILE_CHANGED_NOTIFICATION, type ReadProfileAnswer } from './webProfileMessages';

/**
 * A profile path as a URI: a URI stays as it is; a path starting with `/` is that path on the base's file system
 * (scheme and authority); another is relative to `base` (a folder when `baseIsFolder`, else the file it is in, as the
 * `"profile"` of `.wikitext-lint.json` is relative to that file). Segments are percent-encoded as URIs want them.
 */
export function resolveProfileUri(spec: string, base: string, baseIsFolder: boolean): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(spec)) return spec;
  const m = /^([a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?)([^?#]*)/i.exec(base);
  if (!m) throw new Error(`"${spec}": cannot resolve it against ${base}`);
  const [, prefix, basePath] = m;
  const rel = spec.replace(/\\/g, '/');
  // a Windows drive path (`C:/x`) is the file URI's `/C:/x`
  const joined = rel.startsWith('/') ? rel : /^[a-z]:\//i.test(rel) ? `/${rel}` : null;
  const out: string[] = [];
  const push = (segs: string[], encoded: boolean) => {
    for (const seg of segs) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(encoded ? seg : encodeURIComponent(seg).replace(/%3A/gi, ':'));
    }
  };
  if (joined === null) {
    const dir = baseIsFolder ? basePath : basePath.replace(/[^/]*$/, '');
    push(dir.split('/'), true);
    push(rel.split('/'), false);
  } else push(joined.split('/'), false);
  return `${prefix}/${out.join('/')}`;
}

/**
 * The web server's citation profile loader: `auto` (the shipped map of `site`), or the file `spec` names (a URI made
 * by `resolveProfileUri`: `.wikitext-lint.json`'s already is; the setting's is relative to the first workspace folder)
 * read by the client. Throws an Error naming the file and the problem.
 */
export function webCitationProfileLoader(ask: (uri: string) => Promise<ReadProfileAnswer | null | undefined>) {
  // each file is asked for once (its text checked once) until `clear`: a change, or any settings change
  const read = new Map<string, Promise<LoadedCitationProfile>>();
  const load = async (uri: string): Promise<LoadedCitationProfile> => {
    const answer = await ask(uri);
    const name = answer?.name || uri;
    if (!answer) throw new Error(`${name}: the citation profile cannot be read here (the editor did not answer)`);
    if (answer.error !== undefined || answer.text === undefined) throw new Error(`${name}: cannot read the citation profile (${answer.error ?? 'no text'})`);
    return { profile: parseProfileText(answer.text, name, 'profile') };
  };
  const loader = async (spec: string, site: string | undefined, folders: string[]): Promise<LoadedCitationProfile> => {
    if (spec === 'auto') return resolveAutoCitationProfile(site);
    let uri = spec;
    if (!/^[a-z][a-z0-9+.-]+:/i.test(spec)) {
      if (!folders[0]) throw new Error(`wikitext.citationProfile: "${spec}" is relative, but there is no workspace folder to resolve it against`);
      uri = resolveProfileUri(spec, folders[0], true);
    }
    let p = read.get(uri);
    if (!p) read.set(uri, p = load(uri));
    return p;
  };
  return Object.assign(loader, { clear: () => read.clear() });
}

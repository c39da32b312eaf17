// URL checks of Module:Citation/CS1 (en.wiki, late 2022): check_url/split_url/is_domain_name for every URL
// parameter, archive_url_check for Wayback Machine links, plus naming of archive services for messages.

import type { CalendarDate } from './dates';

const SCHEME = /^[A-Za-z][A-Za-z\d+.-]*:$/;

// Host patterns of is_domain_name; each is anchored at the end, so subdomains are allowed.
const DOMAIN_PATTERNS: readonly RegExp[] = [
  /(?<![A-Za-z\d])[A-Za-z\d][A-Za-z\d-]+[A-Za-z\d]\.[A-Za-z]{2,}$/, // three or more characters before the TLD
  /(?<![A-Za-z\d])[A-Za-z\d][A-Za-z\d-]+[A-Za-z\d]\.xn--[A-Za-z\d]+$/, // internationalised TLD (punycode)
  /(?<![A-Za-z])[qxz]\.com$/, // one-letter .com names that exist
  /(?<![A-Za-z])[iq]\.net$/,
  /(?<![A-Za-z\d])[A-Za-z\d]\.[A-Za-z]{2}$/, // one character before a ccTLD
  /(?<![A-Za-z\d])[A-Za-z\d]{2}\.[A-Za-z]{2,}$/, // two characters before the TLD
  /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/, // IPv4
  /(?<![A-Za-z\d])[A-Za-z\d]\.(cash|company|today|org|foundation|media)/, // one-letter names in these TLDs (.foundation and .media are [2025])
];

function isDomainName(domain: string | undefined): boolean {
  if (!domain) return false;
  const host = domain.replace(/^\/\//, '');
  if (!/^[A-Za-z\d]/.test(host)) return false;
  // Looks like a Wikisource-style interwiki (s:Page:Title), not a host.
  if (/^[A-Za-z]+:/.test(host)) return false;
  // The end-anchored patterns look only at the last labels: on a long host (`a-a-a-...`) each unanchored start
  // scanned to the end, quadratic in its length. A DNS name has at most 253 characters.
  const tail = host.length > 300 ? host.slice(-300) : host;
  return DOMAIN_PATTERNS.some((pattern) => pattern.test(pattern.source.endsWith('$') ? tail : host));
}

function splitUrl(url: string): { scheme?: string; domain?: string } {
  // Drop a trailing FQDN dot and everything from the path, query or fragment on.
  const head = url.replace(/([A-Za-z\d])\.?[/?#].*$/s, '$1');
  const relative = /^\/\/(\S*)/.exec(head);
  if (relative) return { domain: relative[1] };
  const parts = /^(\S*?:)(\/*)(\S+)/.exec(head);
  if (!parts) return {};
  const [, scheme, authority, rest] = parts;
  // Exactly two slashes; only news: may omit them (MediaWiki does not link other schemes without //).
  if (authority !== '' ? authority !== '//' : !/^news:/.test(scheme)) return { scheme };
  return { scheme, domain: rest.replace(/([A-Za-z]):\d+/, '$1') };
}

/** Why CS1 rejects a URL parameter value (err_bad_url), or undefined when it looks like a valid URL. */
export function urlError(value: string): string | undefined {
  const url = value.trim();
  if (url === '') return undefined;
  if (/\s/.test(url)) return 'a URL must not contain spaces';
  const { scheme, domain } = splitUrl(url);
  if (scheme === 'news:') {
    return domain && /^[A-Za-z\d+\-_]+\.[A-Za-z\d+\-_.]*[A-Za-z\d+\-_]$/.test(domain) ? undefined : 'malformed news: URL';
  }
  if (scheme !== undefined && !SCHEME.test(scheme)) return `"${scheme}" is not a valid URL scheme`;
  if (scheme !== undefined && domain === undefined) return 'the scheme must be followed by exactly "//"';
  if (scheme === undefined && !url.startsWith('//')) return 'the URL has no scheme (http:// or https://)';
  if (!isDomainName(domain)) return 'the host is not a valid domain name (name.tld, punycode or IPv4)';
  return undefined;
}

/** An archive service recognised by host name, for naming it in messages. */
export interface ArchiveService {
  readonly name: string;
  /** True for the Internet Archive's Wayback Machine, whose URLs CS1 checks. */
  readonly wayback: boolean;
}

const ARCHIVE_HOSTS: ReadonlyArray<[RegExp, ArchiveService]> = [
  [/^(web|wayback|liveweb)\.archive\.org$/, { name: 'Wayback Machine', wayback: true }],
  [/^(www\.)?archive\.(today|is|ph|li|vn|fo|md)$/, { name: 'archive.today', wayback: false }],
  [/^(www\.)?webcitation\.org$/, { name: 'WebCite', wayback: false }],
  [/^(www\.)?ghostarchive\.org$/, { name: 'Ghostarchive', wayback: false }],
  [/^(www\.)?archive-it\.org$|^wayback\.archive-it\.org$/, { name: 'Archive-It', wayback: false }],
  [/^(www\.)?webarchive\.org\.uk$/, { name: 'UK Web Archive', wayback: false }],
  [/^(www\.)?webarchive\.nationalarchives\.gov\.uk$/, { name: 'UK Government Web Archive', wayback: false }],
  [/^(www\.)?wikiwix\.com$|^archive\.wikiwix\.com$/, { name: 'Wikiwix', wayback: false }],
  [/^(www\.)?webarchive\.loc\.gov$/, { name: 'Library of Congress Web Archives', wayback: false }],
  [/^(www\.)?perma\.cc$/, { name: 'Perma.cc', wayback: false }],
  [/^(www\.)?freezepage\.com$/, { name: 'FreezePage', wayback: false }],
];

function hostOf(url: string): string | undefined {
  const match = /^(?:[A-Za-z][A-Za-z\d+.-]*:)?\/\/([^/?#:\s]+)/.exec(url.trim());
  return match?.[1].toLowerCase();
}

/** The archive service an archive URL belongs to (Wayback Machine, archive.today, WebCite, Ghostarchive, …), or undefined. */
export function archiveServiceOf(url: string): ArchiveService | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  return ARCHIVE_HOSTS.find(([pattern]) => pattern.test(host))?.[1];
}

/** The reason CS1 gives for a malformed Wayback Machine archive-url (err_archive_url: save command, liveweb, timestamp, path, flag), or undefined. */
export function archiveUrlError(value: string, today?: CalendarDate): string | undefined {
  const url = value.trim();
  if (!/\/\/web\.archive\.org\//.test(url) && !/\/\/liveweb\.archive\.org\//.test(url)) return undefined;
  if (/\/\/web\.archive\.org\/save\//.test(url)) return 'save command';
  if (/\/\/liveweb\.archive\.org\//.test(url)) return 'liveweb';
  // From the first "//web.archive.org/" only; the flag cannot start with a digit, so the timestamp's digits
  // have one way to match (`(\d+)([^/]*)` backtracked quadratically over a long run of digits).
  const at = url.indexOf('//web.archive.org/');
  const parts = /([^\d]*)(\d+)((?:[^/\d][^/]*)?)\//y;
  parts.lastIndex = at + '//web.archive.org/'.length;
  const m = parts.exec(url);
  return waybackError(m ? ['', m[1], m[2], m[3]] : null, today);
}

function waybackError(parts: string[] | null, today?: CalendarDate): string | undefined {
  if (!parts) return 'timestamp';
  const [, path, timestamp, flag] = parts;
  if (timestamp.length !== 14) return 'timestamp';
  // Older archive URLs have no "web/" path element; a flag is allowed only with it.
  if (path !== '' && path !== 'web/') return 'path';
  if (flag !== '' && path === '') return 'flag';
  if (flag !== '' && !/^[A-Za-z]{2}_/.test(flag)) return 'flag';
  // Newer help text also rejects impossible timestamp dates.
  if (today && !waybackTimestampDate(timestamp, today)) return 'timestamp';
  return undefined;
}

/** The date (year, month, day) of a 14-digit Wayback timestamp or a Wayback URL holding one; undefined when it is not a real date from 1996 to next year. */
export function waybackTimestampDate(urlOrTimestamp: string, today?: CalendarDate): Required<CalendarDate> | undefined {
  const timestamp = /^\d{14}$/.test(urlOrTimestamp)
    ? urlOrTimestamp
    : /\/\/(?:web|wayback)\.archive\.org\/(?:web\/)?(\d{14})/.exec(urlOrTimestamp)?.[1];
  if (!timestamp) return undefined;
  const year = Number(timestamp.slice(0, 4));
  const month = Number(timestamp.slice(4, 6));
  const day = Number(timestamp.slice(6, 8));
  // The Wayback Machine started collecting in 1996.
  if (year < 1996 || (today && year > today.year + 1)) return undefined;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > lastDay ? undefined : { year, month, day };
}

/** True when archive-url repeats url or chapter-url (CS1: "Check |archive-url= value"). */
export function archiveUrlRepeatsOriginal(archiveUrl: string, originalUrls: readonly string[]): boolean {
  const archive = archiveUrl.trim();
  return archive !== '' && originalUrls.some((url) => url.trim() === archive);
}

/** The display name of the archive service of a URL ("Wayback Machine", "archive.today", "WebCite", …), or undefined. */
export function archiveServiceName(url: string): string | undefined {
  return archiveServiceOf(url)?.name;
}

const checkedUrls = new Map<string, string | null>();

/** `urlError` remembered across calls (pages repeat URLs, and every keystroke re-lints). */
export function urlErrorCached(value: string): string | undefined {
  const known = checkedUrls.get(value); // one lookup: null stands for "no error"
  if (known !== undefined) return known ?? undefined;
  if (checkedUrls.size > 20000) checkedUrls.clear();
  const r = urlError(value);
  checkedUrls.set(value, r ?? null);
  return r;
}

/**
 * `is_parameter_ext_wikilink` of Module:Citation/CS1: true when a parameter value holds an external link — a
 * single-bracketed `[scheme://host ...]` or `[//host ...]`, or a bare `scheme:...` or `//host` — whose scheme and
 * host pass CS1's URL test. (CS1 uses it for err_param_has_ext_link on every parameter but the URL ones.)
 * Returns the URL found, or undefined.
 */
export function externalLinkIn(value: string): string | undefined {
  // The module's Lua patterns, evaluated without backtracking (a hostile value stays linear):
  // '%f[%[]%[%a%S*:%S+.*%]', '%f[%[]%[//%S+.*%]', '%a%S*:%S+', '//%S+', tried in that order.
  // Each needs a ":" or a "//": most values (names, titles, dates) have neither.
  if (value.indexOf(':') < 0 && value.indexOf('//') < 0) return undefined;
  const lastClose = value.lastIndexOf(']');
  let url = bracketed(value, lastClose, false) ?? bracketed(value, lastClose, true);
  if (url === undefined) url = bareWithScheme(value);
  if (url === undefined) {
    const i = value.search(/\/\/\S/);
    if (i >= 0) url = value.slice(i, runEnd(value, i));
  }
  if (url === undefined) return undefined;
  const { scheme, domain } = splitUrl(url);
  const ok = scheme !== undefined ? SCHEME.test(scheme) && isDomainName(domain) : isDomainName(domain);
  return ok ? url : undefined;
}

/** End of the run of non-space characters starting at i. */
function runEnd(value: string, i: number): number {
  const m = /\s/g;
  m.lastIndex = i;
  return m.exec(value)?.index ?? value.length;
}

/** `[scheme:...` (or `[//...` when `relative`) after a character that is not "[", with a "]" somewhere after it. */
function bracketed(value: string, lastClose: number, relative: boolean): string | undefined {
  if (lastClose < 0) return undefined;
  for (let i = value.indexOf('['); i >= 0 && i < lastClose; i = value.indexOf('[', i + 1)) {
    if (i > 0 && value[i - 1] === '[') continue;
    const s = i + 1;
    let e = runEnd(value, s);
    if (relative) {
      if (!value.startsWith('//', s) || e - s < 3) continue;
    } else {
      if (!/[A-Za-z]/.test(value[s] ?? '')) continue;
      const colon = value.indexOf(':', s + 1);
      if (colon < 0 || colon >= e - 1) continue;
    }
    // greedy %S+ gives back what the final "%]" needs: cut the run at the last "]" when it lies inside it
    if (lastClose < e) e = lastClose;
    if (e <= s + (relative ? 2 : 2)) continue;
    return value.slice(s, e);
  }
  return undefined;
}

/** '%a%S*:%S+': the first run of non-spaces with a letter followed, later in the run, by ":" and one more character. */
function bareWithScheme(value: string): string | undefined {
  const runs = /\S+/g;
  for (let m = runs.exec(value); m; m = runs.exec(value)) {
    const run = m[0];
    const l = run.search(/[A-Za-z]/);
    if (l < 0) continue;
    const colon = run.indexOf(':', l + 1);
    if (colon >= 0 && colon < run.length - 1) return run.slice(l);
  }
  return undefined;
}

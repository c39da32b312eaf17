/** Reading fetched HTML (pure): the charset from the header or `<meta>`, decoding, the `<title>`, entities. */

/** The charset named by a Content-Type header or by the page's `<meta charset>` / `<meta http-equiv>`, lower-cased. */
export function charsetOf(contentType: string | undefined, head: Uint8Array): string {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  // <meta> must be within the first 1024 bytes by the HTML standard; look a little further for sloppy pages
  const ascii = Buffer.from(head.subarray(0, 4096)).toString('latin1');
  const m = /<meta\s+charset\s*=\s*["']?([\w.:-]+)/i.exec(ascii) ?? /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(ascii);
  return m ? m[1].toLowerCase() : 'utf-8';
}

/** Decodes bytes in the named charset (utf-8 when unknown). */
export function decodeBody(body: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', laquo: '\u00ab', raquo: '\u00bb', rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', middot: '\u00b7', copy: '\u00a9' };

/** Decodes HTML character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Collapses whitespace and decodes entities. */
export function cleanText(s: string): string {
  return decodeEntities(s).replace(/\s+/g, ' ').trim();
}

/** The page's `<title>` (first 64 KB looked at), or undefined. */
export function htmlTitle(html: string): string | undefined {
  const head = html.slice(0, 65536);
  const open = /<title\b[^>]*>/i.exec(head);
  if (!open) return undefined;
  const from = open.index + open[0].length;
  const close = head.toLowerCase().indexOf('</title', from);
  const t = cleanText(head.slice(from, close < 0 ? Math.min(head.length, from + 1000) : close));
  return t || undefined;
}

/**
 * The preview page around the HTML the wiki rendered. Pure (no `vscode`): a strict Content Security Policy (no
 * script from the page runs; only our own nonce'd script, which keeps the scroll position), styles from the
 * wiki's load.php when allowed, links made absolute so they open in the browser, parse warnings on top.
 */
export interface PreviewPage {
  title: string;
  html?: string;
  warnings?: string[];
  /** Shown instead of the page (offline, wiki error). */
  error?: string;
  /** The wiki's origin (`https://en.wikipedia.org`), for links. */
  origin: string;
  /** `https://en.wikipedia.org/w/load.php`, or undefined: no wiki styles. */
  loadPhp?: string;
  moduleStyles?: string[];
  /** The webview's own CSP source (`webview.cspSource`). */
  cspSource: string;
  nonce: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Links relative to the wiki become absolute; `#fragment` links stay in the page. */
export function absolutiseLinks(html: string, origin: string): string {
  return html.replace(/(\s(?:href|src|srcset))="(\/\/|\/)([^"]*)"/g, (_m, attr: string, lead: string, rest: string) => (lead === '//' ? `${attr}="https://${rest}"` : `${attr}="${origin}/${rest}"`));
}

export function previewHtml(p: PreviewPage): string {
  let origin = '';
  try {
    origin = new URL(p.origin).origin;
  } catch {
    /* no origin: no wiki styles or images from it */
  }
  const styleSrc = [p.cspSource, "'unsafe-inline'", p.loadPhp && origin ? origin : ''].filter(Boolean).join(' ');
  const csp = `default-src 'none'; img-src ${p.cspSource} https: http: data:; style-src ${styleSrc}; font-src ${p.cspSource} https: data:; script-src 'nonce-${p.nonce}'; base-uri 'none'; form-action 'none'; frame-src 'none'`;
  const modules = ['skins.vector.styles', 'ext.cite.styles', ...(p.moduleStyles ?? [])];
  const styles = p.loadPhp && origin
    ? `<link rel="stylesheet" href="${esc(`${p.loadPhp}?lang=en&modules=${encodeURIComponent([...new Set(modules)].join('|'))}&only=styles&skin=vector`)}">`
    : '';
  const body = p.error
    ? `<div class="wl-error" role="alert"><strong>Preview unavailable.</strong> ${esc(p.error)}<br>The editor is unaffected; the preview retries on the next change.</div>`
    : `${(p.warnings ?? []).length ? `<div class="wl-warnings" role="status"><strong>Parser warnings:</strong><ul>${p.warnings!.map((w) => `<li>${esc(w.replace(/<[^>]*>/g, ''))}</li>`).join('')}</ul></div>` : ''}
<h1 class="firstHeading">${esc(p.title)}</h1>
<div class="mw-body-content">${absolutiseLinks(p.html ?? '', origin)}</div>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
${styles}
<style>body{background:#fff;color:#202122;padding:0 1.5em 2em;font-family:sans-serif}.wl-warnings{background:#fef6e7;border:1px solid #fc3;padding:.5em 1em;margin:1em 0}.wl-error{background:#fee7e6;border:1px solid #d33;padding:1em;margin:1em 0}</style>
</head><body class="mediawiki skin-vector">
${body}
<script nonce="${p.nonce}">
(function(){var api=acquireVsCodeApi();var s=api.getState();if(s&&s.y)window.scrollTo(0,s.y);var t;window.addEventListener('scroll',function(){clearTimeout(t);t=setTimeout(function(){api.setState({y:window.scrollY});},100);});})();
</script>
</body></html>`;
}

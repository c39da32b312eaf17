/** The package version, put in by the build (esbuild `define`); tests that run the sources see the dev marker. */
declare const __WIKITEXT_LINT_VERSION__: string | undefined;
export const VERSION: string = typeof __WIKITEXT_LINT_VERSION__ === 'string' ? __WIKITEXT_LINT_VERSION__ : '0.0.0-dev';

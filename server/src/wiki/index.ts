/**
 * The network layer: everything that talks to a wiki. The pure core (`server/src/core/`) never imports this;
 * the CLI and the language server do, and hand the core plain data (page text, a site profile).
 */
export { WikiClient, USER_AGENT, TOOL_VERSION } from './client';
export type { WikiClientOptions, ApiParams, RequestContext } from './client';
export { WikiError } from './errors';
export type { WikiErrorCode } from './errors';
export { resolveSite, resolveSiteSync, discoverApi, normaliseTitle, parsePageUrl } from './site';
export type { SiteRef, PageUrl } from './site';
export { readPage } from './pages';
export type { WikiPage, ReadOptions } from './pages';
export { fetchProfile, loadProfile, profileFromSiteinfo, isBuiltinSite, PROFILE_MAX_AGE_MS } from './profile';
export type { LoadedProfile, LoadProfileOptions } from './profile';

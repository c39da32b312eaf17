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
export { WikiSession, LoginError } from './session';
export type { UserInfo } from './session';
export { editPage, editErrorKind, EditError } from './edit';
export type { EditRequest, EditResult, EditErrorKind } from './edit';
export { parseWikitext } from './parse';
export type { ParseResult } from './parse';
export { prefixSearch } from './search';
export type { TitleHit } from './search';

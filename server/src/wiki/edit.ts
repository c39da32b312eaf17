/**
 * Saving a page (`action=edit`), safely: the edit carries the revision it was based on (`baserevid`,
 * `basetimestamp`) and when the text was read (`starttimestamp`), so the wiki detects an edit conflict (or a
 * deletion since) instead of overwriting someone's work; `nocreate` unless creating was asked for. A bad csrf
 * token (session expired) is refreshed and the edit retried once. Every refusal becomes an `EditError` whose
 * `kind` a user interface can act on and whose message says what to do; the caller keeps the text.
 */
import { WikiError } from './errors';
import { WikiSession } from './session';

export interface EditRequest {
  title: string;
  text: string;
  summary: string;
  /** The revision the text was based on (`WikiPage.revid`); omit only when creating a page. */
  baserevid?: number;
  /** That revision's timestamp (`WikiPage.timestamp`). */
  basetimestamp?: string;
  /** When the text was read (`WikiPage.fetchedAt`). */
  starttimestamp?: string;
  /** Replace only this section (the text is the section's). */
  section?: number;
  minor?: boolean;
  /** `watch`, `unwatch`, `preferences` (default), `nochange`. */
  watchlist?: 'watch' | 'unwatch' | 'preferences' | 'nochange';
  /** Create the page if it does not exist (default: refuse, `nocreate`). */
  create?: boolean;
  /** Edit without being logged in (the IP address is published with the edit). Default false: refused. */
  allowAnonymous?: boolean;
  /**
   * Ask for the page's latest revision first and refuse as a conflict when it is not `baserevid` (default true).
   * MediaWiki compares `basetimestamp` with the latest revision's timestamp, to the second: an edit saved in the
   * same second as the base revision is overwritten without a conflict. This check closes that hole (the
   * remaining window is the few milliseconds between the check and the edit).
   */
  checkBase?: boolean;
}

export interface EditResult {
  /** The new revision, or the base one when the text was unchanged. */
  newrevid: number;
  newtimestamp: string;
  /** The text equalled the current revision: nothing was saved. */
  nochange: boolean;
  /** The revision the edit replaced (when not `baserevid`, the wiki merged with a newer revision). */
  oldrevid?: number;
  title: string;
}

export type EditErrorKind =
  | 'conflict' // someone edited the page since it was opened
  | 'deleted' // the page was deleted since it was opened
  | 'missing' // no such page and creating was not asked
  | 'exists' // creating, but the page exists
  | 'protected'
  | 'blocked'
  | 'abusefilter'
  | 'captcha'
  | 'spamblacklist'
  | 'notloggedin' // session expired or never logged in
  | 'anonymous' // refused here: anonymous editing not enabled for this site
  | 'badtoken' // token still bad after a refresh
  | 'readonly'
  | 'ratelimited'
  | 'other';

export class EditError extends Error {
  override name = 'EditError';
  constructor(readonly kind: EditErrorKind, readonly site: string, readonly title: string, detail: string, readonly apiCode?: string) {
    super(`${site}: "${title}": ${detail}`);
  }
}

const ADVICE: Record<EditErrorKind, string> = {
  conflict: 'Edit conflict: someone saved a newer revision since you opened the page. Your text is kept; compare it with the new revision, merge, and publish again.',
  deleted: 'The page was deleted since you opened it. Your text is kept; check the deletion log before recreating it.',
  missing: 'The page does not exist (creating pages was not asked for).',
  exists: 'The page already exists; open it and edit it instead.',
  protected: 'The page is protected: your account may not edit it. Propose the change on its talk page (an edit request).',
  blocked: 'You are blocked from editing. Your text is kept; see the block message on the wiki.',
  abusefilter: 'An edit filter (AbuseFilter) refused the edit. Read its message, change the text, and publish again.',
  captcha: 'The wiki asks for a CAPTCHA, which this tool cannot show: log in (accounts with a few edits skip it) or save in the browser.',
  spamblacklist: 'A link in the text is on the spam blacklist. Remove or replace that link and publish again.',
  notloggedin: 'Not logged in (or the session expired). Log in again and publish; your text is kept.',
  anonymous: 'Not logged in: log in first. (Publishing without an account shows your IP address to everyone; enable it for this site in the settings only if you want that.)',
  badtoken: 'The edit token was refused even after fetching a new one: the session is gone. Log in again and publish.',
  readonly: 'The wiki is read-only at the moment (maintenance). Try again later; your text is kept.',
  ratelimited: 'Too many edits in a short time: the wiki asks you to wait. Try again in a minute.',
  other: 'The wiki refused the edit.',
};

/** The kind of refusal for an API error code (`editconflict`, `protectedpage`, `abusefilter-disallowed`...). */
export function editErrorKind(apiCode: string): EditErrorKind {
  const c = apiCode.toLowerCase();
  if (c === 'editconflict') return 'conflict';
  if (c === 'pagedeleted') return 'deleted';
  if (c === 'missingtitle' || c === 'nocreate-missing') return 'missing';
  if (c === 'articleexists') return 'exists';
  if (c === 'protectedpage' || c === 'protectedtitle' || c === 'cascadeprotected' || c === 'protectednamespace' || c === 'protectednamespace-interface' || c === 'customcssprotected' || c === 'customjsprotected' || c === 'sitecssprotected' || c === 'sitejsonprotected' || c === 'sitejsprotected') return 'protected';
  if (c === 'blocked' || c === 'autoblocked' || c === 'globalblocking-blockedtext' || c.startsWith('blocked') || c === 'systemblocked') return 'blocked';
  if (c.startsWith('abusefilter')) return 'abusefilter';
  if (c.includes('captcha')) return 'captcha';
  if (c.includes('spamblacklist') || c === 'spamdetected') return 'spamblacklist';
  if (c === 'notloggedin' || c === 'assertuserfailed' || c === 'assertbotfailed' || c === 'mustbeloggedin') return 'notloggedin';
  if (c === 'badtoken' || c === 'notoken') return 'badtoken';
  if (c === 'readonly') return 'readonly';
  if (c === 'ratelimited') return 'ratelimited';
  return 'other';
}

function refusal(kind: EditErrorKind, site: string, title: string, info: string, apiCode?: string): EditError {
  return new EditError(kind, site, title, `${ADVICE[kind]}${info ? ` (${apiCode ? `${apiCode}: ` : ''}${info})` : ''}`, apiCode);
}

/** Saves the text. Resolves with the new revision; rejects with an EditError (or a WikiError for network trouble). */
export async function editPage(session: WikiSession, req: EditRequest): Promise<EditResult> {
  const site = session.site;
  if (!session.loggedIn && !req.allowAnonymous) {
    // the session may have been restored without a whoami: ask once
    const u = session.user ?? (await session.whoami());
    if (u.anon) throw refusal('anonymous', site, req.title, '');
  }
  if (req.checkBase !== false && req.baserevid !== undefined) {
    const q = await session.client.get({ action: 'query', prop: 'info', titles: req.title }, { page: req.title });
    const p = q?.query?.pages?.[0];
    if (p && !p.missing && typeof p.lastrevid === 'number' && p.lastrevid !== req.baserevid) {
      throw refusal('conflict', site, req.title, `revision ${p.lastrevid} is newer than ${req.baserevid}`, 'editconflict');
    }
    if (p?.missing) throw refusal('deleted', site, req.title, `revision ${req.baserevid} was the base`, 'pagedeleted');
  }
  const send = async (token: string): Promise<any> => session.client.post({
    action: 'edit',
    title: req.title,
    text: req.text,
    summary: req.summary,
    section: req.section,
    baserevid: req.baserevid,
    basetimestamp: req.basetimestamp,
    starttimestamp: req.starttimestamp,
    minor: req.minor ? true : undefined,
    notminor: req.minor === false ? true : undefined,
    watchlist: req.watchlist,
    nocreate: req.create ? undefined : true,
    createonly: req.create && req.baserevid === undefined ? true : undefined,
    // a logged-in edit must not silently become an anonymous one when the session expired
    assert: session.loggedIn ? 'user' : undefined,
    contentformat: 'text/x-wiki',
    contentmodel: 'wikitext',
    token,
  }, { page: req.title, timeoutMs: 60_000 });

  let r: any;
  try {
    try {
      r = await send(await session.csrfToken());
    } catch (e) {
      if (e instanceof WikiError && (e.apiCode === 'badtoken' || e.apiCode === 'notoken')) r = await send(await session.csrfToken(true));
      else throw e;
    }
  } catch (e) {
    if (e instanceof WikiError && e.apiCode) throw refusal(editErrorKind(e.apiCode), site, req.title, e.detail.replace(/^(API error|permission denied) \(?[\w-]+\)?:\s*/, ''), e.apiCode);
    if (e instanceof WikiError && e.code === 'ratelimited') throw refusal('ratelimited', site, req.title, e.detail);
    throw e;
  }
  const edit = r?.edit ?? {};
  if (edit.result !== 'Success') {
    // extensions refuse inside the result: {result:'Failure', captcha:{...}} / spamblacklist / abusefilter
    if (edit.captcha) throw refusal('captcha', site, req.title, '', 'captcha');
    if (edit.spamblacklist) throw refusal('spamblacklist', site, req.title, `blacklisted: ${edit.spamblacklist}`, 'spamblacklist');
    if (edit.code && String(edit.code).startsWith('abusefilter')) throw refusal('abusefilter', site, req.title, String(edit.info ?? edit.warning ?? ''), String(edit.code));
    throw refusal('other', site, req.title, JSON.stringify(edit).slice(0, 300));
  }
  return {
    newrevid: edit.newrevid ?? edit.oldrevid ?? req.baserevid ?? 0,
    newtimestamp: edit.newtimestamp ?? req.basetimestamp ?? '',
    nochange: !!edit.nochange,
    oldrevid: edit.oldrevid,
    title: edit.title ?? req.title,
  };
}

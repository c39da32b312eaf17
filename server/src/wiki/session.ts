/**
 * A user session on one wiki: log in with a bot password (Special:BotPasswords; `action=login` with a login
 * token) or an OAuth 2 owner-only access token (a `Bearer` header), the csrf token for edits (fetched once,
 * refreshed when the wiki says it is bad), and who the wiki thinks we are. One `WikiClient` per session: its
 * cookie jar holds the session cookie.
 */
import { WikiClient } from './client';
import { WikiError } from './errors';

export interface UserInfo {
  name: string;
  id: number;
  anon: boolean;
  rights?: string[];
}

/** A login refused by the wiki, with a message that says what to do. */
export class LoginError extends Error {
  override name = 'LoginError';
  constructor(readonly site: string, readonly result: string, readonly reason: string) {
    super(`${site}: log in failed (${result}): ${reason}`);
  }
}

export class WikiSession {
  private csrf: string | undefined;
  user: UserInfo | undefined;

  constructor(readonly client: WikiClient) {}

  get site(): string {
    return this.client.site.name;
  }

  /** Logged in (by bot password or token), as far as this session knows. */
  get loggedIn(): boolean {
    return !!this.user && !this.user.anon;
  }

  /**
   * Logs in with a bot password: `lgname` is `User@appid`, the password the one Special:BotPasswords showed.
   * A main-account password is refused by most wikis through this path (use a bot password).
   */
  async loginBotPassword(name: string, password: string): Promise<UserInfo> {
    this.client.authorization = undefined;
    this.csrf = undefined;
    const t = await this.client.get({ action: 'query', meta: 'tokens', type: 'login' });
    const lgtoken = t?.query?.tokens?.logintoken;
    if (!lgtoken) throw new WikiError('api', this.site, undefined, 'the wiki gave no login token');
    const r = await this.client.post({ action: 'login', lgname: name, lgpassword: password, lgtoken });
    const login = r?.login ?? {};
    if (login.result !== 'Success') {
      const reason = String(login.reason ?? login.result ?? 'unknown reason');
      const hint = login.result === 'Failed' || login.result === 'WrongPass' || login.result === 'WrongPluginPass' || /incorrect|password/i.test(reason)
        ? ' Check the bot password: the user name is "YourName@botname" and the password is the one Special:BotPasswords showed once.'
        : login.result === 'Aborted' ? ' This path takes bot passwords only (Special:BotPasswords), not the main account password.' : '';
      throw new LoginError(this.site, String(login.result ?? 'Failed'), reason + hint);
    }
    return this.whoami();
  }

  /** Uses an OAuth 2 owner-only access token (Special:OAuthConsumerRegistration/propose/oauth2). */
  async loginOAuthToken(accessToken: string): Promise<UserInfo> {
    this.client.cookies.clear();
    this.csrf = undefined;
    this.client.authorization = `Bearer ${accessToken}`;
    try {
      const u = await this.whoami();
      if (u.anon) throw new LoginError(this.site, 'Failed', 'the wiki did not accept the access token (expired or revoked?)');
      return u;
    } catch (e) {
      this.client.authorization = undefined;
      if (e instanceof WikiError) throw new LoginError(this.site, 'Failed', `the wiki did not accept the access token: ${e.detail}`);
      throw e;
    }
  }

  /** Who the wiki thinks this session is (`meta=userinfo`). */
  async whoami(): Promise<UserInfo> {
    const r = await this.client.get({ action: 'query', meta: 'userinfo', uiprop: 'rights' });
    const u = r?.query?.userinfo ?? {};
    this.user = { name: String(u.name ?? ''), id: Number(u.id ?? 0), anon: !!u.anon, rights: u.rights };
    return this.user;
  }

  /** Ends the session on the wiki (best effort) and forgets it here. */
  async logout(): Promise<void> {
    try {
      if (this.client.cookies.size || this.client.authorization) {
        const token = await this.csrfToken();
        await this.client.post({ action: 'logout', token });
      }
    } catch {
      /* the local state is cleared anyway */
    }
    this.client.cookies.clear();
    this.client.authorization = undefined;
    this.csrf = undefined;
    this.user = undefined;
  }

  /** The csrf token (cached; `refresh` fetches a new one). Anonymous sessions get `+\`. */
  async csrfToken(refresh = false): Promise<string> {
    if (this.csrf && !refresh) return this.csrf;
    const r = await this.client.get({ action: 'query', meta: 'tokens', type: 'csrf' });
    const token = r?.query?.tokens?.csrftoken;
    if (!token) throw new WikiError('api', this.site, undefined, 'the wiki gave no csrf token');
    this.csrf = token;
    return token;
  }
}

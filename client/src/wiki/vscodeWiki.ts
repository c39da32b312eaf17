/**
 * The VS Code side of editing wiki pages: the `mediawiki:` file system provider (the ordinary Save publishes,
 * after asking for a summary), Open Page / Open Section, Publish, Show Changes, the conflict diff, Log in / Log
 * out (credentials in SecretStorage), the preview panel, the status bar item and the URI handler. The logic
 * lives in vscode-free modules (pages.ts, uri.ts, merge.ts, summary.ts, html.ts), tested against a real wiki.
 * Network: only to sites the user named, on their command, or while a preview panel is open.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { WikiPages, ConflictError, PublishOptions, Credentials } from './pages';
import { SCHEME, PageRef, pageRefFromParts, pageUriParts, pageKey, parseUserInput, openRequestOfUri } from './uri';
import { summaryOfFixes } from './summary';
import { previewHtml } from './html';
import { SaveGate, SaveReason, AUTO_SAVE_MESSAGE } from './saveGate';
import { findOrigin } from './origin';
import { WikiProfiles } from './pages';
import { WIKI_PROFILE_NOTIFICATION } from '../../../server/src/serverSettings';
import { resolveCitationProfileFile } from '../../../server/src/wiki/citationProfileCache';
import { EditError } from '../../../server/src/wiki/edit';
import { LoginError } from '../../../server/src/wiki/session';
import { WikiError } from '../../../server/src/wiki/errors';

const REV_SCHEME = 'mediawiki-rev';
const RECENT_KEY = 'wikitext.wiki.recentSummaries';
const LAST_SITE_KEY = 'wikitext.wiki.lastSite';

function config() {
  return vscode.workspace.getConfiguration('wikitext.wiki');
}
export function refOf(uri: vscode.Uri): PageRef | undefined {
  return uri.scheme === SCHEME ? pageRefFromParts({ authority: uri.authority, path: uri.path, query: uri.query }) : undefined;
}
/** The part of the LanguageClient used to hand the server a wiki's profiles. */
export interface ProfileSink {
  sendNotification(method: string, params: unknown): Promise<void>;
  onDidChangeState(listener: (e: { newState: number }) => void): vscode.Disposable;
}

/**
 * The citation profile of a wiki whose page opens: what `auto` means everywhere (server/src/wiki/autoProfile.ts): the
 * profile `wikitext-lint profile --site` built (the cache), else the map shipped for that wiki; throws when neither.
 */
export async function cachedCitationProfile(site: string) {
  return resolveCitationProfileFile('auto', site).profile;
}

export function uriOf(ref: PageRef): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, ...pageUriParts(ref) });
}

/** Timings the e2e test reads (command -> document, keystroke -> refreshed preview), in ms. */
export const timings = { open: [] as number[], preview: [] as number[], lastPreviewHtml: '', prompts: 0 };

/** What the last publish did (the Publish command returns it, for keybindings and tests). */
export interface PublishOutcome {
  ok: boolean;
  revid?: number;
  nochange?: boolean;
  conflict?: boolean;
  error?: string;
}

class WikiFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  constructor(private readonly pages: WikiPages, private readonly wiki: WikiUi) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  private ref(uri: vscode.Uri): PageRef {
    const ref = refOf(uri);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path === '/' || uri.path === '') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const ref = this.ref(uri);
    const st = this.pages.state(ref) ?? (await this.load(ref));
    return { type: vscode.FileType.File, ctime: st.ctime, mtime: st.mtime, size: st.size };
  }

  private async load(ref: PageRef) {
    try {
      return await this.pages.open(ref);
    } catch (e) {
      if (e instanceof WikiError && (e.code === 'missing' || e.code === 'invalid-title' || e.code === 'no-section')) throw vscode.FileSystemError.FileNotFound(e.message);
      throw vscode.FileSystemError.Unavailable(e instanceof Error ? e.message : String(e));
    }
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const ref = this.ref(uri);
    const st = this.pages.state(ref) ?? (await this.load(ref));
    return new TextEncoder().encode(st.original);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const ref = this.ref(uri);
    const text = new TextDecoder().decode(content);
    // Publish chose the options already; an ordinary Save asks once; an auto save never publishes (saveGate.ts)
    const decision = await this.wiki.gate.write(pageKey(ref), () => this.wiki.askPublishOptions(ref, text));
    if (decision.kind === 'auto-save') throw vscode.FileSystemError.Unavailable(AUTO_SAVE_MESSAGE);
    if (decision.kind === 'cancelled') throw vscode.FileSystemError.NoPermissions('Not published (cancelled): your text stays in the editor.');
    const options = decision.options;
    try {
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Publishing ${ref.title}…` }, () => this.pages.publish(ref, text, options));
      this.wiki.lastOutcome = { ok: true, revid: r.newrevid, nochange: r.nochange };
      await this.wiki.rememberSummary(options.summary);
      this.wiki.refreshStatus();
      void vscode.window.showInformationMessage(r.nochange ? `${ref.title}: no change to publish (the text equals the current revision).` : `Published ${ref.title}: revision ${r.newrevid}.`);
    } catch (e) {
      this.wiki.lastOutcome = { ok: false, conflict: e instanceof ConflictError, error: e instanceof Error ? e.message : String(e) };
      if (e instanceof ConflictError) {
        await this.wiki.rememberSummary(options.summary); // offered again when the user publishes the merge
        await this.wiki.showConflict(uri, e);
        throw vscode.FileSystemError.Unavailable(`${e.message}`);
      }
      const msg = e instanceof Error ? e.message : String(e);
      if (e instanceof EditError && (e.kind === 'anonymous' || e.kind === 'notloggedin' || e.kind === 'badtoken')) {
        void vscode.window.showErrorMessage(msg, 'Log in').then((a) => a && vscode.commands.executeCommand('wikitext.login', ref.site));
      }
      throw vscode.FileSystemError.NoPermissions(msg);
    }
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('a wiki has no folders');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('deleting wiki pages is not supported');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('moving wiki pages is not supported');
  }
}

/** Read-only texts for the diff editors: the revision opened, the newer revision of a conflict. */
class RevisionContent implements vscode.TextDocumentContentProvider {
  readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.emitter.fire(uri);
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

class WikiUi {
  readonly pages: WikiPages;
  readonly fs: WikiFileSystem;
  readonly revisions = new RevisionContent();
  readonly status = vscode.window.createStatusBarItem('wikitext.wiki', vscode.StatusBarAlignment.Left, 50);
  lastOutcome: PublishOutcome | undefined;
  /** One Publish or Save = one summary prompt; auto saves never publish. */
  readonly gate = new SaveGate<PublishOptions>();
  private preview: { panel: vscode.WebviewPanel; uri: vscode.Uri; timer?: NodeJS.Timeout; seq: number } | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.pages = new WikiPages({
      secrets: context.secrets,
      memory: context.globalState,
      allowAnonymous: (site) => (config().get<string[]>('allowAnonymousEdits') ?? []).includes(site),
      citationProfile: cachedCitationProfile,
    });
    this.fs = new WikiFileSystem(this.pages, this);
    this.status.name = 'Wiki page';
    this.status.command = 'wikitext.publish';
  }

  private server?: ProfileSink;
  private readonly sentProfiles = new Map<string, WikiProfiles>();

  /** The language server (a LanguageClient): it gets each wiki's profiles, again after a restart. */
  useServer(server: ProfileSink): vscode.Disposable {
    this.server = server;
    return server.onDidChangeState((e) => {
      if (e.newState === 2 /* Running */) for (const p of this.sentProfiles.values()) server.sendNotification(WIKI_PROFILE_NOTIFICATION, p).catch(() => undefined);
    });
  }

  /** Hands the server the profiles of a wiki whose page is being opened (before the document, so its first lint uses them). */
  async sendProfiles(site: string): Promise<WikiProfiles> {
    const p = await this.pages.profiles(site);
    if (this.sentProfiles.get(site) !== p) {
      this.sentProfiles.set(site, p);
      if (p.note) void vscode.window.showWarningMessage(p.note);
      this.server?.sendNotification(WIKI_PROFILE_NOTIFICATION, p).catch(() => undefined);
    }
    return p;
  }

  /**
   * Reads the profiles of every wiki whose pages were opened again and hands the changed ones to the server (which
   * re-lints): after "Build Citation Profile" the open pages of that wiki, and the next ones, use the new profile.
   */
  async reloadProfiles(): Promise<void> {
    this.pages.forgetProfiles();
    await Promise.all([...this.sentProfiles.keys()].map((site) => this.sendProfiles(site)));
  }

  /** The API endpoint of the wiki whose page is in the active editor, if it is one. */
  async activeWikiApi(): Promise<string | undefined> {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const ref = uri ? refOf(uri) : undefined;
    return ref ? (await this.pages.resolve(ref.site)).api : undefined;
  }

  async rememberSummary(summary: string): Promise<void> {
    const recent = [summary, ...(this.context.globalState.get<string[]>(RECENT_KEY) ?? []).filter((s) => s !== summary)].slice(0, 10);
    await this.context.globalState.update(RECENT_KEY, recent);
  }

  /** The summary prompt (prefilled with the summary of the tool's own fixes, else the last one), then options. */
  async askPublishOptions(ref: PageRef, text: string): Promise<PublishOptions | undefined> {
    const st = this.pages.state(ref);
    const fromFixes = st ? summaryOfFixes(st.original, text) : '';
    const recent = this.context.globalState.get<string[]>(RECENT_KEY) ?? [];
    const summary = await vscode.window.showInputBox({
      title: `Publish ${ref.title}${ref.section !== undefined ? ` (section ${ref.section})` : ''} to ${ref.site}`,
      prompt: `Edit summary${recent.length ? ` — recent: ${recent.slice(0, 3).map((s) => `“${s}”`).join(', ')}` : ''}`,
      value: fromFixes || recent[0] || '',
      ignoreFocusOut: true,
    });
    if (summary === undefined) return undefined;
    const minor = config().get<boolean>('minorEdit') ?? false;
    const watch = config().get<string>('watchlist') ?? 'preferences';
    return { summary, minor, watchlist: watch as PublishOptions['watchlist'] };
  }

  /** The conflict: the user's text stays in the editor; a diff shows the wiki's newer revision against it. */
  async showConflict(uri: vscode.Uri, e: ConflictError): Promise<void> {
    const left = vscode.Uri.from({ scheme: REV_SCHEME, authority: uri.authority, path: uri.path, query: `rev=${e.theirs.revid}` });
    this.revisions.set(left, e.theirs.content);
    this.refreshStatus();
    if (e.merged !== undefined) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc && doc.getText() === e.mine) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), e.merged);
        await vscode.workspace.applyEdit(edit);
      }
    }
    await vscode.commands.executeCommand('vscode.diff', left, uri, `${e.ref.title}: revision ${e.theirs.revid} on the wiki ↔ your text (edit conflict)`);
    void vscode.window.showWarningMessage(
      e.merged !== undefined
        ? `Edit conflict on ${e.ref.title}: someone saved revision ${e.theirs.revid} meanwhile. Your changes and theirs touched different lines and were merged in the editor (Undo restores your text). Review, then Publish again.`
        : `Edit conflict on ${e.ref.title}: someone saved revision ${e.theirs.revid} meanwhile. Your text is kept in the editor; merge their changes (left) into it, then Publish again.`,
    );
  }

  refreshStatus(): void {
    const editor = vscode.window.activeTextEditor;
    const ref = editor && refOf(editor.document.uri);
    if (!ref) {
      this.status.hide();
      return;
    }
    const st = this.pages.state(ref);
    void this.pages.userName(ref.site).then((user) => {
      this.status.text = `$(globe) ${ref.site} · ${user ?? 'not logged in'}`;
      this.status.tooltip = st
        ? `${st.page.title}${ref.section !== undefined ? ` §${ref.section}` : ''}: based on revision ${st.page.revid} (${st.page.timestamp}). Click to publish.`
        : `${ref.title}`;
      this.status.show();
    });
  }

  async askSite(): Promise<string | undefined> {
    const last = this.context.globalState.get<string>(LAST_SITE_KEY) ?? config().get<string>('defaultSite') ?? 'en.wikipedia.org';
    const site = await vscode.window.showInputBox({ title: 'Wiki', prompt: 'Site: en.wikipedia.org, enwiki, de, or the api.php URL of any wiki', value: last, ignoreFocusOut: true });
    return site?.trim() || undefined;
  }

  /** Title with completion from the wiki's title search; a pasted page URL is accepted too. */
  async askTitle(site: string): Promise<string | undefined> {
    const qp = vscode.window.createQuickPick();
    qp.title = `Open page on ${site}`;
    qp.placeholder = 'Title, or paste a page URL';
    qp.ignoreFocusOut = true;
    let timer: NodeJS.Timeout | undefined;
    let seq = 0;
    qp.onDidChangeValue((v) => {
      clearTimeout(timer);
      if (!v.trim() || /^https?:/i.test(v)) {
        qp.items = v.trim() ? [{ label: v }] : [];
        return;
      }
      qp.items = [{ label: v }];
      const mine = ++seq;
      timer = setTimeout(() => {
        qp.busy = true;
        this.pages.search(site, v).then((hits) => {
          if (mine !== seq) return;
          const titles = hits.map((h) => h.title);
          qp.items = [...(titles.includes(v) ? [] : [{ label: v, description: 'as typed' }]), ...titles.map((t) => ({ label: t }))];
        }, () => undefined).finally(() => (qp.busy = false));
      }, 250);
    });
    const picked = await new Promise<string | undefined>((resolve) => {
      qp.onDidAccept(() => resolve(qp.selectedItems[0]?.label ?? qp.value));
      qp.onDidHide(() => resolve(undefined));
      qp.show();
    });
    qp.dispose();
    return picked?.trim() || undefined;
  }

  async openPage(siteArg?: string, titleArg?: string, section?: number): Promise<vscode.TextEditor | undefined> {
    const t0 = Date.now();
    let site = siteArg;
    let input = titleArg;
    if (site && /^https?:\/\//.test(site) && !input) {
      input = site;
      site = undefined;
    }
    if (!input || !site) {
      if (!input || !/^https?:\/\//.test(input)) {
        site ??= await this.askSite();
        if (!site) return undefined;
      }
      input ??= await this.askTitle(site!);
      if (!input) return undefined;
    }
    let siteName = site ?? '';
    // a site given as an api.php URL (any wiki) is remembered under its short name
    if (/^https?:\/\//.test(siteName)) {
      const ref = await this.pages.resolve(siteName);
      const url = new URL(ref.api);
      siteName = url.host + url.pathname.replace(/\/(w\/)?api\.php$/, '').replace(/\/+$/, '');
      await this.pages.registerSite({ name: siteName, api: ref.api });
    }
    const parsed = parseUserInput(input, siteName);
    if (!parsed) return undefined;
    if (parsed.api) await this.pages.registerSite({ name: parsed.site, api: parsed.api });
    await this.context.globalState.update(LAST_SITE_KEY, site && !/^https?:/.test(site) ? site : parsed.site);
    const ref: PageRef = { site: parsed.site, title: parsed.title, section };
    const uri = uriOf(ref);
    const already = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    try {
      // fresh from the wiki, unless the page is open already: its text and base revision stay as they are (a
      // newer base under old text would let a publish overwrite someone's edit)
      // the site's profiles reach the server before the document does (read once per site, in parallel)
      await Promise.all([!already || !this.pages.state(ref) ? this.pages.open(ref) : undefined, this.sendProfiles(ref.site)]);
    } catch (e) {
      void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
      return undefined;
    }
    let doc = already ?? (await vscode.workspace.openTextDocument(uri));
    if (doc.languageId !== 'wikitext') doc = await vscode.languages.setTextDocumentLanguage(doc, 'wikitext');
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    timings.open.push(Date.now() - t0);
    this.refreshStatus();
    return editor;
  }

  async openSection(): Promise<vscode.TextEditor | undefined> {
    const editor = vscode.window.activeTextEditor;
    let ref = editor && refOf(editor.document.uri);
    if (!ref) {
      const site = await this.askSite();
      const title = site && (await this.askTitle(site));
      if (!site || !title) return undefined;
      const p = parseUserInput(title, site);
      if (!p) return undefined;
      ref = { site: p.site, title: p.title };
      await this.pages.open(ref);
    }
    const whole = { ...ref, section: undefined };
    const text = this.pages.state(whole)?.original ?? (await this.pages.read(whole));
    const items: (vscode.QuickPickItem & { n: number })[] = [{ label: '(lead)', n: 0 }];
    let n = 0;
    for (const line of text.split('\n')) {
      const m = /^(={1,6})\s*(.+?)\s*\1\s*$/.exec(line);
      if (m) items.push({ label: `${'  '.repeat(m[1].length - 2)}${m[2]}`, description: `section ${++n}`, n });
    }
    const pick = await vscode.window.showQuickPick(items, { title: `Open a section of ${ref.title}` });
    return pick ? this.openPage(ref.site, ref.title, pick.n) : undefined;
  }

  /**
   * "Open on Wiki" for a local `.wiki` file (explorer context menu): the page its folder's `.wikitext-lint.json`
   * ("site") and its file name declare (origin.ts) opens as a `mediawiki:` document; when the local text differs
   * from the wiki's, a diff of the local file (left) against the page (right, the side that publishes) is shown.
   */
  async openOnWiki(fileUri?: vscode.Uri): Promise<{ uri?: string; diff?: boolean; error?: string } | undefined> {
    const file = fileUri ?? vscode.window.activeTextEditor?.document.uri;
    if (!file || file.scheme === SCHEME) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(file);
    const origin = await findOrigin(file.path, async (p) => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(file.with({ path: p })));
      } catch {
        return undefined;
      }
    }, folder?.uri.path);
    if ('error' in origin) {
      void vscode.window.showErrorMessage(`Open on Wiki: ${origin.error}`);
      return { error: origin.error };
    }
    const editor = await this.openPage(origin.site, origin.title);
    if (!editor) return { error: `could not open ${origin.title} on ${origin.site}` };
    const wikiUri = editor.document.uri;
    const local = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const differs = local.trimEnd() !== editor.document.getText().trimEnd();
    if (differs) {
      const name = file.path.slice(file.path.lastIndexOf('/') + 1);
      await vscode.commands.executeCommand('vscode.diff', file, wikiUri, `${name} ↔ ${origin.title} on ${refOf(wikiUri)?.site ?? origin.site}`);
    }
    return { uri: wikiUri.toString(), diff: differs };
  }

  activeWikiDoc(): { doc: vscode.TextDocument; ref: PageRef } | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    const ref = doc && refOf(doc.uri);
    if (!doc || !ref) {
      void vscode.window.showInformationMessage('Open a wiki page first (Wikitext: Open Page…).');
      return undefined;
    }
    return { doc, ref };
  }

  /** Publishes the active wiki document; `given` (a summary at least) skips the prompt. */
  async publish(given?: Partial<PublishOptions>): Promise<PublishOutcome | undefined> {
    const a = this.activeWikiDoc();
    if (!a) return undefined;
    const options = given?.summary !== undefined
      ? { minor: config().get<boolean>('minorEdit') ?? false, watchlist: (config().get<string>('watchlist') ?? 'preferences') as PublishOptions['watchlist'], ...given, summary: given.summary }
      : undefined;
    this.lastOutcome = undefined;
    // the prompt once here; the save goes through the provider's writeFile, which publishes with these options
    const done = await this.gate.publish(pageKey(a.ref), () => this.askPublishOptions(a.ref, a.doc.getText()), async () => {
      try {
        if (a.doc.isDirty) await a.doc.save();
        else await this.fs.writeFile(a.doc.uri, new TextEncoder().encode(a.doc.getText()));
      } catch {
        /* writeFile showed the reason */
      }
    }, options);
    return done ? this.lastOutcome : undefined;
  }

  async showChanges(): Promise<void> {
    const a = this.activeWikiDoc();
    if (!a) return;
    const st = this.pages.state(a.ref);
    if (!st) return;
    const left = vscode.Uri.from({ scheme: REV_SCHEME, authority: a.doc.uri.authority, path: a.doc.uri.path, query: `rev=${st.page.revid}&opened` });
    this.revisions.set(left, st.original);
    await vscode.commands.executeCommand('vscode.diff', left, a.doc.uri, `${st.page.title}: revision ${st.page.revid} ↔ your text`);
  }

  async login(siteArg?: string, creds?: Credentials): Promise<{ user?: string; error?: string } | undefined> {
    const site = siteArg ?? (vscode.window.activeTextEditor && refOf(vscode.window.activeTextEditor.document.uri)?.site) ?? (await this.askSite());
    if (!site) return undefined;
    if (!creds) {
      const kind = await vscode.window.showQuickPick([
        { label: 'Bot password', description: 'from Special:BotPasswords (Name@bot and its password)', how: 'botpassword' as const },
        { label: 'OAuth 2 owner-only access token', description: 'from Special:OAuthConsumerRegistration', how: 'oauth' as const },
      ], { title: `Log in to ${site}` });
      if (!kind) return undefined;
      if (kind.how === 'oauth') {
        const token = await vscode.window.showInputBox({ title: `Access token for ${site}`, password: true, ignoreFocusOut: true });
        if (!token) return undefined;
        creds = { kind: 'oauth', token };
      } else {
        const name = await vscode.window.showInputBox({ title: `Log in to ${site}`, prompt: 'Bot user name (YourName@botname)', ignoreFocusOut: true });
        if (!name) return undefined;
        const password = await vscode.window.showInputBox({ title: `Log in to ${site} as ${name}`, prompt: 'Bot password', password: true, ignoreFocusOut: true });
        if (!password) return undefined;
        creds = { kind: 'botpassword', name, password };
      }
    }
    try {
      const user = await this.pages.login(site, creds);
      void vscode.window.showInformationMessage(`Logged in to ${site} as ${user.name}.`);
      this.refreshStatus();
      return { user: user.name };
    } catch (e) {
      const error = e instanceof LoginError || e instanceof WikiError ? e.message : `Log in to ${site} failed: ${String(e)}`;
      void vscode.window.showErrorMessage(error);
      this.refreshStatus();
      return { error };
    }
  }

  async logout(siteArg?: string): Promise<void> {
    const site = siteArg ?? (vscode.window.activeTextEditor && refOf(vscode.window.activeTextEditor.document.uri)?.site) ?? (await this.askSite());
    if (!site) return;
    await this.pages.logout(site);
    void vscode.window.showInformationMessage(`Logged out of ${site}; the credentials were removed.`);
    this.refreshStatus();
  }

  /** The preview beside the editor: rendered by the wiki, refreshed (debounced) while typing. */
  async showPreview(): Promise<void> {
    const a = this.activeWikiDoc();
    if (!a) return;
    if (this.preview) {
      this.preview.uri = a.doc.uri;
      this.preview.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel('wikitext.preview', `Preview ${a.ref.title}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [], enableCommandUris: false });
      this.preview = { panel, uri: a.doc.uri, seq: 0 };
      panel.onDidDispose(() => {
        clearTimeout(this.preview?.timer);
        this.preview = undefined;
      });
    }
    await this.renderPreview(Date.now());
  }

  onDocumentChanged(doc: vscode.TextDocument): void {
    const p = this.preview;
    if (!p || doc.uri.toString() !== p.uri.toString()) return;
    const t0 = Date.now();
    clearTimeout(p.timer);
    p.timer = setTimeout(() => void this.renderPreview(t0), config().get<number>('previewDelay') ?? 400);
  }

  private async renderPreview(t0: number): Promise<void> {
    const p = this.preview;
    if (!p) return;
    const ref = refOf(p.uri)!;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === p.uri.toString());
    if (!doc) return;
    const seq = ++p.seq;
    const webview = p.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    let origin = '';
    let loadPhp: string | undefined;
    try {
      const site = await this.pages.siteRef(ref.site);
      origin = new URL(site.api).origin;
      if (config().get<boolean>('previewStyles') ?? true) loadPhp = site.api.replace(/api\.php$/, 'load.php');
      const r = await this.pages.render(ref, doc.getText());
      if (seq !== p.seq || !this.preview) return;
      p.panel.title = `Preview ${ref.title}`;
      webview.html = previewHtml({ title: r.displaytitle.replace(/<[^>]*>/g, ''), html: r.html, warnings: r.warnings, origin, loadPhp, moduleStyles: r.modulestyles, cspSource: webview.cspSource, nonce });
      timings.preview.push(Date.now() - t0);
      timings.lastPreviewHtml = r.html;
    } catch (e) {
      if (seq !== p.seq || !this.preview) return;
      webview.html = previewHtml({ title: ref.title, error: e instanceof Error ? e.message : String(e), origin, cspSource: webview.cspSource, nonce });
    }
  }
}

/** Registers everything; called from `activate`. Returns the UI object (the e2e suite reads `timings`). */
export function registerWiki(context: vscode.ExtensionContext): WikiUi {
  const ui = new WikiUi(context);
  Object.defineProperty(timings, 'prompts', { get: () => ui.gate.prompts, enumerable: true }); // summary prompts shown
  context.subscriptions.push(
    ui.status,
    vscode.workspace.registerFileSystemProvider(SCHEME, ui.fs, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(REV_SCHEME, ui.revisions),
    vscode.commands.registerCommand('wikitext.openPage', (site?: string, title?: string) => ui.openPage(site, title)),
    vscode.commands.registerCommand('wikitext.openSection', () => ui.openSection()),
    vscode.commands.registerCommand('wikitext.openOnWiki', (uri?: vscode.Uri) => ui.openOnWiki(uri)),
    vscode.commands.registerCommand('wikitext.publish', (given?: Partial<PublishOptions>) => ui.publish(given)),
    vscode.commands.registerCommand('wikitext.showChanges', () => ui.showChanges()),
    vscode.commands.registerCommand('wikitext.showPreview', () => ui.showPreview()),
    vscode.commands.registerCommand('wikitext.login', (site?: string, creds?: Credentials) => ui.login(site, creds)),
    vscode.commands.registerCommand('wikitext.logout', (site?: string) => ui.logout(site)),
    vscode.commands.registerCommand('wikitext.wiki.timings', () => timings),
    vscode.commands.registerCommand('wikitext.wiki.profiles', (site: string) => ui.sendProfiles(site)),
    vscode.window.onDidChangeActiveTextEditor(() => ui.refreshStatus()),
    vscode.workspace.onDidChangeTextDocument((e) => ui.onDocumentChanged(e.document)),
    vscode.workspace.onWillSaveTextDocument((e) => {
      const ref = refOf(e.document.uri);
      if (ref) ui.gate.willSave(pageKey(ref), e.reason as SaveReason);
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme === SCHEME && doc.languageId !== 'wikitext') void vscode.languages.setTextDocumentLanguage(doc, 'wikitext');
      // a page opened another way (editors restored on reload, a link): its wiki's profiles too (once per site)
      const ref = refOf(doc.uri);
      if (ref) void ui.sendProfiles(ref.site);
    }),
    vscode.window.registerUriHandler({
      // vscode://wikitext-tools.wikitext-lint/open?site=en.wikipedia.org&title=Kazakhstan (or ?url=https://...)
      handleUri(uri: vscode.Uri) {
        const r = openRequestOfUri(uri.path, uri.query);
        if (r) void ui.openPage(r.site, r.title, r.section);
      },
    }),
  );
  ui.refreshStatus();
  return ui;
}

/**
 * Settings per document: the editor's `wikitext.*` settings (read with workspace/configuration, cached per
 * URI; from `initializationOptions` or `workspace/didChangeConfiguration` for clients without it) over the
 * `.wikitext-lint.json` found upward from the file (by the platform's loader: the disk in Node, the
 * client's workspace.fs in a browser). Configuration is JSON data only. Nothing here needs Node.
 */
import type { Connection } from 'vscode-languageserver';
import { parseSetting, mergeConfigs, LintConfig } from './core/lint/config';
import { ruleIds } from './core/rules';
import type { LintOptions } from './core/lint/lint';
import type { ProfileStore } from './wiki/profileStore';
import { parseLinkSettings } from './core/links/settings';
import type { CitationProfile, SiteProfile } from './core/profile';
import { parseCitationProfile } from './core/citationProfile';
import { resolveAutoCitationProfile, shippedCitationProfile } from './wiki/autoProfile';

/**
 * Client -> server: the profiles of a wiki whose pages are open as `mediawiki://SITE/Title` documents
 * (`{site, profile?, citationProfile?}`; the client read them from the wiki or the cache when the page was opened).
 */
export const WIKI_PROFILE_NOTIFICATION = 'wikitext/wikiProfiles';

/** The wiki a `mediawiki://SITE/Title` document belongs to (its URI's authority), else undefined. */
export function wikiSiteOfUri(uri: string): string | undefined {
  const m = /^mediawiki:\/\/([^/?#]+)/i.exec(uri);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/** The settings that apply to one document. */
export interface WorkspaceSettings {
  lintOptions: LintOptions;
  linkBaseUrl: string;
  /** Changes whenever settings may have changed, so cached analyses are recomputed. */
  version: number;
}

/** What the editor sends under `wikitext`. */
interface EditorSettings {
  rules?: Record<string, unknown>;
  dateFormat?: string;
  linkBaseUrl?: string;
  site?: string;
  links?: unknown;
  /** A citation profile file (absolute, or relative to the first workspace folder), or `auto` for the cached one of the site. */
  citationProfile?: string;
}

/**
 * Finds the `.wikitext-lint.json` that applies to a document (its URI, and the workspace folders for
 * documents that are not files); throws an Error naming the file when it is invalid.
 */
/**
 * Reads a citation profile: a path (the setting's, relative to the first workspace folder; `.wikitext-lint.json`'s,
 * already absolute) or `auto` (the built profile of `site`, else the map shipped for it: wiki/autoProfile.ts). Throws an
 * Error naming the file (with `file`, its URI, when it can be watched). Node reads the disk; the web server asks the
 * client (webProfiles.ts); a platform without a loader reports the setting as unavailable.
 */
export type CitationProfileLoader = (spec: string, site: string | undefined, workspaceFolders: string[]) => LoadedCitationProfile | Promise<LoadedCitationProfile>;

/** A citation profile read by the platform, with a note for the user once (`auto` used the map shipped for the site). */
export interface LoadedCitationProfile {
  profile: CitationProfile;
  note?: string;
  /** The file's URI when the server read it itself (Node): the server asks the client to watch it. */
  file?: string;
}

export type FileConfigLoader = (uri: string, workspaceFolders: string[]) => LintConfig | undefined | Promise<LintConfig | undefined>;

/** The `wikitext` settings in `initializationOptions` or `didChangeConfiguration`: `{wikitext: {...}}` or the section itself. */
export function editorSettingsFrom(value: unknown): EditorSettings | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.wikitext === 'object' && v.wikitext !== null && !Array.isArray(v.wikitext)) return v.wikitext as EditorSettings;
  if ('rules' in v || 'dateFormat' in v || 'linkBaseUrl' in v || 'citationProfile' in v) return v as EditorSettings;
  return undefined;
}

/** window.showXMessage is a request (typed void): a client that does not answer it must leave no rejected promise. */
function quiet(sent: unknown): void {
  if (sent instanceof Promise) sent.catch(() => undefined);
}

export const DEFAULT_LINK_BASE = 'https://en.wikipedia.org/wiki/';

/**
 * Where hover and document links send wiki pages: the user's `wikitext.linkBaseUrl`, else the pages of the wiki the
 * text belongs to (its site profile's `articleBase`: a German page's {{Internetquelle}} links to dewiki's template),
 * else English Wikipedia.
 */
export function linkBaseFor(setting: string, profile: SiteProfile | undefined): string {
  return setting === DEFAULT_LINK_BASE && profile?.articleBase && /^https?:\/\//.test(profile.articleBase) ? profile.articleBase : setting;
}

/** Caches settings per document URI; `invalidate` on configuration change. */
export class SettingsStore {
  private cache = new Map<string, Promise<WorkspaceSettings>>();
  private version = 1;
  private warned = new Set<string>();
  private folders: string[] = [];
  private initial: EditorSettings | undefined;
  private pushed: EditorSettings | undefined;
  /** False in an untrusted workspace (VS Code's Restricted Mode): the workspace's `.wikitext-lint.json` is not read. */
  private readWorkspaceConfig = true;

  /** Site profiles, loaded off the keystroke path (see ProfileStore). */
  profiles?: ProfileStore;
  /** Citation profiles (`wikitext.citationProfile`, `"profile"` of `.wikitext-lint.json`). */
  loadCitationProfile?: CitationProfileLoader;
  /** Called with the URI of each profile file the server read itself (so it can be watched). */
  onProfileFile?: (uri: string) => void;
  /** Whether a citation profile file changed under the cached settings (edited, deleted, replaced by a directory). */
  citationProfilesChanged?: () => boolean;
  /** Per wiki (the authority of `mediawiki:` URIs): the profiles the client sent. */
  private wikiProfiles = new Map<string, { profile?: SiteProfile; citationProfile?: CitationProfile }>();

  /**
   * A page opened from a wiki (`mediawiki://SITE/Title`) is that wiki's text: its site profile as the client sent
   * it (none: the built-in one), and its citation profile unless the settings name one.
   */
  private withWikiProfiles(uri: string, w: WorkspaceSettings): WorkspaceSettings {
    const site = wikiSiteOfUri(uri);
    if (site === undefined) return w;
    const wiki = this.wikiProfiles.get(site);
    // no citation profile from the settings or the client (the web client reads no cache): the map shipped for the wiki
    const shipped = w.lintOptions.citationProfile || wiki?.citationProfile ? undefined : this.shippedMap(site);
    if (!wiki) return shipped ? { ...w, lintOptions: { ...w.lintOptions, citationProfile: shipped } } : w;
    const { profile: _workspaceSite, ...rest } = w.lintOptions;
    const citationProfile = w.lintOptions.citationProfile ?? wiki.citationProfile ?? shipped;
    return { ...w, linkBaseUrl: linkBaseFor(w.linkBaseUrl, wiki.profile), lintOptions: { ...rest, ...(wiki.profile ? { profile: wiki.profile } : {}), ...(citationProfile ? { citationProfile } : {}) } };
  }

  private shippedMaps = new Map<string, CitationProfile | undefined>();
  /** The map shipped for a wiki (server/data/citation-profiles/), parsed once; undefined when none is shipped. */
  private shippedMap(site: string): CitationProfile | undefined {
    if (!this.shippedMaps.has(site)) {
      let map: CitationProfile | undefined;
      try {
        if (shippedCitationProfile(site) !== undefined) map = resolveAutoCitationProfile(site).profile;
      } catch (e) {
        this.warn(`wikitext: ${(e as Error).message}`);
      }
      this.shippedMaps.set(site, map);
    }
    return this.shippedMaps.get(site);
  }

  /** Keeps the profiles of a `mediawiki:` site (a WIKI_PROFILE_NOTIFICATION); false when the message is unusable. */
  setWikiProfiles(message: unknown): boolean {
    const m = message as { site?: unknown; profile?: unknown; citationProfile?: unknown } | null;
    if (!m || typeof m.site !== 'string' || !m.site) return false;
    const p = m.profile as SiteProfile | undefined;
    const profile = p && typeof p === 'object' && typeof p.site === 'string' && (p.namespaces === undefined || Array.isArray(p.namespaces)) ? p : undefined;
    let citationProfile: CitationProfile | undefined;
    if (m.citationProfile !== undefined && m.citationProfile !== null) {
      try {
        citationProfile = parseCitationProfile(m.citationProfile, `the citation profile of ${m.site}`, ruleIds);
      } catch (e) {
        this.warn(`wikitext: ${(e as Error).message}`);
      }
    }
    this.wikiProfiles.set(m.site, { profile, citationProfile });
    return true;
  }

  constructor(private connection: Connection, private loadFileConfig?: FileConfigLoader, private clearFileConfigCache?: () => void) {}

  setInitializationOptions(options: unknown): void {
    this.initial = editorSettingsFrom(options);
  }

  /** Settings a client pushed with `workspace/didChangeConfiguration` (kept until the next push). */
  setPushedSettings(settings: unknown): void {
    const s = editorSettingsFrom(settings);
    if (s) this.pushed = s;
  }

  setWorkspaceFolders(folders: string[]): void {
    this.folders = folders;
  }

  setWorkspaceTrusted(trusted: boolean): void {
    this.readWorkspaceConfig = trusted;
  }

  invalidate(): void {
    this.clearFileConfigCache?.();
    this.cache.clear();
    this.version++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string, askClient: boolean): Promise<WorkspaceSettings> {
    // a profile file edited or replaced under the server: make the settings (and so the analyses) again
    if (this.cache.size && this.citationProfilesChanged?.()) this.invalidate();
    let s = this.cache.get(uri);
    if (!s) {
      s = this.load(uri, askClient).then((w) => this.withWikiProfiles(uri, w));
      this.cache.set(uri, s);
    }
    return s;
  }

  /** Messages already shown may be shown again (a profile file changed: a new error in it is news). */
  forgetMessages(): void {
    this.warned.clear();
  }

  /** Tells the user something once per session (the log and an information message): which profile file `auto` used. */
  note(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.connection.console.info(message);
    quiet(this.connection.window.showInformationMessage(message));
  }

  private warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.connection.console.warn(message);
    // a client that does not answer window/showMessageRequest must not leave a rejected promise behind
    quiet(this.connection.window.showWarningMessage(message));
  }

  private async load(uri: string, askClient: boolean): Promise<WorkspaceSettings> {
    let fileConfig: LintConfig | undefined;
    if (!this.readWorkspaceConfig) {
      // Restricted Mode: nothing from the workspace
    } else if (this.loadFileConfig) {
      try {
        fileConfig = (await this.loadFileConfig(uri, this.folders)) ?? undefined;
      } catch (e) {
        this.warn(`wikitext: ${(e as Error).message}`);
      }
    }
    // Pushed or initial settings; a client that answers workspace/configuration with something overrides them.
    let editor: EditorSettings = this.pushed ?? this.initial ?? {};
    if (askClient) {
      try {
        const answer = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'wikitext' });
        if (typeof answer === 'object' && answer !== null && !Array.isArray(answer) && Object.keys(answer).length) editor = answer as EditorSettings;
      } catch {
        /* keep the others */
      }
    }
    const editorConfig: LintConfig = { rules: {} };
    for (const [id, v] of Object.entries(editor.rules ?? {})) {
      if (!ruleIds.has(id)) {
        this.warn(`wikitext.rules: unknown rule "${id}" (ignored)`);
        continue;
      }
      try {
        editorConfig.rules[id] = parseSetting(v, `wikitext.rules.${id}`, id);
      } catch (e) {
        this.warn(`wikitext: ${(e as Error).message}`);
      }
    }
    if (editor.dateFormat === 'dmy' || editor.dateFormat === 'mdy' || editor.dateFormat === 'iso') editorConfig.dateFormat = editor.dateFormat;
    if (typeof editor.site === 'string' && editor.site.trim()) editorConfig.site = editor.site.trim();
    if (editor.links !== undefined && editor.links !== null) {
      try {
        editorConfig.links = parseLinkSettings(editor.links, 'wikitext.links');
      } catch (e) {
        this.warn(`wikitext: ${(e as Error).message}`);
      }
    }
    const config = mergeConfigs(fileConfig, editorConfig);
    // the site's profile if it has arrived; until then the built-in one (the store re-analyses on arrival)
    const profile = this.profiles?.peek(config.site);
    // the citation profile: the setting, else the "profile" of .wikitext-lint.json
    let citationProfile: CitationProfile | undefined;
    const setting = typeof editor.citationProfile === 'string' && editor.citationProfile.trim() ? editor.citationProfile.trim() : undefined;
    const spec = setting ?? config.profile;
    if (spec) {
      if (!this.loadCitationProfile) this.warn(`wikitext: citation profiles are read from disk, which this platform does not have (${setting ? 'wikitext.citationProfile' : '"profile"'}: ${spec})`);
      else {
        try {
          const loaded = await this.loadCitationProfile(spec, config.site, setting ? this.folders : []);
          citationProfile = loaded.profile;
          if (loaded.file) this.onProfileFile?.(loaded.file);
          if (loaded.note) this.note(`wikitext: ${loaded.note}`);
        } catch (e) {
          // a missing or broken file is watched too: fixing it re-lints
          const file = (e as { file?: unknown }).file;
          if (typeof file === 'string') this.onProfileFile?.(file);
          this.warn(`wikitext: ${(e as Error).message}`);
        }
      }
    }
    const base = typeof editor.linkBaseUrl === 'string' && /^https?:\/\//.test(editor.linkBaseUrl) ? editor.linkBaseUrl : DEFAULT_LINK_BASE;
    return { lintOptions: { config, ...(profile ? { profile } : {}), ...(citationProfile ? { citationProfile } : {}) }, linkBaseUrl: linkBaseFor(base, profile), version: this.version };
  }
}

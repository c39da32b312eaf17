/**
 * Settings per document: the editor's `wikitext.*` settings (read with workspace/configuration, cached per
 * URI) over the `.wikitext-lint.json` found upward from the file. Configuration is JSON data only.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { findConfigFor } from './configFiles';
import { parseSetting, mergeConfigs, LintConfig } from './core/lint/config';
import { ruleIds } from './core/rules';
import type { LintOptions } from './core/lint/lint';
import type { ProfileStore } from './wiki/profileStore';
import { parseLinkSettings } from './core/links/settings';

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
}

export const DEFAULT_LINK_BASE = 'https://en.wikipedia.org/wiki/';

/** Caches settings per document URI; `invalidate` on configuration change. */
export class SettingsStore {
  private cache = new Map<string, Promise<WorkspaceSettings>>();
  private version = 1;
  private warned = new Set<string>();
  private folders: string[] = [];

  /** Site profiles, loaded off the keystroke path (see ProfileStore). */
  profiles?: ProfileStore;

  constructor(private connection: Connection) {}

  setWorkspaceFolders(folders: string[]): void {
    this.folders = folders;
  }

  invalidate(): void {
    this.cache.clear();
    this.version++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string, askClient: boolean): Promise<WorkspaceSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.load(uri, askClient);
      this.cache.set(uri, s);
    }
    return s;
  }

  private warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.connection.console.warn(message);
    this.connection.window.showWarningMessage(message);
  }

  private async load(uri: string, askClient: boolean): Promise<WorkspaceSettings> {
    let fileConfig: LintConfig | undefined;
    if (uri.startsWith('file:')) {
      try {
        fileConfig = findConfigFor(fileURLToPath(uri)).config ?? undefined;
      } catch (e) {
        this.warn(`wikitext: ${(e as Error).message}`);
      }
    } else if (this.folders[0]?.startsWith('file:')) {
      try {
        fileConfig = findConfigFor(path.join(fileURLToPath(this.folders[0]), 'untitled.wiki')).config ?? undefined;
      } catch (e) {
        this.warn(`wikitext: ${(e as Error).message}`);
      }
    }
    let editor: EditorSettings = {};
    if (askClient) {
      try {
        editor = ((await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'wikitext' })) ?? {}) as EditorSettings;
      } catch {
        editor = {};
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
    const base = typeof editor.linkBaseUrl === 'string' && /^https?:\/\//.test(editor.linkBaseUrl) ? editor.linkBaseUrl : DEFAULT_LINK_BASE;
    return { lintOptions: { config, ...(profile ? { profile } : {}) }, linkBaseUrl: base, version: this.version };
  }
}

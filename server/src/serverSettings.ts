/**
 * Settings per document: the editor's `wikitext.*` settings (read with workspace/configuration, cached per
 * URI) over the `.wikitext-lint.json` found upward from the file. Configuration is JSON data only.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { findConfigFor, clearConfigCache } from './cli/files';
import { parseSetting, mergeConfigs, LintConfig } from './core/lint/config';
import { ruleIds } from './core/rules';
import type { LintOptions } from './core/lint/lint';

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
}

export const DEFAULT_LINK_BASE = 'https://en.wikipedia.org/wiki/';

/** Caches settings per document URI; `invalidate` on configuration change. */
export class SettingsStore {
  private cache = new Map<string, Promise<WorkspaceSettings>>();
  private version = 1;
  private warned = new Set<string>();
  private folders: string[] = [];
  /** False in an untrusted workspace (VS Code's Restricted Mode): the workspace's `.wikitext-lint.json` is not read. */
  private readWorkspaceConfig = true;

  constructor(private connection: Connection) {}

  setWorkspaceFolders(folders: string[]): void {
    this.folders = folders;
  }

  setWorkspaceTrusted(trusted: boolean): void {
    this.readWorkspaceConfig = trusted;
  }

  /** The workspace folder holding a file (the innermost), where the configuration lookup stops. */
  private folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) {
      if (!f.startsWith('file:')) continue;
      const dir = fileURLToPath(f);
      const rel = path.relative(dir, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || dir.length > best.length)) best = dir;
    }
    return best;
  }

  invalidate(): void {
    clearConfigCache();
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
    if (!this.readWorkspaceConfig) {
      // Restricted Mode: nothing from the workspace
    } else if (uri.startsWith('file:')) {
      try {
        const file = fileURLToPath(uri);
        fileConfig = findConfigFor(file, this.folderOf(file)).config ?? undefined;
      } catch (e) {
        this.warn(`wikitext: ${(e as Error).message}`);
      }
    } else if (this.folders[0]?.startsWith('file:')) {
      try {
        fileConfig = findConfigFor(path.join(fileURLToPath(this.folders[0]), 'untitled.wiki'), fileURLToPath(this.folders[0])).config ?? undefined;
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
        editorConfig.rules[id] = parseSetting(v, `wikitext.rules.${id}`);
      } catch (e) {
        this.warn(`wikitext: ${(e as Error).message}`);
      }
    }
    if (editor.dateFormat === 'dmy' || editor.dateFormat === 'mdy' || editor.dateFormat === 'iso') editorConfig.dateFormat = editor.dateFormat;
    const config = mergeConfigs(fileConfig, editorConfig);
    const base = typeof editor.linkBaseUrl === 'string' && /^https?:\/\//.test(editor.linkBaseUrl) ? editor.linkBaseUrl : DEFAULT_LINK_BASE;
    return { lintOptions: { config }, linkBaseUrl: base, version: this.version };
  }
}

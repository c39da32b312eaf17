/**
 * The web client (VS Code for the Web): starts the language server in a web worker and answers its
 * `wikitext/findConfig` requests through `workspace.fs`, so configuration files work on any file system
 * (github.dev repositories, the wiki's `mediawiki:` documents' workspace, memfs). No Node API.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions } from 'vscode-languageclient/browser';
import { registerCommands } from './commands';
import { documentSelector, registerStatusAndSettings, validationOptions } from './lintSettings';
import { serveProfiles } from './webProfiles';

let client: LanguageClient | undefined;
let attachStatus: ((c: LanguageClient) => void) | undefined;
let worker: { terminate(): void } | undefined;
let profiles: vscode.Disposable | undefined;

/** The web worker constructor and blob URLs of the extension host's global scope (no DOM types in this project). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2];
declare const URL: { createObjectURL(blob: Blob): string };

/**
 * The worker for the server script. vscode.dev serves extensions over https, which a worker can load
 * directly; an extension on a remote (code-server, VS Code Server: `vscode-remote:`) cannot be a worker's
 * URL, so its text is fetched (the extension host's fetch resolves those URIs) and started from a blob.
 */
async function startWorker(script: vscode.Uri): Promise<ConstructorParameters<typeof LanguageClient>[2]> {
  if (script.scheme === 'http' || script.scheme === 'https') return new Worker(script.toString(true));
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`cannot load the language server ${script.toString(true)}: HTTP ${response.status}`);
  const blob = new Blob([await response.text()], { type: 'application/javascript' });
  return new Worker(URL.createObjectURL(blob));
}

/** Configuration files larger than this are refused (a configuration is a few lines of JSON). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The `.wikitext-lint.json` for a document: upward from its folder to its workspace folder's root (or to the
 * file system root for a document outside any folder), then the first workspace folder for documents that
 * have no folder of their own (untitled).
 */
export async function findConfig(uri: string): Promise<{ uri: string; text: string } | null> {
  const doc = vscode.Uri.parse(uri);
  const read = async (dir: vscode.Uri) => {
    const candidate = vscode.Uri.joinPath(dir, '.wikitext-lint.json');
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(candidate);
    } catch {
      return null; // not there (or not readable): look further up
    }
    if (bytes.length > MAX_CONFIG_BYTES) throw new Error(`${candidate.toString()}: configuration file larger than 1 MB`);
    return { uri: candidate.toString(), text: new TextDecoder('utf-8').decode(bytes) };
  };
  const folder = vscode.workspace.getWorkspaceFolder(doc);
  if (doc.scheme !== 'untitled' && doc.path.includes('/')) {
    let dir = vscode.Uri.joinPath(doc, '..');
    for (let depth = 0; depth < 100; depth++) {
      const found = await read(dir);
      if (found) return found;
      if (folder && dir.path.replace(/\/$/, '') === folder.uri.path.replace(/\/$/, '')) return null;
      const parent = vscode.Uri.joinPath(dir, '..');
      if (parent.path === dir.path) break;
      dir = parent;
    }
    if (folder) return null;
  }
  const first = vscode.workspace.workspaceFolders?.[0];
  return first ? read(first.uri) : null;
}

/** Starts the language client with a new web worker server (also on restart: a stopped worker is gone). */
async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const w = await startWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js'));
  worker = w as unknown as { terminate(): void };
  const clientOptions: LanguageClientOptions = {
    // every scheme: files, untitled, vscode-vfs (github.dev), mediawiki: pages, memfs
    documentSelector: documentSelector([{ language: 'wikitext' }]),
    // wikitext.enable / validate / run / codeActionsOnSave.mode, as in the desktop client (lintSettings.ts)
    ...validationOptions(() => client),
    synchronize: { configurationSection: 'wikitext' },
    outputChannelName: 'Wikitext Language Server',
  };
  client = new LanguageClient('wikitext', 'Wikitext Language Server', w, clientOptions);
  client.onRequest('wikitext/findConfig', (p: { uri: string }) => findConfig(p.uri));
  // citation profile files (wikitext.citationProfile, "profile" of .wikitext-lint.json): read and watched through workspace.fs
  profiles = serveProfiles(client);
  attachStatus?.(client);
  await client.start();
}

/** Starts the language client and its web worker server. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const restart = async () => {
    await stopClient();
    await startClient(context);
  };
  registerCommands(context, () => client, restart);
  attachStatus = registerStatusAndSettings(context, () => client, restart); // a new client (and selector) on restart
  await startClient(context);
}

/** Stops the language client and its worker. */
async function stopClient(): Promise<void> {
  profiles?.dispose();
  profiles = undefined;
  await client?.dispose().catch(() => undefined);
  worker?.terminate();
  client = undefined;
  worker = undefined;
}

/** Stops the language client and the worker. */
export async function deactivate(): Promise<void> {
  await stopClient();
}

/**
 * The VS Code client: starts the bundled language server over IPC for wikitext documents (files and
 * untitled), its commands (commands.ts), settings and status item (lintSettings.ts). All language knowledge
 * lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { documentSelector, registerStatusAndSettings, validationOptions } from './lintSettings';
import { registerWiki } from './wiki/vscodeWiki';
import { registerLinkCommands } from './links';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

/** Starts the language client. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // A larger young generation halves the time spent collecting the short-lived parse garbage.
  const execArgv = ['--max-semi-space-size=32'];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6010'] } },
  };
  const baseSelector = [
    { scheme: 'file', language: 'wikitext' },
    { scheme: 'untitled', language: 'wikitext' },
    { scheme: 'vscode-vfs', language: 'wikitext' },
    { scheme: 'mediawiki', language: 'wikitext' },
  ];
  const clientOptions: LanguageClientOptions = {
    // `wikitext.validate` may add other languages or file patterns
    documentSelector: documentSelector(baseSelector),
    // wikitext.enable / validate / run / codeActionsOnSave.mode (client/src/lintSettings.ts, shared with the web client)
    ...validationOptions(() => client),
    // .wikitext-lint.json changes reach the server as workspace/didChangeWatchedFiles (it re-lints open documents)
    synchronize: { configurationSection: 'wikitext', fileEvents: vscode.workspace.createFileSystemWatcher('**/.wikitext-lint.json') },
    // In Restricted Mode the server does not read the workspace's .wikitext-lint.json (see package.json untrustedWorkspaces)
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted, watchesConfigFiles: true },
    outputChannelName: 'Wikitext Language Server',
  };
  const wiki = registerWiki(context); // wiki pages: open, preview, publish (client/src/wiki)
  // Build Citation Profile from the palette (no site given) with a wiki page active builds that wiki's; a citation
  // profile just built is read again for the wiki pages open (and opened later) in this session
  clientOptions.middleware = {
    ...clientOptions.middleware,
    executeCommand: async (command, args, next) => {
      if (command === 'wikitext.buildCitationProfile' && !args[0]) {
        const api = await wiki.activeWikiApi().catch(() => undefined);
        if (api) args = [api, ...args.slice(1)];
      }
      const r = await next(command, args);
      if (command === 'wikitext.buildCitationProfile') await wiki.reloadProfiles();
      return r;
    },
  };
  client = new LanguageClient('wikitext', 'Wikitext Language Server', serverOptions, clientOptions);
  context.subscriptions.push(wiki.useServer(client)); // mediawiki: documents are linted with their wiki's profiles

  // The server's state in the status bar (click: its output), Show Output, settings changes; as vscode-eslint has them.
  /** Restarts the server; starts it when the client gave up on it (crashed 5 times) or it failed to start. */
  const restart = async () => {
    if (!client) return;
    if (client.isRunning()) await client.restart();
    else await client.start();
  };
  const attachStatus = registerStatusAndSettings(context, () => client, async () => {
    if (!client) return;
    client.clientOptions.documentSelector = documentSelector(baseSelector); // `validate` changed
    await restart();
  });
  attachStatus(client);

  // Fix All, Restart Language Server, Show Syntax Tree: the same as the web client's (client/src/commands.ts)
  registerCommands(context, () => client, restart);
  registerLinkCommands(context, () => client);
  // Trust granted: restart so the server reads the workspace's configuration file.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()));
  await client.start();
}

/** Stops the language client (and so the server). */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

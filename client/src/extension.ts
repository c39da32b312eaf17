/**
 * The VS Code client: starts the bundled language server over IPC for wikitext documents (files and
 * untitled), and adds three commands. All language knowledge lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

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
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'wikitext' },
      { scheme: 'untitled', language: 'wikitext' },
      { scheme: 'vscode-vfs', language: 'wikitext' },
    ],
    // .wikitext-lint.json changes reach the server as workspace/didChangeWatchedFiles (it re-lints open documents)
    synchronize: { configurationSection: 'wikitext', fileEvents: vscode.workspace.createFileSystemWatcher('**/.wikitext-lint.json') },
    // In Restricted Mode the server does not read the workspace's .wikitext-lint.json (see package.json untrustedWorkspaces)
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted, watchesConfigFiles: true },
    outputChannelName: 'Wikitext Language Server',
  };
  client = new LanguageClient('wikitext', 'Wikitext Language Server', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('wikitext.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'wikitext') return;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0), 'source.fixAll.wikitext',
      );
      const fix = actions?.find((a) => a.kind?.value === 'source.fixAll.wikitext' && a.edit);
      if (fix?.edit) await vscode.workspace.applyEdit(fix.edit);
      else void vscode.window.showInformationMessage('No auto-fixable wikitext problems.');
    }),
    vscode.commands.registerCommand('wikitext.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('wikitext.showSyntaxTree', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      const tree = await client.sendRequest<string>('workspace/executeCommand', { command: 'wikitext.syntaxTree', arguments: [editor.document.uri.toString()] });
      const doc = await vscode.workspace.openTextDocument({ content: tree, language: 'plaintext' });
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
  );
  // Trust granted: restart so the server reads the workspace's configuration file.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
  await client.start();
}

/** Stops the language client (and so the server). */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

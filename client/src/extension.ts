/**
 * The VS Code client: starts the bundled language server over IPC for wikitext documents (files and
 * untitled), and adds three commands. All language knowledge lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerWiki } from './wiki/vscodeWiki';
import { registerLinkCommands } from './links';

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
      { scheme: 'mediawiki', language: 'wikitext' },
    ],
    synchronize: { configurationSection: 'wikitext' },
    outputChannelName: 'Wikitext Language Server',
  };
  registerWiki(context); // wiki pages: open, preview, publish (client/src/wiki)
  client = new LanguageClient('wikitext', 'Wikitext Language Server', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('wikitext.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'wikitext') return;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0), 'source.fixAll.wikitext', 1,
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
  registerLinkCommands(context, () => client);
  await client.start();
}

/** Stops the language client (and so the server). */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

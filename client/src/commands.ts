/** The extension's commands, the same in the desktop and the web client: they only talk to the language client. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

/** Registers Fix All, Restart Language Server and Show Syntax Tree. */
export function registerCommands(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined, restart: () => Promise<void>): void {
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
    vscode.commands.registerCommand('wikitext.restartServer', restart),
    vscode.commands.registerCommand('wikitext.showSyntaxTree', async () => {
      const editor = vscode.window.activeTextEditor;
      const c = client();
      if (!editor || !c) return;
      const tree = await c.sendRequest<string>('workspace/executeCommand', { command: 'wikitext.syntaxTree', arguments: [editor.document.uri.toString()] });
      const doc = await vscode.workspace.openTextDocument({ content: tree, language: 'plaintext' });
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
  );
}

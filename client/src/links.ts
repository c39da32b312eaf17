/**
 * VS Code commands for links (issue 15): *Check Links* (the page, or the selection) with progress and cancel,
 * and *Fill Citation* (from a code action or the palette) that shows the citation as it will read before
 * applying it. The work is done by the language server; nothing is fetched without one of these commands,
 * except when the user turns on `wikitext.links.checkOnOpen`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface CheckLinksResult {
  total: number;
  counts: Record<string, number>;
  seconds: number;
}

type FillResult =
  | { ok: true; title: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string; preview: string; version?: number }
  | { ok: false; reason: string };

const STATUS_WORDS: Record<string, string> = { alive: 'alive', dead: 'dead', unreachable: 'unreachable now', 'soft-404': 'soft 404', 'cannot-tell': 'cannot tell (paywall or bot wall)', redirect: 'redirected' };

/** Markdown as plain text for a modal dialog (which shows no Markdown). */
function plain(md: string): string {
  return md.replace(/\\([\\`*_[\]<>])/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '');
}

export function registerLinkCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const cacheFile = path.join(context.globalStorageUri.fsPath, 'links.json');

  async function checkLinks(editor: vscode.TextEditor | undefined, onlySelection: boolean): Promise<CheckLinksResult | undefined> {
    const c = client();
    if (!editor || editor.document.languageId !== 'wikitext' || !c) return undefined;
    const sel = editor.selection;
    const range = onlySelection && !sel.isEmpty ? { start: sel.start, end: sel.end } : undefined;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Checking links', cancellable: true }, async (progress, token) => {
      let last = 0;
      const sub = c.onNotification('wikitext/checkLinksProgress', (p: { uri: string; done: number; total: number }) => {
        if (p.uri !== editor.document.uri.toString()) return;
        progress.report({ message: `${p.done} of ${p.total}`, increment: ((p.done - last) / Math.max(1, p.total)) * 100 });
        last = p.done;
      });
      try {
        const r = await c.sendRequest<CheckLinksResult>('wikitext/checkLinks', { uri: editor.document.uri.toString(), range, cacheFile }, token);
        const parts = Object.entries(r.counts).map(([k, n]) => `${n} ${STATUS_WORDS[k] ?? k}`);
        void vscode.window.showInformationMessage(`Checked ${r.total} link${r.total === 1 ? '' : 's'} in ${r.seconds.toFixed(1)} s: ${parts.join(', ') || 'none'}.`);
        return r;
      } catch (e) {
        if (token.isCancellationRequested) {
          void vscode.window.showInformationMessage('Link check cancelled.');
          return undefined;
        }
        void vscode.window.showErrorMessage(`Link check failed: ${(e as Error).message}`);
        return undefined;
      } finally {
        sub.dispose();
      }
    });
  }

  async function fillCitation(uriArg?: string, position?: { line: number; character: number }): Promise<boolean> {
    const c = client();
    const editor = vscode.window.activeTextEditor;
    const uri = uriArg ?? editor?.document.uri.toString();
    const pos = position ?? (editor ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined);
    if (!c || !uri || !pos) return false;
    const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Fetching the page for its citation', cancellable: true }, (_p, token) =>
      c.sendRequest<FillResult>('wikitext/fillCitation', { uri, position: pos }, token).catch(() => ({ ok: false as const, reason: 'cancelled' })));
    if (!r.ok) {
      void vscode.window.showWarningMessage(`Fill Citation: ${r.reason}`);
      return false;
    }
    const choice = await vscode.window.showInformationMessage(r.title, { modal: true, detail: `${plain(r.preview)}\n\n${r.newText}` }, 'Apply');
    if (choice !== 'Apply') return false;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    if (r.version !== undefined && doc.version !== r.version) {
      void vscode.window.showWarningMessage('Fill Citation: the document changed meanwhile; run it again.');
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character), r.newText);
    return vscode.workspace.applyEdit(edit);
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('wikitext.checkLinks', () => checkLinks(vscode.window.activeTextEditor, true)),
    vscode.commands.registerCommand('wikitext.fillCitation', (uri?: string, position?: { line: number; character: number }) => fillCitation(uri, position)),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      // off by default: only when the user turns it on
      if (doc.languageId !== 'wikitext' || !vscode.workspace.getConfiguration('wikitext', doc.uri).get<boolean>('links.checkOnOpen', false)) return;
      setTimeout(() => {
        const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
        if (editor) void checkLinks(editor, false);
      }, 1000);
    }),
  );
}

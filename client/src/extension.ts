/**
 * The VS Code client: starts the bundled language server over IPC for wikitext documents (files and
 * untitled), and adds three commands. All language knowledge lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { isPattern, readValidationSettings, shouldValidate, showDiagnosticsNow, ValidationSettings } from './validation';
import { registerWiki } from './wiki/vscodeWiki';
import { registerLinkCommands } from './links';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

/** `wikitext.enable`, `validate`, `run`, `codeActionsOnSave.mode` (re-read on change). */
let validation: ValidationSettings = readValidationSettings((k) => vscode.workspace.getConfiguration('wikitext').get(k));
/** The server's latest diagnostics per document, held back while unsaved with `run: onSave`. */
const heldDiagnostics = new Map<string, vscode.Diagnostic[]>();

function validates(uri: vscode.Uri): boolean {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return shouldValidate(validation, doc?.languageId ?? 'wikitext', uri.fsPath || uri.path);
}

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
      // `wikitext.validate` may add other languages or file patterns
      ...validation.validate.filter((v) => v !== 'wikitext').map((v) => (isPattern(v) ? { scheme: 'file', pattern: v } : { scheme: 'file', language: v })),
    ],
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        if (!validates(uri)) return next(uri, []);
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        heldDiagnostics.set(uri.toString(), diagnostics);
        if (showDiagnosticsNow(validation, doc?.isDirty ?? false)) next(uri, diagnostics);
      },
      async provideCodeActions(document, range, context, token, next) {
        if (!validates(document.uri)) return [];
        const fixAllOnSave = context.only?.value === 'source.fixAll.wikitext' && context.triggerKind === vscode.CodeActionTriggerKind.Automatic;
        if (!fixAllOnSave || validation.codeActionsOnSaveMode === 'all') return next(document, range, context, token);
        // `problems`: on save, fix only the problems shown, with their preferred (safe) quick fixes
        const shown = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'wikitext' || d.source === 'wikitext-lint');
        const whole = new vscode.Range(0, 0, document.lineCount, 0);
        const actions = (await next(document, whole, { ...context, only: vscode.CodeActionKind.QuickFix, diagnostics: shown }, token)) ?? [];
        const edit = new vscode.WorkspaceEdit();
        let n = 0;
        for (const a of actions) {
          if (!(a instanceof vscode.CodeAction) || !a.isPreferred || !a.edit) continue;
          for (const [uri, edits] of a.edit.entries()) for (const e of edits) edit.replace(uri, e.range, e.newText);
          n++;
        }
        if (!n) return [];
        const fixAll = new vscode.CodeAction('Fix the problems shown', vscode.CodeActionKind.SourceFixAll.append('wikitext'));
        fixAll.edit = edit;
        return [fixAll];
      },
    },
    // .wikitext-lint.json changes reach the server as workspace/didChangeWatchedFiles (it re-lints open documents)
    synchronize: { configurationSection: 'wikitext', fileEvents: vscode.workspace.createFileSystemWatcher('**/.wikitext-lint.json') },
    // In Restricted Mode the server does not read the workspace's .wikitext-lint.json (see package.json untrustedWorkspaces)
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted, watchesConfigFiles: true },
    outputChannelName: 'Wikitext Language Server',
  };
  registerWiki(context); // wiki pages: open, preview, publish (client/src/wiki)
  client = new LanguageClient('wikitext', 'Wikitext Language Server', serverOptions, clientOptions);

  // The server's state in the status bar (click: its output), and a "Show output" command, as vscode-eslint has them.
  const status = vscode.window.createStatusBarItem('wikitext.status', vscode.StatusBarAlignment.Right, 0);
  status.name = 'Wikitext language server';
  status.command = 'wikitext.showOutput';
  const showState = (state: State) => {
    status.text = state === State.Running ? '$(check) Wikitext' : state === State.Starting ? '$(sync~spin) Wikitext' : '$(error) Wikitext';
    status.tooltip = `Wikitext language server: ${state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped'}${validation.enable ? '' : ' (linting disabled by wikitext.enable)'}`;
  };
  showState(State.Starting);
  context.subscriptions.push(
    status,
    client.onDidChangeState((e) => showState(e.newState)),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e && vscode.languages.match({ language: 'wikitext' }, e.document)) status.show();
    }),
    vscode.commands.registerCommand('wikitext.showOutput', () => client?.outputChannel.show(true)),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      // with run: onSave, the saved text's diagnostics are shown now
      const held = heldDiagnostics.get(doc.uri.toString());
      if (held && validation.run === 'onSave' && validates(doc.uri)) client?.diagnostics?.set(doc.uri, held);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('wikitext')) return;
      const before = validation;
      validation = readValidationSettings((k) => vscode.workspace.getConfiguration('wikitext').get(k));
      if (e.affectsConfiguration('wikitext.validate') && JSON.stringify(before.validate) !== JSON.stringify(validation.validate)) await client?.restart();
    }),
  );
  if (vscode.window.activeTextEditor?.document.languageId === 'wikitext') status.show();

  // Fix All, Restart Language Server, Show Syntax Tree: the same as the web client's (client/src/commands.ts)
  registerCommands(context, () => client, async () => {
    await client?.restart();
  });
  registerLinkCommands(context, () => client);
  // Trust granted: restart so the server reads the workspace's configuration file.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
  await client.start();
}

/** Stops the language client (and so the server). */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

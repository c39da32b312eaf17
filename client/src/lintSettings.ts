/**
 * `wikitext.enable`, `wikitext.validate`, `wikitext.run` and `wikitext.codeActionsOnSave.mode` in the language
 * client, the status bar item and the Show Output command, as vscode-eslint has them. The same in the desktop
 * (extension.ts) and the web client (browserExtension.ts); the decisions without `vscode` are in validation.ts.
 *
 * VS Code pulls diagnostics (LSP 3.17 `textDocument/diagnostic`), so the settings act on the pull: a document not
 * validated gets an empty report, `run: onSave` pulls on save instead of on change and, while the document is
 * dirty, keeps the report of its saved text.
 */
import * as vscode from 'vscode';
import {
  BaseLanguageClient, DiagnosticPullMode, DocumentDiagnosticRequest, DocumentSelector, LanguageClientOptions, State, vsdiag,
} from 'vscode-languageclient';
import { isPattern, readValidationSettings, shouldValidate, showDiagnosticsNow, ValidationSettings } from './validation';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('wikitext');

/** The settings now (read at each use: a change applies without a restart, except new `validate` patterns). */
export function currentValidation(scope?: vscode.Uri): ValidationSettings {
  const config = vscode.workspace.getConfiguration('wikitext', scope);
  return readValidationSettings((k) => config.get(k));
}

function languageOf(uri: vscode.Uri): string {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId ?? 'wikitext';
}

/** Whether the document at `uri` is linted (enabled, and its language or path matches `validate`). */
export function validates(uri: vscode.Uri, languageId = languageOf(uri)): boolean {
  return shouldValidate(currentValidation(uri), languageId, uri.scheme === 'file' ? uri.fsPath : uri.path);
}

/** The client's document selector: `base`, plus the other languages and file patterns of `wikitext.validate`. */
export function documentSelector(base: DocumentSelector): DocumentSelector {
  const extra = currentValidation().validate.filter((v) => v !== 'wikitext');
  return [...base, ...extra.map((v) => (isPattern(v) ? { pattern: v } : { language: v }))];
}

/** Ranges of two edits overlap (touching is fine). */
const overlaps = (a: vscode.Range, b: vscode.Range) => a.start.isBefore(b.end) && b.start.isBefore(a.end);

/**
 * `codeActionsOnSave.mode: problems`: the problems shown (by rule and message; a problem typed since the last
 * pull under `run: onSave` is not shown, so not fixed) are matched to the server's diagnostics of the current
 * text, and their preferred (safe) quick fixes applied once, skipping overlapping edits. `all` is the server's
 * fix-all: every safe fix, the page linted again until stable.
 */
async function fixShownProblems(client: BaseLanguageClient, document: vscode.TextDocument, token: vscode.CancellationToken,
  quickFixes: (diagnostics: vscode.Diagnostic[]) => Promise<(vscode.Command | vscode.CodeAction)[] | null | undefined>): Promise<vscode.CodeAction[]> {
  const shown = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'wikitext-lint');
  if (!shown.length) return [];
  const key = (d: vscode.Diagnostic) => `${typeof d.code === 'object' ? d.code.value : d.code}\u0000${d.message}`;
  const wanted = new Map<string, number>();
  for (const d of shown) wanted.set(key(d), (wanted.get(key(d)) ?? 0) + 1);
  // the server's diagnostics of this version (the shown ones may be of an earlier one: their fixes are refused)
  let current: vscode.Diagnostic[];
  try {
    const report = await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } }, token);
    current = report.kind === 'full' ? await client.protocol2CodeConverter.asDiagnostics(report.items) : shown;
  } catch {
    return []; // the server is not running (or the save was cancelled): the file is saved as it is
  }
  const chosen = current.filter((d) => {
    const n = wanted.get(key(d)) ?? 0;
    if (!n) return false;
    wanted.set(key(d), n - 1);
    return true;
  });
  const actions = chosen.length ? ((await quickFixes(chosen)) ?? []) : [];
  const edit = new vscode.WorkspaceEdit();
  const taken: vscode.Range[] = [];
  let n = 0;
  for (const a of actions) {
    if (!(a instanceof vscode.CodeAction) || !a.isPreferred || !a.edit) continue;
    const edits = a.edit.entries().flatMap(([uri, es]) => (uri.toString() === document.uri.toString() ? es : []));
    if (!edits.length || edits.some((e) => taken.some((r) => overlaps(r, e.range)))) continue;
    for (const e of edits) { edit.replace(document.uri, e.range, e.newText); taken.push(e.range); }
    n++;
  }
  if (!n) return [];
  const fixAll = new vscode.CodeAction(`Fix the problems shown (${n})`, FIX_ALL_KIND);
  fixAll.edit = edit;
  return [fixAll];
}

/** Per document: the last diagnostics of its saved text (shown while it is dirty under `run: onSave`). */
const saved = new Map<string, vscode.Diagnostic[]>();
let forgetOnClose: vscode.Disposable | undefined;

/**
 * The client options that carry the settings: diagnostics (pull and push) filtered by `enable`/`validate` and
 * held by `run: onSave`; code actions off where not validated, and the on-save fix-all of `problems` mode.
 */
export function validationOptions(getClient: () => BaseLanguageClient | undefined): Pick<LanguageClientOptions, 'middleware' | 'diagnosticPullOptions'> {
  forgetOnClose ??= vscode.workspace.onDidCloseTextDocument((d) => saved.delete(d.uri.toString()));
  const docOf = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return {
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // true = do not pull: on typing under onSave, on saving under onType (the change already pulled)
      filter: (document, mode) => {
        const run = currentValidation(document.uri).run;
        return (mode === DiagnosticPullMode.onType && run === 'onSave') || (mode === DiagnosticPullMode.onSave && run === 'onType');
      },
    },
    middleware: {
      async provideDiagnostics(document, previousResultId, token, next) {
        const uri = document instanceof vscode.Uri ? document : document.uri;
        const doc = document instanceof vscode.Uri ? docOf(uri) : document;
        const s = currentValidation(uri);
        const empty: vsdiag.FullDocumentDiagnosticReport = { kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] };
        if (!validates(uri, doc?.languageId)) return empty;
        if (!showDiagnosticsNow(s, doc?.isDirty ?? false)) return { kind: vsdiag.DocumentDiagnosticReportKind.full, items: saved.get(uri.toString()) ?? [] };
        const report = await next(document, previousResultId, token);
        if (report?.kind === vsdiag.DocumentDiagnosticReportKind.full && !(doc?.isDirty ?? false)) saved.set(uri.toString(), report.items);
        return report;
      },
      handleDiagnostics(uri, diagnostics, next) {
        // servers that push (not VS Code's own, which pulls): the same decisions
        const doc = docOf(uri);
        if (!validates(uri, doc?.languageId)) return next(uri, []);
        if (!doc?.isDirty) saved.set(uri.toString(), diagnostics);
        next(uri, showDiagnosticsNow(currentValidation(uri), doc?.isDirty ?? false) ? diagnostics : (saved.get(uri.toString()) ?? []));
      },
      async provideCodeActions(document, range, context, token, next) {
        if (!validates(document.uri, document.languageId)) return [];
        const onSave = context.triggerKind === vscode.CodeActionTriggerKind.Automatic && !!context.only?.contains(FIX_ALL_KIND);
        const client = getClient();
        if (!onSave || !client || currentValidation(document.uri).codeActionsOnSaveMode === 'all') return next(document, range, context, token);
        const whole = new vscode.Range(0, 0, document.lineCount, 0);
        return fixShownProblems(client, document, token, (diagnostics) =>
          Promise.resolve(next(document, whole, { ...context, only: vscode.CodeActionKind.QuickFix, diagnostics }, token)));
      },
    },
  };
}

export const OUTPUT_CHANNEL_NAME = 'Wikitext Language Server';

/**
 * The status bar item (the server's state; a click shows its output), the Show Output command, and the reactions
 * to settings changes: `validate` changes the document selector, so the client is restarted; any other change
 * reaches the server (`synchronize.configurationSection`), which asks for the diagnostics again.
 * Returns `attach(client)`, to call with each new client (the web client makes a new one on restart).
 */
export function registerStatusAndSettings(context: vscode.ExtensionContext, getClient: () => BaseLanguageClient | undefined,
  restart: () => Promise<void>): (client: BaseLanguageClient) => void {
  const status = vscode.window.createStatusBarItem('wikitext.status', vscode.StatusBarAlignment.Right, 0);
  status.name = 'Wikitext Language Server';
  status.command = { command: 'wikitext.showOutput', title: 'Show Output' };
  let state: State = State.Starting;
  const show = () => {
    const word = state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
    status.text = `${state === State.Running ? '$(check)' : state === State.Starting ? '$(sync~spin)' : '$(error)'} Wikitext`;
    status.tooltip = `Wikitext language server: ${word}${currentValidation().enable ? '' : ' (linting off: wikitext.enable)'}. Click to show its output.`;
    status.accessibilityInformation = { label: `Wikitext language server ${word}` };
  };
  const showFor = (editor: vscode.TextEditor | undefined) => {
    if (editor && (editor.document.languageId === 'wikitext' || validates(editor.document.uri, editor.document.languageId))) status.show();
  };
  show();
  let validateBefore = JSON.stringify(currentValidation().validate);
  context.subscriptions.push(
    status,
    vscode.window.onDidChangeActiveTextEditor(showFor),
    vscode.commands.registerCommand('wikitext.showOutput', () => getClient()?.outputChannel.show(true)),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      // run: onSave: the saved text's problems now. The client pulls on save only from servers that ask for
      // didSave, so ask for the diagnostics again (the middleware keeps those of dirty documents as they are).
      if (currentValidation(doc.uri).run !== 'onSave' || !validates(doc.uri, doc.languageId)) return;
      getClient()?.getFeature(DocumentDiagnosticRequest.method)?.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('wikitext')) return;
      show();
      const validate = JSON.stringify(currentValidation().validate);
      if (validate !== validateBefore) {
        validateBefore = validate;
        await restart();
      }
    }),
  );
  showFor(vscode.window.activeTextEditor);
  return (client) => {
    state = client.state;
    show();
    context.subscriptions.push(client.onDidChangeState((e) => { state = e.newState; show(); }));
  };
}

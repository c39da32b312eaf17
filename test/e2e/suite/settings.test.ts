/// <reference types="mocha" />
/**
 * The client's settings inside a real VS Code (issue 16, "In VS Code, the same habits"), as vscode-eslint has
 * them: `wikitext.enable`, `wikitext.run`, `wikitext.codeActionsOnSave.mode` with `editor.codeActionsOnSave`,
 * `wikitext.validate` with a file pattern, and the Show Output command. Each test writes its own files into the
 * workspace folder (a temporary folder the runner made), changes user settings as a user would, and puts them
 * back afterwards. What a test waits for is polled; "not updated" is checked over a window of a few seconds
 * and then the update is shown to come (after the save), so a slow machine cannot make it pass wrongly.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const RULE = 'cite-deprecated-dead-url';
/** One citation with a removed parameter: one error, with a safe fix (the parameter is dropped). */
const cite = (n: number) => `Claim ${n}.<ref>{{cite web |url=https://example.org/${n} |title=T${n} |access-date=2020-01-02 |deadurl=no}}</ref>\n`;
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
/** The wikitext-lint diagnostics of a document. */
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'wikitext-lint');
const count = (uri: vscode.Uri) => ours(uri).filter((d) => codeOf(d) === RULE).length;

/** Waits until the document shows exactly `n` problems of RULE. */
function waitCount(uri: vscode.Uri, n: number, timeoutMs = 30_000): Promise<true> {
  return waitFor(`${n} ${RULE} problem(s) on ${path.basename(uri.fsPath)}`, () => (count(uri) === n ? true : undefined), timeoutMs,
    () => `${count(uri)}: ${ours(uri).map((d) => codeOf(d)).join(', ')}`);
}
/** Asserts the count stays `n` over `ms` (the update must not come). */
async function staysAt(uri: vscode.Uri, n: number, ms: number, why: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    assert.equal(count(uri), n, why);
    await sleep(100);
  }
}

/** The folder the files go into: the workspace folder (a temp dir of the runner), else a new temp dir. */
function folder(): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (root?.scheme === 'file') return root.fsPath;
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wikitext-settings-'));
}
const written: string[] = [];
async function openFile(name: string, text: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const file = path.join(folder(), name);
  fs.writeFileSync(file, text);
  written.push(file);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(doc, { preview: false }); // a tab of its own: pulled diagnostics are for open tabs
  return { doc, editor };
}
/** Types text at the end of the document, as an edit (the document becomes dirty). */
async function append(editor: vscode.TextEditor, text: string): Promise<void> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  assert.ok(await editor.edit((b) => b.insert(end, text)), 'the edit applies');
}
/** Saves the active editor as Ctrl+S does (an explicit save: save participants such as codeActionsOnSave run). */
async function saveActive(doc: vscode.TextDocument): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.save');
  await waitFor('the save', () => (doc.isDirty ? undefined : true), 30_000);
}

const changed = new Set<string>();
async function set(key: string, value: unknown): Promise<void> {
  changed.add(key);
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
}

describe('settings as vscode-eslint has them (wikitext.enable, run, codeActionsOnSave.mode, validate)', function () {
  this.timeout(120_000);

  before(async () => {
    // VS Code in a browser (code-server) saves after a delay by default: a save would end "unsaved" states
    await vscode.workspace.getConfiguration().update('files.autoSave', 'off', vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    for (const key of changed) await vscode.workspace.getConfiguration().update(key, undefined, vscode.ConfigurationTarget.Global);
    changed.clear();
    await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await vscode.workspace.getConfiguration().update('files.autoSave', undefined, vscode.ConfigurationTarget.Global);
    for (const f of written) fs.rmSync(f, { force: true });
  });

  it('wikitext.enable: false removes the problems; true brings them back', async () => {
    const { doc } = await openFile('settings-enable.wiki', cite(1) + cite(2));
    await waitCount(doc.uri, 2);
    await set('wikitext.enable', false);
    await waitCount(doc.uri, 0);
    assert.equal(ours(doc.uri).length, 0, 'no wikitext problem at all while disabled');
    // the language features stay: a hover still answers
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 14));
    assert.ok((hovers ?? []).length > 0, 'hover still works with linting off');
    // no quick fixes either
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 1, 0), vscode.CodeActionKind.QuickFix.value);
    assert.equal((actions ?? []).filter((a) => /deadurl|dead-url|Disable cite/.test(a.title)).length, 0, (actions ?? []).map((a) => a.title).join(' | '));
    await set('wikitext.enable', true);
    await waitCount(doc.uri, 2);
  });

  it('wikitext.run: onSave — typing a new error does not update the problems until the file is saved', async () => {
    await set('wikitext.run', 'onSave');
    const { doc, editor } = await openFile('settings-run.wiki', cite(1));
    await waitCount(doc.uri, 1);
    await append(editor, cite(2));
    assert.ok(doc.isDirty);
    await staysAt(doc.uri, 1, 3000, 'with run: onSave the typed error is not reported before the save');
    await saveActive(doc);
    await waitCount(doc.uri, 2);
    // back to onType: the next typed error is reported without a save
    await set('wikitext.run', 'onType');
    await append(editor, cite(3));
    await waitCount(doc.uri, 3);
    assert.ok(doc.isDirty, 'reported while unsaved');
  });

  it('codeActionsOnSave.mode: problems fixes only the problems shown; all fixes everything fixable', async () => {
    await set('editor.codeActionsOnSave', { 'source.fixAll.wikitext': 'explicit' });
    // run: onSave, so the error typed before saving is not shown when the save fixes things
    await set('wikitext.run', 'onSave');

    await set('wikitext.codeActionsOnSave.mode', 'problems');
    const p = await openFile('settings-save-problems.wiki', cite(1));
    await waitCount(p.doc.uri, 1);
    await append(p.editor, cite(2));
    await saveActive(p.doc);
    const problemsText = p.doc.getText();
    assert.doesNotMatch(problemsText.split('\n')[0], /deadurl/, `the shown problem is fixed on save:\n${problemsText}`);
    assert.match(problemsText.split('\n')[1], /\|deadurl=no/, `the problem typed since (not shown) is left:\n${problemsText}`);
    assert.equal(fs.readFileSync(p.doc.uri.fsPath, 'utf8'), problemsText, 'the fixed text is what was saved');
    await waitCount(p.doc.uri, 1); // the one left, reported after the save
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await set('wikitext.codeActionsOnSave.mode', 'all');
    const a = await openFile('settings-save-all.wiki', cite(1));
    await waitCount(a.doc.uri, 1);
    await append(a.editor, cite(2));
    await saveActive(a.doc);
    const allText = a.doc.getText();
    assert.doesNotMatch(allText, /deadurl/, `everything fixable is fixed on save:\n${allText}`);
    assert.equal((allText.match(/access-date=2020-01-02/g) ?? []).length, 2, 'nothing else is removed');
    assert.equal(fs.readFileSync(a.doc.uri.fsPath, 'utf8'), allText, 'the fixed text is what was saved');
    await waitCount(a.doc.uri, 0);
  });

  it('codeActionsOnSave.mode: problems leaves suggestions (an unchecked access-date) alone', async () => {
    await set('editor.codeActionsOnSave', { 'source.fixAll.wikitext': 'explicit' });
    await set('wikitext.codeActionsOnSave.mode', 'problems');
    const text = 'Claim.<ref>{{cite web |url=https://example.org/x |title=X}}</ref>\n' + cite(1);
    const { doc, editor } = await openFile('settings-save-suggestion.wiki', text);
    await waitFor('both problems', () => (ours(doc.uri).some((d) => codeOf(d) === 'cite-missing-access-date') && count(doc.uri) === 1 ? true : undefined));
    await append(editor, ' ');
    await saveActive(doc);
    assert.doesNotMatch(doc.getText(), /deadurl/, 'the safe fix is applied');
    assert.equal(doc.getText().split('\n')[0], text.split('\n')[0], 'no access-date was inserted: the first citation is unchanged');
  });

  it('wikitext.validate with a file pattern: **/*.txt is linted, other files are not', async () => {
    const md = await openFile('settings-article.md', cite(1));
    const txt = await openFile('settings-article.txt', cite(1));
    await sleep(1500);
    assert.equal(ours(txt.doc.uri).length, 0, 'a .txt file is not linted by default');
    await set('wikitext.validate', ['wikitext', '**/*.txt']);
    await waitCount(txt.doc.uri, 1, 60_000); // the client restarts with the new selector
    assert.equal(ours(md.doc.uri).length, 0, 'the .md file is not linted');
    const wiki = await openFile('settings-article.wiki', cite(1) + cite(2));
    await waitCount(wiki.doc.uri, 2); // wikitext documents still are
    await set('wikitext.validate', undefined);
    await waitCount(txt.doc.uri, 0, 60_000);
  });

  it('Show Output opens the language server\'s output channel', async () => {
    await vscode.commands.executeCommand('wikitext.showOutput');
    // the output view shows a channel: its document is open as an output: URI
    const out = await waitFor('the output channel document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /Wikitext/i.test(d.uri.path + d.uri.fragment + d.uri.query)) ?? undefined, 10_000,
      () => vscode.workspace.textDocuments.map((d) => d.uri.toString()).join(', '));
    assert.ok(out, 'an output document of the Wikitext Language Server channel');
  });
});

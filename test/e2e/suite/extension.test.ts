/// <reference types="mocha" />
/**
 * Tests that run inside a real VS Code extension host, against the built extension (dist/client.js starts
 * dist/server.js). They go through VS Code's own command API (`vscode.execute*Provider`), so they exercise
 * the whole path: document sync, the language client, the server and VS Code's conversion of the results.
 * The seed article is copied to a temporary folder first, so the fixture is never modified.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

const EXTENSION_ID = 'wikitext-tools.wikitext-lint';
const SEED_NAME = 'Kazakhstan__Government_and_politics.wiki';
// Compiled to out/e2e/suite/extension.test.js: the repository root is three folders up.
const REPO = path.resolve(__dirname, '..', '..', '..');
const SEED_FIXTURE = path.join(REPO, 'test', 'fixtures', 'corpus', SEED_NAME);

const codeOf = (d: vscode.Diagnostic): string | number | undefined => (typeof d.code === 'object' ? d.code.value : d.code);

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** A temporary copy of the seed: the workspace folder's copy if the runner made one, else a fresh one. */
function seedCopy(): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (root?.scheme === 'file') {
    const inWorkspace = path.join(root.fsPath, SEED_NAME);
    if (fs.existsSync(inWorkspace) && path.resolve(inWorkspace) !== path.resolve(SEED_FIXTURE)) return vscode.Uri.file(inWorkspace);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wikitext-e2e-'));
  const file = path.join(dir, SEED_NAME);
  fs.copyFileSync(SEED_FIXTURE, file);
  return vscode.Uri.file(file);
}

async function openWikitext(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'wikitext', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('wikitext extension in VS Code', function () {
  this.timeout(90_000);
  let seed: vscode.Uri;
  let seedDoc: vscode.TextDocument;
  const fixtureBefore = fs.readFileSync(SEED_FIXTURE, 'utf8');

  before(async () => {
    seed = seedCopy();
    seedDoc = await vscode.workspace.openTextDocument(seed);
    await vscode.window.showTextDocument(seedDoc);
  });

  after(async () => {
    // Leave nothing dirty behind (hot exit would otherwise keep the edits of the quick-fix test).
    await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors').then(undefined, () => undefined);
    assert.equal(fs.readFileSync(SEED_FIXTURE, 'utf8'), fixtureBefore, 'the fixture must never be modified');
  });

  it('activates on a .wiki file', async () => {
    assert.equal(seedDoc.languageId, 'wikitext');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined), 30_000);
  });

  it('publishes the seed article\'s 24 diagnostics, 19 of them cite-missing-access-date', async () => {
    const diags = await waitFor(
      '24 diagnostics on the seed',
      () => { const d = vscode.languages.getDiagnostics(seed); return d.length >= 24 ? d : undefined; },
      60_000,
      () => `${vscode.languages.getDiagnostics(seed).length} diagnostics`,
    );
    assert.equal(diags.length, 24, diags.map((d) => codeOf(d)).join(', '));
    const counts = new Map<string, number>();
    for (const d of diags) counts.set(String(codeOf(d)), (counts.get(String(codeOf(d))) ?? 0) + 1);
    assert.equal(counts.get('cite-missing-access-date'), 19, JSON.stringify([...counts]));
    assert.equal(counts.get('cite-dead-link-archived'), 5, JSON.stringify([...counts]));
    for (const d of diags.filter((x) => codeOf(x) === 'cite-missing-access-date')) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(d.source, 'wikitext-lint');
    }
  });

  it('hover on a citation shows its preview with the title', async () => {
    const text = seedDoc.getText();
    const at = text.indexOf('{{Cite news|url=https://www.bbc.com/news/world-asia-47628854');
    assert.ok(at >= 0, 'the BBC citation is in the seed');
    const position = seedDoc.positionAt(at + 4); // inside "Cite news"
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seed, position);
    const md = hoverText(hovers);
    assert.ok(md.includes('Kazakh leader resigns after three decades'), `hover markdown: ${JSON.stringify(md.slice(0, 500))}`);
  });

  it('completion inside {{cite web| offers access-date', async () => {
    const content = '<ref>{{cite web|url=https://example.org/x|</ref>';
    const doc = await openWikitext(content);
    const position = doc.positionAt(content.lastIndexOf('|') + 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, '|');
    const labels = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('access-date'), `completion labels: ${labels.slice(0, 30).join(', ')}${labels.length > 30 ? ', ...' : ''}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('quick fix for a missing access-date adds the date', async () => {
    await vscode.window.showTextDocument(seedDoc);
    const diags = vscode.languages.getDiagnostics(seed).filter((d) => codeOf(d) === 'cite-missing-access-date');
    assert.ok(diags.length > 0, 'there is a cite-missing-access-date diagnostic');
    const diag = diags[0];
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', seed, diag.range, vscode.CodeActionKind.QuickFix.value,
    );
    const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    const fix = fixes.find((a) => /access-date/i.test(a.title)) ?? fixes.find((a) => a.diagnostics?.some((d) => codeOf(d) === 'cite-missing-access-date'));
    assert.ok(fix?.edit, `a quick fix for cite-missing-access-date; got: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    const before = seedDoc.getText();
    const count = (s: string) => s.split('access-date=').length - 1;
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    const after = seedDoc.getText();
    assert.equal(count(after), count(before) + 1, 'exactly one access-date= added');
    // The citation the diagnostic was on now has the parameter, with a date in it.
    const start = seedDoc.offsetAt(diag.range.start);
    const template = after.slice(start, after.indexOf('}}', start) + 2);
    assert.match(template, /\|\s*access-date\s*=\s*[^|}\s][^|}]*/, template);
    // And the server sees it: one warning fewer.
    await waitFor('23 diagnostics after the fix', () => (vscode.languages.getDiagnostics(seed).length === 23 ? true : undefined), 30_000,
      () => `${vscode.languages.getDiagnostics(seed).length} diagnostics`);
  });

  it('rename of a ref name updates its reuses', async () => {
    const content = '<ref name="a">x</ref> <ref name="a" />';
    const doc = await openWikitext(content);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, doc.positionAt(11), 'b');
    assert.ok(edit, 'a rename edit');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    assert.equal(doc.getText(), '<ref name="b">x</ref> <ref name="b" />');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Check Links (issue 15): a dead link on a local web is reported after the command, never before', async function () {
    this.timeout(60_000);
    const http = await import('node:http');
    // a local web and local stand-ins for the Wayback APIs: nothing leaves the machine
    const srv = http.createServer((req, res) => {
      const url = req.url ?? '/';
      const body = url.startsWith('/wayback') ? '{"archived_snapshots":{}}' : url.startsWith('/cdx') ? '[]' : '';
      res.writeHead(url === '/live' || body ? 200 : 404, { 'Content-Length': String(Buffer.byteLength(body)), 'Content-Type': body ? 'application/json' : 'text/html' });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as import('node:net').AddressInfo).port;
    const base = `http://127.0.0.1:${port}`;
    const config = vscode.workspace.getConfiguration('wikitext');
    await config.update('links', { waybackAvailabilityUrl: `${base}/wayback/available`, cdxUrl: `${base}/cdx/search/cdx`, timeoutMs: 5000 }, vscode.ConfigurationTarget.Global);
    try {
      const doc = await openWikitext(`A.<ref>{{cite web |url=${base}/gone |title=Gone |access-date=2020-01-02}}</ref> B.<ref>{{cite web |url=${base}/live |title=Live |access-date=2020-01-02}}</ref>\n`);
      await waitFor('first diagnostics', () => (vscode.languages.getDiagnostics(doc.uri).length >= 0 ? true : undefined));
      assert.equal(vscode.languages.getDiagnostics(doc.uri).filter((d) => String(codeOf(d)).startsWith('link-')).length, 0, 'no link diagnostics before Check Links');
      const r = await vscode.commands.executeCommand<{ total: number; counts: Record<string, number> }>('wikitext.checkLinks');
      assert.ok(r, 'the command returns its summary');
      assert.equal(r.total, 2);
      assert.deepEqual(r.counts, { dead: 1, alive: 1 });
      const dead = await waitFor('a link-dead diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'link-dead'));
      assert.match(dead.message, /no archived copy found/);
    } finally {
      await config.update('links', undefined, vscode.ConfigurationTarget.Global);
      srv.close();
    }
  });
});

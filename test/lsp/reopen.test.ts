/**
 * A document closed and opened again under the same URI with other text, version 1 both times (VS Code reuses
 * `untitled:Untitled-1`): the real server must answer for the new text, whenever the old text's analysis was still
 * running. The server kept analyses by (URI, version) only, so an analysis of the old text finishing after the reopen
 * could be served for the new one: that is the likely cause of one e2e failure ("The element can't be renamed" for a
 * ref name in a new untitled document, right after a test that used another). Analyses are now kept per open document.
 * The closes and reopens here come at varied moments of the old analysis; this run did not catch the old code failing
 * (the timing of the e2e run could not be reproduced), so it guards the behaviour rather than proving the cause.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, type ServerHandle } from '../helpers/lspClient';

const SERVER = resolve(__dirname, '../../dist/server.js');
const skip = existsSync(SERVER) ? false : 'dist/server.js is not built (npm run build)';
let server: ServerHandle;
before(async () => { if (!skip) server = await startServer(SERVER, { pull: true }); });
after(async () => { await server?.stop(); });

type Diag = { code: string; message: string };

test('closed and opened again with other text at version 1: diagnostics and rename are the new text\'s', { skip, timeout: 60_000 }, async () => {
  const c = server.connection;
  const uri = 'untitled:Untitled-1';
  // the old text: a citation without a title, long enough that its analysis is still running when it is closed
  const old = '<ref>{{cite web |url=https://example.org/a}}</ref>\n'.repeat(20_000) + '<references />\n';
  const fresh = '<ref name="a">x</ref> <ref name="a" />\n<references />\n';
  for (let round = 0; round < 8; round++) {
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: old } });
    const pending = c.sendRequest('textDocument/diagnostic', { textDocument: { uri } }).catch(() => undefined);
    // let its analysis start (the parse of ~1 MB), then close and open again while it runs
    await new Promise((r) => setTimeout(r, round * 8));
    await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: fresh } });
    const report = (await c.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
    assert.deepEqual(report.items.filter((d) => d.code === 'cite-missing-title'), [], `round ${round}: the old text's problems`);
    const range = await c.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: { line: 0, character: 11 } });
    assert.deepEqual(range, { range: { start: { line: 0, character: 11 }, end: { line: 0, character: 12 } }, placeholder: 'a' }, `round ${round}`);
    await pending;
    await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
});

/**
 * Runs in a headless Chromium page (bundled by test/editors/browser.test.ts): starts the web-worker server
 * bundle (dist/browserServer.js) in a real Worker and drives it with the LSP protocol library VS Code's
 * language client uses (vscode-languageserver-protocol/browser), with a VS Code-like client's capabilities
 * (workspace/configuration, pull diagnostics) and the web client's answer to `wikitext/findConfig`.
 */
import { BrowserMessageReader, BrowserMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/browser';

interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

declare const Worker: new (url: string) => ConstructorParameters<typeof BrowserMessageReader>[0];

/** Configuration files the "workspace" holds, by URI (what the web client would read through workspace.fs). */
const files = new Map<string, string>();

async function run(seed: string, configText: string) {
  const worker = new Worker('/browserServer.js');
  const log: string[] = [];
  const conn = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  const configRequests: string[] = [];
  conn.onRequest('wikitext/findConfig', (p: { uri: string }) => {
    configRequests.push(p.uri);
    const dir = p.uri.slice(0, p.uri.lastIndexOf('/'));
    const uri = `${dir}/.wikitext-lint.json`;
    return files.has(uri) ? { uri, text: files.get(uri) } : null;
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {}, dateFormat: 'auto', linkBaseUrl: 'https://en.wikipedia.org/wiki/' })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', (m: { message: string }) => { log.push(m.message); });
  conn.onNotification('window/showMessage', (m: { message: string }) => { log.push(m.message); });
  conn.listen();
  const init = await conn.sendRequest('initialize', {
    processId: null,
    rootUri: 'vscode-vfs://github/wikitext-tools/articles',
    workspaceFolders: [{ uri: 'vscode-vfs://github/wikitext-tools/articles', name: 'articles' }],
    capabilities: {
      workspace: { configuration: true },
      textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown'] } },
    },
  }) as { capabilities: Record<string, unknown>; serverInfo: { name: string; version: string } };
  conn.sendNotification('initialized', {});

  // 1. the seed in a virtual workspace (github.dev's scheme), no configuration file
  const uri = 'vscode-vfs://github/wikitext-tools/articles/Kazakhstan.wiki';
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text: seed } });
  const report = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { items: { code: string; range: Range }[] };
  const codes: Record<string, number> = {};
  for (const d of report.items) codes[d.code] = (codes[d.code] ?? 0) + 1;
  const firstCite = seed.indexOf('{{cite web') + 4;
  const hover = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: firstCite } }) as { contents: { value: string } } | null;

  // 2. a document whose folder holds a .wikitext-lint.json (read through the client, as workspace.fs does)
  files.set('vscode-vfs://github/wikitext-tools/articles/sub/.wikitext-lint.json', configText);
  const uri2 = 'vscode-vfs://github/wikitext-tools/articles/sub/Kazakhstan.wiki';
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri2, languageId: 'wikitext', version: 1, text: seed } });
  const report2 = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri2 } }) as { items: { code: string }[] };

  await conn.sendRequest('shutdown');
  return {
    serverInfo: init.serverInfo,
    positionEncoding: init.capabilities.positionEncoding,
    count: report.items.length,
    codes,
    first: report.items.map((d) => d.range.start.character).sort((a, b) => a - b)[0],
    hover: hover?.contents.value ?? null,
    withConfig: report2.items.length,
    withConfigCodes: [...new Set(report2.items.map((d) => d.code))],
    configRequests,
    log,
  };
}

(globalThis as { runWikitextTest?: typeof run }).runWikitextTest = run;

/**
 * The language server: a thin adapter from LSP to the pure core. It keeps one analysis per document
 * version (parsed once, shared by every request), reads settings per document, guards every handler so
 * that no bug takes the server down, and writes nothing but protocol messages to stdout.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DocumentDiagnosticReportKind,
  CodeActionKind,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  StreamMessageReader,
  SocketMessageReader,
  SocketMessageWriter,
  DidChangeWatchedFilesNotification,
  StreamMessageWriter,
  type MessageReader,
  type DataCallback,
  type Message,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type CancellationToken,
} from 'vscode-languageserver/node';
import * as net from 'node:net';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceSettings, SettingsStore } from './serverSettings';
import { analyseInSteps, Analysis } from './core/analysis';
import { codeActions, FIX_ALL_KIND, toLspDiagnostic } from './core/features/codeActions';
import { ruleDocsUrl } from './cli/format';
import { features } from './core/features';
import type { LintOptions } from './core/lint/lint';
import { parseTreeText } from './core/features/syntaxTree';

/** Starts the server on the connection given by the command line (`--stdio`, `--node-ipc`, `--socket=PORT`). */
export function startServer(connection: Connection = createDefaultConnection()): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const cache = new Map<string, { version: number; settingsVersion: number; analysis: Analysis }>();
  let pullDiagnostics = false;
  let hasConfigurationCapability = false;
  let registerConfigWatcher = false;
  const pushTimers = new Map<string, NodeJS.Timeout>();
  const inflight = new Map<string, { version: number; settingsVersion: number; promise: Promise<Analysis> }>();

  /** Runs a handler; an exception is logged and answered as an error, never fatal. */
  function guard<P extends unknown[], R>(name: string, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P) => {
      try {
        return await fn(...args);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
  }

  async function lintOptionsFor(uri: string): Promise<{ options: LintOptions; settings: WorkspaceSettings; version: number }> {
    const s = await settings.get(uri, hasConfigurationCapability);
    return { options: s.lintOptions, settings: s, version: s.version };
  }

  /**
   * The analysis of the document's current version (computed at most once per version and settings).
   * A new version is parsed incrementally from the previous one, whose tree that consumes: every handler
   * therefore uses the analysis it gets synchronously, with no await in between (settings are read first).
   */
  async function analysisOf(uri: string, token?: CancellationToken): Promise<Analysis | null> {
    const doc = documents.get(uri);
    if (!doc) return null;
    const { options, version: sv } = await lintOptionsFor(uri);
    const cached = cache.get(uri);
    if (cached && cached.version === doc.version && cached.settingsVersion === sv) return cached.analysis;
    if (token) {
      // Let pending messages ($/cancelRequest, newer edits) in before the expensive part; stop if cancelled.
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
      const again = cache.get(uri);
      const now = documents.get(uri);
      if (again && now && again.version === now.version && again.settingsVersion === sv) return again.analysis;
    }
    const current = documents.get(uri);
    if (!current) return null;
    // An analysis of this version already under way (it pauses between parse and rules): share it.
    const running = inflight.get(uri);
    if (running && running.version === current.version && running.settingsVersion === sv) return running.promise;
    const previous = cache.get(uri)?.analysis;
    // the previous tree is consumed by the incremental parse: forget it first, whatever happens next
    cache.delete(uri);
    const version = current.version;
    const promise = (async () => {
      // Between the parse and the rules, other requests (another document's hover) are answered.
      const analysis = await analyseInSteps(current.getText(), options, previous, () => new Promise((r) => setImmediate(r)));
      for (const e of analysis.ruleErrors) connection.console.error(`rule ${e.rule} failed on ${uri}: ${e.error}`);
      // a newer version may have been analysed meanwhile: never replace it with this older one
      const newer = cache.get(uri);
      if (!newer || newer.version < version || (newer.version === version && newer.settingsVersion !== sv)) cache.set(uri, { version, settingsVersion: sv, analysis });
      return analysis;
    })();
    inflight.set(uri, { version, settingsVersion: sv, promise });
    try {
      return await promise;
    } finally {
      if (inflight.get(uri)?.promise === promise) inflight.delete(uri);
    }
  }

  function requireDoc(a: Analysis | null, uri: string): Analysis {
    if (!a) throw new ResponseError(ErrorCodes.InvalidParams, `document not open: ${uri}`);
    return a;
  }

  function lspDiagnostics(a: Analysis, uri: string) {
    return a.diagnostics.map((d) => toLspDiagnostic(a.lines, d, uri, ruleDocsUrl));
  }

  async function pushDiagnostics(uri: string): Promise<void> {
    const a = await analysisOf(uri);
    if (!a) return;
    const doc = documents.get(uri);
    await connection.sendDiagnostics({ uri, version: doc?.version, diagnostics: lspDiagnostics(a, uri) });
  }

  function schedulePush(uri: string, delay: number): void {
    if (pullDiagnostics) return;
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(uri, setTimeout(() => {
      pushTimers.delete(uri);
      pushDiagnostics(uri).catch((e) => connection.console.error(`diagnostics failed: ${String(e)}`));
    }, delay));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    hasConfigurationCapability = !!caps.workspace?.configuration;
    settings.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri));
    const init = (params.initializationOptions ?? {}) as { workspaceTrusted?: unknown; watchesConfigFiles?: unknown };
    settings.setWorkspaceTrusted(init.workspaceTrusted !== false);
    registerConfigWatcher = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration && init.watchesConfigFiles !== true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['{', '|', '=', '<', '[', '"', ' '], resolveProvider: false },
        signatureHelpProvider: { triggerCharacters: ['|'], retriggerCharacters: ['='] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.RefactorRewrite, CodeActionKind.Source, FIX_ALL_KIND] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: features.semanticTokensLegend, full: true, range: true },
        executeCommandProvider: { commands: ['wikitext.syntaxTree'] },
      },
      serverInfo: { name: 'wikitext-lint', version: '0.1.0' },
    };
  });

  function relintAll(): void {
    settings.invalidate();
    if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const d of documents.all()) schedulePush(d.uri, 0);
  }

  connection.onDidChangeConfiguration(guard('didChangeConfiguration', relintAll));

  // A .wikitext-lint.json created, edited or deleted: read configuration again and re-lint the open documents.
  connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', (p) => {
    if (p.changes.some((c) => c.uri.endsWith('/.wikitext-lint.json') || c.uri.endsWith('%2F.wikitext-lint.json'))) relintAll();
  }));
  connection.onInitialized(() => {
    // clients that do not watch files themselves (other editors) are asked to
    if (registerConfigWatcher) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.wikitext-lint.json' }] }).catch(() => undefined);
    }
  });

  documents.onDidOpen((e) => schedulePush(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedulePush(e.document.uri, 150));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    settings.forget(e.document.uri);
    clearTimeout(pushTimers.get(e.document.uri));
    pushTimers.delete(e.document.uri);
    if (!pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }).catch(() => undefined);
  });

  connection.languages.diagnostics.on(guard('diagnostics', async (params, token: CancellationToken) => {
    const a = await analysisOf(params.textDocument.uri, token);
    if (!a || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: lspDiagnostics(a, params.textDocument.uri) };
  }));

  const offsetOf = (a: Analysis, pos: { line: number; character: number }) => a.lines.offset(pos.line, pos.character);

  connection.onHover(guard('hover', async (p, token) => {
    const s = await settings.get(p.textDocument.uri, hasConfigurationCapability);
    const a = await analysisOf(p.textDocument.uri, token);
    if (!a || token.isCancellationRequested) return null;
    return features.hover(a, offsetOf(a, p.position), { linkBase: s.linkBaseUrl });
  }));

  connection.onCompletion(guard('completion', async (p, token) => {
    const { options } = await lintOptionsFor(p.textDocument.uri);
    const a = await analysisOf(p.textDocument.uri, token);
    if (!a || token.isCancellationRequested) return null;
    return features.completion(a, offsetOf(a, p.position), options);
  }));

  connection.onSignatureHelp(guard('signatureHelp', async (p, token) => {
    const a = await analysisOf(p.textDocument.uri, token);
    if (!a || token.isCancellationRequested) return null;
    return features.signatureHelp(a, offsetOf(a, p.position));
  }));

  connection.onCodeAction(guard('codeAction', async (p, token) => {
    const { options } = await lintOptionsFor(p.textDocument.uri);
    const a = await analysisOf(p.textDocument.uri, token);
    if (!a || token.isCancellationRequested) return null;
    // The automatic lightbulb request (every cursor move) shows no source actions: skip the whole-file
    // fix-all there (a second of work on a large article); the Source Action menu and fix-on-save ask for it.
    const only = p.context.only ?? (p.context.triggerKind === 2 ? [CodeActionKind.QuickFix] : undefined);
    const actions = codeActions(a, { uri: p.textDocument.uri, range: p.range, diagnostics: p.context.diagnostics, only, lintOptions: options });
    const start = offsetOf(a, p.range.start), end = offsetOf(a, p.range.end);
    actions.push(...features.refactors(a, p.textDocument.uri, start, end, options, p.context.only));
    return actions;
  }));

  connection.onDefinition(guard('definition', async (p) => {
    const a = requireDoc(await analysisOf(p.textDocument.uri), p.textDocument.uri);
    return features.definition(a, offsetOf(a, p.position)).map((r) => ({ uri: p.textDocument.uri, range: r }));
  }));

  connection.onReferences(guard('references', async (p) => {
    const a = requireDoc(await analysisOf(p.textDocument.uri), p.textDocument.uri);
    return features.references(a, offsetOf(a, p.position), p.context.includeDeclaration).map((r) => ({ uri: p.textDocument.uri, range: r }));
  }));

  connection.onPrepareRename(guard('prepareRename', async (p) => {
    const a = requireDoc(await analysisOf(p.textDocument.uri), p.textDocument.uri);
    return features.prepareRename(a, offsetOf(a, p.position));
  }));

  connection.onRenameRequest(guard('rename', async (p) => {
    const a = requireDoc(await analysisOf(p.textDocument.uri), p.textDocument.uri);
    const result = features.rename(a, offsetOf(a, p.position), p.newName);
    if (typeof result === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, result);
    return { changes: { [p.textDocument.uri]: result } };
  }));

  connection.onDocumentHighlight(guard('documentHighlight', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? features.documentHighlights(a, offsetOf(a, p.position)) : null;
  }));

  connection.onDocumentSymbol(guard('documentSymbol', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? features.documentSymbols(a) : null;
  }));

  connection.onFoldingRanges(guard('foldingRanges', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? features.foldingRanges(a) : null;
  }));

  connection.onDocumentLinks(guard('documentLinks', async (p) => {
    const s = await settings.get(p.textDocument.uri, hasConfigurationCapability);
    const a = await analysisOf(p.textDocument.uri);
    if (!a) return null;
    return features.documentLinks(a, s.linkBaseUrl);
  }));

  connection.onSelectionRanges(guard('selectionRanges', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? features.selectionRanges(a, p.positions.map((pos) => offsetOf(a, pos))) : null;
  }));

  connection.languages.semanticTokens.on(guard('semanticTokens', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? features.semanticTokens(a) : { data: [] };
  }));
  connection.languages.semanticTokens.onRange(guard('semanticTokensRange', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? features.semanticTokens(a, { start: offsetOf(a, p.range.start), end: offsetOf(a, p.range.end) }) : { data: [] };
  }));

  connection.onExecuteCommand(guard('executeCommand', async (p) => {
    if (p.command === 'wikitext.syntaxTree') {
      const uri = String(p.arguments?.[0] ?? '');
      const a = requireDoc(await analysisOf(uri), uri);
      return parseTreeText(a);
    }
    throw new ResponseError(ErrorCodes.InvalidRequest, `unknown command ${p.command}`);
  }));

  // For the benchmark and memory tests: the heap in use after a full collection (when --expose-gc).
  connection.onRequest('wikitext/heapUsed', () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * The connection the command line asks for. Over stdio, requests whose `method` is missing or not a string
 * are answered with JSON-RPC's -32600 Invalid Request here: the protocol library would drop them unanswered.
 */
function createDefaultConnection(): Connection {
  const socket = socketArgument(process.argv.slice(2));
  if (socket !== undefined) return createSocketConnection(socket);
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new StreamMessageWriter(process.stdout);
  const inner = new StreamMessageReader(process.stdin);
  const reader: MessageReader = {
    onError: inner.onError,
    onClose: inner.onClose,
    onPartialMessage: inner.onPartialMessage,
    dispose: () => inner.dispose(),
    listen(callback: DataCallback) {
      return inner.listen((msg: Message) => {
        const m = msg as { id?: unknown; method?: unknown; result?: unknown; error?: unknown };
        const isResponse = 'result' in m || 'error' in m;
        if (!isResponse && m.id !== undefined && m.id !== null && typeof m.method !== 'string') {
          const id = typeof m.id === 'number' || typeof m.id === 'string' ? m.id : null;
          void writer.write({ jsonrpc: '2.0', id, error: { code: -32600, message: 'Invalid Request: "method" must be a string' } } as Message);
          return;
        }
        callback(msg);
      });
    },
  };
  // The client is gone when its end of stdin closes: exit rather than wait (what the library does for its own streams).
  const exitOnClose = () => process.exit(0);
  process.stdin.on('end', exitOnClose);
  process.stdin.on('close', exitOnClose);
  return createConnection(ProposedFeatures.all, reader, writer);
}

/**
 * `--socket=PORT` (or `--socket PORT`): the port number, undefined when the option is absent. A missing or
 * invalid value is a usage error (exit 2 with a message; the library threw an "uncaught exception" and exited 0).
 */
function socketArgument(args: string[]): number | undefined {
  const i = args.findIndex((a) => a === '--socket' || a.startsWith('--socket='));
  if (i < 0) return undefined;
  const value = args[i] === '--socket' ? args[i + 1] : args[i].slice('--socket='.length);
  const port = Number(value);
  if (!value || !/^\d+$/.test(value) || port < 1 || port > 65535) {
    process.stderr.write(`wikitext-lint server: --socket needs a port number from 1 to 65535 (--socket=PORT), got ${value ? JSON.stringify(value) : 'nothing'}\n`);
    process.exit(2);
  }
  return port;
}

/**
 * Connects to the client listening on 127.0.0.1:PORT (as vscode-languageserver does). If nothing listens,
 * says so and exits 2 (the library exited 0 silently); when the client closes the connection, exits 0.
 */
function createSocketConnection(port: number): Connection {
  const socket = net.createConnection({ port, host: '127.0.0.1' });
  let connected = false;
  socket.on('connect', () => (connected = true));
  socket.on('error', (e) => {
    if (connected) return;
    process.stderr.write(`wikitext-lint server: cannot connect to 127.0.0.1:${port} (${(e as NodeJS.ErrnoException).code ?? e.message}): start the client's socket first\n`);
    process.exit(2);
  });
  socket.on('close', () => {
    if (connected) process.exit(0);
  });
  return createConnection(ProposedFeatures.all, new SocketMessageReader(socket), new SocketMessageWriter(socket));
}

// Never let an unexpected error end the process: log it and keep serving.
process.on('uncaughtException', (e) => {
  process.stderr.write(`wikitext-lint server: uncaught exception: ${e instanceof Error ? e.stack : String(e)}\n`);
});
process.on('unhandledRejection', (e) => {
  process.stderr.write(`wikitext-lint server: unhandled rejection: ${e instanceof Error ? e.stack : String(e)}\n`);
});

if (require.main === module) startServer();

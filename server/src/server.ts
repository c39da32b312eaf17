/**
 * The language server: a thin adapter from LSP to the pure core. It keeps one analysis per document
 * version (parsed once, shared by every request), reads settings per document, guards every handler so
 * that no bug takes the server down, and writes nothing but protocol messages to stdout.
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  DocumentDiagnosticReportKind,
  CodeActionKind,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  DidChangeWatchedFilesNotification,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type CancellationToken,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceSettings, SettingsStore, type FileConfigLoader, type CitationProfileLoader } from './serverSettings';
import { VERSION } from './version';
import { analyseInSteps, Analysis } from './core/analysis';
import { codeActions, FIX_ALL_KIND, isFixAll, resolveFixAll } from './codeActions';
import {
  toLspDiagnostic, toLspEdit, toHover, toCompletionList, toSignatureHelp, toCodeAction, toLocations, toPrepareRename, toHighlights,
  toDocumentSymbols, toFoldingRanges, toDocumentLinks, toSelectionRanges, toSemanticTokens,
} from './toProto';
import { ruleDocsUrl } from './core/rules/meta';
import { features } from './core/features';
import type { LintOptions } from './core/lint/lint';
import { parseTreeText } from './core/features/syntaxTree';
import type { ProfileStore } from './wiki/profileStore';
import type { LinkService, LinkServiceDeps } from './links/lsp';
import type { SiteProfile } from './core/profile';
import { WIKI_PROFILE_NOTIFICATION } from './serverSettings';
import { skippedRulesEditorNote } from './wiki/autoProfile';
import { PROFILE_CHANGED_NOTIFICATION } from './webProfiles';

/** What the platform provides. Node (main.ts) reads `.wikitext-lint.json` from disk, loads site profiles and checks
 * links; the browser (browserServer.ts) asks the client for configuration files and has neither network adapter. */
export interface ServerHost {
  loadFileConfig?: FileConfigLoader;
  /** Forget configuration files read (they changed on disk). */
  clearFileConfigCache?: () => void;
  /** Site profiles loaded off the keystroke path (Node: server/src/wiki/profileStore.ts). */
  profiles?: (onLoaded: (site: string, profile: SiteProfile, note?: string) => void, onError: (site: string, message: string) => void) => ProfileStore;
  /** Reads citation profile files (Node: server/src/wiki/citationProfileCache.ts); absent in the browser. */
  loadCitationProfile?: CitationProfileLoader;
  /** True when a citation profile file read for the settings has changed since (Node: a stat of each); settings are then made again. */
  citationProfilesChanged?: () => boolean;
  /**
   * Builds and caches a site's citation profile, on the user's command (`wikitext.buildCitationProfile`; Node:
   * server/src/wiki/citationProfileBuilder.ts). Returns the cache file and a line for the user.
   */
  buildCitationProfile?: (site: string, refresh: boolean) => Promise<{ file: string; message: string; notes: string[] }>;
  /** Link checking and Fill Citation, on the user's command (Node: server/src/links/lsp.ts). */
  links?: (connection: Connection, deps: LinkServiceDeps) => LinkService;
}

/**
 * Serves LSP on a connection made by the platform's entry point (`main.ts` for Node: `--stdio`, `--node-ipc`,
 * `--socket=PORT`; `browserServer.ts` for a web worker). Nothing here needs Node.
 */
export function startServer(connection: Connection, host: ServerHost = {}): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection, host.loadFileConfig, host.clearFileConfigCache);
  settings.loadCitationProfile = host.loadCitationProfile;
  settings.citationProfilesChanged = host.citationProfilesChanged;
  // wikitext.site / "site": the site's profile is fetched in the background; documents are re-analysed when it arrives
  settings.profiles = host.profiles?.((site, _profile, note) => {
    if (note) connection.console.info(`wikitext: ${note}`);
    connection.console.info(`wikitext: site profile of ${site} loaded`);
    settings.invalidate();
    if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const d of documents.all()) schedulePush(d.uri, 0);
  }, (site, message) => {
    connection.console.warn(`wikitext: no site profile for ${site} (using the built-in English Wikipedia profile): ${message}`);
    connection.window.showWarningMessage(`wikitext: cannot load the site profile of ${site}: ${message}`);
  });
  // keyed by URI, valid for one open document (`doc`: a document closed and opened again under the same URI, as VS
  // Code's Untitled-1 is, starts again at version 1 and must not get the old text's analysis)
  const cache = new Map<string, { doc: TextDocument; version: number; settingsVersion: number; analysis: Analysis }>();
  let pullDiagnostics = false;
  /** The client fills in code actions' edits through codeAction/resolve (fix-all edits are computed only then). */
  let codeActionResolve = false;
  let hasConfigurationCapability = false;
  let registerConfigWatcher = false;
  /** Profile files the server read from disk, watched through the client (a change re-lints): by URI. */
  const watchedProfiles = new Set<string>();
  let registerProfileWatchers = false;
  settings.onProfileFile = (uri) => {
    if (!registerProfileWatchers || watchedProfiles.has(uri)) return;
    watchedProfiles.add(uri);
    const slash = uri.lastIndexOf('/');
    const watcher = { globPattern: { baseUri: uri.slice(0, slash), pattern: decodeURIComponent(uri.slice(slash + 1)) } };
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [watcher] }).catch(() => undefined);
  };
  const pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const inflight = new Map<string, { doc: TextDocument; version: number; settingsVersion: number; promise: Promise<Analysis> }>();

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
    return { options: links?.active ? { ...s.lintOptions, links: links.lookup } : s.lintOptions, settings: s, version: s.version };
  }

  // Link checking and Fill Citation (server/src/links/lsp.ts): only on the user's command
  const links = host.links?.(connection, {
    analysisOf: (uri) => analysisOf(uri),
    linkSettings: async (uri) => (await settings.get(uri, hasConfigurationCapability)).lintOptions.config?.links ?? {},
    refresh: (uri) => { cache.delete(uri); if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined); else schedulePush(uri, 0); },
    version: (uri) => documents.get(uri)?.version,
  });
  links?.register();

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
    if (cached && cached.doc === doc && cached.version === doc.version && cached.settingsVersion === sv) return cached.analysis;
    if (token) {
      // Let pending messages ($/cancelRequest, newer edits) in before the expensive part; stop if cancelled.
      await new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
      const again = cache.get(uri);
      const now = documents.get(uri);
      if (again && now && again.doc === now && again.version === now.version && again.settingsVersion === sv) return again.analysis;
    }
    const current = documents.get(uri);
    if (!current) return null;
    // An analysis of this version already under way (it pauses between parse and rules): share it.
    const running = inflight.get(uri);
    if (running && running.doc === current && running.version === current.version && running.settingsVersion === sv) return running.promise;
    const old = cache.get(uri);
    const previous = old?.doc === current ? old.analysis : undefined;
    // the previous tree is consumed by the incremental parse: forget it first, whatever happens next
    cache.delete(uri);
    const version = current.version;
    const promise = (async () => {
      // Between the parse and the rules, other requests (another document's hover) are answered.
      const analysis = await analyseInSteps(current.getText(), options, previous, () => new Promise((r) => (typeof setImmediate === 'function' ? setImmediate(r) : setTimeout(r, 0))));
      for (const e of analysis.ruleErrors) connection.console.error(`rule ${e.rule} failed on ${uri}: ${e.error}`);
      // a site set and no citation profile: say once which rules were skipped and how to get a profile (a shipped map: `auto`)
      if (analysis.skippedRules.length && analysis.skippedFor && !/\(guessed/.test(analysis.skippedFor)) settings.note(`wikitext: ${skippedRulesEditorNote(analysis.skippedFor, analysis.skippedRules.length, !!host.buildCitationProfile)}`);
      // a newer version may have been analysed meanwhile: never replace it with this older one
      // nor keep an analysis of a document closed meanwhile (the URI may be open again with other text)
      const newer = cache.get(uri);
      if (documents.get(uri) === current && (!newer || newer.doc !== current || newer.version < version || (newer.version === version && newer.settingsVersion !== sv))) {
        cache.set(uri, { doc: current, version, settingsVersion: sv, analysis });
      }
      return analysis;
    })();
    inflight.set(uri, { doc: current, version, settingsVersion: sv, promise });
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

  /** The document version an analysis was made for (the cache entry holding it). */
  function versionOf(uri: string, a: Analysis): number {
    const entry = cache.get(uri);
    return entry && entry.analysis === a ? entry.version : -1;
  }

  function lspDiagnostics(a: Analysis, uri: string) {
    const version = versionOf(uri, a);
    return a.diagnostics.map((d) => toLspDiagnostic(a.lines, d, uri, version, ruleDocsUrl));
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
    codeActionResolve = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    hasConfigurationCapability = !!caps.workspace?.configuration;
    settings.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri));
    // Clients without workspace/configuration (or with nothing under `wikitext`) send settings here.
    settings.setInitializationOptions(params.initializationOptions);
    const init = (params.initializationOptions ?? {}) as { workspaceTrusted?: unknown; watchesConfigFiles?: unknown };
    settings.setWorkspaceTrusted(init.workspaceTrusted !== false);
    registerConfigWatcher = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration && init.watchesConfigFiles !== true;
    registerProfileWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration && !!caps.workspace.didChangeWatchedFiles.relativePatternSupport;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['{', '|', '=', '<', '[', '"', ' '], resolveProvider: false },
        signatureHelpProvider: { triggerCharacters: ['|'], retriggerCharacters: ['='] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.RefactorRewrite, CodeActionKind.Source, FIX_ALL_KIND], resolveProvider: true },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: features.semanticTokensLegend, full: true, range: true },
        executeCommandProvider: { commands: ['wikitext.syntaxTree', ...(host.buildCitationProfile ? ['wikitext.buildCitationProfile'] : [])] },
      },
      serverInfo: { name: 'wikitext-lint', version: VERSION },
    };
  });

  function relintAll(): void {
    settings.profiles?.reset();
    settings.invalidate();
    if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const d of documents.all()) schedulePush(d.uri, 0);
  }

  connection.onDidChangeConfiguration(guard('didChangeConfiguration', (p) => {
    settings.setPushedSettings(p?.settings);
    relintAll();
  }));

  // The profiles of a wiki whose pages the editor opened as `mediawiki://SITE/Title` (the client read them)
  connection.onNotification(WIKI_PROFILE_NOTIFICATION, guard('siteProfile', (p: unknown) => {
    if (settings.setWikiProfiles(p)) relintAll();
  }));

  // A citation profile file the client read for the server changed (the web client watches them): read it again
  connection.onNotification(PROFILE_CHANGED_NOTIFICATION, guard('citationProfileChanged', () => {
    settings.forgetMessages();
    relintAll();
  }));

  // A .wikitext-lint.json created, edited or deleted, or a citation profile file the server read: read configuration
  // again and re-lint the open documents.
  connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', (p) => {
    if (p.changes.some((c) => c.uri.endsWith('/.wikitext-lint.json') || c.uri.endsWith('%2F.wikitext-lint.json') || watchedProfiles.has(c.uri))) relintAll();
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
    inflight.delete(e.document.uri);
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
    return toHover(a.lines, features.hover(a, offsetOf(a, p.position), { linkBase: s.linkBaseUrl }));
  }));

  connection.onCompletion(guard('completion', async (p, token) => {
    const { options } = await lintOptionsFor(p.textDocument.uri);
    const a = await analysisOf(p.textDocument.uri, token);
    if (!a || token.isCancellationRequested) return null;
    return toCompletionList(a.lines, features.completion(a, offsetOf(a, p.position), options));
  }));

  connection.onSignatureHelp(guard('signatureHelp', async (p, token) => {
    const a = await analysisOf(p.textDocument.uri, token);
    if (!a || token.isCancellationRequested) return null;
    return toSignatureHelp(features.signatureHelp(a, offsetOf(a, p.position)));
  }));

  connection.onCodeAction(guard('codeAction', async (p, token) => {
    const { options } = await lintOptionsFor(p.textDocument.uri);
    const a = await analysisOf(p.textDocument.uri, token);
    if (!a || token.isCancellationRequested) return null;
    // The automatic lightbulb request (every cursor move) shows no source actions: skip the whole-file
    // fix-all there (a second of work on a large article); the Source Action menu and fix-on-save ask for it.
    const only = p.context.only ?? (p.context.triggerKind === 2 ? [CodeActionKind.QuickFix] : undefined);
    const actions = codeActions(a, { uri: p.textDocument.uri, version: versionOf(p.textDocument.uri, a), range: p.range, diagnostics: p.context.diagnostics, only, lintOptions: options, canResolve: codeActionResolve });
    const start = offsetOf(a, p.range.start), end = offsetOf(a, p.range.end);
    for (const r of features.refactors(a, start, end, options, p.context.only)) actions.push(toCodeAction(a.lines, p.textDocument.uri, r));
    if (!p.context.only || p.context.only.some((k) => k.startsWith('refactor'))) if (links) actions.push(...links.codeActions(a, p.textDocument.uri, start, end));
    return actions;
  }));

  connection.onCodeActionResolve(guard('codeAction/resolve', async (action) => {
    if (!isFixAll(action)) return action;
    const { uri, version } = action.data;
    const { options } = await lintOptionsFor(uri);
    const a = await analysisOf(uri);
    // a fix computed for another version of the document is refused, never applied to this one
    if (!a || versionOf(uri, a) !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'the document changed since this fix was offered');
    return resolveFixAll(a, action, options);
  }));

  connection.onDefinition(guard('definition', async (p) => {
    const a = requireDoc(await analysisOf(p.textDocument.uri), p.textDocument.uri);
    return toLocations(a.lines, p.textDocument.uri, features.definition(a, offsetOf(a, p.position)));
  }));

  connection.onReferences(guard('references', async (p) => {
    const a = requireDoc(await analysisOf(p.textDocument.uri), p.textDocument.uri);
    return toLocations(a.lines, p.textDocument.uri, features.references(a, offsetOf(a, p.position), p.context.includeDeclaration));
  }));

  connection.onPrepareRename(guard('prepareRename', async (p) => {
    const a = requireDoc(await analysisOf(p.textDocument.uri), p.textDocument.uri);
    const target = features.prepareRename(a, offsetOf(a, p.position));
    // a name {{sfn}} makes: refused with the reason, not silently
    if (typeof target === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, target);
    return toPrepareRename(a.lines, target);
  }));

  connection.onRenameRequest(guard('rename', async (p) => {
    const a = requireDoc(await analysisOf(p.textDocument.uri), p.textDocument.uri);
    const result = features.rename(a, offsetOf(a, p.position), p.newName);
    if (typeof result === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, result);
    return { changes: { [p.textDocument.uri]: result.map((e) => toLspEdit(a.lines, e)) } };
  }));

  connection.onDocumentHighlight(guard('documentHighlight', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? toHighlights(a.lines, features.documentHighlights(a, offsetOf(a, p.position))) : null;
  }));

  connection.onDocumentSymbol(guard('documentSymbol', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? toDocumentSymbols(a.lines, features.documentSymbols(a)) : null;
  }));

  connection.onFoldingRanges(guard('foldingRanges', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? toFoldingRanges(features.foldingRanges(a)) : null;
  }));

  connection.onDocumentLinks(guard('documentLinks', async (p) => {
    const s = await settings.get(p.textDocument.uri, hasConfigurationCapability);
    const a = await analysisOf(p.textDocument.uri);
    if (!a) return null;
    return toDocumentLinks(a.lines, features.documentLinks(a, s.linkBaseUrl));
  }));

  connection.onSelectionRanges(guard('selectionRanges', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? toSelectionRanges(a.lines, features.selectionRanges(a, p.positions.map((pos) => offsetOf(a, pos)))) : null;
  }));

  connection.languages.semanticTokens.on(guard('semanticTokens', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? toSemanticTokens(a.lines, features.semanticTokens(a)) : { data: [] };
  }));
  connection.languages.semanticTokens.onRange(guard('semanticTokensRange', async (p) => {
    const a = await analysisOf(p.textDocument.uri);
    return a ? toSemanticTokens(a.lines, features.semanticTokens(a, { start: offsetOf(a, p.range.start), end: offsetOf(a, p.range.end) })) : { data: [] };
  }));

  connection.onExecuteCommand(guard('executeCommand', async (p) => {
    if (p.command === 'wikitext.syntaxTree') {
      const uri = String(p.arguments?.[0] ?? '');
      const a = requireDoc(await analysisOf(uri), uri);
      return parseTreeText(a);
    }
    if (p.command === 'wikitext.buildCitationProfile' && host.buildCitationProfile) {
      // [site?, {refresh?}]: the site given, else wikitext.site / "site" of the first open document's settings
      const [arg, opts] = p.arguments ?? [];
      let site = typeof arg === 'string' && arg.trim() ? arg.trim() : undefined;
      const first = documents.all()[0];
      if (!site && first) site = (await settings.get(first.uri, hasConfigurationCapability)).lintOptions.config?.site;
      if (!site) throw new ResponseError(ErrorCodes.InvalidParams, 'Build Citation Profile: set wikitext.site (or "site" in .wikitext-lint.json) to the wiki first');
      let r: { file: string; message: string; notes: string[] };
      try {
        r = await host.buildCitationProfile(site, !!(opts as { refresh?: boolean } | undefined)?.refresh);
      } catch (e) {
        const message = `wikitext: cannot build the citation profile: ${(e as Error).message}`;
        connection.console.warn(message);
        throw new ResponseError(ErrorCodes.InternalError, message);
      }
      for (const n of r.notes) connection.console.info(`wikitext: ${n}`);
      connection.console.info(`wikitext: ${r.message}`);
      connection.window.showInformationMessage(`wikitext: ${r.message}`);
      relintAll();
      return { file: r.file, message: r.message, notes: r.notes };
    }
    throw new ResponseError(ErrorCodes.InvalidRequest, `unknown command ${p.command}`);
  }));

  // For the benchmark and memory tests: the heap in use after a full collection (when --expose-gc).
  connection.onRequest('wikitext/heapUsed', () => {
    (globalThis as { gc?: () => void }).gc?.();
    return typeof process !== 'undefined' && process.memoryUsage ? process.memoryUsage().heapUsed : 0;
  });

  documents.listen(connection);
  connection.listen();
}

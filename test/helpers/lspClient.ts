/**
 * A minimal LSP client over real stdio streams to the real server process (`dist/server.js --stdio`):
 * used by the LSP tests and the benchmark. No mocked connection.
 */
import { spawn, ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, MessageConnection } from 'vscode-languageserver-protocol/node';

/** A running server and the connection to it. */
export interface ServerHandle {
  connection: MessageConnection;
  process: ChildProcess;
  /** Diagnostics pushed by the server, by URI (latest). */
  pushed: Map<string, { version?: number; diagnostics: unknown[] }>;
  /** Resolves when the next publishDiagnostics for the URI arrives. */
  nextDiagnostics(uri: string): Promise<{ version?: number; diagnostics: unknown[] }>;
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Starts the server and initializes it; `pull` selects pull diagnostics in the client capabilities; `env` is added
 * to this process's environment for the server process only (e.g. `WIKITEXT_LINT_CACHE`).
 */
export async function startServer(serverPath: string, options: { pull?: boolean; resolve?: boolean; settings?: Record<string, unknown>; execArgv?: string[]; initialize?: Record<string, unknown>; workspace?: Record<string, unknown>; env?: Record<string, string> } = {}): Promise<ServerHandle> {
  const proc = spawn(process.execPath, [...(options.execArgv ?? []), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ? { ...process.env, ...options.env } : process.env });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d.toString()));
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const pushed = new Map<string, { version?: number; diagnostics: unknown[] }>();
  const waiters = new Map<string, ((v: { version?: number; diagnostics: unknown[] }) => void)[]>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    pushed.set(p.uri, p);
    const w = waiters.get(p.uri);
    if (w?.length) w.shift()!(p);
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true, ...options.workspace },
      textDocument: {
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        ...(options.resolve ? { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'refactor'] } }, resolveSupport: { properties: ['edit'] } } } : {}),
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
      },
    },
    workspaceFolders: null,
    ...options.initialize,
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: proc,
    pushed,
    nextDiagnostics(uri) {
      return new Promise((resolve) => {
        const list = waiters.get(uri) ?? [];
        list.push(resolve);
        waiters.set(uri, list);
      });
    },
    stderr: () => err,
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      connection.dispose();
      proc.kill();
    },
  };
}

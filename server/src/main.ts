/**
 * `wikitext-language-server`: the language server's command line for Node (dist/server.js; the VS Code
 * client starts the same file with `--node-ipc`). Picks the transport, puts the position-encoding layer
 * between it and the connection, reads `.wikitext-lint.json` from disk, and keeps the process alive through
 * unexpected errors. Everything protocol-related is in server.ts, which the browser build shares.
 */
import * as net from 'node:net';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  type MessageReader,
  type MessageWriter,
  type DataCallback,
  type Message,
} from 'vscode-languageserver/node';
import { startServer, type ServerHost } from './server';
import { ProfileStore } from './wiki/profileStore';
import { readCitationProfileFile, resolveCitationProfileFile } from './wiki/citationProfileCache';
import type { LoadedCitationProfile } from './serverSettings';
import { buildAndCacheCitationProfile, describeCitationProfile } from './wiki/citationProfileBuilder';
import { WikiClient } from './wiki/client';
import type { CitationProfile } from './core/profile';
import { LinkService } from './links/lsp';
import { clearConfigCache, findConfigFor } from './configFiles';
import { PositionEncodingLayer } from './positionEncoding';
import { VERSION } from './version';
import type { LintConfig } from './core/lint/config';

const HELP = `wikitext-language-server ${VERSION}: the wikitext language server (LSP) of wikitext-lint

Usage: wikitext-language-server --stdio | --node-ipc | --socket=PORT

  --stdio          talk LSP over stdin/stdout (what most editors use)
  --node-ipc       talk over Node's IPC channel (when started by a Node client with fork)
  --socket=PORT    connect to an LSP client listening on 127.0.0.1:PORT
  --version        print the version
  --help           print this help

Settings: initializationOptions (or workspace/didChangeConfiguration, or workspace/configuration, section
"wikitext") take the VS Code settings: {"rules": {"rule-id": "off|hint|info|warning|error"}, "dateFormat":
"auto|dmy|mdy|iso", "linkBaseUrl": "https://en.wikipedia.org/wiki/", "site": "<wiki>", "citationProfile":
"auto|<file>"}; .wikitext-lint.json files are read too.
Positions are UTF-16 unless the client offers only UTF-8 or UTF-32 (general.positionEncodings).
`;

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'serve'; transport: 'stdio' | 'node-ipc' }
  | { kind: 'serve'; transport: 'socket'; port: number }
  | { kind: 'error'; message: string };

/** Reads the arguments (without node and the script). Unknown options are errors; `--clientProcessId` is accepted. */
export function parseArgs(args: string[]): Command {
  let transport: 'stdio' | 'node-ipc' | 'socket' | undefined;
  let port = NaN;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') return { kind: 'help' };
    if (a === '--version' || a === '-v') return { kind: 'version' };
    let next: 'stdio' | 'node-ipc' | 'socket' | undefined;
    if (a === '--stdio') next = 'stdio';
    else if (a === '--node-ipc') next = 'node-ipc';
    else if (a === '--socket' || a.startsWith('--socket=')) {
      next = 'socket';
      const v = a === '--socket' ? args[++i] : a.slice('--socket='.length);
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65535) {
        return { kind: 'error', message: `--socket needs a port number from 1 to 65535${v === undefined ? '' : ` (got "${v}")`}` };
      }
      port = Number(v);
    } else if (/^--clientProcessId(=\d+)?$/.test(a)) {
      if (a === '--clientProcessId') i++;
      continue;
    } else return { kind: 'error', message: `unknown option ${a}` };
    if (transport && transport !== next) return { kind: 'error', message: 'give one transport: --stdio, --node-ipc or --socket=PORT' };
    transport = next;
  }
  if (!transport) return { kind: 'error', message: 'give a transport: --stdio, --node-ipc or --socket=PORT' };
  return transport === 'socket' ? { kind: 'serve', transport, port } : { kind: 'serve', transport };
}

/**
 * Over stdio, requests whose `method` is missing or not a string are answered with JSON-RPC's -32600
 * Invalid Request here: the protocol library would drop them unanswered.
 */
function rejectInvalidRequests(inner: MessageReader, writer: MessageWriter): MessageReader {
  return {
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
}

/** `.wikitext-lint.json` from disk: upward from a file, or from the first workspace folder for other documents. */
function loadFileConfigFromDisk(uri: string, folders: string[]): LintConfig | undefined {
  if (uri.startsWith('file:')) {
    const file = fileURLToPath(uri);
    return findConfigFor(file, folderOf(file, folders)).config ?? undefined;
  }
  if (folders[0]?.startsWith('file:')) return findConfigFor(path.join(fileURLToPath(folders[0]), 'untitled.wiki'), fileURLToPath(folders[0])).config ?? undefined;
  return undefined;
}

/** The workspace folder holding a file (the innermost), where the configuration lookup stops. */
function folderOf(file: string, folders: string[]): string | undefined {
  let best: string | undefined;
  for (const f of folders) {
    if (!f.startsWith('file:')) continue;
    const dir = fileURLToPath(f);
    const rel = path.relative(dir, file);
    if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || dir.length > best.length)) best = dir;
  }
  return best;
}

const citationProfiles = new Map<string, { stamp: string; profile: CitationProfile }>();
/**
 * A citation profile from disk (the setting's path relative to the first workspace folder; `auto`: the cached one of
 * the site), read again only when the file changed.
 */
function loadCitationProfileFromDisk(spec: string, site: string | undefined, folders: string[]): LoadedCitationProfile {
  // `auto`: the profile built for the site, else the map shipped for it (with a note), else an error (autoProfile.ts)
  if (spec === 'auto') return resolveCitationProfileFile('auto', site);
  let file = spec;
  if (!path.isAbsolute(file)) {
    const base = folders.find((f) => f.startsWith('file:'));
    if (!base) throw new Error(`wikitext.citationProfile: "${spec}" is relative, but there is no workspace folder to resolve it against`);
    file = path.resolve(fileURLToPath(base), file);
  }
  const stamp = fileStamp(file);
  // remembered before the read, so that a file that failed (missing, a directory, broken) is also watched
  citationProfileStamps.set(file, stamp);
  const hit = citationProfiles.get(file);
  const uri = pathToFileURL(file).href; // watched by the client: a change re-lints (also of a missing or broken file)
  if (hit && hit.stamp === stamp) return { profile: hit.profile, file: uri };
  let profile: CitationProfile;
  try {
    profile = readCitationProfileFile(file);
  } catch (e) {
    throw Object.assign(e as Error, { file: uri });
  }
  citationProfiles.set(file, { stamp, profile });
  return { profile, file: uri };
}

/** What identifies a version of a file (mtime alone misses a file replaced by one with the same mtime). */
function fileStamp(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.isFile() ? 'f' : 'o'}:${st.mtimeMs}:${st.size}:${st.ino}`;
  } catch (e) {
    return `missing:${(e as NodeJS.ErrnoException).code ?? ''}`;
  }
}
const citationProfileStamps = new Map<string, string>();
/** True when a citation profile file the settings were made with has changed (edited, deleted, replaced) since. */
function citationProfilesChanged(): boolean {
  let changed = false;
  for (const [file, stamp] of citationProfileStamps) {
    const now = fileStamp(file);
    // noted once per change: a file the settings no longer use must not make them again at every request
    if (now !== stamp) {
      citationProfileStamps.set(file, now);
      changed = true;
    }
  }
  return changed;
}

function fail(message: string): never {
  process.stderr.write(`wikitext-language-server: ${message}\n${HELP.split('\n')[2]}\n`);
  process.exit(2);
}

/** What the Node server adds to the shared server: configuration from disk, site profiles, link checking. */
export function nodeHost(lookup?: net.LookupFunction): ServerHost {
  return {
    loadFileConfig: loadFileConfigFromDisk,
    clearFileConfigCache: clearConfigCache,
    profiles: (onLoaded, onError) => new ProfileStore(onLoaded, onError),
    loadCitationProfile: loadCitationProfileFromDisk,
    citationProfilesChanged,
    // "Wikitext: Build Citation Profile": the network, on the user's command only
    async buildCitationProfile(site, refresh) {
      const r = await buildAndCacheCitationProfile(await WikiClient.connect(site), { refresh });
      const message = r.kept
        ? `the citation profile of ${r.site} (built ${r.profile.builtAt?.slice(0, 10)}) is up to date: ${r.file}`
        : `citation profile of ${r.site} built (${describeCitationProfile(r.profile)}): ${r.file}; set wikitext.citationProfile to "auto" to use it`;
      return { file: r.file, message, notes: r.notes };
    },
    links: (connection, deps) => new LinkService(connection, { ...deps, lookup }),
  };
}

/** Runs the command line. */
export function main(args: string[], lookup?: net.LookupFunction): void {
  const cmd = parseArgs(args);
  if (cmd.kind === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if (cmd.kind === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (cmd.kind === 'error') fail(cmd.message);

  let reader: MessageReader;
  let writer: MessageWriter;
  if (cmd.transport === 'stdio') {
    writer = new StreamMessageWriter(process.stdout);
    reader = rejectInvalidRequests(new StreamMessageReader(process.stdin), writer);
    // The client is gone when its end of stdin closes: exit rather than wait (what the library does for its own streams).
    const exitOnClose = () => process.exit(0);
    process.stdin.on('end', exitOnClose);
    process.stdin.on('close', exitOnClose);
  } else if (cmd.transport === 'node-ipc') {
    if (!process.send) fail('--node-ipc needs a parent process that opened an IPC channel (fork)');
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else {
    // The client listens; the server connects, on the loopback interface only.
    const port = (cmd as { port: number }).port;
    const socket = net.createConnection({ port, host: '127.0.0.1' });
    let connected = false;
    socket.on('connect', () => (connected = true));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (!connected) fail(`cannot connect to 127.0.0.1:${port}: ${e.code === 'ECONNREFUSED' ? 'nothing is listening there' : e.message}`);
    });
    socket.on('close', () => process.exit(0));
    reader = new SocketMessageReader(socket);
    writer = new SocketMessageWriter(socket);
  }
  const encoding = new PositionEncodingLayer();
  const connection = createConnection(ProposedFeatures.all, encoding.wrapReader(reader), encoding.wrapWriter(writer));
  startServer(connection, nodeHost(lookup));
}

// Never let an unexpected error end the process: log it and keep serving.
process.on('uncaughtException', (e) => {
  process.stderr.write(`wikitext-lint server: uncaught exception: ${e instanceof Error ? e.stack : String(e)}\n`);
});
process.on('unhandledRejection', (e) => {
  process.stderr.write(`wikitext-lint server: unhandled rejection: ${e instanceof Error ? e.stack : String(e)}\n`);
});

if (require.main === module) main(process.argv.slice(2));

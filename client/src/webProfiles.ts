/**
 * The web client's side of citation profiles (server/src/webProfiles.ts): the web-worker server has no disk, so it
 * asks the client to read the profile file named by `wikitext.citationProfile` or the `"profile"` of
 * `.wikitext-lint.json`; the client reads it through `workspace.fs` (any file system provider: code-server's remote,
 * github.dev, memfs), watches it, and tells the server when it changes. The server checks the text. No Node API.
 */
import * as vscode from 'vscode';
import { PROFILE_CHANGED_NOTIFICATION, READ_PROFILE_REQUEST, type ReadProfileAnswer } from '../../server/src/webProfileMessages';

/** A citation profile larger than this is refused (the largest built profiles are a few hundred KB). */
const MAX_PROFILE_BYTES = 5 * 1024 * 1024;

/** The part of the LanguageClient used here. */
export interface ProfileClient {
  onRequest(method: string, handler: (params: { uri: string }) => Promise<ReadProfileAnswer>): vscode.Disposable;
  sendNotification(method: string, params: unknown): Promise<void>;
}

/** How to name a file to the user: its path in the workspace when it is in one, else its URI. */
function nameOf(uri: vscode.Uri): string {
  const rel = vscode.workspace.asRelativePath(uri, false);
  return rel && rel !== uri.toString() && rel !== uri.toString(true) ? rel : uri.toString(true);
}

/** Reads a profile file for the server: its text, or the problem in words. */
export async function readProfile(uriText: string): Promise<ReadProfileAnswer> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(uriText, true);
  } catch (e) {
    return { uri: uriText, error: `not a file URI (${(e as Error).message})` };
  }
  const name = nameOf(uri);
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { uri: uriText, name, error: 'it is a folder, not a file' };
    if (stat.size > MAX_PROFILE_BYTES) return { uri: uriText, name, error: 'larger than 5 MB' };
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    const code = e instanceof vscode.FileSystemError ? e.code : '';
    return { uri: uriText, name, error: code === 'FileNotFound' || code === 'EntryNotFound' ? 'no such file' : code || (e as Error).message };
  }
  if (bytes.length > MAX_PROFILE_BYTES) return { uri: uriText, name, error: 'larger than 5 MB' };
  return { uri: uriText, name, text: new TextDecoder('utf-8').decode(bytes) };
}

/**
 * Answers the server's requests to read profile files and watches each file read (created, changed, deleted: the
 * server reads it again). Dispose to stop (a restart makes a new client and registers again).
 */
export function serveProfiles(client: ProfileClient): vscode.Disposable {
  const watchers = new Map<string, vscode.Disposable>();
  const changed = (uri: string) => () => void client.sendNotification(PROFILE_CHANGED_NOTIFICATION, { uri }).catch(() => undefined);
  const watch = (uriText: string) => {
    if (watchers.has(uriText)) return;
    try {
      const uri = vscode.Uri.parse(uriText, true);
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.replace(/^.*\//, '')));
      const notify = changed(uriText);
      w.onDidChange(notify);
      w.onDidCreate(notify);
      w.onDidDelete(notify);
      watchers.set(uriText, w);
    } catch {
      /* a URI no watcher can follow: the profile is read again on the next settings change */
    }
  };
  const request = client.onRequest(READ_PROFILE_REQUEST, async (p) => {
    const uri = String(p?.uri ?? '');
    const answer = await readProfile(uri);
    watch(uri);
    return answer;
  });
  return {
    dispose() {
      request.dispose();
      for (const w of watchers.values()) w.dispose();
      watchers.clear();
    },
  };
}

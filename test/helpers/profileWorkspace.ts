/**
 * A real language server on a workspace folder holding a citation profile file (`de.json`, given with the setting
 * `wikitext.citationProfile`) and one open page: what the LSP tests of local citation templates and dates start from.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type ServerHandle } from './lspClient';

const SERVER = resolve(__dirname, '../../dist/server.js');

export async function openWithProfile(profile: object, text: string, prefix: string): Promise<{ s: ServerHandle; uri: string }> {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(folder, 'de.json'), JSON.stringify(profile));
  const file = join(folder, 'Berlin.wiki');
  writeFileSync(file, text);
  const s = await startServer(SERVER, { pull: true, settings: { citationProfile: 'de.json' }, initialize: { workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], initializationOptions: { workspaceTrusted: true } } });
  const uri = pathToFileURL(file).href;
  try {
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version: 1, text } });
  } catch (e) {
    await s.stop();
    throw e;
  }
  return { s, uri };
}

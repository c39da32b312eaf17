/**
 * The language server in a web worker (VS Code for the Web: vscode.dev, github.dev, code-server's web
 * worker extension host). The same server and core as in Node; only the transport and the configuration
 * files differ: `.wikitext-lint.json` is found and read by the client through `workspace.fs` (custom request
 * `wikitext/findConfig`), so it works on virtual workspaces too. The build fails if anything here pulls in a
 * Node module (scripts/build.mjs).
 */
import { createConnection, BrowserMessageReader, BrowserMessageWriter, ProposedFeatures, ErrorCodes, ResponseError } from 'vscode-languageserver/browser';
import { startServer } from './server';
import { PositionEncodingLayer } from './positionEncoding';
import { parseConfig, ConfigError, type LintConfig } from './core/lint/config';
import { ruleIds } from './core/rules';
import { READ_PROFILE_REQUEST, resolveProfileUri, webCitationProfileLoader, type ReadProfileAnswer } from './webProfiles';

/** What the client answers to `wikitext/findConfig`: the configuration file that applies, or null. */
export interface FoundConfig {
  uri: string;
  text: string;
}

/** Parses a configuration file's text; errors name the file and the key at fault. */
export function parseConfigText(text: string, name: string): LintConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: invalid JSON: ${(e as Error).message}`);
  }
  try {
    return parseConfig(json, ruleIds);
  } catch (e) {
    if (e instanceof ConfigError) throw new Error(`${name}: ${e.message}`);
    throw e;
  }
}

const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const encoding = new PositionEncodingLayer();
const connection = createConnection(
  ProposedFeatures.all,
  encoding.wrapReader(new BrowserMessageReader(scope)),
  encoding.wrapWriter(new BrowserMessageWriter(scope)),
);

let clientCanFind = true;
// citation profile files are read by the client through workspace.fs (client/src/webProfiles.ts); `auto` is the shipped map
const citationProfiles = webCitationProfileLoader(async (uri) => {
  try {
    return await connection.sendRequest<ReadProfileAnswer | null>(READ_PROFILE_REQUEST, { uri });
  } catch (e) {
    return { uri, error: e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound ? 'this editor cannot read files for the server' : (e as Error).message };
  }
});
startServer(connection, {
  async loadFileConfig(uri, workspaceFolders) {
    if (!clientCanFind) return undefined;
    let found: FoundConfig | null;
    try {
      found = await connection.sendRequest<FoundConfig | null>('wikitext/findConfig', { uri, workspaceFolders });
    } catch (e) {
      // a client that is not ours: no configuration files, settings only
      if (e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound) clientCanFind = false;
      return undefined;
    }
    if (!found) return undefined;
    const config = parseConfigText(found.text, found.uri);
    // "profile" is relative to the configuration file, as on disk ("auto": the map shipped for the "site")
    if (config.profile && config.profile !== 'auto') config.profile = resolveProfileUri(config.profile, found.uri, false);
    return config;
  },
  loadCitationProfile: citationProfiles,
  // settings or a profile file changed: read the files again
  clearFileConfigCache: citationProfiles.clear,
});

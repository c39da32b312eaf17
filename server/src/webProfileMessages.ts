/**
 * The two messages between the web client and the web-worker server about citation profile files
 * (server/src/webProfiles.ts, client/src/webProfiles.ts). Nothing else here, so the web client's bundle stays small.
 */

/** Server -> client: read this file (a URI) through workspace.fs. */
export const READ_PROFILE_REQUEST = 'wikitext/readCitationProfile';
/** Client -> server: a profile file it read changed (or appeared, or went away). */
export const PROFILE_CHANGED_NOTIFICATION = 'wikitext/citationProfileChanged';

/** The client's answer: the file's text, or why it could not be read; `name` is how to name the file to the user. */
export interface ReadProfileAnswer {
  uri: string;
  name?: string;
  text?: string;
  error?: string;
}

/**
 * What the tests of other editors' LSP clients share (emacs.test.ts, neovim.test.ts): the built server, the
 * seed article, and running an editor headless on a copy of the seed in a temporary folder, the editor's
 * script writing its observations as JSON to a file (WIKITEXT_OUT) that comes back parsed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const SERVER = resolve(ROOT, 'dist/server.js');
export const SEED_PATH = resolve(ROOT, 'test/fixtures/corpus/Kazakhstan__Government_and_politics.wiki');
export const SEED = readFileSync(SEED_PATH, 'utf8');

export interface HeadlessRun {
  /** The editor's executable and its arguments. */
  command: string;
  args: string[];
  /** Extra environment, given the temporary folder (HOME, XDG_* dirs...). */
  env?: (dir: string) => Record<string, string>;
  /** Prefix of the temporary folder's name. */
  tag: string;
}

/**
 * Runs the editor on a copy of the seed (`<dir>/Kazakhstan.wiki`) with WIKITEXT_NODE, WIKITEXT_SERVER,
 * WIKITEXT_FILE and WIKITEXT_OUT set; kills it after 150 s; returns its JSON result. The folder is removed.
 */
export async function runHeadlessEditor<T>({ command, args, env, tag }: HeadlessRun): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `wikitext-${tag}-`));
  try {
    const file = join(dir, 'Kazakhstan.wiki');
    copyFileSync(SEED_PATH, file);
    const outFile = join(dir, 'out.json');
    const proc = spawn(command, args, {
      cwd: dir,
      env: { ...process.env, WIKITEXT_NODE: process.execPath, WIKITEXT_SERVER: SERVER, WIKITEXT_FILE: file, WIKITEXT_OUT: outFile, ...env?.(dir) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    const killer = setTimeout(() => proc.kill('SIGKILL'), 150_000);
    await new Promise((r) => proc.once('exit', r));
    clearTimeout(killer);
    assert.ok(existsSync(outFile), `${command} wrote no result; stderr: ${stderr.slice(-2000)}`);
    const r = JSON.parse(readFileSync(outFile, 'utf8')) as T & { error?: string };
    assert.equal(r.error, undefined, `${r.error}\n${stderr.slice(-2000)}`);
    return r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

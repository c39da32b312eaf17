/**
 * A real MediaWiki for a test file: `scripts/test-wiki.sh start` in a fresh temp dir at a free port, stopped
 * when the file's tests end (and on exit). Tests call `wikiSkipReason()` at definition time and skip with
 * that message when the MediaWiki packages are not installed (`npm test` must pass without them; `.ci/run`
 * installs them). WIKITEXT_TEST_WIKI=off skips them on purpose. Set WIKITEXT_TEST_WIKI_INSTALL=1 to let the helper install them (root + apt-get).
 *
 *   const skip = wikiSkipReason();
 *   let wiki: TestWiki;
 *   before(async () => { if (!skip) wiki = await startTestWiki(); });
 *   after(() => wiki?.stop());
 *   test('reads a page', { skip }, async () => { ... wiki.api ... });
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SCRIPT = resolve(__dirname, '../../scripts/test-wiki.sh');

export interface TestWiki {
  /** `http://127.0.0.1:PORT/api.php` */
  api: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  dir: string;
  pid: number;
  port: number;
  lang: string;
  /** A bot password of the Admin account (grants: basic, editpage, editprotected, createeditmovepage, highvolume). */
  bot: { user: string; password: string };
  admin: { user: string; password: string };
  /** Stops the server (the directory stays until `stop`). Idempotent. */
  kill(): void;
  /** Stops the server and deletes the wiki. Idempotent. */
  stop(): void;
  /** Appends PHP to the wiki's LocalSettings.php (read on every request); returns an undo. */
  addSettings(php: string): () => void;
}

let cachedReason: string | false | undefined;

/** Why wiki tests must be skipped here, or `false` when a wiki can be started. */
export function wikiSkipReason(): string | false {
  if (cachedReason !== undefined) return cachedReason;
  if (process.env.WIKITEXT_TEST_WIKI === 'off') return (cachedReason = 'skipped: WIKITEXT_TEST_WIKI=off');
  if (process.platform === 'win32') return (cachedReason = 'skipped: the local MediaWiki needs Linux (bash, php, Debian packages)');
  let r = spawnSync('bash', [SCRIPT, 'check'], { encoding: 'utf8' });
  if (r.status !== 0 && process.env.WIKITEXT_TEST_WIKI_INSTALL === '1') {
    spawnSync('bash', [SCRIPT, 'install'], { stdio: ['ignore', 'ignore', 'inherit'] });
    r = spawnSync('bash', [SCRIPT, 'check'], { encoding: 'utf8' });
  }
  cachedReason = r.status === 0
    ? false
    : 'skipped: MediaWiki packages not installed (apt-get install mediawiki php-sqlite3 php-cli php-intl php-mbstring php-xml, or scripts/test-wiki.sh install; .ci/run does it)';
  return cachedReason;
}

const running = new Set<TestWiki>();
process.on('exit', () => {
  for (const w of running) w.stop();
});

/**
 * Starts a fresh wiki (content language `lang`, default en) with the fixture pages; `fixtures`: a directory of
 * `Title.wiki` pages imported too (test/fixtures/wiki/<lang>: citation templates with TemplateData).
 */
export async function startTestWiki(options: { lang?: string; fixtures?: string } = {}): Promise<TestWiki> {
  const args = [SCRIPT, 'start', '--no-install'];
  if (options.lang) args.push('--lang', options.lang);
  if (options.fixtures) args.push('--fixtures', options.fixtures);
  const out = await new Promise<string>((resolveOut, reject) => {
    const p = spawn('bash', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let so = '', se = '';
    p.stdout.on('data', (d) => (so += d));
    p.stderr.on('data', (d) => (se += d));
    p.on('close', (code) => (code === 0 ? resolveOut(so) : reject(new Error(`test-wiki.sh start failed (${code}): ${se}`))));
  });
  const env: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^(WIKI_\w+)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  let killed = false, stopped = false;
  const wiki: TestWiki = {
    api: env.WIKI_API,
    origin: env.WIKI_API.replace(/\/api\.php$/, ''),
    dir: env.WIKI_DIR,
    pid: Number(env.WIKI_PID),
    port: Number(env.WIKI_PORT),
    lang: env.WIKI_LANG,
    bot: { user: env.WIKI_BOT_USER, password: env.WIKI_BOT_PASSWORD },
    admin: { user: env.WIKI_ADMIN_USER, password: env.WIKI_ADMIN_PASSWORD },
    kill() {
      if (killed) return;
      killed = true;
      try {
        process.kill(wiki.pid);
      } catch {
        /* already gone */
      }
      // wait until the port no longer answers, so a test right after sees "refused"
      for (let i = 0; i < 50; i++) {
        try {
          process.kill(wiki.pid, 0);
        } catch {
          break;
        }
        spawnSync('sleep', ['0.1']);
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      killed = true;
      spawnSync('bash', [SCRIPT, 'stop', wiki.dir], { stdio: 'ignore' });
      running.delete(wiki);
    },
    addSettings(php: string) {
      const file = resolve(wiki.dir, 'LocalSettings.php');
      const before = readFileSync(file, 'utf8');
      writeFileSync(file, `${before}\n${php}\n`);
      return () => writeFileSync(file, before);
    },
  };
  running.add(wiki);
  return wiki;
}

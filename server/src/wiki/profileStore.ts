/**
 * Site profiles for the language server: asked for synchronously on the analysis path, loaded in the
 * background (disk cache, else the wiki), never awaited by a keystroke. Until a site's profile has arrived,
 * its documents use the built-in profile; when it arrives, `onLoaded` lets the server re-analyse them.
 */
import { BUILTIN_PROFILE, type SiteProfile } from '../core/profile';
import { WikiClient } from './client';
import { loadProfile, isBuiltinSite } from './profile';

export class ProfileStore {
  private loaded = new Map<string, SiteProfile>();
  private loading = new Set<string>();
  private failed = new Map<string, string>();

  constructor(
    private readonly onLoaded: (site: string, profile: SiteProfile, note?: string) => void,
    private readonly onError: (site: string, message: string) => void,
  ) {}

  /** The profile for a site if already here (else undefined, and it starts loading). Never blocks. */
  peek(site: string | undefined): SiteProfile | undefined {
    if (!site || isBuiltinSite(site)) return undefined;
    const p = this.loaded.get(site);
    if (p) return p;
    if (!this.loading.has(site) && !this.failed.has(site)) this.start(site);
    return undefined;
  }

  /** Forget failures (and loaded profiles when `all`), so the next peek tries again (settings changed). */
  reset(all = false): void {
    this.failed.clear();
    if (all) this.loaded.clear();
  }

  private start(site: string): void {
    this.loading.add(site);
    void (async () => {
      try {
        const client = await WikiClient.connect(site);
        const r = await loadProfile(client);
        this.loaded.set(site, r.profile);
        this.onLoaded(site, r.profile, r.note);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        this.failed.set(site, message);
        this.onError(site, message);
      } finally {
        this.loading.delete(site);
      }
    })();
  }
}

export { BUILTIN_PROFILE };

/** In-memory stand-ins for VS Code's SecretStorage and Memento, for tests of the client's wiki code outside VS Code. */
import type { KeyValueStore, SecretStore } from '../../client/src/wiki/pages';

export class MapSecrets implements SecretStore {
  readonly map = new Map<string, string>();
  async get(k: string) { return this.map.get(k); }
  async store(k: string, v: string) { this.map.set(k, v); }
  async delete(k: string) { this.map.delete(k); }
}

export class MapMemory implements KeyValueStore {
  readonly map = new Map<string, unknown>();
  get<T>(k: string) { return this.map.get(k) as T | undefined; }
  async update(k: string, v: unknown) { this.map.set(k, v); }
}

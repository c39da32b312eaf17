/** Title completion from the wiki's own title search (`list=prefixsearch`). */
import { WikiClient } from './client';

export interface TitleHit {
  title: string;
  ns: number;
}

export async function prefixSearch(client: WikiClient, prefix: string, options: { limit?: number; namespace?: number[] } = {}): Promise<TitleHit[]> {
  const search = prefix.trim();
  if (!search) return [];
  const r = await client.get({
    action: 'query',
    list: 'prefixsearch',
    pssearch: search,
    pslimit: options.limit ?? 10,
    psnamespace: options.namespace?.map(String),
  });
  return ((r?.query?.prefixsearch ?? []) as { title: string; ns: number }[]).map((h) => ({ title: h.title, ns: h.ns }));
}

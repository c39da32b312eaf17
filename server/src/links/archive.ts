/**
 * Finding an archived copy in the Wayback Machine: the availability API first (the closest snapshot to the
 * date); when that one is after the date or not a 200, the CDX API for the last 200 capture up to the date,
 * then the first after it. Answers are read by the core (`core/links/archive.ts`).
 */
import type { LinkSession } from './checker';
import { snapshotFromAvailability, snapshotsFromCdx, pickSnapshot } from '../core/links/archive';
import type { ArchiveSnapshot } from '../core/links/types';

async function getJson(session: LinkSession, url: string): Promise<unknown> {
  const res = await session.request(url, 'GET', 4 * 1024 * 1024, { Accept: 'application/json' });
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return JSON.parse(res.body.toString('utf8'));
}

/** The closest 200 snapshot before `date` (YYYYMMDD), else after; null when the archive has none. Throws when the service fails. */
export async function findArchive(session: LinkSession, url: string, date: string): Promise<ArchiveSnapshot | null> {
  const s = session.settings;
  const avail = new URL(s.waybackAvailabilityUrl);
  avail.searchParams.set('url', url);
  avail.searchParams.set('timestamp', date);
  let fromAvailability: ArchiveSnapshot | null = null;
  try {
    fromAvailability = snapshotFromAvailability(await getJson(session, avail.href));
  } catch (e) {
    if ((e as { kind?: string }).kind === 'aborted') throw e;
  }
  if (fromAvailability && fromAvailability.timestamp.slice(0, 8) <= date) return fromAvailability;
  const cdx = new URL(s.cdxUrl);
  cdx.searchParams.set('url', url);
  cdx.searchParams.set('output', 'json');
  cdx.searchParams.set('fl', 'timestamp,original,statuscode');
  cdx.searchParams.set('filter', 'statuscode:200');
  const before = new URL(cdx.href);
  before.searchParams.set('to', date);
  before.searchParams.set('limit', '-1');
  const beforeSnaps = snapshotsFromCdx(await getJson(session, before.href));
  const b = pickSnapshot(beforeSnaps.filter((x) => x.timestamp.slice(0, 8) <= date), date);
  if (b) return b;
  if (fromAvailability) return fromAvailability;
  const after = new URL(cdx.href);
  after.searchParams.set('from', date);
  after.searchParams.set('limit', '1');
  return pickSnapshot(snapshotsFromCdx(await getJson(session, after.href)), date);
}

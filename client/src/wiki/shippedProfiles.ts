/**
 * The citation profiles shipped in server/data/citation-profiles/ (hand-made per wiki, with provenance), bundled
 * so a `mediawiki:` page of one of these wikis is checked with its local citation templates even before
 * `wikitext-lint profile` built one. test/wiki/shippedProfiles.test.ts checks this list matches the folder.
 */
import p0 from '../../../server/data/citation-profiles/af.wikipedia.org.json';
import p1 from '../../../server/data/citation-profiles/bg.wikipedia.org.json';
import p2 from '../../../server/data/citation-profiles/el.wikipedia.org.json';
import p3 from '../../../server/data/citation-profiles/fr.wikipedia.org.json';
import p4 from '../../../server/data/citation-profiles/hi.wikipedia.org.json';
import p5 from '../../../server/data/citation-profiles/ltg.wikipedia.org.json';
import p6 from '../../../server/data/citation-profiles/nn.wikipedia.org.json';
import p7 from '../../../server/data/citation-profiles/uk.wikipedia.org.json';
import p8 from '../../../server/data/citation-profiles/vi.wikipedia.org.json';

export const SHIPPED_CITATION_PROFILES: Record<string, unknown> = {
  'af.wikipedia.org': p0,
  'bg.wikipedia.org': p1,
  'el.wikipedia.org': p2,
  'fr.wikipedia.org': p3,
  'hi.wikipedia.org': p4,
  'ltg.wikipedia.org': p5,
  'nn.wikipedia.org': p6,
  'uk.wikipedia.org': p7,
  'vi.wikipedia.org': p8,
};

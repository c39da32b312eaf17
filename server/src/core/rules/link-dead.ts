import type { Fix, Rule } from '../lint/types';
import { checkedTargets, markedDead, isArchiveParam, checkedOn, refLinkMarked } from '../links/ruleHelpers';
import { archiveCitationEdits, refLinkArchiveFix, urlStatusDeadEdit } from '../links/archive';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A link found dead by a link check (404/410, or a host that no longer answers, on checks a pause or a day
 * apart) that the page does not mark dead. Fix: "Mark dead and add archive" with the closest Wayback snapshot
 * before the citation's access-date; no snapshot, no fix.
 */
export const linkDead: Rule = {
  id: 'link-dead',
  defaultSeverity: 'warning',
  description: 'A cited link that a link check found dead (marked live or not marked): add an archived copy.',
  wikipedia: null,
  category: 'links',
  languages: 'any',
  fixable: 'safe',
  messages: {
    dead: 'Link is dead ({{reason}}; {{checked}})',
    archiveDead: 'Archive link is dead ({{reason}}; {{checked}}): choose another snapshot',
    deadHasArchive: 'Link is dead ({{reason}}; {{checked}}): the citation has an archive; mark the link dead so readers get it first',
    deadArchiveFound: 'Link is dead ({{reason}}; {{checked}}): an archived copy of {{archiveDate}} exists',
    deadNoArchive: 'Link is dead ({{reason}}; {{checked}}): no archived copy found in the Wayback Machine, so no archive fix',
  },
  check(ctx) {
    for (const { target: t, info } of checkedTargets(ctx)) {
      if (info.status !== 'dead') continue;
      const c = t.citation;
      if (c && !isArchiveParam(t) && markedDead(c)) continue;
      if (!c && refLinkMarked(ctx, t)) continue;
      const fixes: Fix[] = [];
      const data: Record<string, string> = { reason: info.reason ?? 'failed', checked: checkedOn(info) };
      let messageId = 'dead';
      if (isArchiveParam(t)) {
        messageId = 'archiveDead';
      } else if (c && c.get('archive-url')) {
        messageId = 'deadHasArchive';
        fixes.push({ title: 'Mark dead (|url-status=dead)', edits: [urlStatusDeadEdit(ctx, c)], safe: true });
      } else if (info.archive) {
        messageId = 'deadArchiveFound';
        data.archiveDate = `${info.archive.timestamp.slice(0, 4)}-${info.archive.timestamp.slice(4, 6)}-${info.archive.timestamp.slice(6, 8)}`;
        if (c) fixes.push({ title: 'Mark dead and add archive', edits: archiveCitationEdits(ctx, c, info.archive), safe: true });
        else {
          const fix = refLinkArchiveFix(ctx, t, info.archive);
          fixes.push({ title: fix.title, edits: [fix.edit], safe: true });
        }
      } else if (info.archive === null) {
        messageId = 'deadNoArchive';
      }
      if (c && !isArchiveParam(t) && !c.deadLinkTag && !c.get('archive-url')) {
        const tag = `{{dead link|date=${MONTHS[ctx.today.month - 1]} ${ctx.today.year}}}`;
        fixes.push({ title: `Tag with ${tag}`, edits: [{ start: c.template.end, end: c.template.end, newText: tag }], safe: false });
      }
      ctx.report({ start: t.start, end: t.end, messageId, data, fixes });
    }
  },
};

import { parse } from '../parser/parse';
import { buildModel, DocumentModel } from '../model';
import type { DocumentNode } from '../parser/nodes';
import { LineIndex } from '../lineIndex';
import { analyseCitations, Citation } from '../citations';
import { applyDirectives } from './directives';
import type { LintConfig } from './config';
import type { CitationProfile, SiteProfile } from '../profile';
import type { LinkLookup } from '../links/types';
import { guessPageLanguage } from '../pageLanguage';
import { renderMessage, type Day, type Diagnostic, type RuleContext, type Severity, type TextEdit } from './types';
import { rules, ruleIds } from '../rules';
import { TakenRanges } from './intervals';

/** Options of one lint run. */
export interface LintOptions {
  config?: LintConfig;
  /** Today's date, for date checks and inserted dates; defaults to the clock (UTC). */
  today?: Day;
  /** The wiki's syntax (namespaces, magic words, tags...); default the built-in English Wikipedia profile. */
  profile?: SiteProfile;
  /** Results of a link check, for the link-* rules (and the access-date fix); none when links were not checked. */
  links?: LinkLookup;
  /**
   * A citation profile for the profile's wiki is available: its English-only rules run there too. Without one,
   * a wiki whose content language is not English runs only the rules that hold in every language.
   */
  citationProfile?: CitationProfile;
  /** Report `wikitext-lint-disable` comments that suppress nothing, with this severity. */
  reportUnusedDisableDirectives?: Severity;
}

/** A parsed and linted document: everything the server and the CLI need. */
export interface LintResult {
  doc: DocumentNode;
  model: DocumentModel;
  lines: LineIndex;
  diagnostics: Diagnostic[];
  /** Citation templates of the page, analysed once. */
  citations: Citation[];
  /** Rules that threw: reported by the caller, never fatal. */
  ruleErrors: { rule: string; error: string }[];
  /**
   * Rules not run because they hold on English Wikipedia only and the text belongs to another wiki with no
   * citation profile (`skippedFor` says which: a site or a language code). Empty when every rule ran.
   */
  skippedRules: string[];
  skippedFor?: string;
}

/**
 * The wiki whose text this is, when English-only rules must not run on it: the configured site when its content
 * language is not English and no citation profile is available; else null (every rule runs).
 */
export function englishOnlyRulesSkippedFor(options: LintOptions): string | null {
  const p = options.profile;
  if (!p || p.builtIn || options.citationProfile) return null;
  if (!p.lang || /^en(-|$)/i.test(p.lang)) return null;
  return `${p.site} (${p.lang})`;
}

/**
 * Whether a rule runs by default on the citation profile's wiki: as its `rules` say, else the English-only policy
 * rules (missing access-date, archived dead link: English Wikipedia's guidelines) are off on a non-English wiki.
 * Null when there is no citation profile (every rule as usual).
 */
export function citationProfileRuleDefaults(options: LintOptions): ((rule: { id: string; category: string; languages: string }) => boolean) | null {
  const cp = options.citationProfile;
  if (!cp) return null;
  const lang = cp.lang ?? options.profile?.lang;
  const english = !lang || /^en(-|$)/i.test(lang);
  return (rule) => {
    const own = cp.rules?.[rule.id];
    if (own !== undefined) return own;
    return english || !(rule.category === 'policy' && rule.languages === 'en');
  };
}

/** Today's date in UTC. */
export function todayUtc(): Day {
  const d = new Date();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Parses and lints a text. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const doc = parse(text, undefined, options.profile);
  return lintDocument(doc, buildModel(doc, options.citationProfile), options);
}

/** Lints an already parsed document (the server parses once per version and shares the tree). */
export function lintDocument(doc: DocumentNode, model: DocumentModel, options: LintOptions = {}, lines = new LineIndex(doc.source)): LintResult {
  const src = doc.source;
  const config = options.config ?? { rules: {} };
  const today = options.today ?? todayUtc();
  const citations = analyseCitations(src, model, options.citationProfile);
  const diagnostics: Diagnostic[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  const fallbackDateFormat = config.dateFormat ?? 'iso';
  // no site configured: the text's own File/Category links may show it belongs to another language's wiki
  const pageLanguage = options.profile || options.citationProfile ? null : guessPageLanguage(model);
  const skippedFor = englishOnlyRulesSkippedFor(options) ?? (pageLanguage && !options.citationProfile ? `${pageLanguage.wiki ?? pageLanguage.candidates.map((c) => c.wiki).join(' or ')} (guessed from the page's links)` : null);
  const skippedRules: string[] = [];
  const byProfile = citationProfileRuleDefaults(options);
  for (const rule of rules) {
    const configured = config.rules[rule.id];
    const setting = configured?.setting ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    // the citation profile's defaults for its wiki (policy rules off unless it turns them on); the user's configuration wins
    if (byProfile && !configured && !byProfile(rule)) continue;
    // a rule set in the configuration runs anyway: the user asked for it on this wiki
    if (skippedFor && rule.languages === 'en' && !configured) {
      skippedRules.push(rule.id);
      continue;
    }
    // one shape for every rule's context (no spreads: rules read it in their hottest loops)
    const ctx: RuleContext = {
      src, doc, model, citations, today, fallbackDateFormat,
      options: configured?.options ?? {},
      links: options.links,
      citationProfile: options.citationProfile,
      pageLanguage: pageLanguage ?? undefined,
      report(d) {
        let message = d.message;
        if (d.messageId !== undefined) {
          const template = rule.messages?.[d.messageId];
          if (template === undefined) throw new Error(`rule ${rule.id} reported an undeclared messageId "${d.messageId}"`);
          message = renderMessage(template, d.data);
        }
        const diagnostic: Diagnostic = {
          rule: rule.id,
          severity: configured ? setting : d.severity ?? setting,
          message: message!,
          start: d.start,
          end: d.end,
          related: d.related ?? [],
          fixes: d.fixes ?? [],
        };
        if (d.messageId !== undefined) diagnostic.messageId = d.messageId;
        if (d.tags) diagnostic.tags = d.tags;
        diagnostics.push(diagnostic);
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      const error = e instanceof Error ? e.stack ?? e.message : String(e);
      // a message can quote a huge input (a regular expression, a value): keep the report readable
      ruleErrors.push({ rule: rule.id, error: error.length > 2000 ? `${error.slice(0, 2000)}… (${error.length} characters)` : error });
    }
  }
  const kept = applyDirectives(src, model.comments, lines, diagnostics, { knownRules: ruleIds, reportUnused: options.reportUnusedDisableDirectives });
  kept.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { doc, model, lines, diagnostics: kept, ruleErrors, citations, skippedRules, ...(skippedFor ? { skippedFor } : {}) };
}

/**
 * Applies edits from the end of the text backwards, skipping any that overlap one already taken.
 * Returns the new text and how many edits were applied.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  const kept: TextEdit[] = [];
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit || e.start > e.end || e.start < 0 || e.end > text.length) continue;
    kept.push(e);
    limit = e.start;
  }
  // One join instead of rebuilding the whole text per edit (quadratic in the number of edits).
  const parts: string[] = [];
  let pos = 0;
  for (let i = kept.length - 1; i >= 0; i--) {
    parts.push(text.slice(pos, kept[i].start), kept[i].newText);
    pos = kept[i].end;
  }
  parts.push(text.slice(pos));
  return { text: parts.join(''), applied: kept.length };
}

/** The safe, non-snippet fixes of the diagnostics: one fix per diagnostic (its first safe one). */
export function safeFixEdits(diagnostics: Diagnostic[], onlyRule?: string | ((rule: string) => boolean)): TextEdit[][] {
  const out: TextEdit[][] = [];
  for (const d of diagnostics) {
    if (onlyRule && (typeof onlyRule === 'string' ? d.rule !== onlyRule : !onlyRule(d.rule))) continue;
    const fix = d.fixes.find((f) => f.safe && !f.snippet);
    if (fix) out.push(fix.edits);
  }
  return out;
}

/**
 * Applies every safe fix, re-linting until nothing changes (at most 10 passes). A fix made of several edits is
 * applied whole or not at all: groups that overlap an earlier-taken group are left for the next pass.
 */
export function fixAll(text: string, options: LintOptions = {}, onlyRule?: string | ((rule: string) => boolean)): { text: string; fixed: number; passes: number } {
  let current = text;
  let fixed = 0;
  let passes = 0;
  for (; passes < 10; passes++) {
    const result = lint(current, options);
    const groups = safeFixEdits(result.diagnostics, onlyRule);
    if (!groups.length) break;
    const chosen: TextEdit[] = [];
    const taken = new TakenRanges();
    for (const g of groups) {
      let lo = Infinity, hi = -Infinity;
      for (const e of g) {
        lo = Math.min(lo, e.start);
        hi = Math.max(hi, e.end);
      }
      if (taken.take(lo, hi)) chosen.push(...g);
    }
    const { text: next, applied } = applyEdits(current, chosen);
    if (!applied || next === current) break;
    fixed += taken.size;
    current = next;
  }
  return { text: current, fixed, passes };
}

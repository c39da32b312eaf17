import type { DocumentModel } from '../model';
import type { DocumentNode } from '../parser/nodes';
import type { Citation } from '../citations';
import type { LinkLookup } from '../links/types';
import type { PageLanguageGuess } from '../pageLanguage';
import type { CitationProfile } from '../profile';

/** Severity of a diagnostic, as configured; `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleSetting = Severity | 'off';

/** A text replacement in offsets of the linted text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A fix: edits that resolve a diagnostic. Snippet fixes contain `${1:placeholder}` tab stops. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without review (used by `--fix` and preferred quick fixes). */
  safe: boolean;
  /** The new text is an LSP snippet (an editor fills the placeholders; `--fix` never applies these). */
  snippet?: boolean;
}

/** Another place that explains a diagnostic (the other definition of a duplicate ref). */
export interface RelatedLocation {
  start: number;
  end: number;
  message: string;
}

/** A problem found by a rule. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  /** The rendered message (the rule's message template with its data filled in). */
  message: string;
  /** Which of the rule's declared `messages` this is, when the rule reported with a messageId. */
  messageId?: string;
  start: number;
  end: number;
  related: RelatedLocation[];
  fixes: Fix[];
  tags?: ('unnecessary' | 'deprecated')[];
}

/** A calendar day, as rules receive "today" (never read from the clock inside a rule). */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** What a rule's check receives. */
export interface RuleContext {
  src: string;
  doc: DocumentNode;
  model: DocumentModel;
  /** Citation templates of the page, analysed once and shared by the citation rules. */
  citations: Citation[];
  today: Day;
  /** Date format for dates a fix inserts when neither the page nor the citation shows one: configured, else ISO. */
  fallbackDateFormat: 'dmy' | 'mdy' | 'iso';
  /** Options given to this rule in the configuration (`[severity, options]`). */
  options: Record<string, unknown>;
  /** Results of a link check (`--check-links`, the Check Links command); undefined when links were not checked. */
  links?: LinkLookup;
  /** The wiki's citation profile (local templates, parameters, dates, ref templates), when one is in use. */
  citationProfile?: CitationProfile;
  /** With no site configured: the other-language wiki this text's own links point to (page-language-mismatch). */
  pageLanguage?: PageLanguageGuess;
  report(d: ReportDescriptor): void;
}

/** Values filled into a message template's `{{name}}` placeholders. */
export type MessageData = Record<string, string | number>;

/**
 * What a rule reports: a range, and either `messageId` (a key of the rule's `messages`) with the `data` for its
 * placeholders, as ESLint's context.report, or a ready `message`.
 */
export type ReportDescriptor = Omit<Diagnostic, 'rule' | 'severity' | 'related' | 'fixes' | 'message' | 'messageId'>
  & Partial<Pick<Diagnostic, 'related' | 'fixes' | 'severity'>>
  & ({ messageId: string; data?: MessageData; message?: never } | { message: string; messageId?: never; data?: never });

/** Fills a message template's `{{name}}` placeholders from data; a placeholder with no data stays as written. */
export function renderMessage(template: string, data: MessageData | undefined): string {
  if (!data || template.indexOf('{{') < 0) return template;
  return template.replace(/\{\{\s*([A-Za-z_]\w*)\s*\}\}/g, (m, k: string) => (Object.hasOwn(data, k) ? String(data[k]) : m));
}

/** What a rule is about: the Cite extension's refs, CS1 citations, project policy beyond Wikipedia, links, any template. */
export type RuleCategory = 'ref' | 'cite' | 'cs1' | 'policy' | 'links' | 'template';

/** Where a rule holds: in every language, or with English Wikipedia's citation templates only. */
export type RuleLanguages = 'any' | 'en';

/** The kind of fix a rule may offer: `safe` fixes are applied by `--fix`, `suggestion`s only by a person; null: none. */
export type RuleFixable = 'safe' | 'suggestion' | null;

/** One option a rule accepts in `[severity, options]`; configuration is checked against it. */
export interface RuleOption {
  type: 'boolean' | 'string' | 'number' | 'string[]';
  description: string;
  default?: unknown;
}

/**
 * A lint rule: one file each, named by its id, registered in `rules/index.ts`. Its fields are the one source
 * of what is said about it elsewhere (README and docs tables, package.json schema, --list-rules, option checks):
 * `node scripts/sync-manifest.mjs` regenerates those, and test/rules/metadata.test.ts fails when they are stale.
 */
export interface Rule {
  /** Kebab-case id, fixed: configuration and docs use it. */
  id: string;
  defaultSeverity: RuleSetting;
  /** One sentence: what it checks. */
  description: string;
  /** The Wikipedia check it mirrors (Cite message key, CS1 error key, CheckWiki number), or null when the rule is ours alone. */
  wikipedia: string | null;
  category: RuleCategory;
  /**
   * Where the rule holds: `any` = in every language (ref names, duplicate parameters, identifier checksums),
   * `en` = needs English Wikipedia's citation templates and conventions (CS1 names, dates, policy); these are
   * skipped on a wiki that is not English when no citation profile for it is available.
   */
  languages: RuleLanguages;
  fixable: RuleFixable;
  /**
   * Its messages by id (as ESLint's meta.messages): templates with `{{name}}` placeholders that `report({messageId,
   * data})` fills. Every id is used by the rule, and every report names a declared id (test/rules/messages.test.ts).
   */
  messages?: Record<string, string>;
  /** The options it accepts, by key (none when absent). */
  options?: Record<string, RuleOption>;
  check(ctx: RuleContext): void;
}

import type { DocumentModel } from '../model';
import type { DocumentNode } from '../parser/nodes';
import type { Citation } from '../citations';

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
  message: string;
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
  report(d: Omit<Diagnostic, 'rule' | 'severity' | 'related' | 'fixes'> & Partial<Pick<Diagnostic, 'related' | 'fixes' | 'severity'>>): void;
}

/** A lint rule: one file each, registered in `rules/index.ts`. */
export interface Rule {
  /** Kebab-case id, fixed: configuration and docs use it. */
  id: string;
  defaultSeverity: RuleSetting;
  /** One sentence: what it checks. */
  description: string;
  /** The Wikipedia check it mirrors (Cite message key, CS1 error key, CheckWiki number), or null when the rule is ours alone. */
  wikipedia: string | null;
  /** Agreed metadata (h10 makes these required). */
  category?: 'ref' | 'cite' | 'cs1' | 'policy' | 'links' | 'template';
  fixable?: 'safe' | 'suggestion' | null;
  options?: Record<string, { type: 'boolean' | 'string' | 'number' | 'string[]'; description: string; default?: unknown }>;
  check(ctx: RuleContext): void;
}

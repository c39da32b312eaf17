/**
 * One analysed document version: the tree, the model, the line index, citations and diagnostics.
 * The server builds it once per version and every request of that version reads it.
 */
import { parse } from './parser/parse';
import { diffTexts } from './parser/reuse';
import { buildModel } from './model';
import { lintDocument, LintOptions, LintResult } from './lint/lint';

/** Everything known about one version of a document. */
export interface Analysis extends LintResult {
  text: string;
  /** The site profile it was parsed with (a tree made with another profile is never reused). */
  profile?: LintOptions['profile'];
  /** The citation profile it was linted with: hover and completion read its dates and names. */
  citationProfile?: LintOptions['citationProfile'];
}

/**
 * Parses, models and lints a text. Given the analysis of the previous version, the parse takes the
 * unchanged parts of its tree (which is consumed: `previous` must not be used afterwards).
 */
export function analyse(text: string, options: LintOptions = {}, previous?: Analysis): Analysis {
  const reuse = previous && previous.text !== text && previous.profile === options.profile;
  const doc = reuse ? parse(text, { doc: previous.doc, change: diffTexts(previous.text, text) }, options.profile) : parse(text, undefined, options.profile);
  const result = lintDocument(doc, buildModel(doc, options.citationProfile), options);
  return { ...result, text, profile: options.profile, citationProfile: options.citationProfile };
}

/**
 * `analyse` in two steps with `pause` awaited between the parse and the rules, so that a server can answer
 * other documents' requests in between (the core stays free of timers: the caller supplies the pause).
 */
export async function analyseInSteps(text: string, options: LintOptions, previous: Analysis | undefined, pause: () => Promise<void>): Promise<Analysis> {
  const reuse = previous && previous.text !== text && previous.profile === options.profile;
  const doc = reuse ? parse(text, { doc: previous.doc, change: diffTexts(previous.text, text) }, options.profile) : parse(text, undefined, options.profile);
  await pause();
  const result = lintDocument(doc, buildModel(doc, options.citationProfile), options);
  return { ...result, text, profile: options.profile, citationProfile: options.citationProfile };
}

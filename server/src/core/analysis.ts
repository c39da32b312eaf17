/**
 * One analysed document version: the tree, the model, the line index, citations and diagnostics.
 * The server builds it once per version and every request of that version reads it.
 */
import { parse } from './parser/parse';
import { buildModel } from './model';
import { lintDocument, LintOptions, LintResult } from './lint/lint';

/** Everything known about one version of a document. */
export interface Analysis extends LintResult {
  text: string;
}

/** Parses, models and lints a text. */
export function analyse(text: string, options: LintOptions = {}): Analysis {
  const doc = parse(text);
  const result = lintDocument(doc, buildModel(doc), options);
  return { ...result, text };
}

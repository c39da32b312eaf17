/**
 * The language features, one module each, behind one facade. Every function is pure: it takes an
 * `Analysis` (one parsed, linted document version) and offsets, and returns offsets and plain data
 * (`./types.ts`); the server converts them to LSP types in `server/src/toProto.ts`. Features never import
 * each other nor the rules: what they share is a core module (`citationInfo.ts`, `templateContext.ts`,
 * `refNames.ts`, `text.ts`). Both rules are tested (`test/core/boundaries.test.ts`).
 */
import { hover } from './hover';
import { completion } from './completion';
import { signatureHelp } from './signatureHelp';
import { refactors } from './refactors';
import { definition, references, prepareRename, rename, documentHighlights } from './navigation';
import { documentSymbols } from './symbols';
import { foldingRanges } from './folding';
import { documentLinks } from './links';
import { selectionRanges } from './selection';
import { semanticTokens, semanticTokensLegend } from './semanticTokens';

export type * from './types';

export const features = {
  hover,
  completion,
  signatureHelp,
  refactors,
  definition,
  references,
  prepareRename,
  rename,
  documentHighlights,
  documentSymbols,
  foldingRanges,
  documentLinks,
  selectionRanges,
  semanticTokens,
  semanticTokensLegend,
};

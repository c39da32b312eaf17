/** The rule registry: every rule, in the order they run and are listed. */
import type { Rule } from '../lint/types';
import { refDuplicateName } from './refDuplicateName';
import { refUndefinedName } from './refUndefinedName';
import { refEmpty } from './refEmpty';
import { refNumericName } from './refNumericName';
import { refInvalidAttribute } from './refInvalidAttribute';
import { refUnclosed } from './refUnclosed';
import { refNested } from './refNested';
import { refGroupWithoutList } from './refGroupWithoutList';
import { refListDefinedUnused } from './refListDefinedUnused';
import { refIdenticalContent } from './refIdenticalContent';

export const rules: Rule[] = [
  refDuplicateName,
  refUndefinedName,
  refEmpty,
  refNumericName,
  refInvalidAttribute,
  refUnclosed,
  refNested,
  refGroupWithoutList,
  refListDefinedUnused,
  refIdenticalContent,
];

/** Ids of all rules (configuration is checked against it). */
export const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.id));

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/analysis';
import { parseTreeText } from '../../server/src/core/features/syntaxTree';

test('the syntax tree command prints the indented tree', () => {
  const a = analyse('a{{b|c}}');
  assert.equal(
    parseTreeText(a),
    [
      'Document [0, 8)',
      '  Text [0, 1) "a"',
      '  Template [1, 8) name="B"',
      '    Punct [1, 3) "{{"',
      '    TemplateName [3, 4) "b"',
      '    Parameter [4, 6) name="1" positional=true',
      '      Punct [4, 5) "|"',
      '      ParameterValue [5, 6) "c"',
      '    Punct [6, 8) "}}"',
      '',
    ].join('\n'),
  );
});

test('the syntax tree of broken wikitext keeps the unclosed opener as text', () => {
  assert.equal(parseTreeText(analyse('{{a|')), 'Document [0, 4)\n  Text [0, 4) "{{a|"\n');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, printTree, checkTree } from '../../server/src/core/parser/parse';
import { corpusFiles, hasCorpus, FIXTURES } from '../helpers/tree';

function roundTrip(text: string, label: string) {
  const doc = parse(text);
  const problem = checkTree(doc);
  assert.equal(problem, null, `${label}: ${problem}`);
  assert.equal(printTree(doc), text, `${label}: printed tree differs from input`);
}

test('fixtures round-trip and tile their text', () => {
  const dir = join(FIXTURES, 'corpus');
  const files = readdirSync(dir).filter((n) => n.endsWith('.wiki'));
  assert.ok(files.length >= 4);
  for (const f of files) roundTrip(readFileSync(join(dir, f), 'utf8'), f);
});

test('every corpus file round-trips (articles, fragments, non-article, parser test files)', { skip: hasCorpus ? false : 'shared corpus not present on this machine' }, () => {
  const files = [
    ...corpusFiles('articles'), ...corpusFiles('fragments'), ...corpusFiles('non-article'), ...corpusFiles('seed'),
    ...corpusFiles('parsoid-cases', (n) => n.endsWith('.txt')),
  ];
  assert.ok(files.length > 400, `expected the whole corpus, found ${files.length} files`);
  for (const f of files) roundTrip(readFileSync(f, 'utf8'), f);
});

test('each input of the MediaWiki parser test files round-trips on its own', { skip: hasCorpus ? false : 'shared corpus not present on this machine' }, () => {
  let cases = 0;
  for (const f of corpusFiles('parsoid-cases', (n) => n.endsWith('.txt'))) {
    const text = readFileSync(f, 'utf8');
    const re = /^!!\s*wikitext\n([\s\S]*?)^!!/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      roundTrip(m[1], `${f} case at ${m.index}`);
      cases++;
    }
  }
  assert.ok(cases > 1000, `expected many parser test cases, found ${cases}`);
});

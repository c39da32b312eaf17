/** Test helpers: compact printing of syntax trees and access to the shared corpus. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SyntaxNode, DocumentNode } from '../../server/src/core/parser/nodes';

/** `Type[child child]` with leaves as `Type"text"`; Text leaves print as `"text"` only. */
export function compact(doc: DocumentNode, node: SyntaxNode = doc): string {
  if (!node.children) {
    const text = JSON.stringify(doc.source.slice(node.start, node.end));
    return node.type === 'Text' ? text : node.type + text;
  }
  const inner = node.children.map((c) => compact(doc, c)).join(' ');
  return node === doc ? inner : `${node.type}[${inner}]`;
}

/** The shared corpus folder, when this machine has it. */
export const CORPUS = resolve(__dirname, '../../../shared/corpus');
export const hasCorpus = existsSync(join(CORPUS, 'articles'));

/** Every file under a folder of the corpus (recursively), sorted. */
export function corpusFiles(sub: string, filter: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (filter(n)) out.push(p);
    }
  };
  if (existsSync(join(CORPUS, sub))) walk(join(CORPUS, sub));
  return out;
}

export const FIXTURES = resolve(__dirname, '../fixtures');
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

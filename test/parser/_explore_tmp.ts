import Parser from 'wikiparser-node';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from '/work/main/server/src/core/parser/parse';
import { corpusFiles } from '/work/main/test/helpers/tree';
import { syntaxData } from '/work/main/server/src/core/parser/syntaxData';
const base = require('wikiparser-node/config/enwiki.json');
const ext = [...new Set([...base.ext, ...syntaxData.rawTags, ...syntaxData.wikitextTags].filter(t => !['includeonly','noinclude','onlyinclude'].includes(t)))];
Parser.config = { ...base, ext };
type Kind = 'template'|'ref'|'link';
function ours(text: string) {
  const out: Record<Kind, Set<string>> = { template: new Set(), ref: new Set(), link: new Set() };
  const doc = parse(text);
  const st: any[] = [doc];
  while (st.length) { const n = st.pop(); 
    if (n.type==='Template'||n.type==='ParserFunction'||n.type==='MagicWord') out.template.add(n.start+','+n.end);
    else if (n.type==='ExtensionTag' && n.name==='ref' && n.closed) out.ref.add(n.start+','+n.end);
    else if (n.type==='Wikilink') out.link.add(n.start+','+n.end);
    if (n.children) st.push(...n.children); }
  return out;
}
function theirs(text: string) {
  const out: Record<Kind, Set<string>> = { template: new Set(), ref: new Set(), link: new Set() };
  const root = Parser.parse(text);
  const st: any[] = [root];
  while (st.length) { const n = st.pop();
    const k: Kind|null = n.type==='template'||n.type==='magic-word' ? 'template' : n.type==='ext'&&n.name==='ref' ? 'ref' : (n.type==='link'||n.type==='file'||n.type==='category') ? 'link' : null;
    if (k) { const s = n.getAbsoluteIndex(); out[k].add(s+','+(s+String(n).length)); }
    if (n.childNodes) for (const c of n.childNodes) if (c.type!=='text') st.push(c); }
  return out;
}
const files = corpusFiles('articles');
let to=0, tt=0; const tot: any = {};
const diffs: string[] = [];
for (const f of files) {
  const text = readFileSync(f,'utf8');
  let t0=performance.now(); const a = ours(text); to += performance.now()-t0;
  t0=performance.now(); const b = theirs(text); tt += performance.now()-t0;
  for (const k of ['template','ref','link'] as Kind[]) {
    const T = tot[k] ??= {ours:0,theirs:0,match:0};
    T.ours += a[k].size; T.theirs += b[k].size;
    for (const s of a[k]) if (b[k].has(s)) T.match++; else { const [x,y]=s.split(',').map(Number); diffs.push(`${k}\tOURS_ONLY\t${f.split('/').pop()}\t${x}\t${JSON.stringify(text.slice(x, Math.min(y, x+150)))}`); }
    for (const s of b[k]) if (!a[k].has(s)) { const [x,y]=s.split(',').map(Number); diffs.push(`${k}\tTHEIRS_ONLY\t${f.split('/').pop()}\t${x}\t${JSON.stringify(text.slice(x, Math.min(y, x+150)))}`); }
  }
}
console.log(tot, 'ours ms', to|0, 'theirs ms', tt|0, 'diffs', diffs.length);
writeFileSync('/tmp/cf/diffs.tsv', diffs.join('\n'));

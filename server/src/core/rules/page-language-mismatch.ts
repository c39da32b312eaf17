import type { Rule } from '../lint/types';

/**
 * With no site configured, a text whose own File/Category links use another language's namespace names
 * (`[[Datei:`, `[[Kategorie:`, `[[Категорія:`) is likely from that language's wiki: one note says which, and
 * the setting that makes the linter follow it. (The English-only rules are skipped for that text meanwhile.)
 */
export const pageLanguageMismatch: Rule = {
  id: 'page-language-mismatch',
  defaultSeverity: 'info',
  description: 'With no site configured, the text\'s own links use another language\'s namespace names: it likely belongs to that wiki.',
  wikipedia: null,
  category: 'policy',
  languages: 'any',
  fixable: null,
  messages: {
    otherWiki: "This text's links use the namespace names of the \"{{lang}}\" wiki ({{names}}): it likely belongs to {{wiki}}. Set \"site\": \"{{wiki}}\" in .wikitext-lint.json (or pass --site {{wiki}}); until then the English citation checks are not run on it.",
    severalWikis: 'This text\'s links use namespace names ({{names}}) that several wikis share: it likely belongs to one of {{list}}. Set "site" in .wikitext-lint.json (or pass --site) to its wiki; until then the English citation checks are not run on it.',
  },
  check(ctx) {
    const g = ctx.pageLanguage;
    if (!g) return;
    const names = g.names.map((n) => `${n.name}: (${n.count})`).join(', ');
    if (!g.wiki) {
      // names several languages share (Kategori: is nn, nb, sv and da's): name the candidates, never one wrong wiki
      const wikis = g.candidates.map((c) => c.wiki);
      const list = wikis.length > 8 ? `${wikis.slice(0, 8).join(', ')}...` : wikis.join(', ');
      ctx.report({
        start: g.start,
        end: g.end,
        messageId: 'severalWikis',
        data: { names, list },
      });
      return;
    }
    ctx.report({
      start: g.start,
      end: g.end,
      messageId: 'otherWiki',
      data: { lang: g.lang ?? '', names, wiki: g.wiki },
    });
  },
};

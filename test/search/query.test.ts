import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_QUERY_WORDS, makeSnippet, parseSearchQuery } from '../../src/domain/search.js';

describe('reading a search query', () => {
  it('splits words, keeps quoted phrases, and takes the last word as a prefix while typing', () => {
    expect(parseSearchQuery('Tyngdtäcken "nära vård" beslut').clauses).toEqual([
      { words: ['tyngdtäcken'], phrase: false, prefix: false },
      { words: ['nära', 'vård'], phrase: true, prefix: false },
      { words: ['beslut'], phrase: false, prefix: true },
    ]);
    expect(parseSearchQuery('beslut ').clauses[0]!.prefix).toBe(false);
    expect(parseSearchQuery('be').clauses[0]!.prefix).toBe(false); // too short to be a useful prefix
  });

  it('reads typographic quotes and ignores an unpaired quote', () => {
    expect(parseSearchQuery('”fasta kontakter”').clauses).toEqual([{ words: ['fasta', 'kontakter'], phrase: true, prefix: false }]);
    expect(parseSearchQuery('"fasta kontakter').clauses).toEqual([
      { words: ['fasta'], phrase: false, prefix: false },
      { words: ['kontakter'], phrase: false, prefix: true },
    ]);
  });

  it('makes a hyphenated word a phrase of its parts', () => {
    expect(parseSearchQuery('UPH-medel ').clauses).toEqual([{ words: ['uph', 'medel'], phrase: true, prefix: false }]);
  });

  it('reduces tsquery syntax and SQL to separators', () => {
    expect(parseSearchQuery("a&b|!c:*(d)<->e'f\\g").words).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(parseSearchQuery("' or 1=1; drop table x --").words).toEqual(['or', '1', 'drop', 'table', 'x']);
    expect(parseSearchQuery('&|!():*').clauses).toEqual([]);
  });

  it('drops invisible characters and caps the number of words', () => {
    expect(parseSearchQuery('hä\u200blsa\u0000 \u202eregion').words).toEqual(['hä', 'lsa', 'region']);
    const long = parseSearchQuery(Array.from({ length: 40 }, (_, i) => `ord${i}`).join(' '));
    expect(long.words).toHaveLength(MAX_QUERY_WORDS);
    expect(long.truncated).toBe(true);
    expect(parseSearchQuery('x'.repeat(100)).words).toEqual([]);
  });

  it('only ever yields words of letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const p = parseSearchQuery(s);
        expect(p.words.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
        for (const w of p.words) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
    );
  });
});

describe('snippets', () => {
  it('escapes the text and only then marks the hits, folding diacritics (a long compound is not a hit of its first part)', () => {
    const s = makeSnippet('<b>Hälsa</b> & halsa: "beslutade" beslutsunderlag', ['hals', 'beslut']);
    expect(s.html).toBe('&lt;b&gt;<mark>Hälsa</mark>&lt;/b&gt; &amp; <mark>halsa</mark>: &quot;<mark>beslutade</mark>&quot; beslutsunderlag');
    expect(s.ranges[0]).toEqual([3, 8]);
  });

  it('cuts a long text around the hits', () => {
    const words = Array.from({ length: 100 }, (_, i) => `ord${i}`);
    words[60] = 'tyngdtäcken';
    const s = makeSnippet(words.join(' '), ['tyngdtack'], { words: 10 });
    expect(s.html).toMatch(/^… ord57 ord58 ord59 <mark>tyngdtäcken<\/mark> ord61/);
    expect(s.html.endsWith(' …')).toBe(true);
  });

  it('never lets markup through', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), (text, stems) => {
        const html = makeSnippet(text, stems).html.replace(/<\/?mark>/g, '');
        expect(html).not.toMatch(/[<>"']/);
      }),
    );
  });
});

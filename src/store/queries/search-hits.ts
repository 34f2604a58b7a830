import { foldWord, makeSnippet } from '../../domain/search.js';
import type { SearchHit, SearchType } from './search.js';

// A result row of the search's page statement, made into what the API shows: the title and a
// snippet of the text with the hits marked (escaped HTML, nothing else is markup).

export interface PageRow {
  id: number;
  type: SearchType;
  ref_id: number;
  meeting_id: number | null;
  item_id: number | null;
  meeting_date: string | null;
  status: string;
  score: number;
  body_id: number | null;
  body_name: string | null;
  item_number: number | null;
  item_title: string | null;
  title: string | null;
  text: string | null;
}

export function toHit(r: PageRow, stems: string[], prefixes: string[]): SearchHit {
  const folded = stems.map(foldWord);
  const snippet = makeSnippet(r.text ?? '', folded, { prefixes: prefixes.map(foldWord) });
  const title = r.type === 'body' ? (r.body_name ?? '') : (r.title ?? '');
  return {
    type: r.type,
    id: r.ref_id,
    title,
    titleHtml: makeSnippet(title, folded, { prefixes: prefixes.map(foldWord), words: 1000 }).html,
    snippet: snippet.html,
    meeting: r.meeting_id !== null ? { id: r.meeting_id, date: r.meeting_date, status: r.status } : null,
    body: r.body_id !== null || r.type === 'body' ? { id: r.body_id ?? r.ref_id, name: r.body_name ?? '' } : null,
    item: r.item_id !== null ? { id: r.item_id, number: r.item_number, title: r.item_title ?? '' } : null,
    score: Math.round(r.score * 10000) / 10000,
  };
}

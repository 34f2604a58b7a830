// "Föredragande: Katarina Lindahl och Britta Edström", "…: A, B, C", "…: Anna Berg, socialchef".
// A part after a comma is a title when it does not look like a name.

import type { PreviewPresenter } from '../../domain/protocol-preview.js';
import { isOrgLike, isPersonName, isNameToken } from './people.js';
import { fuzzyLabel, ocrFold } from './text-utils.js';

const LABELS = ['foredragande', 'foredragare', 'foredrar', 'presentatorer', 'presentator', 'foredragande tjansteperson', 'foredragande tjanstepersoner'];

/** The names after a presenter label, or null when the line is not a presenter line. */
export function matchPresenterLine(line: string): string | null {
  const m = /^([^:]{6,32}?)\s*:\s*(.*)$/.exec(line.trim());
  if (m) return fuzzyLabel(m[1]!, LABELS) ? m[2]!.trim() : null;
  // "Föredragande Anna Berg" without the colon.
  const open = /^(\S{8,16})\s+(\p{Lu}.*)$/u.exec(line.trim());
  if (open && fuzzyLabel(open[1]!, LABELS)) return open[2]!.trim();
  const bare = /^(\S+)\s*$/.exec(line.trim());
  if (bare && fuzzyLabel(bare[1]!, LABELS)) return '';
  return null;
}

/** A presenter line goes on when it ends in a comma or a conjunction. */
export function presenterLineContinues(value: string): boolean {
  return value === '' || /(?:,|\boch|\bsamt|&)\s*$/iu.test(value);
}

export function parsePresenters(value: string): PreviewPresenter[] {
  const cleaned = value.replace(/\s+/g, ' ').replace(/[.;,\s]+$/u, '').trim();
  if (!cleaned) return [];
  const out: PreviewPresenter[] = [];
  const parts = cleaned.split(/\s*[,;]\s*|\s+(?:och|samt|&|and)\s+/iu).filter(Boolean);
  for (const raw of parts) {
    let part = raw.trim().replace(/^(?:och|samt|&|and)\s+/iu, '');
    let title: string | null = null;
    const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(part);
    if (paren) {
      part = paren[1]!.trim();
      title = paren[2]!.trim();
    }
    const nameLike = isPersonName(part) || (isPersonName(part, 1) && !isOrgLike(part) && part.split(' ').length === 1);
    if (nameLike) {
      out.push({ name: part, title });
      continue;
    }
    const prev = out[out.length - 1];
    if (prev) {
      prev.title = prev.title ? prev.title + ', ' + part : part;
    } else if (/^\p{Lu}/u.test(part) && isNameToken(part.split(' ')[0]!)) {
      out.push({ name: part, title }); // an unusual name is still the presenter
    }
  }
  return dedupe(out);
}

function dedupe(list: PreviewPresenter[]): PreviewPresenter[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = ocrFold(p.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

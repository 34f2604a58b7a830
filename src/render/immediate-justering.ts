// Omedelbar justering as the protocol and its extract word it, under the item's decision:
// "Paragrafen förklarades omedelbart justerad 2026-04-17. Justerad av Carin Nilsson (ordförande)
// och Jonas Berg (justerare)." The extract of such an item is built in ./immediate-extract.ts.

import type { ImmediateJusteringNote } from '../domain/immediate-justering.js';
import type { AgendaItem } from '../domain/model.js';
import { esc, wrapText } from './format.js';

export const SV_IMMEDIATE = {
  declared: (date: string) => `Paragrafen förklarades omedelbart justerad ${date}.`,
  by: (names: string) => `Justerad av ${names}.`,
  and: 'och',
} as const;

/** "Carin Nilsson (ordförande) och Jonas Berg (justerare)". */
function names(note: ImmediateJusteringNote): string {
  const parts = note.signatories.map((s) => `${s.name} (${s.role})`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${SV_IMMEDIATE.and} ${parts[parts.length - 1]}`;
}

/** The two sentences, as text (the API and the web page say the same). */
export function immediateJusteringText(note: ImmediateJusteringNote): string {
  return [SV_IMMEDIATE.declared(note.justifiedOn), note.signatories.length ? SV_IMMEDIATE.by(names(note)) : ''].filter(Boolean).join(' ');
}

/** The note under an item's decision, or nothing for an item not justified at once. */
export function immediateJusteringHtml(item: AgendaItem): string {
  // A protocol version frozen as JSON before this existed has no such field.
  const note = item.immediateJustering;
  if (!note) return '';
  return `<div class="immediate-justering"><p><strong>${esc(SV_IMMEDIATE.declared(note.justifiedOn))}</strong>${note.signatories.length ? ` ${wrapText(SV_IMMEDIATE.by(names(note)), 'prose')}` : ''}</p></div>`;
}

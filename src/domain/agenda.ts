import type { DecisionOutcome, StandardItem } from './model.js';

// The agenda of a meeting: the standard items every body uses, where the body's own items go, and
// the numbering that runs on through the body's year (a meeting may start at 10 or 40).

export interface StandardItemDraft {
  standard: StandardItem;
  title: string;
  kind: 'decision' | 'information' | null;
}

/** The standard items, in order; the body's own items go between `previous-minutes` and `referrals`. */
export function standardAgenda(opts: { referralsTo: string | null; agendaWord?: 'föredragningslista' | 'dagordning' }): { before: StandardItemDraft[]; after: StandardItemDraft[] } {
  return {
    before: [
      { standard: 'approve-agenda', title: `Godkännande av ${opts.agendaWord ?? 'föredragningslista'}`, kind: 'decision' },
      { standard: 'justerare', title: 'Val av justerare', kind: 'decision' },
      { standard: 'previous-minutes', title: 'Föregående protokoll', kind: null },
    ],
    after: [
      ...(opts.referralsTo ? [{ standard: 'referrals' as const, title: `Ärenden till ${opts.referralsTo}`, kind: null }] : []),
      { standard: 'other-questions', title: 'Övriga frågor', kind: null },
      { standard: 'summary', title: 'Genomgång och sammanfattning av beslut', kind: null },
      { standard: 'next-meeting', title: 'Nästa möte', kind: null },
    ],
  };
}

/** The first number of a new meeting's items: one after the last number the body used that year. */
export function nextItemNumber(lastNumberThisYear: number | null): number {
  return (lastNumberThisYear ?? 0) + 1;
}

/** Numbers for items in agenda order, continuing from `first`. */
export function renumber<T>(items: T[], first: number): (T & { number: number; position: number })[] {
  return items.map((item, i) => ({ ...item, number: first + i, position: i }));
}

/** Where a new item of the body's own goes: before the first of the closing standard items. */
export function insertionIndex(items: { standard: StandardItem | null }[]): number {
  const closing: StandardItem[] = ['referrals', 'other-questions', 'summary', 'next-meeting'];
  const at = items.findIndex((i) => i.standard !== null && closing.includes(i.standard));
  return at === -1 ? items.length : at;
}

/** The decision text for a one-click outcome, as protocols write it. */
export function outcomeText(outcome: DecisionOutcome, body: string, referredTo?: string): string {
  switch (outcome) {
    case 'informed':
      return `${body} godkände informationen.`;
    case 'filed':
      return 'Ärendet lades till handlingarna.';
    case 'referred-back':
      return `Ärendet återremitteras till ${referredTo?.trim() || 'beredningen'}.`;
    case 'withdrawn':
      return 'Ärendet utgår.';
  }
}

/** "Länssamverkansgruppen beslutade att anta strategin att uppdra …": a decision with att-clauses. */
export function decisionText(body: string, clauses: string[]): string {
  const parts = clauses.map((c) => c.trim().replace(/^att\s+/i, '')).filter(Boolean);
  if (parts.length === 0) return '';
  return `${body} beslutade ${parts.map((c) => `att ${c}`).join(' ')}`.replace(/\s+/g, ' ').trim();
}

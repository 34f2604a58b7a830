import { describe, expect, it } from 'vitest';
import {
  approvalRefusal, isJustified, itemFrozenRefusal, presentAtItem, proposedSignatories, proposeRefusal, signatoryProblem, withdrawRefusal,
} from '../../src/domain/immediate-justering.js';
import type { Participant } from '../../src/domain/model.js';
import { immediateJusteringHtml, immediateJusteringText } from '../../src/render/immediate-justering.js';

// The rules of omedelbar justering, without a database: who may propose, approve and withdraw
// when, who justifies by default, and what the protocol says.

const p = (name: string, personId: number, extra: Partial<Participant> = {}): Participant => ({
  name, personId, party: null, organization: null, role: null, replaces: null, note: null, itemsFrom: null, itemsTo: null, ...extra,
});
const draft = { status: 'draft' as const, origin: 'native' as const };

describe('proposing an item for omedelbar justering', () => {
  it('is for an item with a decision in a native draft that is not proposed yet', () => {
    expect(proposeRefusal(draft, { decisions: 1 }, null)).toBeNull();
    expect(proposeRefusal(draft, { decisions: 0 }, null)).toMatchObject({ status: 422, code: 'no_decision' });
    expect(proposeRefusal(draft, { decisions: 1 }, { state: 'proposed' })).toMatchObject({ status: 409, code: 'already_proposed' });
    expect(proposeRefusal(draft, { decisions: 1 }, { state: 'justified' })).toMatchObject({ status: 409, code: 'already_justified' });
  });

  it('is refused once the whole protocol is on justering or justified, and for imported archive protocols', () => {
    expect(proposeRefusal({ ...draft, status: 'justering' }, { decisions: 1 }, null)).toMatchObject({ status: 409, code: 'on_justering' });
    expect(proposeRefusal({ ...draft, status: 'published' }, { decisions: 1 }, null)).toMatchObject({ status: 409, code: 'signed' });
    expect(proposeRefusal({ ...draft, status: 'cancelled' }, { decisions: 1 }, null)).toMatchObject({ status: 409, code: 'not_draft' });
    expect(proposeRefusal({ status: 'published', origin: 'imported' }, { decisions: 1 }, null)).toMatchObject({ status: 409, code: 'imported' });
  });
});

describe('who justifies the item', () => {
  const present = [
    p('Carin Ordförande', 1, { role: 'ordförande' }),
    p('Jonas Justerare', 2, { note: 'justerare' }),
    p('Olle Ledamot', 3),
    p('Lena Sen', 4, { note: 'justerare', itemsFrom: 5, itemsTo: 9 }),
  ];
  const officials = [p('Sara Sekreterare', 5, { note: 'sekreterare' })];

  it('by default the justerare and the ordförande present at the item, never the secretary', () => {
    expect(proposedSignatories({ present, officials, justerareItemTexts: [] }, 3).map((s) => [s.name, s.role])).toEqual([
      ['Jonas Justerare', 'justerare'],
      ['Carin Ordförande', 'ordförande'],
    ]);
    expect(proposedSignatories({ present, officials, justerareItemTexts: [] }, 6).map((s) => s.name)).toEqual(['Jonas Justerare', 'Lena Sen', 'Carin Ordförande']);
  });

  it('the justerare chosen at "Val av justerare" by name', () => {
    const texts = ['Till att jämte ordföranden justera protokollet utsågs Olle Ledamot.'];
    const plain = present.map((x) => ({ ...x, note: null }));
    expect(proposedSignatories({ present: plain, officials, justerareItemTexts: texts }, 3).map((s) => [s.name, s.role])).toEqual([
      ['Olle Ledamot', 'justerare'],
      ['Carin Ordförande', 'ordförande'],
    ]);
  });

  it('a chosen list: each present once, with an ordförande and a justerare', () => {
    const here = new Set(presentAtItem(present, 3).map((x) => x.personId!));
    expect(here.has(4)).toBe(false); // present only for items 5–9
    expect(signatoryProblem([{ personId: 1, role: 'ordförande' }, { personId: 3, role: 'justerare' }], here)).toBeNull();
    expect(signatoryProblem([], here)).toMatch(/ingen ordförande eller justerare/);
    expect(signatoryProblem([{ personId: 1, role: 'ordförande' }, { personId: 1, role: 'justerare' }], here)).toMatch(/bara godkänna en gång/);
    expect(signatoryProblem([{ personId: 1, role: 'ordförande' }, { personId: 4, role: 'justerare' }], here)).toMatch(/närvarande/);
    expect(signatoryProblem([{ personId: 2, role: 'justerare' }], here)).toMatch(/ordföranden/);
    expect(signatoryProblem([{ personId: 1, role: 'ordförande' }], here)).toMatch(/justerare/);
  });
});

describe('approving and withdrawing', () => {
  it('nothing to approve says only that; then only the signatories; an approval is final', () => {
    expect(approvalRefusal('draft', null, null)).toMatchObject({ status: 409, code: 'not_proposed' });
    expect(approvalRefusal('draft', { state: 'justified' }, { approved: true })).toMatchObject({ status: 409, code: 'justified' });
    expect(approvalRefusal('draft', { state: 'proposed' }, null)).toMatchObject({ status: 403, code: 'not_signatory' });
    expect(approvalRefusal('draft', { state: 'proposed' }, { approved: true })).toMatchObject({ status: 409, code: 'already_approved' });
    expect(approvalRefusal('draft', { state: 'proposed' }, { approved: false })).toBeNull();
    expect(approvalRefusal('justering', { state: 'proposed' }, { approved: false })).toBeNull();
    expect(approvalRefusal('published', { state: 'proposed' }, { approved: false })).toMatchObject({ status: 409, code: 'signed' });
  });

  it('justified when every signatory has approved', () => {
    expect(isJustified([{ approved: true }, { approved: false }])).toBe(false);
    expect(isJustified([{ approved: true }, { approved: true }])).toBe(true);
    expect(isJustified([])).toBe(false);
  });

  it('a proposal can be withdrawn, a justified item cannot', () => {
    expect(withdrawRefusal({ state: 'proposed' })).toBeNull();
    expect(withdrawRefusal({ state: 'justified' })).toMatchObject({ status: 409 });
    expect(withdrawRefusal(null)).toMatchObject({ status: 409, code: 'not_proposed' });
  });

  it('an item out for approval or justified may not be changed, and says why with its number', () => {
    expect(itemFrozenRefusal(null, 41)).toBeNull();
    expect(itemFrozenRefusal('withdrawn', 41)).toBeNull();
    expect(itemFrozenRefusal('proposed', 41)?.message).toMatch(/^§ 41 är föreslagen för omedelbar justering/);
    expect(itemFrozenRefusal('justified', 41)?.message).toMatch(/^§ 41 har förklarats omedelbart justerad/);
  });
});

describe('what the protocol says', () => {
  const note = { justifiedOn: '2026-04-17', justifiedAt: '2026-04-17T08:12:00.000Z', contentSha256: 'a'.repeat(64), signatories: [{ name: 'Jonas Justerare', role: 'justerare' as const }, { name: 'Carin Ordförande', role: 'ordförande' as const }] };

  it('"Paragrafen förklarades omedelbart justerad <date>" with the names', () => {
    expect(immediateJusteringText(note)).toBe('Paragrafen förklarades omedelbart justerad 2026-04-17. Justerad av Jonas Justerare (justerare) och Carin Ordförande (ordförande).');
  });

  it('under the item in the document, and nothing for an item not justified at once', () => {
    const item = { immediateJustering: note } as Parameters<typeof immediateJusteringHtml>[0];
    expect(immediateJusteringHtml(item)).toContain('Paragrafen förklarades omedelbart justerad 2026-04-17.');
    expect(immediateJusteringHtml({} as Parameters<typeof immediateJusteringHtml>[0])).toBe('');
  });
});

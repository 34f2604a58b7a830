import { describe, expect, it } from 'vitest';
import {
  chairOf, confirmationRecord, formatDeadline, parseDeadline, settle, tally, type Respondent, type WrittenAnswer,
} from '../../src/domain/written-procedure.js';

// The three rules of a decision by written procedure, settled early, at the deadline, and with
// abstentions; the deadline as written; and the record the confirming meeting keeps.

const members = (...answers: (WrittenAnswer | null)[]): Respondent[] => answers.map((answer) => ({ answer, chair: false }));
const withChair = (chair: WrittenAnswer | null, ...others: (WrittenAnswer | null)[]): Respondent[] => [{ answer: chair, chair: true }, ...members(...others)];

describe('all must agree (alla måste vara eniga)', () => {
  it('stays open while members have not answered and nobody has said no', () => {
    expect(settle('unanimous', members('yes', 'yes', null), false)).toBeNull();
  });

  it('is approved when every member has answered yes, before the deadline', () => {
    expect(settle('unanimous', members('yes', 'yes', 'yes'), false)).toEqual({ outcome: 'approved', reason: 'Alla 3 ledamöter svarade ja.' });
  });

  it('is rejected at once by one no, whoever has not answered yet', () => {
    const s = settle('unanimous', members('yes', 'no', null, null), false);
    expect(s?.outcome).toBe('rejected');
    expect(s?.reason).toMatch(/^Alla ledamöter var inte eniga: 1 ledamot svarade nej/);
  });

  it('lets an abstention stand aside without blocking, as long as someone says yes', () => {
    expect(settle('unanimous', members('yes', 'abstain', 'yes'), false)).toEqual({ outcome: 'approved', reason: 'Ingen ledamot svarade nej (2 ja, 0 nej, 1 avstår).' });
  });

  it('is rejected when everyone abstains: nobody agreed to anything', () => {
    expect(settle('unanimous', members('abstain', 'abstain'), false)?.outcome).toBe('rejected');
  });

  it('is rejected at the deadline when a member has not answered', () => {
    expect(settle('unanimous', members('yes', 'yes', null), true)).toEqual({ outcome: 'rejected', reason: 'Alla ledamöter svarade inte före svarstidens slut (2 ja, 0 nej, 0 avstår, 1 svarade inte).' });
  });
});

describe('a majority of the members (majoritet av ledamöterna)', () => {
  it('is approved as soon as more than half of all members asked have said yes', () => {
    expect(settle('majority', members('yes', 'yes', 'yes', null, null), false)?.outcome).toBe('approved');
    expect(settle('majority', members('yes', 'yes', null, null, null), false)).toBeNull();
  });

  it('counts half of an even number as no majority', () => {
    expect(settle('majority', members('yes', 'yes', null, null), false)).toBeNull();
    expect(settle('majority', members('yes', 'yes', 'no', 'abstain'), false)?.outcome).toBe('rejected');
  });

  it('is rejected early once yes can no longer reach a majority', () => {
    const s = settle('majority', members('no', 'abstain', 'no', null, null), false);
    expect(s?.outcome).toBe('rejected');
    expect(s?.reason).toBe('Förslaget fick inte ja från en majoritet av ledamöterna: 0 av 5 (0 ja, 2 nej, 1 avstår, 2 svarade inte).');
  });

  it('counts abstentions and silence as not yes at the deadline', () => {
    expect(settle('majority', members('yes', 'yes', 'abstain', null, null), false)).toBeNull();
    expect(settle('majority', members('yes', 'yes', 'abstain', null, null), true)?.outcome).toBe('rejected');
    expect(settle('majority', members('yes', 'yes', 'yes', 'abstain', null), true)?.outcome).toBe('approved');
  });
});

describe('the chair decides after consulting (ordföranden beslutar efter samråd)', () => {
  it('waits for the consultation: the chair’s early answer settles nothing while members are still to answer', () => {
    expect(settle('chair', withChair('yes', null, 'no'), false)).toBeNull();
  });

  it('follows the chair once everyone has answered, even against the others', () => {
    expect(settle('chair', withChair('yes', 'no', 'no'), false)).toEqual({ outcome: 'approved', reason: 'Ordföranden beslutade efter samråd att bifalla förslaget (1 ja, 2 nej, 0 avstår).' });
    expect(settle('chair', withChair('no', 'yes', 'yes'), false)?.outcome).toBe('rejected');
  });

  it('decides at the deadline with what the chair answered, whoever else is silent', () => {
    expect(settle('chair', withChair('yes', null, null), true)?.outcome).toBe('approved');
  });

  it('decides nothing when the chair abstains or does not answer', () => {
    expect(settle('chair', withChair('abstain', 'yes', 'yes'), false)).toEqual({ outcome: 'rejected', reason: 'Ordföranden fattade inget beslut (avstod) (2 ja, 0 nej, 1 avstår).' });
    expect(settle('chair', withChair(null, 'yes', 'yes'), true)?.reason).toMatch(/^Ordföranden fattade inget beslut före svarstidens slut/);
  });

  it('finds the chair: the ordförande, else the vice ordförande', () => {
    const asked = [{ name: 'Bo', roles: ['ledamot'] }, { name: 'Vera', roles: ['vice ordförande'] }, { name: 'Olga', roles: ['ledamot', 'ordförande'] }];
    expect(chairOf(asked)?.name).toBe('Olga');
    expect(chairOf(asked.slice(0, 2))?.name).toBe('Vera');
    expect(chairOf(asked.slice(0, 1))).toBeNull();
  });
});

describe('counting', () => {
  it('tallies answers and silence', () => {
    expect(tally(members('yes', 'no', 'abstain', null, 'yes'))).toEqual({ yes: 2, no: 1, abstain: 1, missing: 1, total: 5 });
  });
});

describe('the deadline', () => {
  it('reads a date-time field as Swedish time, winter and summer', () => {
    expect(parseDeadline('2024-11-12T12:00')?.toISOString()).toBe('2024-11-12T11:00:00.000Z');
    expect(parseDeadline('2024-06-12T12:30')?.toISOString()).toBe('2024-06-12T10:30:00.000Z');
  });

  it('takes an instant with its offset as it is', () => {
    expect(parseDeadline('2024-11-12T12:00:00Z')?.toISOString()).toBe('2024-11-12T12:00:00.000Z');
    expect(parseDeadline('2024-11-12T12:00+02:00')?.toISOString()).toBe('2024-11-12T10:00:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    for (const s of ['', '2024-11-12', '12/11/2024 12:00', '2024-02-30T12:00', '2024-11-12T25:00', 'i morgon']) expect(parseDeadline(s), s).toBeNull();
  });

  it('is shown in Swedish time', () => {
    expect(formatDeadline(new Date('2024-11-12T11:00:00Z'))).toBe('2024-11-12 kl. 12:00');
  });
});

describe('the record the confirming meeting keeps', () => {
  it('says in the example protocols’ words what was decided by e-mail, how, and by whom', () => {
    const record = confirmationRecord({
      title: 'beviljade UPH-medel',
      clauses: ['bevilja ansökan enligt beredningsgruppens förslag'],
      rule: 'unanimous',
      sentAt: new Date('2024-11-04T08:00:00Z'),
      deadline: new Date('2024-11-12T11:00:00Z'),
      closedAt: new Date('2024-11-06T14:15:00Z'),
      outcome: 'approved',
      reason: 'Ingen ledamot svarade nej (2 ja, 0 nej, 1 avstår).',
      answers: [{ name: 'Anna Ask', answer: 'yes', comment: 'Bra.' }, { name: 'Bo Berg', answer: 'yes', comment: null }, { name: 'Cia Ceder', answer: 'abstain', comment: null }],
    });
    expect(record.text.split('\n\n')[0]).toBe('- Formalia av beslut gällande beviljade UPH-medel via e-post i november: Förslaget bifölls (att bevilja ansökan enligt beredningsgruppens förslag).');
    expect(record.text).toContain('Frågan skickades 2024-11-04 kl. 09:00 till 3 ledamöter med svar senast 2024-11-12 kl. 12:00. Beslutsregel: alla måste vara eniga.');
    expect(record.text).toContain('Svar: Anna Ask ja (”Bra.”); Bo Berg ja; Cia Ceder avstår.');
    expect(record.text).toContain('Avgjort 2024-11-06 kl. 15:15.');
    expect(record.clause).toBe('bekräfta beslutet per capsulam gällande beviljade UPH-medel');
  });

  it('names the members who did not answer', () => {
    const record = confirmationRecord({
      title: 'remissvar', clauses: [], rule: 'majority', sentAt: new Date('2024-03-01T08:00:00Z'), deadline: new Date('2024-03-08T11:00:00Z'), closedAt: new Date('2024-03-08T11:00:00Z'),
      outcome: 'rejected', reason: 'Förslaget fick inte ja från en majoritet av ledamöterna: 1 av 3 (1 ja, 0 nej, 0 avstår, 2 svarade inte).',
      answers: [{ name: 'Anna Ask', answer: 'yes', comment: null }, { name: 'Bo Berg', answer: null, comment: null }, { name: 'Cia Ceder', answer: null, comment: null }],
    });
    expect(record.text).toMatch(/^- Formalia av beslut gällande remissvar via e-post i mars: Förslaget avslogs\./);
    expect(record.text).toContain('Svarade inte: Bo Berg, Cia Ceder.');
  });
});

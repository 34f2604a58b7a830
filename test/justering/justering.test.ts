import { describe, expect, it } from 'vitest';
import {
  answerRefusal, defaultSignatories, isFreshSignIn, nextVersion, reviseRefusal, roundAfterSignature, sealRefusal, sendRefusal,
  signatoryListProblem, signatoryRefusal, signingMethod, type RoundState, type SignatoryState,
} from '../../src/domain/justering.js';
import type { Participant } from '../../src/domain/model.js';

// Who may do what to a protocol on justering, in which state.

const someone = (name: string, personId: number | null, extra: Partial<Participant> = {}): Participant => ({
  name, personId, party: null, organization: null, role: null, replaces: null, note: null, itemsFrom: null, itemsTo: null, ...extra,
});
const round = (state: RoundState) => ({ state });
const signatory = (state: SignatoryState) => ({ state });

describe('sending on justering', () => {
  it('is for a native draft with no round in progress', () => {
    expect(sendRefusal({ status: 'draft', origin: 'native' }, null)).toBeNull();
    expect(sendRefusal({ status: 'draft', origin: 'native' }, 'revising')).toBeNull(); // the next version
  });

  it('is refused for an imported archive protocol, a planned meeting, one already out or signed', () => {
    expect(sendRefusal({ status: 'draft', origin: 'imported' }, null)?.code).toBe('imported');
    expect(sendRefusal({ status: 'planned', origin: 'native' }, null)?.code).toBe('not_draft');
    expect(sendRefusal({ status: 'justering', origin: 'native' }, 'open')?.code).toBe('already_open');
    expect(sendRefusal({ status: 'signed', origin: 'native' }, 'signed')?.code).toBe('signed');
    expect(sendRefusal({ status: 'published', origin: 'native' }, null)?.status).toBe(409);
  });
});

describe('a signatory’s actions', () => {
  it('with nothing out on justering: 409 for everyone, before asking who they are', () => {
    for (const action of ['approve', 'comment', 'sign'] as const) {
      expect(signatoryRefusal(action, null, null)?.status).toBe(409);
      expect(signatoryRefusal(action, round('revising'), signatory('pending'))?.status).toBe(409);
      expect(signatoryRefusal(action, round('signed'), signatory('signed'))?.status).toBe(409);
    }
  });

  it('in an open round: 403 for someone who is not a signatory', () => {
    expect(signatoryRefusal('sign', round('open'), null)).toMatchObject({ status: 403, code: 'not_signatory' });
    expect(signatoryRefusal('approve', round('open'), null)?.status).toBe(403);
  });

  it('a signatory approves, comments and signs once; after signing nothing more', () => {
    for (const state of ['pending', 'approved', 'commented'] as const) {
      expect(signatoryRefusal('approve', round('open'), signatory(state))).toBeNull();
      expect(signatoryRefusal('comment', round('open'), signatory(state))).toBeNull();
      expect(signatoryRefusal('sign', round('open'), signatory(state))).toBeNull();
    }
    expect(signatoryRefusal('sign', round('open'), signatory('signed'))).toMatchObject({ status: 409, code: 'already_signed' });
    expect(signatoryRefusal('comment', round('open'), signatory('signed'))?.status).toBe(409);
  });

  it('the round is signed when the last signatory signs, in any order', () => {
    expect(roundAfterSignature(['signed', 'pending', 'signed'])).toBe('open');
    expect(roundAfterSignature(['signed', 'signed', 'signed'])).toBe('signed');
    expect(roundAfterSignature([])).toBe('open');
  });
});

describe('the secretary’s actions', () => {
  it('revises an open round only; once all have signed the text is final', () => {
    expect(reviseRefusal(round('open'))).toBeNull();
    expect(reviseRefusal(round('signed'))?.code).toBe('signed');
    expect(reviseRefusal(round('revising'))?.status).toBe(409);
    expect(reviseRefusal(null)?.status).toBe(409);
  });

  it('answers comments while the round is open or being revised', () => {
    expect(answerRefusal(round('open'))).toBeNull();
    expect(answerRefusal(round('revising'))).toBeNull();
    expect(answerRefusal(round('withdrawn'))?.status).toBe(409);
  });

  it('seals again only a round every signatory has signed', () => {
    expect(sealRefusal(round('signed'))).toBeNull();
    expect(sealRefusal(round('open'))?.code).toBe('not_signed');
    expect(sealRefusal(round('sealed'))?.code).toBe('sealed');
    expect(sealRefusal(null)?.status).toBe(409);
  });

  it('each sending is the next version', () => {
    expect(nextVersion(null)).toBe(1);
    expect(nextVersion(2)).toBe(3);
  });
});

describe('fresh authentication', () => {
  const now = new Date('2024-02-26T10:00:00Z');
  it('a sign-in counts as fresh for five minutes', () => {
    expect(isFreshSignIn(new Date('2024-02-26T09:56:00Z'), now)).toBe(true);
    expect(isFreshSignIn(new Date('2024-02-26T09:54:59Z'), now)).toBe(false);
    expect(isFreshSignIn(new Date('2024-02-26T11:00:00Z'), now)).toBe(false); // from the future: not trusted
  });

  it('names the identification method as the signature page writes it', () => {
    expect(signingMethod({ kind: 'password' })).toBe('Samverka-konto, lösenord');
    expect(signingMethod({ kind: 'oidc', provider: 'Region Västerbottens inloggning' })).toBe('Inloggning via Region Västerbottens inloggning');
  });
});

describe('the signatories proposed by default', () => {
  const present = [
    someone('Carin Nilsson', 1, { role: 'ordförande' }),
    someone('Jens Wennberg', 2),
    someone('Eva Stuge', 3),
    someone('Utan Person', null, { role: 'justerare' }),
  ];
  const officials = [someone('Katarina Lindahl', 4, { note: 'sekreterare' })];

  it('are the sekreterare, the justerare chosen at "Val av justerare", and the ordförande, in that order', () => {
    const list = defaultSignatories({ present, officials, justerareItemTexts: ['Till att jämte ordföranden justera protokollet utsågs Eva Stuge.'], sender: null });
    expect(list.map((s) => `${s.role}: ${s.name}`)).toEqual(['sekreterare: Katarina Lindahl', 'justerare: Eva Stuge', 'ordförande: Carin Nilsson']);
  });

  it('take a justerare marked in the attendance, and a name only as a whole word', () => {
    const marked = [...present.slice(0, 2), someone('Eva Stuge', 3, { note: 'justerare' }), someone('Evald Stugeson', 5)];
    const list = defaultSignatories({ present: marked, officials, justerareItemTexts: ['Evald Stugesons förslag'], sender: null });
    expect(list.filter((s) => s.role === 'justerare').map((s) => s.name)).toEqual(['Eva Stuge']);
  });

  it('fall back on the sending secretary when the attendance names none, and never list a person twice', () => {
    const list = defaultSignatories({ present, officials: [], justerareItemTexts: ['Carin Nilsson'], sender: { personId: 9, name: 'Sara Sekreterare', organization: null } });
    expect(list.map((s) => `${s.role}: ${s.name}`)).toEqual(['sekreterare: Sara Sekreterare', 'justerare: Carin Nilsson']);
  });

  it('a chosen list needs someone, and each person once', () => {
    expect(signatoryListProblem([])).toMatch(/minst en/);
    expect(signatoryListProblem([{ personId: 1, role: 'justerare' }, { personId: 1, role: 'ordförande' }])).toMatch(/en gång/);
    expect(signatoryListProblem([{ personId: 1, role: 'sekreterare' }, { personId: 2, role: 'ordförande' }])).toBeNull();
  });
});

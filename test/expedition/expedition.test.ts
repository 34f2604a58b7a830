import { describe, expect, it } from 'vitest';
import {
  checkSend, dispatchState, expeditionRefusal, isPlainEmail, proposeExpedition, recipientKey, registrationRefusal, resendRefusal, resolveRecipient,
  sendProblemMessage, type ExpeditionFacts,
} from '../../src/domain/expedition.js';

// Who gets what from which decisions: recommendations to every huvudman, assignments to the
// receiving body's secretaries or the huvudman's registry, extracts to named recipients.

const huvudman = [
  { id: 1, name: 'Region Västerbotten', registryEmail: 'Registrator@regionvasterbotten.se' },
  { id: 2, name: 'Bjurholms kommun', registryEmail: null },
  { id: 3, name: 'Umeå kommun', registryEmail: 'kommunstyrelsen@umea.se' },
];

function facts(extra: Partial<ExpeditionFacts> = {}): ExpeditionFacts {
  return {
    items: [
      { id: 10, number: 40, title: 'Godkännande av föredragningslista' },
      { id: 11, number: 41, title: 'Regional strategi för suicidprevention' },
      { id: 12, number: 42, title: 'Uppdrag om uppföljning' },
      { id: 13, number: null, title: 'Övrigt' },
    ],
    recommendations: [{ id: 100, itemId: 11, deadline: '2024-12-31' }],
    assignments: [
      { id: 200, itemId: 12, toBodyId: 5, toHuvudmanId: null, toPersonId: null, dueDate: '2024-06-30' },
      { id: 201, itemId: 12, toBodyId: null, toHuvudmanId: 3, toPersonId: null, dueDate: '2024-05-31' },
      { id: 202, itemId: 12, toBodyId: null, toHuvudmanId: null, toPersonId: 7, dueDate: null },
      { id: 203, itemId: 12, toBodyId: null, toHuvudmanId: null, toPersonId: 8, dueDate: null },
      { id: 204, itemId: 11, toBodyId: null, toHuvudmanId: 3, toPersonId: null, dueDate: '2024-09-30' },
    ],
    huvudman,
    bodies: [
      { id: 5, name: 'Beredning barn och unga', secretaryEmails: ['sara@region.se', 'Anna@umea.se'] },
      { id: 6, name: 'Samråd hälsa, vård och omsorg', secretaryEmails: [] },
    ],
    people: [{ id: 7, name: 'Emma Wasara', email: 'emma@region.se' }, { id: 8, name: 'Utan Adress', email: null }],
    dispatched: [],
    ...extra,
  };
}

describe('the default expediering of a meeting', () => {
  it('sends a recommendation to every huvudman, region first, by its deadline, and flags those without a registry address', () => {
    const [strategy] = proposeExpedition(facts());
    expect(strategy).toMatchObject({ itemId: 11, number: 41 });
    expect(strategy!.recipients.map((r) => [r.name, r.reasons, r.deadline, r.addresses, r.problem])).toEqual([
      ['Region Västerbotten', ['recommendation'], '2024-12-31', ['registrator@regionvasterbotten.se'], null],
      ['Bjurholms kommun', ['recommendation'], '2024-12-31', [], 'no-address'],
      // also given an assignment by the same item: one dispatch, both reasons, the earlier date
      ['Umeå kommun', ['recommendation', 'assignment'], '2024-09-30', ['kommunstyrelsen@umea.se'], null],
    ]);
  });

  it('sends an assignment to the receiving body’s secretaries, the receiving huvudman’s registry, or the person, when they have an e-mail address', () => {
    const proposals = proposeExpedition(facts());
    const followUp = proposals.find((p) => p.itemId === 12)!;
    expect(followUp.recipients.map((r) => [r.key, r.name, r.addresses, r.reasons, r.deadline])).toEqual([
      ['huvudman:3', 'Umeå kommun', ['kommunstyrelsen@umea.se'], ['assignment'], '2024-05-31'],
      ['body:5', 'Beredning barn och unga', ['anna@umea.se', 'sara@region.se'], ['assignment'], '2024-06-30'],
      ['email:emma@region.se', 'Emma Wasara', ['emma@region.se'], ['assignment'], null],
    ]);
  });

  it('proposes nothing for items whose decisions concern no one outside the body', () => {
    expect(proposeExpedition(facts()).map((p) => p.itemId)).toEqual([11, 12]);
  });

  it('marks what was already sent, bounced ones included (they go again from their own row)', () => {
    const [strategy] = proposeExpedition(facts({ dispatched: [{ id: 9, itemId: 11, recipientKey: 'huvudman:1', state: 'bounced' }] }));
    expect(strategy!.recipients[0]).toMatchObject({ name: 'Region Västerbotten', problem: 'already-sent', dispatchId: 9 });
    expect(strategy!.recipients[2]).toMatchObject({ name: 'Umeå kommun', problem: null, dispatchId: null });
  });
});

describe('a recipient chosen by hand', () => {
  it('gets the item as an extract for their information when no decision names them', () => {
    const r = resolveRecipient(facts(), 10, { kind: 'named', name: ' Kalle Kommunal ', email: ' Kalle@Kommun.SE ' });
    expect(r).toEqual({ key: 'email:kalle@kommun.se', kind: 'named', huvudmanId: null, bodyId: null, name: 'Kalle Kommunal', addresses: ['kalle@kommun.se'], reasons: ['extract'], deadline: null });
  });

  it('keeps the reasons the decisions give when the secretary picks a recipient they concern', () => {
    expect(resolveRecipient(facts(), 11, { kind: 'huvudman', huvudmanId: 1 })!.reasons).toEqual(['recommendation']);
  });

  it('is unknown when the huvudman or body does not exist', () => {
    expect(resolveRecipient(facts(), 11, { kind: 'huvudman', huvudmanId: 99 })).toBeNull();
    expect(resolveRecipient(facts(), 11, { kind: 'body', bodyId: 99 })).toBeNull();
  });

  it('is keyed so that the same address twice is the same recipient', () => {
    expect(recipientKey({ kind: 'named', name: 'A', email: 'X@Y.se' })).toBe(recipientKey({ kind: 'named', name: 'B', email: 'x@y.se ' }));
  });
});

describe('checking a send before anything is stored', () => {
  it('accepts recipients with addresses', () => {
    const result = checkSend(facts(), [{ itemId: 11, choice: { kind: 'huvudman', huvudmanId: 1 } }, { itemId: 12, choice: { kind: 'body', bodyId: 5 } }]);
    expect('ok' in result && result.ok.map((o) => o.recipient.name)).toEqual(['Region Västerbotten', 'Beredning barn och unga']);
  });

  it('refuses the whole request for a huvudman without a registry address, naming it', () => {
    const result = checkSend(facts(), [{ itemId: 11, choice: { kind: 'huvudman', huvudmanId: 1 } }, { itemId: 11, choice: { kind: 'huvudman', huvudmanId: 2 } }]);
    expect(result).toEqual({ problem: { code: 'no_address', name: 'Bjurholms kommun' } });
    const message = sendProblemMessage((result as { problem: never }).problem);
    expect(message).toMatchObject({ status: 422 });
    expect(message.message).toContain('Bjurholms kommun saknar e-postadress');
  });

  it('refuses a body without secretaries who have e-mail', () => {
    expect(checkSend(facts(), [{ itemId: 12, choice: { kind: 'body', bodyId: 6 } }])).toEqual({ problem: { code: 'no_address', name: 'Samråd hälsa, vård och omsorg' } });
  });

  it('refuses sending the same item to the same recipient twice, in one request or after an earlier one', () => {
    const twice = [{ itemId: 11, choice: { kind: 'huvudman' as const, huvudmanId: 1 } }, { itemId: 11, choice: { kind: 'huvudman' as const, huvudmanId: 1 } }];
    expect(checkSend(facts(), twice)).toEqual({ problem: { code: 'duplicate', name: 'Region Västerbotten' } });
    const after = checkSend(facts({ dispatched: [{ id: 9, itemId: 11, recipientKey: 'huvudman:1', state: 'sent' }] }), twice.slice(1));
    expect(after).toEqual({ problem: { code: 'already_sent', name: 'Region Västerbotten', itemNumber: 41 } });
    expect(sendProblemMessage((after as { problem: never }).problem).status).toBe(409);
  });

  it('refuses an item of another meeting, and an item without a number (no extract can be made)', () => {
    expect(checkSend(facts(), [{ itemId: 999, choice: { kind: 'huvudman', huvudmanId: 1 } }])).toEqual({ problem: { code: 'unknown_item', itemId: 999 } });
    expect(checkSend(facts(), [{ itemId: 13, choice: { kind: 'huvudman', huvudmanId: 1 } }])).toEqual({ problem: { code: 'no_number', itemId: 13 } });
  });
});

describe('states', () => {
  it('only published protocols are expedited', () => {
    expect(expeditionRefusal({ status: 'published' })).toBeNull();
    for (const status of ['planned', 'draft', 'justering', 'signed', 'cancelled'] as const) expect(expeditionRefusal({ status })).toMatchObject({ status: 409, code: 'not_published' });
  });

  it('shows a queued dispatch as retrying or failed from its job, and a registered one as registered whatever else', () => {
    expect(dispatchState({ state: 'queued', registeredAt: null }, null)).toBe('queued');
    expect(dispatchState({ state: 'queued', registeredAt: null }, { failed: false, lastError: 'connect ECONNREFUSED' })).toBe('retrying');
    expect(dispatchState({ state: 'queued', registeredAt: null }, { failed: true, lastError: 'connect ECONNREFUSED' })).toBe('failed');
    expect(dispatchState({ state: 'sent', registeredAt: null }, null)).toBe('sent');
    expect(dispatchState({ state: 'bounced', registeredAt: null }, null)).toBe('bounced');
    expect(dispatchState({ state: 'sent', registeredAt: '2024-03-01T10:00:00Z' }, null)).toBe('registered');
  });

  it('sends again only what bounced, and registers only what did not', () => {
    expect(resendRefusal({ state: 'bounced' })).toBeNull();
    expect(resendRefusal({ state: 'sent' })).toMatchObject({ code: 'already_sent' });
    expect(resendRefusal({ state: 'queued' })).toMatchObject({ code: 'queued' });
    expect(registrationRefusal({ state: 'sent' })).toBeNull();
    expect(registrationRefusal({ state: 'queued' })).toBeNull();
    expect(registrationRefusal({ state: 'bounced' })).toMatchObject({ code: 'bounced' });
  });

  it('takes plain e-mail addresses only', () => {
    expect(isPlainEmail('registrator@umea.se')).toBe(true);
    for (const bad of ['registrator', 'a@b', 'a b@c.se', 'x@y.se, z@w.se', 'Namn <x@y.se>', 'x@y.se\nBcc: z@w.se']) expect(isPlainEmail(bad), bad).toBe(false);
  });
});

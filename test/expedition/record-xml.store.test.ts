import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { parsedProtocol, item, sourceOf } from '../helpers/protocols.js';
import { schemaErrors } from './helpers.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { buildDispatchRecord, RecordInputError, type DispatchRecordInput } from '../../src/expedition/record-xml.js';
import { expeditionMail } from '../../src/expedition/mail.js';
import { archiveMeeting, type ArchiveMeeting } from '../../src/store/queries/archive.js';
import { getBody } from '../../src/store/queries/bodies.js';
import type { Body } from '../../src/domain/model.js';
import type { Store } from '../../src/store/db.js';

// The decision record sent with an expediering validates against the shipped schema whatever the
// protocol lacks (no diary number, no deadline, a decision recorded by its outcome only, odd
// characters from an old PDF), and names the body, meeting, item, decision, deadline and our reference.

let store: Store;
let meeting: ArchiveMeeting;
let body: Body;

beforeAll(async () => {
  store = await openTestStore();
  const { meetingId } = await storeImportedProtocol(store.db, parsedProtocol({
    date: '2023-11-17',
    diaryNumber: null,
    items: [
      item(12, 'Information om\u000c hjälpmedel', { decisions: [{ text: 'Informationen lades till handlingarna.', clauses: [] }] }),
      item(13, 'Beslut om UPH-medel', { kind: 'decision', decisions: [{ text: 'Ansökan beviljad enligt beredningsgruppens förslag.', clauses: [] }] }),
    ],
  }), sourceOf('LSG 2023-11-17'));
  meeting = (await archiveMeeting(store.db, meetingId))!;
  body = (await getBody(store.db, 'lsg'))!;
});
afterAll(async () => {
  await store?.close();
});

function input(extra: Partial<DispatchRecordInput> = {}): DispatchRecordInput {
  return {
    reference: 'SAMVERKA-EXP-7',
    created: new Date('2023-11-20T08:00:00Z'),
    body,
    meeting,
    sealed: null,
    itemId: meeting.protocol.agenda[1]!.id,
    recommendations: [],
    recipient: { kind: 'named', name: 'Kalle Kommunal', addresses: ['kalle@kommun.example'] },
    reasons: ['extract'],
    deadline: null,
    decisionTexts: ['Ansökan beviljad enligt beredningsgruppens förslag.'],
    pdf: { filename: 'protokollsutdrag-lsg-2023-11-17-13.pdf', size: 1234, sha256: 'ab'.repeat(32) },
    protocolUrl: 'https://samverka.example/moten/1',
    registrationUrl: 'https://samverka.example/expediering/registrera/abcdefghijklmnopqrstuvwxyz',
    ...extra,
  };
}

describe('the decision record (XML) of a dispatch', () => {
  it('validates without diary number or deadline, and says what was decided where, and our reference', () => {
    const xml = buildDispatchRecord(input());
    expect(schemaErrors(xml)).toBe('');
    expect(xml).toContain('<reference>SAMVERKA-EXP-7</reference>');
    expect(xml).toContain('<body>Länssamverkansgruppen</body>');
    expect(xml).toContain('<meetingDate>2023-11-17</meetingDate>');
    expect(xml).toContain('<itemNumber>13</itemNumber>');
    expect(xml).toContain('<text>Ansökan beviljad enligt beredningsgruppens förslag.</text>');
    expect(xml).toContain('<reason>extract</reason>');
    expect(xml).not.toContain('<deadline>');
    expect(xml).not.toContain('<diaryNumber>');
    // only the dispatched item is in the ERMS part
    expect(xml).toContain('<runningNumber>13</runningNumber>');
    expect(xml).not.toContain('<runningNumber>12</runningNumber>');
  });

  it('leaves out characters XML cannot carry, and falls back to the item title when no decision text was written', () => {
    const xml = buildDispatchRecord(input({ itemId: meeting.protocol.agenda[0]!.id, decisionTexts: [], reasons: ['recommendation', 'assignment'], deadline: '2024-01-31' }));
    expect(schemaErrors(xml)).toBe('');
    expect(xml).toContain('<itemTitle>Information om hjälpmedel</itemTitle>');
    expect(xml).toContain('<text>Information om hjälpmedel</text>');
    expect(xml).toContain('<deadline>2024-01-31</deadline>');
  });

  it('is refused for an item that is not a numbered item of the meeting', () => {
    expect(() => buildDispatchRecord(input({ itemId: 987654 }))).toThrow(RecordInputError);
  });

  it('a record that breaks the schema is caught by the check the tests use', () => {
    const xml = buildDispatchRecord(input()).replace('<itemNumber>13</itemNumber>', '<itemNumber>tretton</itemNumber>');
    expect(schemaErrors(xml)).toContain("is not a valid value of the atomic type 'xs:int'");
  });
});

describe('the expediering e-mail', () => {
  it('names the decision, why it is sent, by when, the link and our reference, with both attachments', () => {
    const mail = expeditionMail({
      to: ['registrator@umea.example'], reference: 'SAMVERKA-EXP-7', recipientName: 'Umeå kommun', bodyName: 'Länssamverkansgruppen', meetingDate: '2023-11-17',
      itemNumber: 13, itemTitle: 'Beslut om UPH-medel', decisionTexts: ['Ansökan <beviljad>.'], reasons: ['assignment'], deadline: '2024-01-31',
      protocolUrl: 'https://samverka.example/moten/1', registrationUrl: 'https://samverka.example/expediering/registrera/abc',
      pdf: { filename: 'utdrag.pdf', contentType: 'application/pdf', content: new Uint8Array([1]) },
      xml: { filename: 'beslut.xml', contentType: 'application/xml', content: new Uint8Array([2]) },
    });
    expect(mail.subject).toBe('Expediering: Länssamverkansgruppen 2023-11-17 § 13 Beslut om UPH-medel (SAMVERKA-EXP-7)');
    expect(mail.text).toContain('Länssamverkansgruppen beslutade fredag 17 november 2023 i § 13 Beslut om UPH-medel. Beslutet skickas till Umeå kommun.');
    expect(mail.text).toContain('Uppdraget ska vara klart senast onsdag 31 januari 2024 (2024-01-31).');
    expect(mail.text).toContain('https://samverka.example/expediering/registrera/abc');
    expect(mail.html).toContain('Ansökan &#60;beviljad&#62;.');
    expect(mail.attachments!.map((a) => a.filename)).toEqual(['utdrag.pdf', 'beslut.xml']);
  });
});

import { item, parsedProtocol, participant, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import type { Store } from '../../src/store/db.js';

// A small archive for the search tests: two published protocols and a draft, with the words
// the tests look for placed where each test needs them.
export interface Corpus {
  lsg2023: number;
  samrad2024: number;
  draft: number;
}

export async function loadCorpus(store: Store): Promise<Corpus> {
  const lsg2023 = await storeImportedProtocol(
    store.db,
    parsedProtocol({
      body: 'Länssamverkansgruppen',
      date: '2023-03-10',
      diaryNumber: 'LSG 2023-2',
      items: [
        item(10, 'Tyngdtäcken', {
          kind: 'decision',
          text: 'Förskrivningen av hjälpmedel har ökat i hela länet.',
          decisions: [{ text: 'Länssamverkansgruppen beslutade att anta riktlinjen för förskrivning.', clauses: ['anta riktlinjen för förskrivning.'] }],
          assignments: [{ to: 'Beredning vuxna och äldre', text: 'uppdra till Beredning vuxna och äldre att följa upp förskrivningen i Lycksele.' }],
        }),
        item(11, 'Psykisk hälsa hos barn och unga', {
          kind: 'information',
          presenters: [{ name: 'Monica Wahlstrém', title: 'strateg' }],
          text: 'Information om psykisk hälsa bland unga i Umeå kommun. Nära vård är inriktningen för arbetet.',
        }),
        item(12, 'Regional strategi', {
          kind: 'decision',
          text: 'Den suicidpreventiva strategin för länet har reviderats efter remissen.',
          decisions: [{ text: 'Strategin antogs.', clauses: [] }],
        }),
      ],
    }),
    sourceOf('LSG 2023-03-10', 'lsg-2023-03-10.txt'),
  );
  const samrad2024 = await storeImportedProtocol(
    store.db,
    parsedProtocol({
      body: 'Samråd hälsa, vård och omsorg',
      date: '2024-05-20',
      diaryNumber: 'SHVO 2024-3',
      attendance: {
        present: [participant('Carin Nilsson', { party: 's', organization: 'Umeå kommun', role: 'ordförande' })],
        absent: [],
        officials: [participant('Katarina Lindahl', { note: 'regional samverkanskoordinator' })],
      },
      items: [
        item(20, 'Uppföljning av tidigare ärenden', {
          kind: 'information',
          text: 'Frågan om tyngdtäcken nämndes i förbigående. Arbetet med halsa och vård fortsätter, med vård nära patienten. Inget beslut fattades.',
        }),
        item(21, 'Lifecare', {
          kind: 'decision',
          text: 'Lifecare införs i Lycksele kommun under hösten.',
          decisions: [{ text: 'Samrådet godkände tidplanen.', clauses: [] }],
        }),
        item(22, 'Länssamverkan i Västerbotten', {
          kind: 'information',
          text: 'Länssamverkan har funnits sedan 2012.',
        }),
      ],
      signatures: [{ name: 'Carin Nilsson', role: 'ordförande', signedAt: '2024-05-27T10:00:00+02:00' }],
      repairs: [],
    }),
    sourceOf('SHVO 2024-05-20', 'shvo-2024-05-20.txt'),
  );
  const draft = await storeImportedProtocol(
    store.db,
    parsedProtocol({
      body: 'Länssamverkansgruppen',
      date: '2024-09-01',
      diaryNumber: 'LSG 2024-9',
      attendance: { present: [participant('Zacharias Hemlig', { organization: 'Malå kommun' })], absent: [], officials: [] },
      items: [item(50, 'Tyngdtäcken och zebrafinkar', { kind: 'decision', text: 'Utkast om zebrafinkar och tyngdtäcken.' })],
      signatures: [],
      repairs: [],
    }),
    sourceOf('LSG utkast', 'lsg-utkast.txt'),
    { draft: true },
  );
  return { lsg2023: lsg2023.meetingId, samrad2024: samrad2024.meetingId, draft: draft.meetingId };
}

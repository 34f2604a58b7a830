// The protocol, notice and extract as PDF: what a reader finds in them (checked with poppler's
// pdftotext and pdffonts, as a reader's PDF viewer would see them).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { item, parsedProtocol, participant } from '../helpers/protocols.js';
import { renderProtocolHtml } from '../../src/render/protocol-html.js';
import { closePdfRenderer, htmlToPdf, PdfUnavailableError } from '../../src/render/pdf.js';
import type { Protocol } from '../../src/domain/model.js';
import type { Store } from '../../src/store/db.js';
import { pdfFonts, pdfText, squeeze, storedProtocol } from './helpers.js';

let store: Store;
let protocol: Protocol;
let text: string;
let pdf: Uint8Array;

beforeAll(async () => {
  store = await openTestStore();
  protocol = await storedProtocol(
    store,
    parsedProtocol({
      items: [
        item(40, 'Godkännande av föredragningslista', { decisions: [{ text: 'Föredragningslistan godkändes.', clauses: [] }] }),
        item(41, 'Regionala strategin för suicidprevention', {
          kind: 'decision',
          presenters: [{ name: 'Emma Wasara', title: 'strateg' }, { name: 'Åsa Öberg', title: null }],
          text: 'Strategin har reviderats för att möta länets behov.',
          decisions: [{ text: 'Länssamverkansgruppen beslutade att anta strategin att uppdra till Beredning barn och unga att följa implementeringen.', clauses: ['anta strategin', 'uppdra till Beredning barn och unga att följa implementeringen.'] }],
          assignments: [{ to: 'Beredning barn och unga', text: 'uppdra till Beredning barn och unga att följa implementeringen.' }],
        }),
        item(42, 'Hjälpmedelsrådet', { kind: 'information', written: true, decisions: [{ text: 'Länssamverkansgruppen godkände informationen.', clauses: [] }] }),
        item(43, 'Nästa möte'),
      ],
    }),
  );
  pdf = await htmlToPdf(renderProtocolHtml(protocol));
  text = squeeze(pdfText(pdf, true));
});
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
});

describe('the protocol as PDF', () => {
  it('is a PDF whose fonts are all embedded', () => {
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('has the head of a Swedish protocol: title, Dnr, date and time in both forms, place, items', () => {
    expect(text).toContain('Protokoll Länssamverkansgruppen');
    expect(text).toContain('Dnr: LSG 2024-1');
    expect(text).toContain('Datum och tid: 2024-02-23 kl. 09.00–12.00');
    expect(text).toContain('fredag 23 februari 2024');
    expect(text).toContain('Plats: Teams');
    expect(text).toContain('Ärenden: 40–43');
    expect(text).toMatch(/Sida 1 av \d/);
  });

  it('lists attendance one person per line, with substitutes and partial presence', () => {
    expect(text).toContain('Närvarande:');
    expect(text).toContain('Carin Nilsson (s) Umeå kommun, ordförande');
    expect(text).toContain('Jens Wennberg (l) Region Västerbotten, ersätter Lars Bäckström (c)');
    expect(text).toContain('Moa Brydsten (s) Umeå kommun, närvarande under punkten 4');
    expect(text).toContain('Frånvarande:');
    expect(text).toContain('Tjänstepersoner:');
    expect(text).toContain('Katarina Lindahl, regional samverkanskoordinator');
  });

  it('numbers the items and gives kind, presenters, decisions with their att-clauses as a list', () => {
    expect(text).toMatch(/40\. Godkännande av föredragningslista/);
    expect(text).toMatch(/41\. Regionala strategin för suicidprevention/);
    expect(text).toContain('Beslutsärende');
    expect(text).toContain('Skriftligt informationsärende');
    expect(text).toContain('Föredragande: Emma Wasara, strateg och Åsa Öberg');
    expect(text).toContain('Länssamverkansgruppen beslutade');
    expect(text).toMatch(/• att anta strategin\n/);
    expect(text).toMatch(/• att uppdra till Beredning barn och unga att följa implementeringen\./);
    expect(text).toContain('Länssamverkansgruppen, fredag 19 april 2024');
  });

  it('writes out a decision made as a statement plus clauses, and tasks the decision does not state', async () => {
    const [first] = protocol.agenda;
    const made = {
      ...first!,
      id: 99, number: 44, title: 'Kompetensförsörjning', text: '',
      decisions: [{ id: 99, text: 'Länssamverkansgruppen beslutade', clauses: ['anta planen', 'återkomma i höst'] }],
      assignments: [{ id: 99, to: 'Beredning vuxna och äldre', toBodyId: null, task: 'Följa upp planen', dueDate: '2024-09-20', dueText: null, status: 'open' as const }],
    };
    const out = squeeze(pdfText(await htmlToPdf(renderProtocolHtml({ ...protocol, agenda: [made] })), true));
    expect(out).toMatch(/Länssamverkansgruppen beslutade\n\s*• att anta planen\n\s*• att återkomma i höst/);
    expect(out).toContain('Uppdrag');
    expect(out).toContain('Beredning vuxna och äldre får i uppdrag att följa upp planen. Redovisas fredag 20 september 2024.');
  });

  it('keeps å, ä and ö as text, not as look-alikes or boxes', () => {
    expect(text).toContain('Åsa Öberg');
    expect(text).toContain('Hjälpmedelsrådet');
    expect(text).not.toMatch(/a\u030a|o\u0308|\ufffd/);
  });

  it('ends with the signatures: name, role and time of each', () => {
    expect(text).toContain('Underskrifter');
    expect(text).toContain('Namn: Carin Nilsson');
    expect(text).toContain('Roll: ordförande');
    expect(text).toContain('Datum och tid: 2024-02-26 10:00:00 +01:00');
  });

  it('an unsigned protocol has lines to sign on for sekreterare, ordförande and justerare', async () => {
    const html = renderProtocolHtml({ ...protocol, signatures: [] });
    const unsigned = squeeze(pdfText(await htmlToPdf(html), true));
    expect(unsigned).toContain('Vid protokollet');
    expect(unsigned).toContain('Sekreterare:');
    expect(unsigned).toContain('Ordförande: Carin Nilsson');
    expect(unsigned).toContain('Justerare:');
  });
});

describe('variants', () => {
  it('a protocol extract has the head and only the chosen items, and the certification', async () => {
    const extract = squeeze(pdfText(await htmlToPdf(renderProtocolHtml(protocol, { extractItems: [41] })), true));
    expect(extract).toContain('PROTOKOLLSUTDRAG');
    expect(extract).toContain('Protokoll Länssamverkansgruppen');
    expect(extract).toMatch(/41\. Regionala strategin för suicidprevention/);
    expect(extract).not.toMatch(/40\. Godkännande/);
    expect(extract).not.toMatch(/42\. Hjälpmedelsrådet/);
    expect(extract).not.toContain('Närvarande:');
    expect(extract).toContain('Utdragsbestyrkande:');
  });

  it('a notice (kallelse) has the agenda with presenters and proposals, and no decisions', async () => {
    const withProposal = { ...protocol, agenda: protocol.agenda.map((i) => (i.number === 41 ? { ...i, proposal: 'Länssamverkansgruppen föreslås anta strategin.' } : i)) };
    const notice = squeeze(pdfText(await htmlToPdf(renderProtocolHtml(withProposal, { notice: true })), true));
    expect(notice).toContain('Kallelse Länssamverkansgruppen');
    expect(notice).toContain('fredag 23 februari 2024');
    expect(notice).toMatch(/41\. Regionala strategin för suicidprevention/);
    expect(notice).toContain('Föredragande: Emma Wasara, strateg och Åsa Öberg');
    expect(notice).toContain('Förslag till beslut');
    expect(notice).toContain('Länssamverkansgruppen föreslås anta strategin.');
    expect(notice).not.toContain('beslutade');
    expect(notice).not.toContain('Närvarande:');
  });

  it('a draft is marked UTKAST on every page', async () => {
    const draft = await storedProtocol(store, parsedProtocol({ date: '2024-04-19', attendance: { present: [participant('Anna Berg', { party: 'm' })], absent: [], officials: [] } }), { draft: true });
    const out = pdfText(await htmlToPdf(renderProtocolHtml(draft)), true);
    const pages = out.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page).toContain('UTKAST');
    expect(out).toContain('UTKAST – ej justerat');
  });
});

describe('the HTML', () => {
  it('escapes what the protocol says', () => {
    const html = renderProtocolHtml({ ...protocol, place: '<script>alert(1)</script>', agenda: [{ ...protocol.agenda[0]!, title: 'A & B <b>' }] });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &amp; B &lt;b&gt;');
  });
});

describe('the PDF renderer', () => {
  it('prints several documents at once, each whole', async () => {
    const html = renderProtocolHtml(protocol, { extractItems: [40] });
    const pdfs = await Promise.all(Array.from({ length: 5 }, () => htmlToPdf(html)));
    for (const one of pdfs) expect(squeeze(pdfText(one, true))).toContain('40. Godkännande av föredragningslista');
  });

  it('says how to get Chromium when it is missing', async () => {
    await closePdfRenderer();
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const attempt = htmlToPdf('<p>x</p>');
      await expect(attempt).rejects.toBeInstanceOf(PdfUnavailableError);
      await expect(attempt).rejects.toThrow('PDF needs Chromium: apt-get install chromium, or set CHROMIUM_PATH');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});

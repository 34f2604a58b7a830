import { describe, expect, it } from 'vitest';
import { parseProtocolText } from '../../src/importer/parse/index.js';

const parse = (text: string) => parseProtocolText(text, 'test.txt');
const numbers = (text: string) => parse(text).items.map((i) => i.number);

describe('finding the agenda items', () => {
  it('numbering may start at any value', () => {
    expect(numbers('40. Val av justerare\nText.\n\n41. Ekonomi\nText.\n\n42. Övriga frågor\n')).toEqual([40, 41, 42]);
  });

  it('a numbered list inside an item does not break the run of items', () => {
    const text = '3. Samsjuklighet\nText.\n\n4. Nya förutsättningar\nOmfattar fyra delområden:\n1. genomförande av strategin\n2. främjande av hälsa\n3. utveckling av insatser\n4. stärkt arbete.\n\n5. Regionala strategin\nText.\n';
    const items = parse(text).items;
    expect(items.map((i) => i.number)).toEqual([3, 4, 5]);
    expect(items[1]!.text).toContain('2. främjande av hälsa');
  });

  it('§ numbering and OCR colons after the number are items', () => {
    expect(numbers('§ 12 Godkännande av dagordning\nText.\n§ 13 Information\nText.\n')).toEqual([12, 13]);
    expect(numbers('1: Godkännande av dagordning\nText.\n2. Föregående protokoll\nText.\n3: UPH-medel\n')).toEqual([1, 2, 3]);
  });

  it('an item whose heading OCR could not read does not lose the items after it', () => {
    const text = '1. Första\nText.\n2. Andra\nText.\n~3; #renden\nText.\n4. Fjärde\nText.\n5. Femte\nText.\n';
    expect(numbers(text)).toEqual([1, 2, 4, 5]);
  });

  it('a title wrapped onto a second line is one title', () => {
    const text =
      '4. Angående nya förutsättningar på området psykisk hälsa och suicidprevention\n(f.d. UPH medel)\nInformationsärende\n\n' +
      '6. Implementering av dokumenterad överenskommelse (tidigare patientkontrakt)\n– fasta vårdkontakter och SIP\nInformationsärende\n';
    expect(parse(text).items.map((i) => i.title)).toEqual([
      'Angående nya förutsättningar på området psykisk hälsa och suicidprevention (f.d. UPH medel)',
      'Implementering av dokumenterad överenskommelse (tidigare patientkontrakt) – fasta vårdkontakter och SIP',
    ]);
  });

  it('a dash line followed by its own kind line is a sub-point, not part of the title', () => {
    const text = '7. Systemledning\n\n- Modellområde Södra Lappland\nBeslutsärende\nFöredragande: Roland Bång\nText.\n\n- Presentation av progressen\nInformationsärende\nFöredragande: Katarina Lindahl, Britta Edström\nText.\n';
    const item = parse(text).items[0]!;
    expect(item.title).toBe('Systemledning');
    expect(item.subPoints).toEqual([{ label: '-', title: 'Modellområde Södra Lappland' }, { label: '-', title: 'Presentation av progressen' }]);
    expect(item.kind).toBe('decision'); // the first kind the item states
    expect(item.presenters.map((p) => p.name)).toEqual(['Roland Bång', 'Katarina Lindahl', 'Britta Edström']);
  });

  it('lettered sub-points are sub-points', () => {
    const item = parse('8. Ärenden\n- a) nya ärenden\n- b) ärenden till Länssamverkansgruppen\n').items[0]!;
    expect(item.subPoints).toEqual([{ label: 'a)', title: 'nya ärenden' }, { label: 'b)', title: 'ärenden till Länssamverkansgruppen' }]);
  });

  it('the kind comes from Beslutsärende / Informationsärende; Skriftligt makes it written', () => {
    const items = parse('1. A-punkt\nBeslutsärende\n2. B-punkt\nInformationsärende\n3. C-punkt\nSkriftligt beslutsärende\n4. D-punkt\nText.\n').items;
    expect(items.map((i) => [i.kind, i.written])).toEqual([['decision', false], ['information', false], ['decision', true], [null, false]]);
  });

  it("'(skriftlig information)' inside the text does not make the item written", () => {
    const item = parse('5. Beredning\n- Nulägesbeskrivning granskning (skriftlig information).\n').items[0]!;
    expect(item.written).toBe(false);
    expect(item.kind).toBeNull();
  });

  it('presenters are split on "och" and commas, a title after a comma stays with its person', () => {
    const pres = (line: string) => parse(`1. Punkt\n${line}\nText.\n`).items[0]!.presenters;
    expect(pres('Föredragande: Katarina Lindahl och Britta Edström')).toEqual([{ name: 'Katarina Lindahl', title: null }, { name: 'Britta Edström', title: null }]);
    expect(pres('Föredragande: Ola Knutsson, Lena Häggström')).toEqual([{ name: 'Ola Knutsson', title: null }, { name: 'Lena Häggström', title: null }]);
    expect(pres('Föredragande: Eva Ström, socialchef')).toEqual([{ name: 'Eva Ström', title: 'socialchef' }]);
    expect(pres('Föredragande: Jan Lindberg.')).toEqual([{ name: 'Jan Lindberg', title: null }]);
  });

  it('a presenter line that ends in a comma goes on to the next line', () => {
    const item = parse('7. Punkt\nFöredragande: Katarina Lindahl, Britta Edström, Gunilla Larsson,\nCarina Nylander\nInformation och dialog.\n').items[0]!;
    expect(item.presenters.map((p) => p.name)).toEqual(['Katarina Lindahl', 'Britta Edström', 'Gunilla Larsson', 'Carina Nylander']);
    expect(item.text).toBe('Information och dialog.');
  });

  it('item text keeps paragraphs and leaves out kind and presenter lines', () => {
    const item = parse('3. Punkt\nBeslutsärende\nFöredragande: Anna Berg\nFörsta stycket går\növer två rader.\n\nAndra stycket.\n').items[0]!;
    expect(item.text).toBe('Första stycket går över två rader.\n\nAndra stycket.');
  });

  it('words hyphenated across a line break are joined again', () => {
    const item = parse('3. Punkt\nArbetet med utveck-\nling av NPF-\nrutinen och hälso-\noch sjukvård fortsätter.\n').items[0]!;
    expect(item.text).toBe('Arbetet med utveckling av NPF-rutinen och hälso- och sjukvård fortsätter.');
  });

  it('page numbers and page-break blank lines inside a sentence do not split it', () => {
    const item = parse('4. Punkt\nDet har lyfts fram kritik från olika håll att barn hamnar i en kö på BUP. En\n\nSidan 2 av 7\n\n\nNPF-utredning har en väntetid på ca 1,5 år.\n').items[0]!;
    expect(item.text).toBe('Det har lyfts fram kritik från olika håll att barn hamnar i en kö på BUP. En NPF-utredning har en väntetid på ca 1,5 år.');
  });

  it('the signature page is not part of the last item', () => {
    const parsed = parse('11. Nästa möte\nFredag den 3 juni\n\nUNDERSKRIFTSSIDA\nNAMN: CARIN NILSSON\nTITEL, ORGANISATION: ordförande, Samråd\nDATUM & TID: 2022-03-21 13:50:12 +01:00\n');
    expect(parsed.items[0]!.text).toBe('Fredag den 3 juni');
    expect(parsed.signatures).toHaveLength(1);
  });
});

describe('presenter lines', () => {
  it('a presenter line without its colon is still a presenter line', () => {
    const item = parseProtocolText('1. Punkt\nFöredragande Anna Berg, socialchef\nText.\n', 'x').items[0]!;
    expect(item.presenters).toEqual([{ name: 'Anna Berg', title: 'socialchef' }]);
  });
});

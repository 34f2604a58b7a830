import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksOcrDamaged, repairOcrLines } from '../../src/importer/repair/repair.js';
import { parseProtocolText } from '../../src/importer/parse/index.js';
import { IDS, fixtureText } from './helpers.js';

const repair = (line: string, opts = {}) => repairOcrLines([line], { force: true, ...opts }).lines[0];

describe('OCR repair', () => {
  it('gives back å, ä and ö read as a, d, é, 6 or oé', () => {
    expect(repair('Foredragande: Monica Wahlstrom')).toBe('Föredragande: Monica Wahlström');
    expect(repair('Samrad vard och omsorg godkdnde informationen')).toBe('Samråd vård och omsorg godkände informationen');
    expect(repair('f6r att foér bade')).toBe('för att för både');
  });

  it('reads "|" as I: inside a word and as the word itself', () => {
    expect(repair('|nformationsarende')).toBe('Informationsärende');
    expect(repair('rutinen. | samband med')).toBe('rutinen. I samband med');
    expect(repair('[Validera](#) | [Villkor](#)')).toBe('[Validera](#) | [Villkor](#)');
  });

  it('keeps the case of the word', () => {
    expect(repair('LANSSAMVERKANSGRUPPEN')).toBe('LÄNSSAMVERKANSGRUPPEN');
    expect(repair('Lanssamverkansgruppen')).toBe('Länssamverkansgruppen');
    expect(repair('4rende')).toBe('Ärende');
  });

  it('joins a word OCR split in two', () => {
    expect(repair('Fö redragande: Anna Berg')).toBe('Föredragande: Anna Berg');
  });

  it('leaves numbers, codes and identifiers alone', () => {
    const line = 'IDENTIFIKATIONS-ID: _0642a39d4df37bee1a8ddf5f8ff3fed7b 2022-03-21 SOU 2021:19 Covid-19';
    expect(repair(line)).toBe(line);
  });

  it('reads "ett ar" as "ett år" and "det ar" as "det är"', () => {
    expect(repair('i snart ett ar. Det ar viktigt')).toBe('i snart ett år. Det är viktigt');
  });

  it('marks a repair uncertain when another word is about as likely', () => {
    const r = repairOcrLines(['Det ar bra'], { force: true });
    expect(r.repairs).toEqual([{ original: 'ar', repaired: 'är', line: 1, certain: false }]);
  });

  it('in damaged text, repairs a dictionary word that protocols rarely use, as uncertain', () => {
    const dict = join(mkdtempSync(join(tmpdir(), 'samverka-dict-')), 'words');
    writeFileSync(dict, 'for\nstod\n');
    const r = repairOcrLines(['Det finns stod for arbetet'], { force: true, systemDictionary: dict });
    expect(r.lines[0]).toBe('Det finns stöd för arbetet');
    expect(r.repairs.every((x) => !x.certain)).toBe(true);
  });

  it('lists every repair with its line', () => {
    const r = repairOcrLines(['Rad ett', 'Foredragande: Anna'], { force: true });
    expect(r.repairs).toEqual([{ original: 'Foredragande', repaired: 'Föredragande', line: 2, certain: true }]);
  });

  it('changes nothing in clean text', () => {
    for (const id of Object.values(IDS)) {
      const lines = fixtureText(`${id}.txt`).split('\n');
      const r = repairOcrLines(lines);
      expect(r.damaged).toBe(false);
      expect(r.repairs).toEqual([]);
      expect(r.lines).toEqual(lines);
    }
  });

  it('in clean text, does not touch a real word that could be a misreading', () => {
    expect(repairOcrLines(['Han for till Umeå och stod där.']).lines[0]).toBe('Han for till Umeå och stod där.');
  });

  it('recognises OCR damage by missing å, ä and ö', () => {
    expect(looksOcrDamaged(fixtureText(`${IDS.p002}.ocr.txt`))).toBe(true);
    expect(looksOcrDamaged(fixtureText(`${IDS.p002}.txt`))).toBe(false);
  });

  it('works without the system dictionary, from the shipped word lists', () => {
    expect(repair('Foredragande: Katarina Lindahl och Britta Edstrom', { systemDictionary: false })).toBe('Föredragande: Katarina Lindahl och Britta Edström');
  });

  it('happens before parsing, so damaged headings are found', () => {
    const parsed = parseProtocolText(fixtureText(`${IDS.p003}.ocr.txt`), 'x.ocr.txt');
    expect(parsed.items.find((i) => i.number === 3)!.kind).toBe('information');
    expect(parsed.items.find((i) => i.number === 3)!.presenters.map((p) => p.name)).toEqual(['Ola Knutsson', 'Lena Häggström']);
    expect(parsed.body).toBe('Samråd hälsa, vård och omsorg');
    expect(parsed.repairs.length).toBeGreaterThan(100);
    expect(parsed.warnings[0]).toMatch(/OCR-damaged/);
  });
});

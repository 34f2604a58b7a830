import { describe, expect, it } from 'vitest';
import { parseAttendance, parseParticipant } from '../../src/importer/parse/attendance.js';
import { parseProtocolText } from '../../src/importer/parse/index.js';

const p = (line: string, list: 'present' | 'absent' | 'officials' = 'present') => parseParticipant(line, list);

describe('attendance lines', () => {
  it("a substitute's 'ersätter X' becomes replaces, without X's party", () => {
    expect(p('Jens Wennberg (l) Region Västerbotten ersätter Lars Bäckström (c)')).toEqual({
      name: 'Jens Wennberg', party: 'l', organization: 'Region Västerbotten', role: null, replaces: 'Lars Bäckström', note: null,
    });
  });

  it("'tjänstgör för X' is read as replaces too", () => {
    expect(p('Per Persson (C) tjänstgör för Lisa Lund (C)')?.replaces).toBe('Lisa Lund');
  });

  it("a trailing 'vice ordförande tillika justerare' becomes the role and the note", () => {
    const r = p('Anna-Lena Danielsson, (s) Region Västerbotten, vice ordförande tillika justerare');
    expect(r).toMatchObject({ name: 'Anna-Lena Danielsson', party: 's', organization: 'Region Västerbotten', role: 'vice ordförande', note: 'tillika justerare' });
  });

  it("'närvarande under punkten 4' becomes the note", () => {
    expect(p('Andreas Lundgren (s), Umeå kommun, närvarande under punkten 4')).toMatchObject({
      organization: 'Umeå kommun', note: 'närvarande under punkten 4',
    });
  });

  it("an official's job title after a comma becomes the note", () => {
    expect(p('Britta Edström, regional samverkanskoordinator', 'officials')).toMatchObject({
      name: 'Britta Edström', organization: null, note: 'regional samverkanskoordinator',
    });
    expect(p('Sofia Ögren, regional Hjälpmedelskoordinator', 'officials')?.note).toBe('regional Hjälpmedelskoordinator');
  });

  it("an official's organisation after a comma is the organisation, not a title", () => {
    expect(p('Gunilla Larsson, Region Västerbotten', 'officials')).toMatchObject({ organization: 'Region Västerbotten', note: null });
  });

  it('an organisation written without a comma is split from the name', () => {
    expect(p('Monica Wahlström FoU Socialtjänst', 'officials')).toMatchObject({ name: 'Monica Wahlström', organization: 'FoU Socialtjänst' });
    expect(p('Kjell Bäckman Umeå kommun', 'officials')).toMatchObject({ name: 'Kjell Bäckman', organization: 'Umeå kommun' });
  });

  it('a three-part name before an organisation keeps all three parts', () => {
    expect(p('Inger Viklund Åberg Region Västerbotten', 'officials')).toMatchObject({ name: 'Inger Viklund Åberg', organization: 'Region Västerbotten' });
  });

  it('a word that is not a name (a column heading) is not a person', () => {
    expect(p('Ärende', 'officials')).toBeNull();
    expect(p('Region Västerbotten', 'officials')).toBeNull();
  });
});

describe('attendance lists', () => {
  it('a list before any heading goes to present, the rest by heading', () => {
    const lines = ['Göran Gunnarsson (l) Dorotea kommun', 'Ulla Norrman (s) Åsele kommun', 'Tjänstepersoner', 'Sofia Ögren, regional Hjälpmedelskoordinator', 'Ärende'];
    const r = parseAttendance(lines, new Set());
    expect(r.present.map((x) => x.name)).toEqual(['Göran Gunnarsson', 'Ulla Norrman']);
    expect(r.officials.map((x) => x.name)).toEqual(['Sofia Ögren']);
    expect(r.absent).toEqual([]);
  });

  it('headings are recognised with or without a colon, and Frånvarande goes to absent', () => {
    const r = parseAttendance(['Närvarande:', 'Carin Nilsson (s) Umeå kommun, ordförande', 'Frånvarande', 'Kim Bergström (v) Malå kommun'], new Set());
    expect(r.present[0]).toMatchObject({ name: 'Carin Nilsson', role: 'ordförande', organization: 'Umeå kommun' });
    expect(r.absent[0]).toMatchObject({ name: 'Kim Bergström', party: 'v' });
  });

  it('a person wrapped onto a second line is one person', () => {
    const r = parseAttendance(['Närvarande:', 'Anna-Lena Danielsson (s) Region Västerbotten, vice ordförande tillika', 'justerare'], new Set());
    expect(r.present).toHaveLength(1);
    expect(r.present[0]).toMatchObject({ role: 'vice ordförande', note: 'tillika justerare' });
  });

  it('people listed on the heading line are read', () => {
    const r = parseAttendance(['Närvarande: Anna Berg (s) Skellefteå kommun, ordförande; Bo Ek (m) Umeå kommun'], new Set());
    expect(r.present.map((x) => [x.name, x.organization])).toEqual([['Anna Berg', 'Skellefteå kommun'], ['Bo Ek', 'Umeå kommun']]);
  });

  it('OCR-damaged headings and names are read after repair', () => {
    const text = 'Narvarande:\nGéran Gunnarsson (l) Dorotea kommun\nTjanstepersoner\nMonica Wahlstrém FoU Socialtjanst\n\n1. Godkannande av dagordning\nDagordningen godkandes och lades till handlingarna.\n';
    const parsed = parseProtocolText(text, 'ocr.txt');
    expect(parsed.attendance.present[0]!.name).toBe('Göran Gunnarsson');
    expect(parsed.attendance.officials[0]).toMatchObject({ name: 'Monica Wahlström', organization: 'FoU Socialtjänst' });
  });
});

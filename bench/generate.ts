// A deterministic generator of realistic protocols for the benchmarks: the same seed and size give
// the same protocols, byte for byte. Text is drawn from a word-bigram model of the example
// protocols (test/fixtures/protocols/*.txt), so common words are common in the proportions of real
// protocols; on top of that, the subject words people search for are placed with fixed document
// frequencies (the profile of /work/shared/bench/README.md: "kommunerna" in most items,
// "tyngdtäcken" in a fifth, "suicidprevention" in a few per cent, names and rare words rarer).
// 20 % of the protocols are OCR-damaged the way the scanned examples are (å ä ö misread, l/I/|).
import fs from 'node:fs';
import path from 'node:path';

export interface GenItem {
  number: number;
  title: string;
  kind: 'decision' | 'information';
  presenters: string[];
  text: string;
  decisions: { text: string; clauses: string[] }[];
  assignments: { to: string; task: string }[];
}

export interface GenProtocol {
  index: number;
  body: string;
  date: string;
  place: string;
  diaryNumber: string;
  present: { name: string; party: string; organization: string; role: string | null }[];
  absent: { name: string; party: string; organization: string }[];
  officials: { name: string; title: string }[];
  items: GenItem[];
  signatures: { name: string; role: string; signedAt: string }[];
  ocrDamaged: boolean;
}

/** mulberry32: small, fast, good enough, and the same everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BODIES = [
  'Länssamverkansgruppen',
  'Samråd hälsa, vård och omsorg',
  'Systemledning Nära vård',
  'Beredning barn och unga',
  'Beredning vuxna och äldre',
  'Hjälpmedelsrådet',
  'Samverkansråd patientsäkerhet',
];

const HUVUDMAN_ORGS = [
  'Region Västerbotten', 'Bjurholms kommun', 'Dorotea kommun', 'Lycksele kommun', 'Malå kommun', 'Nordmalings kommun', 'Norsjö kommun',
  'Robertsfors kommun', 'Skellefteå kommun', 'Sorsele kommun', 'Storumans kommun', 'Umeå kommun', 'Vilhelmina kommun', 'Vindelns kommun',
  'Vännäs kommun', 'Åsele kommun',
];
const FIRST = ['Anna', 'Erik', 'Karin', 'Lars', 'Maria', 'Johan', 'Eva', 'Per', 'Lena', 'Anders', 'Kerstin', 'Magnus', 'Ingrid', 'Jonas', 'Sara', 'Mats', 'Britta', 'Henrik', 'Helena', 'Ulf', 'Åsa', 'Örjan', 'Märta', 'Göran'];
const LAST = ['Nilsson', 'Lindahl', 'Edström', 'Bäckström', 'Sjöström', 'Nygren', 'Andersson', 'Eriksson', 'Gustafsson', 'Dahlgren', 'Stenberg', 'Wennberg', 'Holmström', 'Öberg', 'Åberg', 'Lundgren', 'Henriksson', 'Johansson', 'Larsson', 'Berglund'];
const PARTIES = ['s', 'm', 'c', 'v', 'kd', 'l', 'sd', 'mp'];
const PLACES = ['Teams', 'Umeå, Region Västerbotten', 'Lycksele', 'Skellefteå', 'Zoom'];
const TITLES = ['regional samverkanskoordinator', 'strateg', 'verksamhetschef', 'utvecklingsledare', 'hälso- och sjukvårdsdirektör', 'socialchef'];

/** Subjects of items: the title, and words their texts use. */
const TOPICS: { title: string; words: string[] }[] = [
  { title: 'Tyngdtäcken och andra hjälpmedel', words: ['tyngdtäcken', 'hjälpmedel', 'förskrivning'] },
  { title: 'Regional strategi för suicidprevention', words: ['suicidprevention', 'suicidpreventiva', 'strategi'] },
  { title: 'Vårdplatser och utskrivning från sluten vård', words: ['vårdplatser', 'utskrivning från sluten vård', 'fasta kontakter'] },
  { title: 'Överenskommelse om egenvård', words: ['överenskommelse', 'egenvård', 'ansvarsfördelning'] },
  { title: 'Psykisk hälsa hos barn och unga', words: ['psykisk hälsa', 'barn', 'unga', 'elevhälsa'] },
  { title: 'Nära vård i Västerbotten', words: ['nära vård', 'omställning', 'primärvård'] },
  { title: 'Lifecare och samordnad individuell plan', words: ['Lifecare', 'SIP', 'samordnad individuell plan'] },
  { title: 'Äldres hälsa och läkemedel', words: ['äldre', 'läkemedel', 'hälsa'] },
  { title: 'UPH-medel', words: ['UPH-medel', 'ansökningar', 'beredningsgruppens förslag'] },
  { title: 'Föregående protokoll', words: ['protokoll', 'uppföljning'] },
  { title: 'Godkännande av föredragningslista', words: ['föredragningslistan'] },
  { title: 'Information från koordinatorerna', words: ['koordinatorerna', 'information'] },
  { title: 'Färdplan Nära vård', words: ['färdplan', 'nära vård', 'strategi'] },
  { title: 'Kompetensförsörjning', words: ['kompetensförsörjning', 'rekrytering'] },
  { title: 'Patientsäkerhet och avvikelser', words: ['patientsäkerhet', 'avvikelser'] },
];

/** Words placed in an item's text with these document frequencies, whatever its subject. */
const PLACED: [string, number][] = [
  ['kommunerna', 0.8], ['samverkan', 0.5], ['regionen', 0.45], ['beslutade', 0.3], ['tyngdtäcken', 0.2], ['hälsa', 0.25], ['äldre', 0.2],
  ['hjälpmedel', 0.12], ['vårdplatser', 0.08], ['strategi', 0.08], ['överenskommelse', 0.08], ['suicidprevention', 0.06], ['suicidpreventiva', 0.02],
  ['Hjälpmedelsrådet', 0.04], ['Länssamverkansgruppen', 0.08], ['egenvård', 0.04], ['fasta kontakter', 0.02], ['nära vård', 0.12],
  ['psykisk hälsa', 0.08], ['utskrivning från sluten vård', 0.03], ['Lifecare', 0.015], ['återremittera', 0.005], ['Wahlström', 0.004],
];

interface Model {
  starts: string[];
  next: Map<string, string[]>;
}

let cachedModel: Model | null = null;

/** The bigram model of the example protocols. */
export function textModel(): Model {
  if (cachedModel) return cachedModel;
  const dir = path.resolve(import.meta.dirname, '../test/fixtures/protocols');
  const texts = fs.readdirSync(dir).filter((f) => /^\d+_[0-9a-f]+\.txt$/.test(f)).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const starts: string[] = [];
  const next = new Map<string, string[]>();
  for (const text of texts) {
    for (const para of text.split(/\n\s*\n/)) {
      const line = para.replace(/\s+/g, ' ').trim();
      // prose only: sentences of some length, no headers, lists of names or signature blocks
      if (line.length < 80 || /[:|#[\]]/.test(line.slice(0, 40))) continue;
      const words = line.split(' ').filter((w) => /^[\p{L}\p{N}][\p{L}\p{N}\-–,.;:()%"'’]*$/u.test(w));
      if (words.length < 8) continue;
      starts.push(words[0]!);
      for (let i = 0; i + 1 < words.length; i++) {
        const list = next.get(words[i]!) ?? [];
        list.push(words[i + 1]!);
        next.set(words[i]!, list);
      }
    }
  }
  cachedModel = { starts, next };
  return cachedModel;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function prose(r: () => number, model: Model, words: number): string {
  const out: string[] = [];
  let w = pick(r, model.starts);
  while (out.length < words) {
    out.push(w);
    const options = model.next.get(w);
    if (!options || r() < 0.04) {
      if (!/[.!?]$/.test(w)) out[out.length - 1] = w.replace(/[,;:]$/, '') + '.';
      w = pick(r, model.starts);
    } else {
      w = pick(r, options);
    }
  }
  const text = out.join(' ');
  return /[.!?]$/.test(text) ? text : text.replace(/[,;:]$/, '') + '.';
}

function insertAt(r: () => number, text: string, phrase: string): string {
  const words = text.split(' ');
  const at = Math.floor(r() * words.length);
  words.splice(at, 0, phrase);
  return words.join(' ');
}

const OCR: Record<string, string[]> = {
  å: ['a', 'a', 'a', 'd', 'é'], ä: ['a', 'a', 'a', 'é', 'i', 'd'], ö: ['o', 'o', 'o', '6', 'é'],
  Å: ['A', 'A', 'A'], Ä: ['A', 'A', 'A'], Ö: ['O', 'O', '6'],
};

/** Misreads a text as OCR of a scan does: å ä ö lost or misread, now and then l → I or |. */
export function ocrDamage(r: () => number, text: string): string {
  let out = '';
  for (const ch of text) {
    const subs = OCR[ch];
    if (subs && r() < 0.8) out += pick(r, subs);
    else if (ch === 'l' && r() < 0.01) out += r() < 0.5 ? 'I' : '|';
    else out += ch;
  }
  return out;
}

function person(r: () => number): string {
  return `${pick(r, FIRST)} ${pick(r, LAST)}`;
}

const YEARS = 11; // 2015–2025

/** Protocol number `index` of a corpus made from `seed`: the same arguments give the same protocol. */
export function generateProtocol(seed: number, index: number, itemsPerProtocol = 10): GenProtocol {
  const r = rng(seed * 1_000_003 + index);
  const model = textModel();
  const body = BODIES[index % BODIES.length]!;
  const year = 2015 + Math.floor(r() * YEARS);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const ocrDamaged = r() < 0.2;
  const present = Array.from({ length: 8 + Math.floor(r() * 12) }, (_, i) => ({
    name: person(r),
    party: pick(r, PARTIES),
    organization: pick(r, HUVUDMAN_ORGS),
    role: i === 0 ? 'ordförande' : i === 1 ? 'vice ordförande' : null,
  }));
  const absent = Array.from({ length: Math.floor(r() * 4) }, () => ({ name: person(r), party: pick(r, PARTIES), organization: pick(r, HUVUDMAN_ORGS) }));
  const officials = [{ name: 'Katarina Lindahl', title: 'regional samverkanskoordinator' }, { name: person(r), title: pick(r, TITLES) }];
  const first = 1 + Math.floor(r() * 40);
  const items: GenItem[] = [];
  for (let i = 0; i < itemsPerProtocol; i++) {
    const topic = TOPICS[Math.min(TOPICS.length - 1, Math.floor(TOPICS.length * r() * r()))]!;
    const kind = r() < 0.55 ? 'decision' : 'information';
    let text = prose(r, model, 90 + Math.floor(r() * 60));
    for (const w of topic.words) if (r() < 0.6) text = insertAt(r, text, w);
    for (const [w, p] of PLACED) if (r() < p) text = insertAt(r, text, w);
    const presenters = r() < 0.7 ? [r() < 0.12 ? 'Katarina Lindahl' : r() < 0.01 ? 'Monica Wahlström' : person(r)] : [];
    const decisions: GenItem['decisions'] = [];
    const assignments: GenItem['assignments'] = [];
    if (kind === 'decision') {
      const clause = `${pick(r, ['anta', 'godkänna', 'fastställa', 'återremittera'])} ${topic.words[0]!.toLowerCase()} ${prose(r, model, 6).replace(/\.$/, '')}`;
      const clauses = [clause];
      if (r() < 0.3) {
        const to = r() < 0.5 ? pick(r, BODIES) : pick(r, HUVUDMAN_ORGS);
        const task = `uppdra till ${to} att ${prose(r, model, 8).replace(/\.$/, '')}`;
        clauses.push(task);
        assignments.push({ to, task });
      }
      decisions.push({ text: `${body} beslutade att ${clauses.join(' att ')}.`, clauses });
    } else {
      text += ` ${body} godkände informationen.`;
    }
    items.push({ number: first + i, title: i === 0 && r() < 0.5 ? 'Godkännande av föredragningslista' : topic.title, kind, presenters, text, decisions, assignments });
  }
  const protocol: GenProtocol = {
    index,
    body,
    date,
    place: pick(r, PLACES),
    diaryNumber: `${body.slice(0, 3).toUpperCase()} ${year}-${index}`,
    present,
    absent,
    officials,
    items,
    signatures: [{ name: present[0]!.name, role: 'ordförande', signedAt: `${date}T15:00:00+01:00` }],
    ocrDamaged,
  };
  if (!ocrDamaged) return protocol;
  const d = (s: string) => ocrDamage(r, s);
  return {
    ...protocol,
    items: protocol.items.map((it) => ({
      ...it,
      title: d(it.title),
      text: d(it.text),
      presenters: it.presenters.map(d),
      decisions: it.decisions.map((x) => ({ text: d(x.text), clauses: x.clauses.map(d) })),
      assignments: it.assignments.map((a) => ({ to: a.to, task: d(a.task) })),
    })),
  };
}

/** The protocol as text, in the layout of the example protocols, for the importer's parser. */
export function protocolText(p: GenProtocol): string {
  const lines: string[] = [];
  lines.push(`Protokoll ${p.body}`, '', `Dnr. ${p.diaryNumber}`, '', `Datum och tid: ${p.date} kl. 9.00-12.00`, '', `Plats: ${p.place}`, '');
  lines.push(`Ärenden: ${p.items[0]!.number}-${p.items[p.items.length - 1]!.number}`, '', 'Närvarande:', '');
  for (const x of p.present) lines.push(`${x.name} (${x.party}) ${x.organization}${x.role ? `, ${x.role}` : ''}`);
  if (p.absent.length) {
    lines.push('', 'Frånvarande:', '');
    for (const x of p.absent) lines.push(`${x.name} (${x.party}) ${x.organization}`);
  }
  lines.push('', 'Tjänstepersoner:', '');
  for (const x of p.officials) lines.push(`${x.name}, ${x.title}`);
  lines.push('', '');
  for (const it of p.items) {
    lines.push(`${it.number}. ${it.title}`, '', it.kind === 'decision' ? 'Beslutsärende' : 'Informationsärende', '');
    if (it.presenters.length) lines.push(`Föredragande: ${it.presenters.join(' och ')}`, '');
    lines.push(it.text, '');
    for (const d of it.decisions) lines.push(d.text, '');
  }
  lines.push('', 'Vid protokollet', '', `NAMN: ${p.signatures[0]!.name.toUpperCase()}`, `TITEL, ORGANISATION: ordförande, ${p.body}`, `DATUM & TID: ${p.date} 15:00:00 +01:00`, '');
  return lines.join('\n');
}

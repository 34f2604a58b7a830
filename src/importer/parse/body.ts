// The deciding body: named by the title ("Protokoll Samråd vård och omsorg"), or, when the text
// has no head, by the statements ("Länssamverkansgruppen beslutade …"): the subject that decides
// most often. Spellings that differ by a letter or two (OCR, typing) count as one body, spelled
// the way it is spelled most often.

import { editDistance, ocrFold } from './text-utils.js';

function similar(a: string, b: string): boolean {
  const x = ocrFold(a);
  const y = ocrFold(b);
  const max = Math.max(x.length, y.length);
  if (max === 0) return true;
  const allowed = Math.floor(max * 0.15);
  return editDistance(x, y, allowed) <= allowed;
}

interface Group {
  count: number;
  spellings: Map<string, number>;
  firstSeen: number;
}

function group(subjects: readonly string[]): Group[] {
  const groups: { key: string; g: Group }[] = [];
  subjects.forEach((s, i) => {
    const found = groups.find((x) => similar(x.key, s));
    if (found) {
      found.g.count++;
      found.g.spellings.set(s, (found.g.spellings.get(s) ?? 0) + 1);
    } else {
      groups.push({ key: s, g: { count: 1, spellings: new Map([[s, 1]]), firstSeen: i } });
    }
  });
  return groups.map((x) => x.g);
}

function bestSpelling(g: Group): string {
  let best = '';
  let n = -1;
  for (const [s, c] of g.spellings) {
    if (c > n) {
      best = s;
      n = c;
    }
  }
  return best;
}

export function chooseBody(titleBody: string | null, subjects: readonly string[]): string | null {
  const groups = group(subjects).sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen);
  if (titleBody) {
    const match = groups.find((g) => [...g.spellings.keys()].some((s) => similar(s, titleBody)));
    return match ? bestSpelling(match) : titleBody;
  }
  const top = groups[0];
  return top ? bestSpelling(top) : null;
}

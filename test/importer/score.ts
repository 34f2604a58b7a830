// A faithful TypeScript port of shared/protocol-import/score.py, so that the tests can assert the
// score without Python: the same normalisation, difflib's SequenceMatcher ratio (including its
// "autojunk" heuristic for sequences of 200 or more), the same greedy matching and weights.

type Json = Record<string, unknown>;

export function norm(s: unknown): string {
  if (s === null || s === undefined) return '';
  let t = String(s).toLowerCase().normalize('NFKD');
  t = t.replace(/\p{Mn}/gu, '');
  t = t.replace(/[^a-z0-9]+/g, ' ');
  return t.split(/\s+/).filter(Boolean).join(' ');
}

/** difflib.SequenceMatcher(None, a, b).ratio() */
export function sequenceRatio(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la + lb === 0) return 1;
  // b2j: positions of each element of b; with autojunk, elements that are too popular are dropped.
  const b2j = new Map<string, number[]>();
  for (let j = 0; j < lb; j++) {
    const ch = b[j]!;
    const list = b2j.get(ch);
    if (list) list.push(j);
    else b2j.set(ch, [j]);
  }
  if (lb >= 200) {
    const ntest = Math.floor(lb / 100) + 1;
    for (const [ch, idxs] of [...b2j]) if (idxs.length > ntest) b2j.delete(ch);
  }
  const findLongestMatch = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    // isjunk is None, so bjunk is empty: the match is extended over equal elements, popular or not.
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  };
  let matches = 0;
  const queue: [number, number, number, number][] = [[0, la, 0, lb]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = findLongestMatch(alo, ahi, blo, bhi);
    if (k) {
      matches += k;
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
  }
  return (2 * matches) / (la + lb);
}

export function sim(a: unknown, b: unknown): number {
  const x = norm(a);
  const y = norm(b);
  if (!x && !y) return 1;
  return sequenceRatio(x, y);
}

function get(o: unknown, key: string): unknown {
  return o && typeof o === 'object' ? (o as Json)[key] : undefined;
}

function f1(gold: unknown[], pred: unknown[], thr: number, key: (x: unknown) => unknown): [number, number, number] {
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    let best = 0;
    let bi: number | null = null;
    pred.forEach((p, i) => {
      if (used.has(i)) return;
      const s = sim(key(g), key(p));
      if (s > best) {
        best = s;
        bi = i;
      }
    });
    if (bi !== null && best >= thr) {
      used.add(bi);
      tp++;
    }
  }
  return [tp, gold.length, pred.length];
}

function ratio(tp: number, ng: number, npred: number): number {
  if (ng === 0 && npred === 0) return 1;
  const p = npred ? tp / npred : 0;
  const r = ng ? tp / ng : 0;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

function pyInt(x: unknown): number | null {
  if (typeof x === 'number' && Number.isFinite(x)) return Math.trunc(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'string' && /^\s*[+-]?\d+\s*$/.test(x)) return parseInt(x, 10);
  return null;
}

function truthy(x: unknown): boolean {
  return !(x === null || x === undefined || x === false || x === 0 || x === '' || (Array.isArray(x) && x.length === 0));
}

export interface ScoreResult {
  parts: Record<'items' | 'kind' | 'written' | 'presenters' | 'decisions' | 'assignments' | 'attendance' | 'header', number>;
  score: number;
}

export function scorePreview(gold: Json, pred: Json): ScoreResult {
  const gi = new Map<number, Json>();
  for (const it of arr(gold.items)) gi.set((it as Json).number as number, it as Json);
  const pi = new Map<number, Json>();
  for (const it of arr(pred.items)) {
    const n = pyInt(get(it, 'number'));
    if (n !== null) pi.set(n, it as Json);
  }
  let tp = 0;
  for (const [n, g] of gi) if (pi.has(n) && sim(g.title, pi.get(n)!.title) >= 0.9) tp++;
  const items = ratio(tp, gi.size, pi.size);
  const matched = [...gi].filter(([n]) => pi.has(n)).map(([n, g]) => [g, pi.get(n)!] as const);
  const kind = matched.filter(([g, p]) => (g.kind ?? null) === (p.kind ?? null)).length / Math.max(1, matched.length);
  const written = matched.filter(([g, p]) => truthy(g.written) === truthy(p.written)).length / Math.max(1, matched.length);
  const acc = [0, 0, 0];
  const dec = [0, 0, 0];
  const asg = [0, 0, 0];
  for (const [n, g] of gi) {
    const p = pi.get(n) ?? {};
    const specs: [number[], string, number, string][] = [
      [acc, 'presenters', 0.85, 'name'],
      [dec, 'decisions', 0.6, 'text'],
      [asg, 'assignments', 0.6, 'to'],
    ];
    for (const [tot, key, thr, field] of specs) {
      const r = f1(arr(g[key]), arr(p[key]), thr, (x) => get(x ?? {}, field));
      for (let i = 0; i < 3; i++) tot[i]! += r[i]!;
    }
  }
  const presenters = ratio(acc[0]!, acc[1]!, acc[2]!);
  const decisions = ratio(dec[0]!, dec[1]!, dec[2]!);
  const assignments = ratio(asg[0]!, asg[1]!, asg[2]!);
  const att = [0, 0, 0];
  for (const list of ['present', 'absent', 'officials']) {
    const r = f1(arr(get(gold.attendance, list)), arr(get(pred.attendance, list)), 0.85, (x) => get(x ?? {}, 'name'));
    for (let i = 0; i < 3; i++) att[i]! += r[i]!;
  }
  const attendance = ratio(att[0]!, att[1]!, att[2]!);
  const hdr = ['body', 'date', 'diaryNumber', 'place'];
  const header =
    hdr.filter((f) => norm(gold[f]) === norm(pred[f]) || (truthy(gold[f]) && sim(gold[f], pred[f]) >= 0.9)).length / hdr.length;
  const parts = { items, kind, written, presenters, decisions, assignments, attendance, header };
  const weights = { items: 3, kind: 1, written: 0.5, presenters: 1, decisions: 2, assignments: 1.5, attendance: 1, header: 1 };
  let sum = 0;
  let wsum = 0;
  for (const k of Object.keys(parts) as (keyof typeof parts)[]) {
    sum += parts[k] * weights[k];
    wsum += weights[k];
  }
  return { parts, score: sum / wsum };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scorePreview, sequenceRatio } from './score.js';

// Cases scored by score.py itself (tools/gen-score-cases.py): the port must print the same.
const cases = JSON.parse(readFileSync(new URL('../fixtures/protocols/score-cases.json', import.meta.url), 'utf8')) as {
  scores: { gold: string; pred: Record<string, unknown>; expected: string[] }[];
  ratios: { a: string; b: string; ratio: number }[];
};

function gold(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/protocols/${name}.expected.json`, import.meta.url), 'utf8'));
}

describe('the TypeScript port of score.py', () => {
  it('computes difflib ratios exactly, autojunk included', () => {
    for (const c of cases.ratios) expect(sequenceRatio(c.a, c.b)).toBeCloseTo(c.ratio, 12);
  });

  it('prints the same component scores and final score as score.py', () => {
    for (const c of cases.scores) {
      const { parts, score } = scorePreview(gold(c.gold), c.pred);
      const line = Object.entries(parts).map(([k, v]) => `${k}=${v.toFixed(3)}`).join(' ');
      expect([line, `score ${score.toFixed(3)}`]).toEqual(c.expected);
    }
  });
});

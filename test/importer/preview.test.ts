import { describe, expect, it } from 'vitest';
import { parseProtocolText } from '../../src/importer/parse/index.js';
import { toPreview } from '../../src/importer/preview.js';
import { IDS, expected, fixtureText } from './helpers.js';

function keyPaths(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return v.length ? keyPaths(v[0], `${path}[]`) : [`${path}[]`];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [`${path}.${k}`, ...keyPaths(x, `${path}.${k}`)]);
  return [];
}

describe('the preview', () => {
  it('has exactly the keys of FORMAT.md, in its order, and nothing of the parser\'s extras', () => {
    const name = `${IDS.p002}.txt`;
    const preview = toPreview(parseProtocolText(fixtureText(name), name));
    expect(Object.keys(preview)).toEqual(['source', 'body', 'title', 'diaryNumber', 'date', 'startTime', 'endTime', 'place', 'attendance', 'items', 'signatures', 'nextMeetings']);
    expect(keyPaths(preview)).toEqual(keyPaths(expected(IDS.p002)));
    expect(JSON.stringify(preview)).not.toMatch(/"(text|clauses|subPoints|repairs|warnings)":\s*\[|"subPoints"|"clauses"|"repairs"|"warnings"/);
  });

  it('matches the hand-made reference of 002 exactly', () => {
    const name = `${IDS.p002}.txt`;
    expect(toPreview(parseProtocolText(fixtureText(name), name))).toEqual(expected(IDS.p002));
  });
});

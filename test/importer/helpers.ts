import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/protocols/', import.meta.url));

export function fixturePath(name: string): string {
  return FIXTURES + name;
}

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export function expected(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${FIXTURES}${id}.expected.json`, 'utf8'));
}

export const IDS = {
  p000: '000_d52ea5183769047d',
  p002: '002_31134faffb5b5d71',
  p003: '003_fa8ff7ff392d754a',
} as const;

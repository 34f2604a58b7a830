import type { BodyKind } from './model.js';

// A body named in an imported protocol but not yet known gets the kind its name says.
export function bodyKindFromName(name: string): BodyKind {
  const n = name.toLocaleLowerCase('sv');
  if (n.startsWith('beredning')) return 'beredning';
  if (n.startsWith('samråd')) return 'samråd';
  if (n.startsWith('systemledning')) return 'systemledning';
  if (n.includes('referensgrupp')) return 'referensgrupp';
  if (n.includes('samverkansgrupp')) return 'samverkansgrupp';
  if (/råd(et)?\b/.test(n)) return 'råd';
  return 'arbetsgrupp';
}

// The signature page. E-signature services print one block per signer:
//   NAMN: ANNA-LENA DANIELSSON
//   TITEL, ORGANISATION: justerare, Samråd vård och omsorg
//   DATUM & TID: 2022-03-21 13:43:12 +01:00
// Paper protocols end with "Vid protokollet" / "Justeras" and the names below.

import type { PreviewSignature } from '../../domain/protocol-preview.js';
import { isoDateTime } from './dates.js';
import { isPersonName } from './people.js';
import { fold, isAllCaps, stripTrailingPunct, titleCaseName } from './text-utils.js';

const FIELD = /^([^:]{3,40}?)\s*:\s*(.*)$/;

function fieldName(label: string): 'name' | 'title' | 'date' | null {
  const f = fold(label).replace(/\s+/g, ' ').trim();
  if (/^(namn|name|undertecknare|signerad av|signed by)$/.test(f)) return 'name';
  if (/^(titel|title|roll|role)(\s*,\s*(organisation|organization))?$/.test(f)) return 'title';
  if (/^(datum|date)(\s*(&|och|and)\s*(tid|time))?$|^(tidpunkt|signerat|undertecknat)$/.test(f)) return 'date';
  return null;
}

/** Where the signature part begins: the page heading, the e-signature text or the first NAMN field. */
export function findSignatureStart(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const f = fold(lines[i]!);
    if (/^underskriftssida$|^signatursida$|^detta dokument har (undertecknats|signerats)|^underskrifter:?$/.test(f)) return i;
    const m = FIELD.exec(lines[i]!);
    if (m && fieldName(m[1]!) === 'name' && isAllCapsLabel(m[1]!)) return i;
    if (/^(vid protokollet|justeras|justerat)$/.test(f.replace(/[:.]$/, '')) && i > from) return i;
  }
  return lines.length;
}

function isAllCapsLabel(s: string): boolean {
  return isAllCaps(s);
}

function cleanName(raw: string): string {
  const s = stripTrailingPunct(raw.replace(/\s+/g, ' '));
  return isAllCaps(s) ? titleCaseName(s) : s;
}

export function parseSignatures(lines: readonly string[]): PreviewSignature[] {
  const out: PreviewSignature[] = [];
  let cur: PreviewSignature | null = null;
  for (const line of lines) {
    const m = FIELD.exec(line);
    if (m) {
      const field = fieldName(m[1]!);
      const value = m[2]!.trim();
      if (field === 'name' && value) {
        cur = { name: cleanName(value), role: null, signedAt: null };
        out.push(cur);
      } else if (field === 'title' && cur && value) {
        const role = stripTrailingPunct(value.split(',')[0]!);
        cur.role = role ? role.toLowerCase() : null;
      } else if (field === 'date' && cur && value) {
        cur.signedAt = isoDateTime(value);
      }
    }
  }
  if (out.length) return out;
  return parsePaperSignatures(lines);
}

/** "Vid protokollet / Anna Berg" → sekreterare; "Justeras / Carin Nilsson, ordförande". */
function parsePaperSignatures(lines: readonly string[]): PreviewSignature[] {
  const out: PreviewSignature[] = [];
  let role: string | null = null;
  for (const line of lines) {
    const f = fold(line).replace(/[:.]$/, '');
    if (f === 'vid protokollet') {
      role = 'sekreterare';
      continue;
    }
    if (f === 'justeras' || f === 'justerat' || f === 'justerare') {
      role = 'justerare';
      continue;
    }
    if (!role || !line) continue;
    const [namePart, rolePart] = line.split(/\s*,\s*/, 2);
    const name = cleanName(namePart ?? '');
    if (isPersonName(name)) {
      out.push({ name, role: rolePart ? rolePart.toLowerCase() : role, signedAt: null });
    } else if (out.length && /^(ordförande|justerare|sekreterare|vice ordförande)$/i.test(line)) {
      out[out.length - 1]!.role = line.toLowerCase();
    }
  }
  return out;
}

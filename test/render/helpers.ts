import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM } from '../../src/domain/access.js';
import type { Protocol } from '../../src/domain/model.js';
import type { ParsedProtocol } from '../../src/domain/protocol-preview.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { getProtocol } from '../../src/store/queries/protocol-read.js';
import type { Store } from '../../src/store/db.js';
import { sourceOf } from '../helpers/protocols.js';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-render-'));
}

/** The PDF's text as poppler reads it (what a reader's search and copy see). */
export function pdfText(pdf: Uint8Array, layout = false): string {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** pdffonts: one row per font, with the "emb" column. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    return out
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        // name type [type…] encoding emb sub uni object ID: "emb" is the fifth column from the end.
        return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
      });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Stores a parsed protocol as the importer would and reads it back as the app does. */
export async function storedProtocol(store: Store, parsed: ParsedProtocol, opts: { draft?: boolean; text?: string } = {}): Promise<Protocol> {
  const { meetingId } = await storeImportedProtocol(store.db, parsed, sourceOf(opts.text ?? `${parsed.source} ${Math.random()}`), { draft: opts.draft });
  return (await getProtocol(store.db, SYSTEM, meetingId))!;
}

/** Lines without the spacing pdftotext -layout adds: "Dnr:      LSG 2024-1" → "Dnr: LSG 2024-1". */
export function squeeze(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ');
}

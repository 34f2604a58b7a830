// Files and folders → the protocol files to import: folders are searched recursively for .txt,
// .md and .pdf files; a file named explicitly is kept whatever its type (reading it reports an
// unsupported type). Hidden files and folders are skipped. The result is sorted and unique.

import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './read-protocol.js';

export async function collectProtocolFiles(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && SUPPORTED_EXTENSIONS.has(extname(e.name).toLowerCase())) found.add(full);
    }
  };
  for (const p of paths) {
    const info = await stat(p);
    if (info.isDirectory()) await walk(p);
    else found.add(p);
  }
  return [...found].sort((a, b) => (resolve(a) < resolve(b) ? -1 : resolve(a) > resolve(b) ? 1 : 0));
}

// The package as one zip, written as it is built (fflate's streaming Zip): each file goes to disk
// as soon as it is added, so a large year is never held in memory. The zip is written under a
// temporary name in the target directory and renamed only when complete; on any failure the
// partial file is removed.

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** fflate writes no ZIP64 records: stay clear of the classic format's limits. */
const MAX_BYTES = 4 * 1024 ** 3 - 64 * 1024 ** 2;
const MAX_ENTRIES = 65_000;

/** The package cannot be written where asked: the operator's to fix. */
export class ArchiveOutputError extends Error {}

/** Temporary files of packages being written, for removePartialPackages(). */
const partial = new Set<string>();

/** Removes the temporary files of unfinished packages; for a command interrupted by a signal. */
export function removePartialPackages(): void {
  for (const file of partial) rmSync(file, { force: true });
  partial.clear();
}

/** Fails with a clear message unless `dir` is an existing directory. */
export async function checkOutputDirectory(dir: string): Promise<void> {
  const stat = await fs.stat(dir).catch((e: NodeJS.ErrnoException) => e);
  if (stat instanceof Error) throw new ArchiveOutputError(`cannot write the package to ${dir}: ${stat.code === 'ENOENT' ? 'no such directory' : stat.message}`);
  if (!stat.isDirectory()) throw new ArchiveOutputError(`cannot write the package to ${dir}: not a directory`);
}

export class ZipOut {
  private chain: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private written = 0;
  private entries = 0;
  private readonly hash = createHash('sha256');
  private readonly zip: Zip;

  private constructor(private readonly fh: fs.FileHandle, private readonly temp: string, readonly file: string) {
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.failure ??= err;
        return;
      }
      this.written += chunk.byteLength;
      this.hash.update(chunk);
      this.chain = this.chain.then(() => fh.write(chunk).then(() => undefined));
      if (final) this.chain = this.chain.then(() => fh.sync());
    });
  }

  /** Opens `dir/name` for writing (as a hidden temporary file until finish()). */
  static async open(dir: string, name: string): Promise<ZipOut> {
    await checkOutputDirectory(dir);
    const temp = path.join(dir, `.${name}.${randomBytes(4).toString('hex')}.partial`);
    try {
      const zip = new ZipOut(await fs.open(temp, 'wx'), temp, path.join(dir, name));
      partial.add(temp);
      return zip;
    } catch (e) {
      throw new ArchiveOutputError(`cannot write the package to ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }

  /** Adds one file; waits until it is on disk. PDFs and zips are stored, text is deflated. */
  async add(name: string, data: Uint8Array, mtime: Date, compress: boolean): Promise<void> {
    if (++this.entries > MAX_ENTRIES || this.written + data.byteLength > MAX_BYTES) {
      throw new ArchiveOutputError('the package would exceed the zip format\'s 4 GiB or 65,000 files; export a shorter period');
    }
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    entry.mtime = mtime;
    this.zip.add(entry);
    entry.push(data, true);
    await this.settle();
  }

  private async settle(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure;
  }

  /** Completes the zip and gives it its name; returns the path and the SHA-256 of the whole file. */
  async finish(): Promise<{ file: string; sha256: string; bytes: number }> {
    this.zip.end();
    await this.settle();
    await this.fh.close();
    try {
      // the name holds the package's UUID: nothing is there to overwrite
      await fs.rename(this.temp, this.file);
      partial.delete(this.temp);
    } catch (e) {
      await fs.rm(this.temp, { force: true });
      throw new ArchiveOutputError(`cannot name the package ${this.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return { file: this.file, sha256: this.hash.digest('hex'), bytes: this.written };
  }

  /** Removes the partial file. */
  async abort(): Promise<void> {
    this.zip.terminate();
    await this.chain.catch(() => undefined);
    await this.fh.close().catch(() => undefined);
    await fs.rm(this.temp, { force: true });
    partial.delete(this.temp);
  }
}

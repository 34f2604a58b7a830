import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { create } from 'xmlbuilder2';

// Reading a package back as an archive would: unzip it, follow every METS, recompute checksums.

export const METS = 'http://www.loc.gov/METS/';
export const XLINK = 'http://www.w3.org/1999/xlink';
export const PREMIS = 'http://www.loc.gov/premis/v3';
export const ERMS = 'https://DILCIS.eu/XML/ERMS';
export const EXT = 'urn:samverka:erms:1';

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Unzips into `dir`; returns the package root folder (the zip's only top-level folder). */
export function unzipPackage(zipFile: string, dir: string): string {
  const entries = unzipSync(new Uint8Array(fs.readFileSync(zipFile)));
  const tops = new Set(Object.keys(entries).map((n) => n.split('/')[0]));
  if (tops.size !== 1) throw new Error(`the zip has ${tops.size} top-level entries: ${[...tops].join(', ')}`);
  for (const [name, bytes] of Object.entries(entries)) {
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  return path.join(dir, [...tops][0]!);
}

export function xmlDoc(file: string): Document {
  return create(fs.readFileSync(file, 'utf8')).doc().node as unknown as Document;
}

export function all(doc: Document | Element, ns: string, name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, name));
}

export function textOf(doc: Document | Element, ns: string, name: string): string[] {
  return all(doc, ns, name).map((e) => e.textContent ?? '');
}

export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

export interface Reference {
  mets: string; // the METS file that names it, from the package root
  path: string; // the file, from the package root
  size: number;
  checksum: string;
  checksumType: string;
  mimeType: string;
  created: string;
}

/** Every file a METS document references, in its fileSec (FLocat) or metadata sections (mdRef). */
export function metsReferences(root: string, metsPath: string): Reference[] {
  const doc = xmlDoc(path.join(root, metsPath));
  const base = path.posix.dirname(metsPath);
  const refs: Reference[] = [];
  const add = (holder: Element, href: string) => refs.push({
    mets: metsPath,
    path: path.posix.normalize(path.posix.join(base, href)),
    size: Number(holder.getAttribute('SIZE')),
    checksum: holder.getAttribute('CHECKSUM') ?? '',
    checksumType: holder.getAttribute('CHECKSUMTYPE') ?? '',
    mimeType: holder.getAttribute('MIMETYPE') ?? '',
    created: holder.getAttribute('CREATED') ?? '',
  });
  for (const f of all(doc, METS, 'file')) add(f, all(f, METS, 'FLocat')[0]!.getAttributeNS(XLINK, 'href') ?? '');
  for (const r of all(doc, METS, 'mdRef')) add(r, r.getAttributeNS(XLINK, 'href') ?? '');
  return refs;
}

/** The root METS and every representation METS it points to. */
export function allMets(root: string): string[] {
  const doc = xmlDoc(path.join(root, 'METS.xml'));
  return ['METS.xml', ...all(doc, METS, 'mptr').map((m) => m.getAttributeNS(XLINK, 'href')!)];
}

export async function xmllint(...args: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('xmllint', args);
    return { ok: true, output: stdout + stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? err.message}` };
  }
}

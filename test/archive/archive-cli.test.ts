import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { seedReferenceData } from '../../src/store/queries/reference-data.js';
import { importFiles } from '../../src/importer/store-batch.js';
import { REFERENCE_DIR } from '../helpers/db.js';
import { filesUnder, sha256, unzipPackage } from './package.js';

// The command-line contract of `samverka archive export`: the zip's path (or JSON about it) and
// exit 0; for a body or year that is not there, a missing Ghostscript or a bad --out, one line
// saying why, exit 1 and nothing left in the target directory.

const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: string;
let dataDir: string;
let out: string;

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const e = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env } as NodeJS.ProcessEnv;
  delete e.DATABASE_URL;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: e });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const x = err as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-archive-cli-'));
  dataDir = path.join(tmp, 'data');
  out = path.join(tmp, 'out');
  fs.mkdirSync(out);
  const store = await openStore({ dataDir });
  try {
    await seedReferenceData(store.db, REFERENCE_DIR);
    await importFiles(store.db, [path.resolve(ROOT, 'test/fixtures/protocols/002_31134faffb5b5d71.txt')]);
  } finally {
    await store.close();
  }
}, 60_000);
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('samverka archive export', () => {
  it('writes the package and prints its path; with --json, its checksum and counts', async () => {
    const plain = await cli(['archive', 'export', '--body', 'SHVO', '--year', '2022', '--out', out]);
    expect(plain).toMatchObject({ code: 0, stderr: '' });
    expect(plain.stdout).toMatch(new RegExp(`^${out}/sip-samrad-2022-[0-9a-f-]{36}\\.zip\\n$`));
    expect(fs.existsSync(plain.stdout.trim())).toBe(true);

    const json = await cli(['archive', 'export', '--body', 'Samråd vård och omsorg', '--year', '2022', '--out', out, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { file: string; sha256: string; protocols: number; files: number };
    expect(report).toMatchObject({ protocols: 1, file: expect.stringMatching(/sip-samrad-2022-/) });
    expect(sha256(fs.readFileSync(report.file))).toBe(report.sha256);
    const root = unzipPackage(report.file, path.join(tmp, 'unzipped'));
    expect(filesUnder(root)).toHaveLength(report.files);
    expect(fs.readdirSync(out).sort()).toEqual([path.basename(plain.stdout.trim()), path.basename(report.file)].sort());
  }, 120_000);

  it.each([
    [['--body', 'Kommunstyrelsen', '--year', '2022'], /^samverka: no body named "Kommunstyrelsen" \(give its name, short name or slug\)\n$/],
    [['--body', 'lsg', '--year', '2019'], /^samverka: Länssamverkansgruppen has no published protocols from 2019\n$/],
    [['--body', 'lsg', '--year', 'last'], /^samverka: --year must be a year such as 2023, got "last"\n$/],
  ])('refuses %j with one line and exit 1', async (args, message) => {
    const dir = fs.mkdtempSync(path.join(tmp, 'refused-'));
    const res = await cli(['archive', 'export', ...args, '--out', dir]);
    expect(res).toMatchObject({ code: 1, stdout: '' });
    expect(res.stderr).toMatch(message);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 120_000);

  it('says Ghostscript is missing, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'no-gs-'));
    const res = await cli(['archive', 'export', '--body', 'samrad', '--year', '2022', '--out', dir], { PATH: path.join(tmp, 'empty-path') });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^samverka: the archive export needs Ghostscript to make PDF\/A: apt-get install ghostscript \(not found: gs\)\n$/);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 120_000);

  it('removes the half-written zip when it is interrupted', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'interrupted-'));
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'archive', 'export', '--body', 'samrad', '--year', '2022', '--out', dir], { cwd: ROOT, env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // the package is being written once its hidden temporary file is there
    while (!fs.readdirSync(dir).some((f) => f.endsWith('.partial'))) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGTERM');
    expect(await exited).toBe(130);
    expect(stderr).toBe('samverka: interrupted (SIGTERM); no package written\n');
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 120_000);

  it('says when --out cannot be written to', async () => {
    const file = path.join(tmp, 'not-a-dir');
    fs.writeFileSync(file, '');
    const res = await cli(['archive', 'export', '--body', 'samrad', '--year', '2022', '--out', file]);
    expect(res).toMatchObject({ code: 1, stdout: '' });
    expect(res.stderr).toBe(`samverka: cannot write the package to ${file}: not a directory\n`);
    const missing = await cli(['archive', 'export', '--body', 'samrad', '--year', '2022', '--out', path.join(tmp, 'missing')]);
    expect(missing.stderr).toBe(`samverka: cannot write the package to ${path.join(tmp, 'missing')}: no such directory\n`);
  }, 120_000);
});

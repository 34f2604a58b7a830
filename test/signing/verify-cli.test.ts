import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/db.js';
import { seedReferenceData } from '../../src/store/queries/reference-data.js';
import { getSealedProtocol } from '../../src/store/queries/sealed-protocols.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import { REFERENCE_DIR } from '../helpers/db.js';
import { sealedMeeting, signingConfig } from './helpers.js';

// The command-line contract of `samverka verify FILE.pdf`: VALID and exit 0 for a sealed
// protocol, INVALID and exit 1 for an altered one, and a clear line for a file it cannot read.

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let sealedFile: string;
let alteredFile: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  delete env.SIGNING_P12;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  const config = signingConfig();
  dataDir = config.dataDir;
  const store = await openStore({ dataDir });
  try {
    await seedReferenceData(store.db, REFERENCE_DIR);
    const { meetingId } = await sealedMeeting(store, config);
    const pdf = (await getSealedProtocol(store.db, meetingId))!.pdf;
    sealedFile = path.join(dataDir, 'protokoll.pdf');
    fs.writeFileSync(sealedFile, pdf);
    const altered = Buffer.from(pdf);
    const at = Math.floor(altered.length / 3);
    altered[at] = altered[at]! ^ 0x01;
    alteredFile = path.join(dataDir, 'andrad.pdf');
    fs.writeFileSync(alteredFile, altered);
  } finally {
    await closePdfRenderer();
    await store.close();
  }
}, 120_000);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('samverka verify', () => {
  it('says VALID with the protocol, version and signers, and exits 0', async () => {
    const res = await cli('verify', sealedFile);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^VALID \(valid\): Giltigt/);
    expect(res.stdout).toMatch(/version 1/);
    expect(res.stdout).toMatch(/undertecknat: Carin Nilsson \(ordförande\)/);
  }, 60_000);

  it('says INVALID and what changed for an altered file, and exits 1', async () => {
    const res = await cli('verify', alteredFile, '--json');
    expect(res.code).toBe(1);
    const result = JSON.parse(res.stdout);
    expect(result).toMatchObject({ valid: false, outcome: 'altered' });
    expect(result.checks.map((c: { text: string }) => c.text)).toContain('Innehållet har ändrats efter förseglingen.');
  }, 60_000);

  it('still checks the file and the certificate while another process holds the database', async () => {
    const holder: Store = await openStore({ dataDir });
    try {
      const res = await cli('verify', sealedFile);
      expect(res.code).toBe(0);
      expect(res.stderr).toMatch(/checking the file and the certificate only/);
      expect(res.stdout).toMatch(/Databasen kunde inte läsas/);
    } finally {
      await holder.close();
    }
  }, 60_000);

  it('names a file it cannot read, and exits 1', async () => {
    const res = await cli('verify', path.join(os.tmpdir(), 'finns-inte.pdf'));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^samverka: cannot read .*finns-inte\.pdf: ENOENT/);
  }, 60_000);
});

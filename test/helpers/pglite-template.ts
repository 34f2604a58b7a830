import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from '../../src/store/db.js';
import { seedReferenceData } from '../../src/store/queries/reference-data.js';

// Migrating and seeding an embedded database costs seconds, and almost every test file wants one:
// it is done once per run here, and openTestStore() starts each file from a copy of the result.

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-template-'));
  const store = await openStore({ dataDir: dir });
  await seedReferenceData(store.db, path.resolve(import.meta.dirname, '../../samples/reference'));
  await store.close();
  project.provide('pgliteTemplate', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

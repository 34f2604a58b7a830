// Prepares a data directory for the browser test of verification (test/e2e/verify.test.ts), before
// the server holds it: one imported archive protocol and one justerat protocol, sealed with the
// development certificate the server will then use. Run: tsx test/signing/seal-fixture.ts DATA_DIR
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/db.js';
import { seedReferenceData } from '../../src/store/queries/reference-data.js';
import { collectProtocolFiles } from '../../src/importer/collect-files.js';
import { importFiles } from '../../src/importer/store-batch.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import { REFERENCE_DIR } from '../helpers/db.js';
import { sealedMeeting } from './helpers.js';

const dataDir = process.argv[2]!;
const store = await openStore({ dataDir });
try {
  await seedReferenceData(store.db, REFERENCE_DIR);
  const samples = path.resolve(import.meta.dirname, '../../samples/protocols');
  await importFiles(store.db, (await collectProtocolFiles([samples])).slice(0, 1));
  const { meetingId } = await sealedMeeting(store, { ...loadConfig({}), dataDir }, '2025-02-21');
  process.stdout.write(`${meetingId}\n`);
} finally {
  await closePdfRenderer();
  await store.close();
}

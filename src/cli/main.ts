#!/usr/bin/env node
import { Command } from 'commander';
import { registerServe } from './commands/serve.js';
import { registerMigrate } from './commands/migrate.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerMeetings } from './commands/meetings.js';
import { registerAdmin } from './commands/admin.js';
import { registerAudit } from './commands/audit.js';
import { registerPeople } from './commands/people.js';
import { registerAssignments } from './commands/assignments.js';
import { registerAdoption } from './commands/adoption.js';
import { registerVerify } from './commands/verify.js';
import { registerArchive } from './commands/archive.js';
import { registerWorker } from './commands/worker.js';
import { registerWrittenDecisions } from './commands/written-decisions.js';
import { registerExpedition } from './commands/expedition.js';

const program = new Command()
  .name('samverka')
  .description('Samverka: meetings, cases and decisions of a regional health and social care collaboration.\n' +
    'Honours DATA_DIR (embedded database, default ./data) and DATABASE_URL (a PostgreSQL server).')
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerImport(program);
registerExport(program);
registerMeetings(program);
registerAdmin(program);
registerAudit(program);
registerPeople(program);
registerAssignments(program);
registerAdoption(program);
registerVerify(program);
registerArchive(program);
registerWorker(program);
registerWrittenDecisions(program);
registerExpedition(program);

await program.parseAsync(process.argv);

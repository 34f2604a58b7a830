import path from 'node:path';
import type { Command } from 'commander';
import { ArchiveToolError, findGhostscript } from '../../archive/pdfa.js';
import { ArchiveOutputError, checkOutputDirectory, removePartialPackages } from '../../archive/zip-out.js';
import { closePdfRenderer } from '../../render/pdf.js';
import { findArchiveBody } from '../../store/queries/archive.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

interface ExportOptions {
  body: string;
  year: string;
  out?: string;
  submitter?: string;
  json?: boolean;
}

export function registerArchive(program: Command): void {
  const archive = program.command('archive').description('e-archive packages (E-ARK SIP) of published protocols');
  archive
    .command('export')
    .description('write one body\'s published protocols of a year as an E-ARK SIP zip: PDF/A, the originals as signed, METS, PREMIS and CITS ERMS (needs Ghostscript and poppler)')
    .requiredOption('--body <body>', 'the body: name, short name or slug (LSG, lsg, Länssamverkansgruppen)')
    .requiredOption('--year <year>', 'the year the meetings were held, e.g. 2023')
    .option('--out <dir>', 'an existing directory to write the zip to', '.')
    .option('--submitter <name>', 'the organisation that submits the package to the archive (default: the body)')
    .option('--json', 'print {file, sha256, protocols, files} as JSON')
    .action(run(async (opts: ExportOptions) => {
      if (!/^\d{4}$/.test(opts.year)) throw new CommandError(`--year must be a year such as 2023, got "${opts.year}"`);
      // the package writer (xmlbuilder2, pdf-lib through verification) is loaded for this command only, not by every CLI start
      const { ArchiveInputError, exportSip } = await import('../../archive/sip.js');
      const outDir = path.resolve(opts.out ?? '.');
      const ctx = commandContext();
      // Interrupted (Ctrl-C, a stopped job): no half-written zip stays behind.
      const interrupted = (signal: NodeJS.Signals) => {
        removePartialPackages();
        process.stderr.write(`samverka: interrupted (${signal}); no package written\n`);
        process.exit(130);
      };
      process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
      try {
        // what can be checked without the database first
        await checkOutputDirectory(outDir);
        const gs = await findGhostscript();
        const result = await withStore(ctx, async (store) => {
          const body = await findArchiveBody(store.db, opts.body);
          if (!body) throw new CommandError(`no body named "${opts.body}" (give its name, short name or slug)`);
          return exportSip(store.db, { body, year: Number(opts.year), outDir, submitter: opts.submitter, gs });
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ file: result.file, sha256: result.sha256, protocols: result.protocols, files: result.files }, null, 2)}\n`);
        } else {
          process.stdout.write(`${result.file}\n`);
        }
      } catch (e) {
        if (e instanceof ArchiveInputError || e instanceof ArchiveToolError || e instanceof ArchiveOutputError) throw new CommandError(e.message);
        throw e;
      } finally {
        process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
        // The browser that renders imported protocols would keep the process alive.
        await closePdfRenderer();
      }
    }));
}

import type { Command } from 'commander';
import { collectProtocolFiles as collectFiles } from '../../importer/collect-files.js';
import { toPreview } from '../../importer/preview.js';
import { importFiles, readAndParse } from '../../importer/store-batch.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
  draft?: boolean;
  body?: string;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import protocols (.txt, .md, .pdf; folders are read recursively)')
    .argument('<paths...>', 'files or folders')
    .option('--dry-run', 'read and parse only; store nothing')
    .option('--json', 'print JSON (with --dry-run: the import preview of FORMAT.md)')
    .option('--draft', 'store as drafts instead of published archive records')
    .option('--body <name>', 'the deciding body, for protocols whose text does not name it')
    .action(run(async (paths: string[], opts: ImportOptions) => {
      const ctx = commandContext();
      const files = await collectFiles(paths);
      if (files.length === 0) throw new CommandError(`no .txt, .md or .pdf files in ${paths.join(', ')}`);
      if (opts.dryRun) return dryRun(files, opts);

      const results = await withStore(ctx, (store) =>
        importFiles(store.db, files, { draft: opts.draft, bodyName: opts.body }, ({ done, total, result }) => {
          const what = result.ok
            ? `${result.created ? 'stored' : 'updated'} meeting ${result.meetingId} (${result.body}, ${result.date ?? 'date unknown'}, ${result.items} items)`
            : `FAILED: ${result.message}`;
          process.stderr.write(`[${done}/${total}] ${result.file}: ${what}\n`);
        }),
      );
      const failed = results.filter((r) => !r.ok).length;
      if (opts.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      process.stderr.write(`${results.length - failed} imported, ${failed} failed\n`);
      if (failed > 0) process.exitCode = 1;
    }));
}

async function dryRun(files: string[], opts: ImportOptions): Promise<void> {
  const previews: unknown[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const { parsed } = await readAndParse(file);
      previews.push(toPreview(parsed));
      if (!opts.json) {
        process.stdout.write(`${file}: ${parsed.body ?? 'body unknown'}, ${parsed.date ?? 'date unknown'}, ${parsed.items.length} items, ${parsed.repairs.length} OCR repairs\n`);
      }
    } catch (e) {
      failed++;
      process.stderr.write(`${file}: FAILED: ${(e as Error).message}\n`);
    }
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(previews.length === 1 && files.length === 1 ? previews[0] : previews, null, 2)}\n`);
  if (failed > 0) process.exitCode = 1;
}

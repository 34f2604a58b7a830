import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { SYSTEM } from '../../domain/access.js';
import type { Protocol } from '../../domain/model.js';
import { getProtocol } from '../../store/queries/protocol-read.js';
import { renderDocument } from '../../render/documents.js';
import { renderCalendar } from '../../render/calendar.js';
import { closePdfRenderer, PdfUnavailableError } from '../../render/pdf.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

const FORMATS = ['json', 'html', 'pdf', 'ics'] as const;
type Format = (typeof FORMATS)[number];

interface ExportOptions {
  format: string;
  out?: string;
  notice?: boolean;
  items?: string;
}

async function render(protocol: Protocol, format: Format, opts: ExportOptions): Promise<string | Uint8Array> {
  if (format === 'json') return `${JSON.stringify(protocol, null, 2)}\n`;
  if (format === 'ics') return renderCalendar([protocol], protocol.bodyNameAtTheTime ?? 'Samverka');
  const extractItems = opts.items?.split(',').map(Number);
  const doc = await renderDocument(protocol, format, { notice: opts.notice, extractItems });
  return doc.content;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("write a meeting's protocol (json, html, pdf) or its calendar entry (ics)")
    .argument('<meeting>', 'meeting id')
    .option('--format <format>', FORMATS.join('|'), 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--notice', 'html/pdf: the notice (kallelse) instead of the protocol')
    .option('--items <numbers>', 'html/pdf: a protocol extract of these items, e.g. 40,41')
    .action(run(async (meeting: string, opts: ExportOptions) => {
      if (!/^\d+$/.test(meeting)) throw new CommandError(`meeting must be a numeric id, got "${meeting}"`);
      const format = opts.format as Format;
      if (!FORMATS.includes(format)) throw new CommandError(`unknown format "${opts.format}" (supported: ${FORMATS.join(', ')})`);
      if (opts.items !== undefined && !/^\d{1,4}(,\d{1,4})*$/.test(opts.items)) throw new CommandError(`--items must be item numbers separated by commas, got "${opts.items}"`);
      if ((opts.notice || opts.items) && (format === 'json' || format === 'ics')) throw new CommandError('--notice and --items apply to --format html or pdf');
      const ctx = commandContext();
      const protocol = await withStore(ctx, (store) => getProtocol(store.db, SYSTEM, Number(meeting)));
      if (!protocol) throw new CommandError(`no meeting with id ${meeting}`);
      if (opts.items && !opts.items.split(',').some((n) => protocol.agenda.some((i) => i.number === Number(n)))) {
        throw new CommandError(`meeting ${meeting} has none of the items ${opts.items}`);
      }
      let output: string | Uint8Array;
      try {
        output = await render(protocol, format, opts);
      } catch (e) {
        if (e instanceof PdfUnavailableError) throw new CommandError(e.message);
        throw e;
      } finally {
        // The browser would keep the process alive.
        await closePdfRenderer();
      }
      if (opts.out) await fs.writeFile(opts.out, output);
      else process.stdout.write(output);
    }));
}

import fs from 'node:fs';
import type { Command } from 'commander';
import { CommandError, commandContext, run } from '../context.js';
import { openStore, StartupError } from '../../store/db.js';
import { sealRegistry } from '../../store/queries/sealed-protocols.js';
import type { VerifyResult } from '../../signing/verify.js';
import { knownSealCertificates } from '../../signing/certificate.js';

// `samverka verify FILE.pdf`: the same verification as the public page. The verdict's first word
// is English for scripts (VALID/INVALID); what it found is the Swedish text the page shows.
// While the server holds the embedded database, the file and the certificate are still checked,
// and the output says the database was not.

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('verify a protocol PDF: sealed by this Samverka, unchanged, which protocol and version, who signed when (exit code 1 when not valid)')
    .argument('<file>', 'the PDF to verify')
    .option('--json', 'print the result as JSON')
    .action(run(async (file: string, opts: { json?: boolean }) => {
      let bytes: Uint8Array;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        throw new CommandError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const ctx = commandContext();
      // loaded here, not when the CLI starts: every command (serve too) would otherwise hold pdf-lib
      const { certificateOnlyRegistry, verifyProtocolPdf, withKnownCertificates } = await import('../../signing/verify.js');
      const known = knownSealCertificates(ctx.config);
      let result: VerifyResult;
      let store;
      try {
        store = await openStore({ dataDir: ctx.config.dataDir, databaseUrl: ctx.config.databaseUrl });
      } catch (e) {
        if (!(e instanceof StartupError)) throw e;
        process.stderr.write(`samverka: the database cannot be opened (${e.message}); checking the file and the certificate only\n`);
      }
      try {
        result = await verifyProtocolPdf(bytes, store ? withKnownCertificates(sealRegistry(store.db), known) : certificateOnlyRegistry(known));
      } finally {
        await store?.close();
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(report(result));
      if (!result.valid) process.exitCode = 1;
    }));
}

function report(r: VerifyResult): string {
  const lines = [`${r.valid ? 'VALID' : 'INVALID'} (${r.outcome}): ${r.summary}`];
  if (r.protocol) lines.push(`  protokoll: ${[r.protocol.body, r.protocol.date].filter(Boolean).join(' ')}, möte ${r.protocol.meetingId}, version ${r.protocol.version}`);
  for (const s of r.signers) lines.push(`  undertecknat: ${s.name} (${s.role}) ${s.signedAt}, ${s.method}`);
  if (r.sealedAt) lines.push(`  förseglat: ${r.sealedAt}`);
  if (r.certificate) lines.push(`  certifikat: ${r.certificate.subject}${r.certificate.development ? ' (UTVECKLINGSCERTIFIKAT – ej för skarp användning)' : ''}`);
  for (const c of r.checks) lines.push(`  ${c.ok ? '✓' : '✗'} ${c.text}`);
  return `${lines.join('\n')}\n`;
}

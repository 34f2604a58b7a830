import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { errorResponses } from '../schemas.js';
import { ApiError } from '../errors.js';
import { limit } from '../auth/rate-limits.js';
import { knownSealCertificates } from '../../signing/certificate.js';
import { sealRegistry } from '../../store/queries/sealed-protocols.js';

// Public verification of a protocol PDF (/verifiera): anyone uploads a file and learns whether it
// is a protocol this Samverka sealed, unchanged and in force. Nothing is stored.

/** A sealed protocol is a few hundred kilobytes; this leaves room for long ones with images. */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

const Signer = z.object({
  name: z.string(), role: z.string(), organization: z.string().nullable(), method: z.string(), signedAt: z.string(),
  personId: z.number().nullable(), accountId: z.number().nullable(),
});

export const VerifyResultSchema = z
  .object({
    valid: z.boolean(),
    outcome: z.enum(['valid', 'superseded', 'altered', 'unregistered', 'not-ours', 'not-sealed', 'archive', 'damaged', 'not-pdf']),
    summary: z.string().openapi({ description: 'The verdict in plain Swedish' }),
    checks: z.array(z.object({ ok: z.boolean(), text: z.string() })),
    protocol: z.object({ meetingId: z.number(), version: z.number(), body: z.string(), date: z.string().nullable(), title: z.string().nullable() }).nullable(),
    signers: z.array(Signer),
    sealedAt: z.string().nullable(),
    certificate: z.object({ subject: z.string(), fingerprint: z.string(), development: z.boolean().nullable() }).nullable(),
    newerVersion: z.number().nullable(),
    archive: z.object({ meetingId: z.number(), body: z.string(), date: z.string().nullable() }).nullable(),
    databaseChecked: z.boolean(),
    pdfSha256: z.string(),
    links: z.object({ meeting: z.string().nullable(), sealedPdf: z.string().nullable() }),
  })
  .openapi('VerifyResult');

async function uploadedBytes(c: Context<AppEnv>): Promise<Uint8Array> {
  const type = c.req.header('content-type') ?? '';
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_VERIFY_BYTES) throw tooLarge();
  let bytes: Uint8Array;
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string') throw new ApiError(400, 'no_file', 'Välj en PDF-fil att kontrollera (fältet "file").');
    bytes = new Uint8Array(await file.arrayBuffer());
  } else {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  }
  if (bytes.length === 0) throw new ApiError(400, 'no_file', 'Ingen fil skickades. Skicka en PDF som fältet "file" eller som hela begäran.');
  if (bytes.length > MAX_VERIFY_BYTES) throw tooLarge();
  return bytes;
}

const tooLarge = () => new ApiError(413, 'too_large', `Filen är för stor att kontrollera (högst ${MAX_VERIFY_BYTES / 1024 / 1024} MB).`);

export function registerVerifyRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/verify',
      permission: 'public',
      summary: 'Verify a protocol PDF: sealed by this Samverka, unchanged, which protocol and version, who signed when',
      description: 'The PDF as the multipart field "file", or as the whole request body (application/pdf). Nothing is stored.',
      middleware: [limit('verify', 20)],
      responses: {
        200: { description: 'The verdict (also for a file that is not valid: see valid and outcome)', content: { 'application/json': { schema: VerifyResultSchema } } },
        413: { description: 'The file is too large' },
        ...errorResponses,
      },
    },
    async (c) => {
      const bytes = await uploadedBytes(c);
      const { store, config } = c.var.deps;
      const { verifyProtocolPdf, withKnownCertificates } = await import('../../signing/verify.js'); // pdf-lib: loaded on the first check
      const registry = withKnownCertificates(sealRegistry(store.db), knownSealCertificates(config));
      const result = await verifyProtocolPdf(bytes, registry);
      const meetingId = result.protocol?.meetingId ?? result.archive?.meetingId ?? null;
      // Where to read the protocol the file claims to be (for an altered file: the original). The
      // pages behind the links show only what is published, whatever id a file names.
      const linkable = meetingId !== null && ['valid', 'superseded', 'archive', 'altered'].includes(result.outcome);
      return c.json(
        {
          ...result,
          links: {
            meeting: linkable ? `/moten/${meetingId}` : null,
            sealedPdf: linkable && result.outcome !== 'archive' ? `/api/meetings/${meetingId}/sealed.pdf` : null,
          },
        },
        200,
      );
    },
  );
}

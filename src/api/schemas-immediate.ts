import { z } from '@hono/zod-openapi';
import { IMMEDIATE_ROLES } from '../domain/immediate-justering.js';

// The note on an agenda item justified at once (src/domain/immediate-justering.ts), in the API's responses.
export const ImmediateJusteringNoteSchema = z
  .object({
    justifiedOn: z.string().openapi({ description: 'The day it was justified (Swedish time), yyyy-mm-dd' }),
    justifiedAt: z.string(),
    signatories: z.array(z.object({ name: z.string(), role: z.enum(IMMEDIATE_ROLES) })),
    contentSha256: z.string().openapi({ description: 'SHA-256 of the item as approved, canonical JSON (RFC 8785)' }),
  })
  .openapi('ImmediateJusteringNote');

/** The decision that closed an assignment (src/store/queries/assignment-closing.ts). */
export const ClosedBySchema = z
  .object({
    itemId: z.number().int().nullable(),
    meetingId: z.number().int().nullable(),
    date: z.string().nullable(),
    itemNumber: z.number().int().nullable(),
    decision: z.string(),
    reason: z.enum(['published', 'immediate-justering']),
    closedAt: z.string(),
  })
  .openapi('AssignmentClosedBy');

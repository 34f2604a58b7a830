import { z } from '@hono/zod-openapi';
import { VOTE_CHOICES } from '../domain/votes.js';

// The shapes of votes, reservations and protocol notes in the API's responses (src/domain/votes.ts).

const Counts = z.object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int() });

export const VoteSchema = z
  .object({
    id: z.number().int(),
    question: z.string().nullable(),
    yesFor: z.string().openapi({ example: 'ordförandens förslag' }),
    noFor: z.string().openapi({ example: 'Moa Brydstens yrkande om återremiss' }),
    counts: Counts,
    result: z.enum(['yes', 'no', 'tie']).openapi({ description: 'yes: the ja-proposal won; no: the nej-proposal; tie: neither has a majority' }),
    castingVote: z.boolean().openapi({ description: "decided by the chair's casting vote (utslagsröst)" }),
    ballots: z.array(z.object({ name: z.string(), party: z.string().nullable(), vote: z.enum(VOTE_CHOICES) })),
  })
  .openapi('Vote');

export const ReservationSchema = z
  .object({ id: z.number().int(), name: z.string(), party: z.string().nullable(), inFavourOf: z.string().nullable(), motivation: z.string().nullable() })
  .openapi('Reservation');

export const ProtocolNoteSchema = z
  .object({ id: z.number().int(), name: z.string(), party: z.string().nullable(), text: z.string() })
  .openapi('ProtocolNote');

/** What getProtocol adds to every agenda item. */
export const itemVotingFields = {
  votes: z.array(VoteSchema),
  reservations: z.array(ReservationSchema),
  protocolNotes: z.array(ProtocolNoteSchema).openapi({ description: 'protokollsanteckningar' }),
};

import type { Viewer } from '../../domain/access.js';
import { markSealFailed, markSealed, type SealInput } from '../../store/queries/justering-write.js';
import { getSealedProtocol } from '../../store/queries/sealed-protocols.js';
import type { AppDeps } from '../route.js';

// After the last signature has been committed the protocol is sealed and published (by the
// signing module). It is done outside the signature's transaction: rendering and sealing take
// seconds and may fail on the certificate, and a failure must not undo anyone's signature. The
// round then stays 'signed' with the reason, and the secretary seals again once it is fixed.

export type SealOutcome = { sealed: true; pdfSha256: string } | { sealed: false; error: string };

const TECHNICAL_FAILURE = 'Protokollet kunde inte förseglas på grund av ett tekniskt fel. Försök igen om en stund, eller be administratören läsa serverns logg.';

// Two attempts on one meeting at once (the last signer and a secretary's retry) would both seal.
const inProgress = new Set<number>();

export async function sealRound(deps: AppDeps, actor: Viewer, meetingId: number, input: SealInput): Promise<SealOutcome> {
  if (inProgress.has(meetingId)) return { sealed: false, error: 'Protokollet förseglas just nu. Ladda om sidan om en stund.' };
  inProgress.add(meetingId);
  try {
    let pdfSha256: string;
    // The signing module (pdf-lib, @signpdf) is loaded when a protocol is first sealed, not held from start.
    const { SealError, sealAndPublish } = await import('../../signing/seal-protocol.js');
    try {
      ({ pdfSha256 } = await sealAndPublish(
        { store: deps.store, config: deps.config, log: deps.log },
        { meetingId, version: input.version, protocol: input.protocol, signers: input.signers },
      ));
    } catch (e) {
      // An earlier attempt sealed and published this version but did not get to close the round.
      const earlier = await getSealedProtocol(deps.store.db, meetingId);
      if (earlier?.version !== input.version) {
        const error = e instanceof SealError ? e.message : TECHNICAL_FAILURE;
        if (e instanceof SealError) deps.log.warn({ meetingId, reason: e.message }, 'protocol not sealed');
        else deps.log.error({ err: e, meetingId }, 'sealing failed');
        await markSealFailed(deps.store.db, actor, meetingId, input.roundId, error);
        return { sealed: false, error };
      }
      pdfSha256 = earlier.pdfSha256;
    }
    await markSealed(deps.store.db, actor, meetingId, input.roundId, pdfSha256);
    return { sealed: true, pdfSha256 };
  } finally {
    inProgress.delete(meetingId);
  }
}

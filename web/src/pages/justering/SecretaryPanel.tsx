import { useState } from 'react';
import { Link } from 'react-router';
import { ApiFailure, send, useApi } from '../../api';
import { Load } from '../../components/States';
import { svJustering } from '../../i18n/sv';
import type { Say } from './JusteringPage';
import { SignatoryChooser } from './SignatoryChooser';
import type { Candidates, JusteringState } from './types';

const t = svJustering;

/** The secretary's actions for the round in its state: send (again), revise, seal again. */
export function SecretaryPanel({ state, say, reload }: { state: JusteringState; say: Say; reload: () => void }) {
  const m = state.meeting;
  const current = state.rounds[0];
  const [busy, setBusy] = useState(false);
  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      say(await what());
      reload();
    } catch (err) {
      say(err instanceof ApiFailure ? err.message : String(err), true);
      reload();
    } finally {
      setBusy(false);
    }
  };
  const canSend = m.status === 'draft' && (!current || current.state === 'revising' || current.state === 'withdrawn');

  return (
    <section aria-labelledby="sekreterare">
      <h2 id="sekreterare">{t.secretary}</h2>
      {canSend && (
        <>
          {current?.state === 'revising' && (
            <p>{t.revisingIntro} <Link to={`/moten/${m.id}/redigera`}>{t.editProtocol}</Link></p>
          )}
          <SendForm meetingId={m.id} nextVersion={(state.versions[0]?.version ?? 0) + 1} say={say} reload={reload} />
        </>
      )}
      {current?.state === 'open' && (
        <>
          <p>{t.reviseIntro}</p>
          <p><button type="button" disabled={busy} onClick={() => void act(async () => (await send('POST', `/api/meetings/${m.id}/justering/revise`), t.revised))}>{t.revise}</button></p>
        </>
      )}
      {current?.state === 'signed' && (
        <p>
          <button type="button" disabled={busy} onClick={() => void act(async () => (await send('POST', `/api/meetings/${m.id}/justering/seal`), t.sealed))}>
            {busy ? t.busy : t.sealAgain}
          </button>
        </p>
      )}
    </section>
  );
}

function SendForm({ meetingId, nextVersion, say, reload }: { meetingId: number; nextVersion: number; say: Say; reload: () => void }) {
  const [candidates] = useApi<Candidates>(`/api/meetings/${meetingId}/justering/candidates`);
  return (
    <Load value={candidates} retry={reload}>
      {(c) => <SignatoryChooser meetingId={meetingId} candidates={c} heading={nextVersion > 1 ? t.sendNext(nextVersion) : t.send} say={say} reload={reload} />}
    </Load>
  );
}

import { useState, type FormEvent } from 'react';
import { ApiFailure, send } from '../../api';
import { svExpedition } from '../../i18n/sv';
import type { RecipientChoice } from '../../../../src/domain/expedition';
import type { Chosen, Panel, Proposed, Say } from './types';

const t = svExpedition;

const pairKey = (itemId: number, key: string) => `${itemId}|${key}`;

function choiceOf(r: Proposed): RecipientChoice {
  if (r.kind === 'huvudman') return { kind: 'huvudman', huvudmanId: r.huvudmanId! };
  if (r.kind === 'body') return { kind: 'body', bodyId: r.bodyId! };
  return { kind: 'named', name: r.name, email: r.addresses[0]! };
}

function reasonText(r: { reasons: string[]; deadline: string | null }): string {
  return [r.reasons.map((x) => t.reasons[x]).join(', '), r.deadline ? t.deadline(r.deadline) : null].filter(Boolean).join(', ');
}

/** The proposed recipients per item (checked when they can be sent to), more added by hand, and the send button. */
export function ChooseRecipients({ panel, say, reload }: { panel: Panel; say: Say; reload: () => void }) {
  const [checked, setChecked] = useState<Set<string>>(
    () => new Set(panel.proposals.flatMap((p) => p.recipients.filter((r) => r.problem === null).map((r) => pairKey(p.itemId, r.key)))),
  );
  const [extra, setExtra] = useState<(Chosen & { label: string })[]>([]);
  const [busy, setBusy] = useState(false);

  const toggle = (key: string, on: boolean) =>
    setChecked((set) => {
      const next = new Set(set);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const chosen: Chosen[] = [
    ...panel.proposals.flatMap((p) => p.recipients.filter((r) => r.problem === null && checked.has(pairKey(p.itemId, r.key))).map((r) => ({ itemId: p.itemId, recipient: choiceOf(r) }))),
    ...extra.map(({ itemId, recipient }) => ({ itemId, recipient })),
  ];

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await send<{ dispatches: unknown[] }>('POST', `/api/meetings/${panel.meeting.id}/expedition`, { dispatches: chosen });
      say(t.queued(res.dispatches.length));
      reload();
    } catch (err) {
      say(err instanceof ApiFailure ? err.message : String(err), true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="valj-mottagare">
      <h2 id="valj-mottagare">{t.choose}</h2>
      <p>{panel.proposals.length ? t.chooseIntro : t.noProposals}</p>
      <form id="expediering" onSubmit={(e) => void submit(e)}>
        {panel.proposals.map((p) => (
          <fieldset key={p.itemId} className="subform">
            <legend>{t.item(p.number, p.title)}</legend>
            <ul className="plain-list">
              {p.recipients.map((r) => {
                const id = `mottagare-${p.itemId}-${r.key.replace(/[^A-Za-z0-9]+/g, '-')}`;
                return (
                  <li key={r.key}>
                    <input
                      type="checkbox"
                      id={id}
                      disabled={r.problem !== null}
                      checked={r.problem === null && checked.has(pairKey(p.itemId, r.key))}
                      onChange={(e) => toggle(pairKey(p.itemId, r.key), e.target.checked)}
                    />{' '}
                    <label htmlFor={id}>
                      <strong>{r.name}</strong>
                      <span className="hint"> – {reasonText(r)}{r.addresses.length > 0 && <> ({r.addresses.join(', ')})</>}</span>
                      {r.problem && <> <span className="badge badge--warn">{t.problems[r.problem]}</span></>}
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
        {extra.length > 0 && (
          <fieldset className="subform">
            <legend>{t.added}</legend>
            <ul className="plain-list">
              {extra.map((x, i) => (
                <li key={`${x.itemId}-${x.label}`}>
                  {x.label}{' '}
                  <button type="button" className="secondary" aria-label={t.removeAdded(x.label)} onClick={() => setExtra((list) => list.filter((_, j) => j !== i))}>{t.remove}</button>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </form>
      <AddRecipient panel={panel} onAdd={(c) => setExtra((list) => [...list, c])} />
      <p className="button-row">
        <button type="submit" form="expediering" disabled={busy || chosen.length === 0}>{busy ? t.sending : t.send(chosen.length)}</button>
      </p>
    </section>
  );
}

/** A recipient the decisions do not name: a huvudman, a body, or anyone by name and address. */
function AddRecipient({ panel, onAdd }: { panel: Panel; onAdd: (c: Chosen & { label: string }) => void }) {
  const [itemId, setItemId] = useState(String(panel.items[0]?.id ?? ''));
  const [kind, setKind] = useState<RecipientChoice['kind']>('huvudman');
  const [target, setTarget] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  if (panel.items.length === 0) return null;
  const item = panel.items.find((i) => String(i.id) === itemId);

  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!item) return;
    const where = t.item(item.number, item.title);
    if (kind === 'named') {
      if (!name.trim() || !email.trim()) return;
      onAdd({ itemId: item.id, recipient: { kind, name: name.trim(), email: email.trim() }, label: t.recipientLabel(`${name.trim()} (${email.trim()})`, where) });
      setName('');
      setEmail('');
      return;
    }
    const list = kind === 'huvudman' ? panel.huvudman : panel.bodies;
    const found = list.find((x) => String(x.id) === target);
    if (!found) return;
    onAdd({ itemId: item.id, recipient: kind === 'huvudman' ? { kind, huvudmanId: found.id } : { kind, bodyId: found.id }, label: t.recipientLabel(found.name, where) });
    setTarget('');
  };

  const options = kind === 'huvudman' ? panel.huvudman : panel.bodies;
  return (
    <form onSubmit={add} className="form" aria-labelledby="lagg-till">
      <h3 id="lagg-till">{t.addHeading}</h3>
      <div className="grid-form">
        <div className="field">
          <label htmlFor="ny-arende">{t.addItem}</label>
          <select id="ny-arende" value={itemId} onChange={(e) => setItemId(e.target.value)}>
            {panel.items.map((i) => <option key={i.id} value={i.id}>{t.item(i.number, i.title)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ny-slag">{t.addKind}</label>
          <select id="ny-slag" value={kind} onChange={(e) => { setKind(e.target.value as RecipientChoice['kind']); setTarget(''); }}>
            {(['huvudman', 'body', 'named'] as const).map((k) => <option key={k} value={k}>{t.kinds[k]}</option>)}
          </select>
        </div>
        {kind === 'named' ? (
          <>
            <div className="field">
              <label htmlFor="ny-namn">{t.addName}</label>
              <input id="ny-namn" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="ny-epost">{t.addEmail}</label>
              <input id="ny-epost" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor="ny-mottagare">{kind === 'huvudman' ? t.addHuvudman : t.addBody}</label>
            <select id="ny-mottagare" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t.pick}</option>
              {options.map((o) => <option key={o.id} value={o.id} disabled={!o.hasAddress}>{o.name}{o.hasAddress ? '' : ` (${t.withoutAddress})`}</option>)}
            </select>
          </div>
        )}
        <div className="field field--button">
          <button type="submit" className="secondary">{t.add}</button>
        </div>
      </div>
    </form>
  );
}

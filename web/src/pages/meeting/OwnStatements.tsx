import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AgendaItem, Protocol } from '../../../../src/domain/model';
import { checkProtocolNote, checkReservation, type Attendee } from '../../../../src/domain/votes';
import { ApiFailure, send } from '../../api';
import { svOwnStatements as t } from '../../i18n/sv';
import './own-statements.css';

// A member's own reservation and protokollsanteckning under an item's decision, while the protocol
// is a draft. GET /api/meetings/{id} says whether the viewer may enter any (ownStatements); the
// domain's rules, the same the server applies, say on which items; the server still decides.
// What they entered is shown once, with everyone's (ItemStatements); here only its "Ta bort".

/** What GET /api/meetings/{id} tells the viewer about their own statements (null: they may enter none). */
export interface OwnStatementsInfo {
  personId: number;
  name: string;
  reservationIds: number[];
  protocolNoteIds: number[];
}

export type MeetingView = Protocol & { ownStatements: OwnStatementsInfo | null };

/** The protocol's attendance as the voting rules read it. */
export function attendeesOf(p: Protocol): Attendee[] {
  const { present, absent, officials } = p.attendance;
  const as = (list: Attendee['list']) => (a: Protocol['attendance']['present'][number]): Attendee => ({
    personId: a.personId, name: a.name, party: a.party, list, role: a.role, replaces: a.replaces, itemsFrom: a.itemsFrom, itemsTo: a.itemsTo,
  });
  return [...present.map(as('present')), ...absent.map(as('absent')), ...officials.map(as('official'))];
}

type Form = 'reservation' | 'note';
type Message = { text: string; error: boolean };

const text = (v: FormDataEntryValue | null) => String(v ?? '').trim();
const failure = (prefix: string, err: unknown) => `${prefix} ${err instanceof ApiFailure ? err.message : t.network}`;

export function OwnStatements({ meetingId, item, own, attendees, reload }: {
  meetingId: number;
  item: AgendaItem;
  own: OwnStatementsInfo;
  attendees: Attendee[];
  reload: () => void;
}) {
  const id = useId();
  const base = `/api/meetings/${meetingId}/items/${item.id}`;
  const [open, setOpen] = useState<Form | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const opener = useRef<Record<Form, HTMLButtonElement | null>>({ reservation: null, note: null });
  const firstField = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const [focusMessage, setFocusMessage] = useState(0);

  useEffect(() => {
    if (open) firstField.current?.focus();
  }, [open]);
  useEffect(() => {
    if (focusMessage) messageRef.current?.focus();
  }, [focusMessage]);

  const reservations = item.reservations.filter((r) => own.reservationIds.includes(r.id));
  const notes = item.protocolNotes.filter((n) => own.protocolNoteIds.includes(n.id));
  const mayReserve = reservations.length === 0 && checkReservation(attendees, item.number, own.name, item.votes).ok;
  const mayNote = notes.length === 0 && checkProtocolNote(attendees, item.number, own.name).ok;
  if (item.decisions.length === 0 || item.immediateJustering) return null;
  if (!mayReserve && !mayNote && reservations.length === 0 && notes.length === 0 && !message) return null;

  const close = (form: Form) => {
    setOpen(null);
    // The button is back once the form is gone: focus it then.
    requestAnimationFrame(() => opener.current[form]?.focus());
  };

  const done = (msg: Message) => {
    setMessage(msg);
    setFocusMessage((n) => n + 1);
  };

  const submit = (form: Form) => async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    try {
      if (form === 'reservation') {
        await send('POST', `${base}/reservations`, { inFavourOf: text(f.get('inFavourOf')) || null, motivation: text(f.get('motivation')) || null });
      } else {
        await send('POST', `${base}/protocol-notes`, { text: text(f.get('text')) });
      }
      setOpen(null);
      done({ text: form === 'reservation' ? t.savedReservation : t.savedNote, error: false });
      reload();
    } catch (err) {
      // The form stays as it was written; the message says why, and the item shows what is there now.
      setMessage({ text: failure(t.failed, err), error: true });
      reload();
    } finally {
      setBusy(false);
    }
  };

  const remove = async (path: string) => {
    setBusy(true);
    try {
      await send('DELETE', `${base}/${path}`);
      done({ text: t.removed, error: false });
      reload();
    } catch (err) {
      done({ text: failure(t.failedRemove, err), error: true });
    } finally {
      setBusy(false);
    }
  };

  const where = t.forItem(item.number);

  return (
    <section className="own-statements" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t.title}<span className="visually-hidden">{where}</span></h4>
      {(reservations.length > 0 || notes.length > 0) && (
        <div className="button-row own-statements__remove">
          {reservations.map((r) => (
            <button key={`r${r.id}`} type="button" className="small secondary" disabled={busy} onClick={() => void remove(`reservations/${r.id}`)}>
              {t.removeReservation}<span className="visually-hidden">{where}</span>
            </button>
          ))}
          {notes.map((n) => (
            <button key={`n${n.id}`} type="button" className="small secondary" disabled={busy} onClick={() => void remove(`protocol-notes/${n.id}`)}>
              {t.removeNote}<span className="visually-hidden">{where}</span>
            </button>
          ))}
        </div>
      )}
      {message && (
        <p ref={messageRef} tabIndex={-1} className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>
      )}

      {open === null && (mayReserve || mayNote) && (
        <div className="button-row own-statements__actions">
          {mayReserve && (
            <button type="button" className="secondary" ref={(b) => { opener.current.reservation = b; }} onClick={() => { setMessage(null); setOpen('reservation'); }}>
              {t.reserve}<span className="visually-hidden">{where}</span>
            </button>
          )}
          {mayNote && (
            <button type="button" className="secondary" ref={(b) => { opener.current.note = b; }} onClick={() => { setMessage(null); setOpen('note'); }}>
              {t.note}<span className="visually-hidden">{where}</span>
            </button>
          )}
        </div>
      )}

      {open === 'reservation' && (
        <form className="subform grid-form" aria-label={`${t.reservationForm}${where}`} onSubmit={(e) => void submit('reservation')(e)}>
          <div className="field"><label htmlFor={`${id}-rf`}>{t.inFavourOf}</label><input id={`${id}-rf`} name="inFavourOf" maxLength={1000} ref={firstField} /></div>
          <div className="field field--wide"><label htmlFor={`${id}-rm`}>{t.motivation}</label><textarea id={`${id}-rm`} name="motivation" rows={4} maxLength={20000} /></div>
          <div className="field--wide button-row">
            <button type="submit" disabled={busy}>{t.saveReservation}</button>
            <button type="button" className="secondary" onClick={() => close('reservation')}>{t.cancel}</button>
          </div>
        </form>
      )}
      {open === 'note' && (
        <form className="subform grid-form" aria-label={`${t.noteForm}${where}`} onSubmit={(e) => void submit('note')(e)}>
          <div className="field field--wide"><label htmlFor={`${id}-nt`}>{t.noteText}</label><textarea id={`${id}-nt`} name="text" rows={4} required maxLength={20000} ref={firstField} /></div>
          <div className="field--wide button-row">
            <button type="submit" disabled={busy}>{t.saveNote}</button>
            <button type="button" className="secondary" onClick={() => close('note')}>{t.cancel}</button>
          </div>
        </form>
      )}
    </section>
  );
}

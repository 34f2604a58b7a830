import { canEditBody, type Viewer } from '../../domain/access.js';
import { isEditable } from '../../domain/meeting-rules.js';
import type { Protocol } from '../../domain/model.js';
import type { Db } from '../db.js';

// The meeting page offers a member of the body the forms for their own reservation and protocol
// note only when the vote routes would take them (src/api/routes/votes.ts, standingOn/authorFor,
// and the store's authorName): an account linked to a person, a member (or secretary) of one of the
// meeting's bodies, a protocol still being written, and that person in its attendance. Which items
// they may reserve themselves on is left to the rules the store applies when they try.

/** The viewer as an author of their own statements on this protocol. */
export interface OwnStatements {
  personId: number;
  name: string; // as the attendance lists them
  reservationIds: number[]; // theirs, on any item of this protocol
  protocolNoteIds: number[];
}

/** Null when the viewer may not enter their own reservations or notes here. */
export async function ownStatementsOn(db: Db, viewer: Viewer, protocol: Protocol): Promise<OwnStatements | null> {
  if (viewer.kind !== 'account' || viewer.personId === null || !isEditable(protocol)) return null;
  if (!protocol.bodies.some((b) => canEditBody(viewer, b.id) || viewer.bodies[b.id] !== undefined)) return null;
  const personId = viewer.personId;
  const { present, absent, officials } = protocol.attendance;
  const row = [...present, ...absent, ...officials].find((p) => p.personId === personId);
  if (!row) return null;
  const itemIds = protocol.agenda.map((i) => i.id);
  if (itemIds.length === 0) return { personId, name: row.name, reservationIds: [], protocolNoteIds: [] };
  const [reservations, notes] = await Promise.all([
    db.selectFrom('item_reservation').select('id').where('item_id', 'in', itemIds).where('person_id', '=', personId).orderBy('id').execute(),
    db.selectFrom('item_protocol_note').select('id').where('item_id', 'in', itemIds).where('person_id', '=', personId).orderBy('id').execute(),
  ]);
  return { personId, name: row.name, reservationIds: reservations.map((r) => r.id), protocolNoteIds: notes.map((n) => n.id) };
}

import type { ImmediateJusteringNote } from '../domain/immediate-justering.js';
import type { OParlAgendaItem } from './schemas.js';
import { timestamp } from './time.js';

// An AgendaItem justified at once (omedelbart justerad) during its meeting: OParl has no such
// field, so it is a `samverka:` extension (docs/oparl.md). The signatories are named as the
// protocol names them; the checksum is of the item as they approved it.

export function immediateJusteringProperty(note: ImmediateJusteringNote): NonNullable<OParlAgendaItem['samverka:immediateJustering']> {
  return {
    date: note.justifiedOn,
    justifiedAt: timestamp(note.justifiedAt),
    signatories: note.signatories.map((s) => ({ name: s.name, role: s.role })),
    sha256Checksum: note.contentSha256,
  };
}

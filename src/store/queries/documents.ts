import { createHash } from 'node:crypto';
import type { Viewer } from '../../domain/access.js';
import type { Db } from '../db.js';
import { appendAudit } from './audit.js';
import { lockEditableMeeting } from './agenda-edit.js';
import { visibleMeeting } from './visibility.js';

export async function attachDocument(db: Db, actor: Viewer, meetingId: number, itemId: number, file: { filename: string; mediaType: string; bytes: Uint8Array }): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    await lockEditableMeeting(trx, meetingId);
    const item = await trx.selectFrom('agenda_item').select('id').where('id', '=', itemId).where('meeting_id', '=', meetingId).executeTakeFirst();
    if (!item) return null;
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const { id } = await trx
      .insertInto('document')
      .values({
        item_id: itemId,
        filename: file.filename,
        media_type: file.mediaType,
        size_bytes: file.bytes.byteLength,
        sha256,
        content: file.bytes,
        uploaded_by: actor.kind === 'account' ? actor.accountId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, { action: 'document.attach', entity: 'document', entityId: id, after: { itemId, filename: file.filename, sha256, size: file.bytes.byteLength } });
    return id;
  });
}

export async function removeDocument(db: Db, actor: Viewer, meetingId: number, documentId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await lockEditableMeeting(trx, meetingId);
    const doc = await trx
      .selectFrom('document as d')
      .innerJoin('agenda_item as i', 'i.id', 'd.item_id')
      .select(['d.id', 'd.filename', 'd.sha256', 'd.item_id'])
      .where('d.id', '=', documentId)
      .where('i.meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!doc) return false;
    await trx.deleteFrom('document').where('id', '=', documentId).execute();
    await appendAudit(trx, actor, { action: 'document.remove', entity: 'document', entityId: documentId, before: doc });
    return true;
  });
}

/** A document the viewer may read: its meeting is published, or the viewer belongs to its body. */
export async function getDocument(db: Db, viewer: Viewer, documentId: number) {
  return db
    .selectFrom('document as d')
    .innerJoin('agenda_item as i', 'i.id', 'd.item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select(['d.filename', 'd.media_type', 'd.content', 'd.sha256'])
    .where('d.id', '=', documentId)
    .where(visibleMeeting(viewer, 'm.id', 'm.status'))
    .executeTakeFirst();
}

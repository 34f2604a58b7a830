import type { Viewer } from '../../domain/access.js';
import { visibleMeeting } from './visibility.js';
import type { Db } from '../db.js';

/** The source file of a meeting the viewer may read. */
export async function getSourceFile(db: Db, viewer: Viewer, meetingId: number) {
  const row = await db
    .selectFrom('meeting as m')
    .innerJoin('source_file as f', 'f.id', 'm.source_file_id')
    .select(['f.filename', 'f.media_type', 'f.content'])
    .where('m.id', '=', meetingId)
    .where(visibleMeeting(viewer, 'm.id', 'm.status'))
    .executeTakeFirst();
  return row ? { filename: row.filename, mediaType: row.media_type, content: row.content } : null;
}

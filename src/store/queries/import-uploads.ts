import type { Db } from '../db.js';

export interface StagedUpload {
  id: number;
  accountId: number | null;
  filename: string;
  mediaType: string;
  parsed: unknown;
  errorCode: string | null;
  errorMessage: string | null;
  meetingId: number | null;
}

const columns = ['id', 'account_id', 'filename', 'media_type', 'parsed', 'error_code', 'error_message', 'meeting_id'] as const;

function toStaged(r: { id: number; account_id: number | null; filename: string; media_type: string; parsed: unknown; error_code: string | null; error_message: string | null; meeting_id: number | null }): StagedUpload {
  return { id: r.id, accountId: r.account_id, filename: r.filename, mediaType: r.media_type, parsed: r.parsed, errorCode: r.error_code, errorMessage: r.error_message, meetingId: r.meeting_id };
}

export async function insertUpload(
  db: Db,
  u: { accountId: number | null; filename: string; sha256: string; mediaType: string; content: Uint8Array; text: string | null; parsed: unknown; errorCode: string | null; errorMessage: string | null },
): Promise<StagedUpload> {
  const row = await db
    .insertInto('import_upload')
    .values({
      account_id: u.accountId,
      filename: u.filename,
      sha256: u.sha256,
      media_type: u.mediaType,
      content: u.content,
      text_content: u.text,
      parsed: u.parsed === null ? null : JSON.stringify(u.parsed),
      error_code: u.errorCode,
      error_message: u.errorMessage,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toStaged(row);
}

/** An upload of this account (administrators see all). */
export async function getUpload(db: Db, id: number, owner: { accountId: number; admin: boolean }) {
  let q = db.selectFrom('import_upload').select([...columns, 'content', 'text_content']).where('id', '=', id);
  if (!owner.admin) q = q.where('account_id', '=', owner.accountId);
  const row = await q.executeTakeFirst();
  return row ? { ...toStaged(row), content: row.content, text: row.text_content } : null;
}

export async function listUploads(db: Db, owner: { accountId: number; admin: boolean }): Promise<StagedUpload[]> {
  let q = db.selectFrom('import_upload').select(columns).where('meeting_id', 'is', null).orderBy('id');
  if (!owner.admin) q = q.where('account_id', '=', owner.accountId);
  return (await q.execute()).map(toStaged);
}

export async function markUploadStored(db: Pick<Db, 'updateTable'>, id: number, meetingId: number): Promise<void> {
  await db.updateTable('import_upload').set({ meeting_id: meetingId }).where('id', '=', id).execute();
}

export async function deleteUpload(db: Db, id: number, owner: { accountId: number; admin: boolean }): Promise<boolean> {
  let q = db.deleteFrom('import_upload').where('id', '=', id);
  if (!owner.admin) q = q.where('account_id', '=', owner.accountId);
  return Number((await q.executeTakeFirst()).numDeletedRows) > 0;
}

import { createHash } from 'node:crypto';
import type { ParsedProtocol } from '../domain/protocol-preview.js';
import type { ProtocolDraft } from '../domain/protocol-draft.js';
import { isIsoDate } from '../domain/dates.js';
import type { Transaction } from 'kysely';
import type { Db } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { SYSTEM, type Viewer } from '../domain/access.js';
import { appendAudit } from '../store/queries/audit.js';
import { createBodyFromName } from '../store/queries/bodies.js';
import { findImportMatch, insertSourceFile, recordRepairs, writeProtocol } from '../store/queries/protocol-write.js';

export interface SourceDocument {
  filename: string;
  mediaType: string;
  bytes: Uint8Array;
  text: string; // the text as read, before OCR repair: kept as the source of record
}

export interface StoreOptions {
  draft?: boolean | undefined; // store as a draft instead of a published archive record
  bodyName?: string | undefined; // the deciding body, when the text does not name it
  actor?: Viewer | undefined; // who imports, for the audit log (default: the operator)
  /** More writes that belong to the same transaction (e.g. marking an upload as stored). */
  alsoInTransaction?: ((trx: Transaction<Database>, meetingId: number) => Promise<void>) | undefined;
}

export interface StoredProtocol {
  meetingId: number;
  created: boolean; // false: an earlier import of the same protocol was updated in place
  body: string;
}

export class MissingBodyError extends Error {
  readonly code = 'no_body';
  constructor() {
    super('the text does not name the deciding body; give it with --body');
  }
}

/**
 * Stores one imported protocol in one transaction: matched against what is stored (same text,
 * or same body, date and item numbers) and updated in place, never duplicated.
 */
export async function storeImportedProtocol(db: Db, parsed: ParsedProtocol, source: SourceDocument, opts: StoreOptions = {}): Promise<StoredProtocol> {
  const bodyName = opts.bodyName ?? parsed.body;
  if (!bodyName) throw new MissingBodyError();
  const contentHash = sha256(normaliseText(source.text));
  const numbers = parsed.items.map((i) => i.number);
  const warnings = [...parsed.warnings];
  if (!parsed.date && !warnings.some((w) => /date/i.test(w))) warnings.push('no date in the text: stored with the date unknown');

  return db.transaction().execute(async (trx) => {
    const sourceSha256 = sha256(source.bytes);
    const match = await findImportMatch(trx, {
      bodyName,
      contentHash,
      date: parsed.date,
      firstItem: numbers.length ? Math.min(...numbers) : null,
      lastItem: numbers.length ? Math.max(...numbers) : null,
      sourceSha256,
    });
    const bodyId = match.bodyId ?? (await createBodyFromName(trx, bodyName));
    const existing = match.meetingId;
    const sourceFileId = match.sourceFileId ?? (await insertSourceFile(trx, {
      filename: source.filename,
      sha256: sourceSha256,
      mediaType: source.mediaType,
      content: source.bytes,
      text: source.text,
    }));
    const meetingId = await writeProtocol(
      trx,
      existing,
      { status: opts.draft ? 'draft' : 'published', origin: 'imported', sourceFileId, contentHash, warnings, bodyIds: [bodyId] },
      toDraft(parsed),
    );
    await recordRepairs(trx, meetingId, parsed.repairs);
    await appendAudit(trx, opts.actor ?? SYSTEM, {
      action: existing === null ? 'protocol.import' : 'protocol.reimport',
      entity: 'meeting',
      entityId: meetingId,
      after: { source: source.filename, body: bodyName, date: parsed.date, items: parsed.items.length, draft: !!opts.draft },
    });
    await opts.alsoInTransaction?.(trx, meetingId);
    return { meetingId, created: existing === null, body: bodyName };
  });
}

export function toDraft(parsed: ParsedProtocol): ProtocolDraft {
  const participants = (['present', 'absent', 'officials'] as const).flatMap((list) =>
    parsed.attendance[list].map((p) => ({
      list: list === 'officials' ? ('official' as const) : list,
      name: p.name,
      party: p.party,
      organization: p.organization,
      role: p.role,
      replaces: p.replaces,
      note: p.note,
      itemsFrom: null,
      itemsTo: null,
    })),
  );
  return {
    title: parsed.title,
    date: parsed.date,
    startTime: parsed.startTime,
    endTime: parsed.endTime,
    place: parsed.place,
    diaryNumber: parsed.diaryNumber,
    participants,
    items: parsed.items.map((item) => ({
      number: item.number,
      title: item.title,
      kind: item.kind,
      written: item.written,
      text: withoutDecisions(item.text, item.decisions.map((d) => d.text)),
      proposal: null,
      subPoints: item.subPoints,
      presenters: item.presenters,
      decisions: item.decisions.map((d) => ({ text: d.text, clauses: d.clauses })),
      assignments: item.assignments.map((a) => {
        const inDecision = item.decisions.findIndex((d) => normaliseText(d.text).includes(normaliseText(a.text)));
        return { to: a.to, task: a.text, dueText: null, dueDate: null, decisionIndex: inDecision >= 0 ? inDecision : null };
      }),
    })),
    signatures: parsed.signatures.map((s) => ({ name: s.name, role: s.role, signedAt: s.signedAt, method: null })),
    nextMeetings: parsed.nextMeetings.map((n) => ({ body: n.body, dateText: n.date, date: isIsoDate(n.date) ? n.date : null })),
  };
}

/** The item's text without the paragraphs that are its decisions, which the protocol shows on their own. */
function withoutDecisions(text: string, decisions: string[]): string {
  const keys = decisions.map(normaliseText);
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => {
      // Att-clauses are often bulleted in the text ("o att anta …") but joined in the decision.
      const p = normaliseText(paragraph.replace(/^\s*(?:[-•–]|o(?=\s))\s*/gm, ''));
      return p.length === 0 || !keys.some((d) => d === p || (p.length > 20 && d.includes(p)));
    })
    .join('\n\n')
    .trim();
}

function normaliseText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

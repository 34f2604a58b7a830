import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { DbId, DbIdJson, IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { unauthenticated } from '../auth/permissions.js';
import { canEditBody, canReadBody, type Viewer } from '../../domain/access.js';
import { attachmentProblem, MEDIA_TYPES, sniffAttachment } from '../../domain/attachments.js';
import { formatDeadline, parseDeadline, RULE_TEXT, tally, WRITTEN_ANSWERS, WRITTEN_RULES } from '../../domain/written-procedure.js';
import { writtenProcedureHooks } from '../../jobs/written-procedure.js';
import { FrozenError } from '../../store/queries/agenda-edit.js';
import { answerWrittenQuestion, sendWrittenQuestion, WrittenProblem, type WrittenProblemCode } from '../../store/queries/written-procedure.js';
import { confirmAtMeeting } from '../../store/queries/written-procedure-confirm.js';
import { getWrittenQuestion, linkHolder, loadWrittenQuestions, writtenDocument, type WrittenRecord } from '../../store/queries/written-procedure-read.js';

// Beslut per capsulam. The body's secretary puts a question to its voting members; each member
// answers once, signed in or through the link mailed to them (which identifies that member for
// that question only, until the deadline); the outcome is recorded by the rule or at the deadline;
// the next meeting takes the decision up for confirmation. The answer and link routes are public:
// the link is the credential, and a signed-in answer is checked against the members asked.

const MAX_DOCUMENTS = 10;
const MAX_DEADLINE_DAYS = 366;
const param = (name: string) => DbId.openapi({ param: { name, in: 'path' } });
const TokenParam = z.string().min(1).max(200).openapi({ param: { name: 'token', in: 'path' } });

const STATUS: Record<WrittenProblemCode, 400 | 403 | 404 | 409 | 422> = {
  not_found: 404, no_members: 422, no_address: 422, no_chair: 422,
  invalid_link: 404, wrong_question: 403, not_asked: 403, answered: 409, closed: 409, expired: 409,
  not_decided: 409, confirmed: 409, before_decision: 409,
};

function translate(e: unknown): never {
  if (e instanceof WrittenProblem) throw new ApiError(STATUS[e.code], e.code, e.message);
  if (e instanceof FrozenError) throw new ApiError(409, 'frozen', 'Mötets föredragningslista kan inte längre ändras: justeringen har börjat, eller det är ett importerat arkivprotokoll.');
  throw e;
}

const bad = (field: string, message: string) => new ApiError(400, 'invalid_request', `Ogiltigt värde för ${field}: ${message}`);

const CreateForm = z.object({
  title: z.string({ error: 'ange vad frågan gäller' }).trim().min(1, 'ange vad frågan gäller').max(500),
  proposal: z.string({ error: 'skriv förslaget till beslut' }).trim().min(1, 'skriv förslaget till beslut').max(20_000),
  clauses: z.string({ error: 'att-satserna skrivs en per rad' }).max(50_000).default('').openapi({ description: 'att-clauses, one per line' }),
  deadline: z.string({ error: 'ange när svarstiden går ut' }).trim().min(1, 'ange när svarstiden går ut').max(40).openapi({ example: '2024-11-12T12:00', description: 'Swedish time, or an instant with its offset' }),
  rule: z.enum(WRITTEN_RULES, { error: 'välj beslutsregel: unanimous, majority eller chair' }),
  documents: z.any().optional().openapi({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'PDF, DOCX or XLSX, checked by content' }),
});

const AnswerBody = z.object({
  answer: z.enum(WRITTEN_ANSWERS, { error: 'svara yes, no eller abstain' }),
  comment: z.string().trim().max(5000).nullable().default(null),
  token: z.string().min(1).max(200).optional().openapi({ description: "the member's link token, when answering without signing in" }),
});

/** The att-clauses as written one per line; bullets and blank lines dropped. */
function clausesOf(text: string): string[] {
  const clauses = text.split(/\r?\n/).map((l) => l.replace(/^\s*[-–•*]\s*/, '').trim()).filter(Boolean);
  if (clauses.length > 20) throw bad('clauses', 'högst 20 att-satser');
  if (clauses.some((c) => c.length > 5000)) throw bad('clauses', 'en att-sats är för lång');
  return clauses;
}

async function documentsOf(value: unknown) {
  const files = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((f) => !(f instanceof File && f.name === '' && f.size === 0));
  if (files.some((f) => !(f instanceof File))) throw bad('documents', 'bifoga filer');
  if (files.length > MAX_DOCUMENTS) throw bad('documents', `högst ${MAX_DOCUMENTS} handlingar`);
  const out = [];
  for (const file of files as File[]) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const problem = attachmentProblem(file.name, bytes);
    if (problem === 'too_large') throw new ApiError(413, 'attachment_too_large', `${file.name} är för stor (högst 25 MB).`);
    if (problem) throw bad('documents', `${file.name}: ${problem === 'empty' ? 'filen är tom' : problem === 'mismatch' ? 'innehållet stämmer inte med filändelsen' : 'bara PDF, Word (DOCX) och Excel (XLSX) kan bifogas'}`);
    out.push({ filename: file.name.slice(0, 200), mediaType: MEDIA_TYPES[sniffAttachment(bytes)!], bytes });
  }
  return out;
}

type Standing = { manage: boolean; asked: WrittenRecord['recipients'][number] | null };

function standingOf(viewer: Viewer, q: WrittenRecord): Standing | null {
  const manage = canEditBody(viewer, q.body.id);
  const asked = viewer.kind === 'account' && viewer.personId !== null ? (q.recipients.find((r) => r.personId === viewer.personId) ?? null) : null;
  return manage || asked || canReadBody(viewer, q.body.id) ? { manage, asked } : null;
}

/**
 * The question as this viewer may see it: every answer for the secretary, for the chair who decides
 * after consulting, and for everyone once it is settled; otherwise only one's own.
 */
function present(q: WrittenRecord, s: Standing, documentHref: (id: number) => string) {
  const shown = s.manage || q.status !== 'open' || (q.rule === 'chair' && !!s.asked?.chair);
  const deadlinePassed = q.deadline.getTime() <= Date.now();
  const answered = q.recipients.filter((r) => r.answer !== null).length;
  const c = q.confirmation;
  return {
    id: q.id, body: q.body, title: q.title, proposal: q.proposal, clauses: q.clauses, rule: q.rule, ruleText: RULE_TEXT[q.rule],
    deadline: q.deadline.toISOString(), deadlineText: formatDeadline(q.deadline), deadlinePassed, createdAt: q.createdAt.toISOString(), createdBy: q.createdBy?.name ?? null,
    status: q.status, closedAt: q.closedAt?.toISOString() ?? null, closedBy: q.closedBy, outcomeReason: q.outcomeReason,
    documents: q.documents.map((d) => ({ ...d, href: documentHref(d.id) })),
    progress: { answered, total: q.recipients.length },
    answersShown: shown,
    tally: shown ? tally(q.recipients) : null,
    recipients: q.recipients.map((r) => {
      const own = s.asked?.personId === r.personId;
      const visible = shown || own;
      return {
        name: r.name, role: r.role, chair: r.chair, you: own,
        answer: visible ? r.answer : null, comment: visible ? r.comment : null, answeredAt: visible ? (r.answeredAt?.toISOString() ?? null) : null,
        via: visible ? r.via : null, mailed: s.manage ? r.mailedAt !== null : null,
      };
    }),
    mine: s.asked ? { answer: s.asked.answer, comment: s.asked.comment, answeredAt: s.asked.answeredAt?.toISOString() ?? null } : null,
    canAnswer: !!s.asked && s.asked.answer === null && q.status === 'open' && !deadlinePassed,
    canManage: s.manage,
    confirmation: c ? { meetingId: c.meetingId, date: c.date, itemNumber: c.itemNumber, confirmed: c.meetingStatus === 'signed' || c.meetingStatus === 'published' } : null,
  };
}

/** The question a signed-in viewer may read, or 404 (as a question that does not exist). */
async function readable(c: Context<AppEnv>, id: number): Promise<{ q: WrittenRecord; s: Standing }> {
  const q = await getWrittenQuestion(c.var.deps.store.db, id);
  const s = q ? standingOf(c.var.viewer, q) : null;
  if (!q || !s) throw notFound('Frågan');
  return { q, s };
}

/** The question behind a member's link, while the link holds. */
async function byLink(c: Context<AppEnv>, token: string): Promise<{ q: WrittenRecord; personId: number }> {
  const holder = await linkHolder(c.var.deps.store.db, token);
  if (!holder) throw new ApiError(404, 'invalid_link', 'Länken är ogiltig. Kontrollera att hela adressen från e-postmeddelandet kom med.');
  const q = (await getWrittenQuestion(c.var.deps.store.db, holder.questionId))!;
  if (holder.expired) throw new ApiError(410, 'expired', `Länken har gått ut: svarstiden slutade ${formatDeadline(q.deadline)}. Logga in i Samverka för att se hur frågan avgjordes.`);
  return { q, personId: holder.personId };
}

function fileResponse(c: Context<AppEnv>, doc: { filename: string; media_type: string; content: Uint8Array; sha256: string } | undefined) {
  if (!doc) throw notFound('Handlingen');
  return c.body(doc.content as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': doc.media_type,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    ETag: `"${doc.sha256}"`,
  });
}

export function registerWrittenProcedureRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/bodies/{id}/written-procedures',
      permission: 'signed-in',
      summary: "The body's decisions by written procedure (beslut per capsulam), newest first: for its members and secretaries (others get an empty list)",
      request: { params: IdParam },
      responses: { 200: { description: 'Questions' }, ...errorResponses },
    },
    async (c) => {
      const bodyId = c.req.valid('param').id;
      const viewer = c.var.viewer;
      if (!canReadBody(viewer, bodyId)) return c.json([], 200);
      const list = await loadWrittenQuestions(c.var.deps.store.db, { bodyId, limit: 500 });
      return c.json(list.map((q) => {
        const p = present(q, standingOf(viewer, q)!, () => '');
        return { id: p.id, title: p.title, rule: p.rule, deadline: p.deadline, deadlineText: p.deadlineText, deadlinePassed: p.deadlinePassed, status: p.status, progress: p.progress, mine: p.mine, canAnswer: p.canAnswer, confirmation: p.confirmation };
      }), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/bodies/{id}/written-procedures',
      permission: 'edit-body',
      summary: "Put a question by written procedure to the body's voting members: proposal with att-clauses, documents, deadline and rule; each member is mailed a one-time link (through the job queue) and the closing is scheduled at the deadline",
      request: { params: IdParam, body: { required: true, content: { 'multipart/form-data': { schema: CreateForm } } } },
      responses: {
        201: { description: 'Sent', content: { 'application/json': { schema: z.object({ id: z.number().int(), recipients: z.number().int() }) } } },
        413: { description: 'A document is too large' },
        422: { description: 'The body has no voting members, a member has no address, or no chair for the chair rule' },
        ...errorResponses,
      },
    },
    async (c) => {
      const form = c.req.valid('form');
      const deadline = parseDeadline(form.deadline);
      if (!deadline) throw bad('deadline', 'skriv datum och tid, t.ex. 2024-11-12T12:00');
      if (deadline.getTime() <= Date.now() + 60_000) throw bad('deadline', 'svarstiden måste gå ut i framtiden');
      if (deadline.getTime() > Date.now() + MAX_DEADLINE_DAYS * 86_400_000) throw bad('deadline', 'högst ett år fram');
      const input = { title: form.title, proposal: form.proposal, clauses: clausesOf(form.clauses), rule: form.rule, deadline, documents: await documentsOf(form.documents) };
      try {
        return c.json(await sendWrittenQuestion(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, input, writtenProcedureHooks), 201);
      } catch (e) {
        translate(e);
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/written-procedures/{id}',
      permission: 'signed-in',
      summary: 'A question by written procedure: proposal, documents, deadline, state and outcome; every answer for the secretary (and for all once settled), otherwise your own',
      request: { params: IdParam },
      responses: { 200: { description: 'The question' }, ...errorResponses },
    },
    async (c) => {
      const { q, s } = await readable(c, c.req.valid('param').id);
      return c.json(present(q, s, (d) => `/api/written-procedures/${q.id}/documents/${d}`), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/written-procedures/{id}/documents/{documentId}',
      permission: 'signed-in',
      summary: "Download a document of a question by written procedure (the body's members)",
      request: { params: z.object({ id: param('id'), documentId: param('documentId') }) },
      responses: { 200: { description: 'The file' }, ...errorResponses },
    },
    async (c) => {
      const { id, documentId } = c.req.valid('param');
      await readable(c, id);
      return fileResponse(c, await writtenDocument(c.var.deps.store.db, id, documentId));
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/written-procedures/{id}/answers',
      permission: 'public',
      summary: "Answer a question by written procedure (yes / no / abstain, with a comment), once, before the deadline: signed in as a member asked, or with the member's link token",
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: AnswerBody } } } },
      responses: {
        201: { description: 'Recorded; the question may be settled by it', content: { 'application/json': { schema: z.object({ status: z.enum(['open', 'approved', 'rejected']) }) } } },
        401: { description: 'Neither signed in nor a link' },
        403: { description: 'Not asked, or the link is for another question' },
        409: { description: 'Answered already, the deadline has passed, or the question is settled' },
        ...errorResponses,
      },
    },
    async (c) => {
      const id = c.req.valid('param').id;
      const { answer, comment, token } = c.req.valid('json');
      const viewer = c.var.viewer;
      let who: { token: string } | { personId: number };
      if (token !== undefined) who = { token };
      else if (viewer.kind !== 'account') throw unauthenticated();
      else if (viewer.personId === null) throw new ApiError(403, 'not_asked', 'Frågan är inte ställd till dig: ditt konto är inte kopplat till en ledamot.');
      else who = { personId: viewer.personId };
      try {
        const { settled } = await answerWrittenQuestion(c.var.deps.store.db, viewer, id, who, { answer, comment: comment || null }, writtenProcedureHooks);
        return c.json({ status: settled?.outcome ?? ('open' as const) }, 201);
      } catch (e) {
        translate(e);
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/written-procedures/links/{token}',
      permission: 'public',
      summary: "The question behind a member's link, without signing in: proposal, documents, deadline, and the member's own answer (410 once the deadline has passed)",
      request: { params: z.object({ token: TokenParam }) },
      responses: { 200: { description: 'The question' }, 410: { description: 'The link has run out' }, ...errorResponses },
    },
    async (c) => {
      const token = c.req.valid('param').token;
      const { q, personId } = await byLink(c, token);
      const asked = q.recipients.find((r) => r.personId === personId)!;
      const view = present(q, { manage: false, asked }, (d) => `/api/written-procedures/links/${encodeURIComponent(token)}/documents/${d}`);
      return c.json({ ...view, you: asked.name }, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/written-procedures/links/{token}/documents/{documentId}',
      permission: 'public',
      summary: "Download a document of the question behind a member's link, while the link holds",
      request: { params: z.object({ token: TokenParam, documentId: param('documentId') }) },
      responses: { 200: { description: 'The file' }, 410: { description: 'The link has run out' }, ...errorResponses },
    },
    async (c) => {
      const { token, documentId } = c.req.valid('param');
      const { q } = await byLink(c, token);
      return fileResponse(c, await writtenDocument(c.var.deps.store.db, q.id, documentId));
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/written-decisions',
      permission: 'edit-meeting',
      summary: 'Take up a decision by written procedure on the agenda for confirmation ("Anmälan av beslut fattade mellan sammanträdena"), with how it was decided',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ questionId: DbIdJson }) } } } },
      responses: {
        201: { description: 'On the agenda', content: { 'application/json': { schema: z.object({ itemId: z.number().int() }) } } },
        409: { description: 'Not settled yet, already taken up, a meeting before the decision, or the agenda is frozen' },
        ...errorResponses,
      },
    },
    async (c) => {
      try {
        return c.json({ itemId: await confirmAtMeeting(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, c.req.valid('json').questionId) }, 201);
      } catch (e) {
        translate(e);
      }
    },
  );
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { SmtpSink } from './smtp-sink.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createMailer, type Mailer } from '../../src/mail/mailer.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import { createMembership } from '../../src/store/queries/memberships.js';
import { createAccount } from '../../src/store/queries/accounts.js';
import { setAssignmentStatus } from '../../src/store/queries/assignments.js';
import { createRecommendation, setAdoptions } from '../../src/store/queries/recommendations.js';
import { addApplication, assessApplications, createFundCall, saveReport } from '../../src/store/queries/funds.js';
import { createDocument } from '../../src/store/queries/governing-documents.js';
import { findJobByKey, listJobs } from '../../src/store/queries/jobs.js';
import { enqueue } from '../../src/jobs/job.js';
import { planReminders, reminderPlan } from '../../src/jobs/reminder-planner.js';
import { sendReminder } from '../../src/jobs/reminder-sender.js';
import { JobWorker } from '../../src/jobs/worker.js';
import { todayIso } from '../../src/domain/assignments.js';
import { formatLongDate } from '../../src/domain/dates.js';
import { addDays, planDedupeKey, reminderDedupeKey, swedishTime } from '../../src/domain/reminders.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { MembershipRole } from '../../src/domain/model.js';
import type { Store } from '../../src/store/db.js';

// Reminders from the queue to a real SMTP server (smtp-server, read back with mailparser), on both
// engines: who gets what, once; a mail server that is down delays and loses nothing.

const today = todayIso();
const in3 = addDays(today, 3);
const config = { ...loadConfig({}), publicUrl: 'https://samverka.example.se', reminderDays: [14, 3] };
const sink = new SmtpSink();
let store: Store;
let outbox: string;
let mailer: Mailer;
let worker: JobWorker;
let body: Record<string, number>;
const ids: Record<string, number> = {};

async function person(name: string, email: string, bodyId: number, role: MembershipRole) {
  const personId = await resolvePerson(store.db, name);
  await createMembership(store.db, SYSTEM, { personId, bodyId, role, party: null, organization: null, validFrom: null, validTo: null });
  await createAccount(store.db, SYSTEM, { email, name, passwordHash: null, admin: false, personId });
}

/** An assignment to Beredning barn och unga from a Länssamverkansgruppen meeting, open and due on `due`. */
async function assignment(date: string, due: string, opts: { draft?: boolean; task?: string } = {}): Promise<number> {
  const task = opts.task ?? 'uppdra till Beredning barn och unga att följa implementeringen.';
  const protocol = parsedProtocol({ date, diaryNumber: `LSG ${date}` });
  protocol.items[1]!.assignments = [{ to: 'Beredning barn och unga', text: task }];
  const { meetingId } = await storeImportedProtocol(store.db, protocol, sourceOf(`protokoll ${date} ${task}`), { draft: opts.draft ?? false });
  const a = await store.db.selectFrom('assignment as a').innerJoin('agenda_item as i', 'i.id', 'a.item_id').select('a.id').where('i.meeting_id', '=', meetingId).executeTakeFirstOrThrow();
  if (!opts.draft) await setAssignmentStatus(store.db, SYSTEM, a.id, 'open');
  else await store.db.updateTable('assignment').set({ status: 'open' }).where('id', '=', a.id).execute();
  await store.db.updateTable('assignment').set({ due_date: due }).where('id', '=', a.id).execute();
  return a.id;
}

const timeToRun = async (key: string) => (await findJobByKey(store.db, key))!.runAt.getTime() - (await sql<{ now: Date }>`select now() as now`.execute(store.db)).rows[0]!.now.getTime();

beforeAll(async () => {
  store = await openTestStore();
  body = Object.fromEntries((await listBodies(store.db, SYSTEM)).map((b) => [b.slug, b.id]));
  await person('Sara Sekreterare', 'sara@bbu.example.se', body.bbu!, 'sekreterare');
  await person('Leif Ledamot', 'leif@bbu.example.se', body.bbu!, 'ledamot');
  await person('Katarina Lindahl', 'katarina@lsg.example.se', body.lsg!, 'koordinator');

  ids.assignment = await assignment(addDays(today, -40), in3);
  ids.recommendation = await createRecommendation(store.db, SYSTEM, body.lsg!, {
    decisionId: null, decidedOn: addDays(today, -60), title: 'Länsgemensam strategi för suicidprevention', kind: 'strategi', localBody: 'fullmäktige', deadline: addDays(today, 14), description: '',
  });
  const huvudman = await store.db.selectFrom('huvudman').select('id').orderBy('id').execute();
  const empty = { decidedOn: null, decidingBody: null, diaryNumber: null, url: null };
  await setAdoptions(store.db, SYSTEM, ids.recommendation, huvudman.slice(0, 3).map((h) => ({ huvudmanId: h.id, status: 'adopted', ...empty })));
  ids.call = await createFundCall(store.db, SYSTEM, body.lsg!, { fund: 'Psykisk hälsa', name: 'Psykisk hälsa och suicidprevention', year: 2024, amountOre: 100_000_00, criteria: '', applyBy: null });
  const app = (await addApplication(store.db, SYSTEM, body.lsg!, ids.call, { project: 'Suicidprevention i skolan', applicantIds: [huvudman[1]!.id], askedOre: 50_000_00 }))!;
  await assessApplications(store.db, SYSTEM, body.lsg!, ids.call, { stage: 'decision', date: addDays(today, -90), decisionId: null, proposalBodyId: null, rows: [{ applicationId: app, amountOre: 40_000_00, conditions: '' }] });
  await saveReport(store.db, SYSTEM, body.lsg!, ids.call, { reportId: null, applicationId: app, dueDate: addDays(today, -1), submittedOn: null, note: '' });
  ids.document = await createDocument(store.db, SYSTEM, body.lsg!, { title: 'Överenskommelse om psykisk funktionsnedsättning', kind: 'överenskommelse', description: '', nextReview: in3 });
  // not due on any reminder day: nothing about it
  await createDocument(store.db, SYSTEM, body.lsg!, { title: 'Riktlinje utan brådska', kind: 'riktlinje', description: '', nextReview: addDays(today, 5) });

  await sink.start();
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-reminders-'));
  mailer = createMailer({ smtpUrl: sink.url, mailFrom: undefined, dataDir: outbox });
  worker = new JobWorker({ db: store.db, mailer, config, log: createLogger('silent') });
});
afterAll(async () => {
  mailer?.close();
  await sink.stop();
  await store?.close();
  if (outbox) fs.rmSync(outbox, { recursive: true, force: true });
});

describe('the daily reminders', () => {
  it('e-mail the receiving body\'s secretary one reminder of an assignment due in 3 days, and its coordinator one list of the rest', async () => {
    await worker.ensureRecurring();
    expect(await worker.runDue()).toEqual({ done: 3, retry: 0, failed: 0 }); // the plan, and one e-mail to each
    expect(sink.messages).toHaveLength(2);
    expect(sink.to('leif@bbu.example.se')).toHaveLength(0); // a member, not a secretary

    const [sara] = sink.to('sara@bbu.example.se');
    expect(sara!.subject).toBe('Påminnelse från Samverka: 1 sak att följa upp');
    expect(sara!.from?.value[0]).toMatchObject({ name: 'Samverka', address: 'noreply@samverka.local' });
    expect(sara!.text).toContain('uppdra till Beredning barn och unga att följa implementeringen.');
    expect(sara!.text).toContain('Uppdrag från Länssamverkansgruppen');
    expect(sara!.text).toContain(`Ska vara klart ${formatLongDate(in3, true)} (om 3 dagar)`);
    expect(sara!.text).toContain('https://samverka.example.se/uppdrag');
    expect(sara!.html).toContain('href="https://samverka.example.se/uppdrag"');

    const [katarina] = sink.to('katarina@lsg.example.se');
    expect(katarina!.subject).toBe('Påminnelse från Samverka: 3 saker att följa upp, 1 försenad');
    const text = katarina!.text!;
    expect(text).toContain('Länsgemensam strategi för suicidprevention');
    expect(text).toContain('13 av 16 huvudmän har inte beslutat');
    expect(text).toContain(`Huvudmännen ska ha beslutat senast ${formatLongDate(addDays(today, 14), true)} (om 14 dagar)`);
    expect(text).toContain(`https://samverka.example.se/rekommendationer/${ids.recommendation}`);
    expect(text).toContain('Suicidprevention i skolan');
    expect(text).toContain('(försenat sedan i går)');
    expect(text).toContain(`https://samverka.example.se/statsbidrag/${ids.call}`);
    expect(text).toContain(`https://samverka.example.se/styrdokument/${ids.document}`);
    expect(text).not.toContain('Riktlinje utan brådska');
    expect(text).not.toContain('följa implementeringen'); // the receiving body's secretary has that one
  });

  it('plan themselves again for tomorrow morning, in the job table', async () => {
    const tomorrow = addDays(today, 1);
    const next = (await findJobByKey(store.db, planDedupeKey(tomorrow)))!;
    expect(next).toMatchObject({ kind: 'plan-reminders', payload: { day: tomorrow }, doneAt: null });
    expect(next.runAt.toISOString()).toBe(swedishTime(tomorrow, 7).toISOString());
  });

  it('are not sent again by another run of the worker, nor by planning the same day again', async () => {
    expect(await worker.runDue()).toEqual({ done: 0, retry: 0, failed: 0 });
    expect(await reminderPlan(store.db, { from: today, to: today, reminderDays: [14, 3] })).toEqual(new Map());
    await enqueue(store.db, planReminders, { day: today });
    expect(await worker.runDue()).toEqual({ done: 1, retry: 0, failed: 0 });
    expect(sink.messages).toHaveLength(2);
    const sent = await store.db.selectFrom('reminder_sent').select(['recipient', 'thing_key']).orderBy('recipient').orderBy('thing_key').execute();
    expect(sent.map((s) => s.thing_key)).toEqual([
      `document-review:${ids.document}:${in3}:d3`,
      expect.stringMatching(/^fund-report:\d+:[\d-]+:overdue$/),
      `recommendation:${ids.recommendation}:${addDays(today, 14)}:d14`,
      `assignment:${ids.assignment}:${in3}:d3`,
    ]);
  });

  it('of an assignment in a protocol not yet public go to the giving body, whose meeting it was', async () => {
    const id = await assignment(addDays(today, -2), in3, { draft: true, task: 'uppdra till Beredning barn och unga att ta fram en tidsplan.' });
    const plan = await reminderPlan(store.db, { from: today, to: today, reminderDays: [14, 3] });
    expect([...plan.keys()]).toEqual(['katarina@lsg.example.se']);
    expect(plan.get('katarina@lsg.example.se')!.map((i) => i.key)).toEqual([`assignment:${id}:${in3}:d3`]);
    await store.db.updateTable('assignment').set({ status: 'withdrawn' }).where('id', '=', id).execute();
  });
});

describe('a reminder that waits to be sent', () => {
  it('leaves out what was settled meanwhile, and is not sent when nothing is left', async () => {
    const id = await assignment(addDays(today, -20), in3, { task: 'uppdra till Beredning barn och unga att redovisa läget.' });
    const plan = await reminderPlan(store.db, { from: today, to: today, reminderDays: [14, 3] });
    const items = plan.get('sara@bbu.example.se')!;
    expect(items.map((i) => i.id)).toEqual([id]);
    await setAssignmentStatus(store.db, SYSTEM, id, 'done'); // reported back before the e-mail went
    await enqueue(store.db, sendReminder, { to: 'sara@bbu.example.se', day: today, items });
    expect(await worker.runDue()).toEqual({ done: 1, retry: 0, failed: 0 });
    expect(sink.to('sara@bbu.example.se')).toHaveLength(1); // only the first day's
  });
});

describe('with the mail server down', () => {
  it('the reminder fails, is retried later, and is delivered once after the server is back', async () => {
    await person('Sam Samråd', 'sam@samrad.example.se', body.samrad!, 'sekreterare');
    const doc = await createDocument(store.db, SYSTEM, body.samrad!, { title: 'Riktlinje för samordnad individuell plan', kind: 'riktlinje', description: '', nextReview: in3 });
    const key = reminderDedupeKey('sam@samrad.example.se', today);
    await sink.stop();

    await enqueue(store.db, planReminders, { day: today });
    expect(await worker.runDue()).toEqual({ done: 1, retry: 1, failed: 0 });
    const waiting = (await findJobByKey(store.db, key))!;
    expect(waiting).toMatchObject({ kind: 'send-reminder', attempts: 1, doneAt: null, failedAt: null, lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect(await timeToRun(key)).toBeGreaterThan(25_000);

    await sink.start(); // back on the same port
    expect(await worker.runDue()).toEqual({ done: 0, retry: 0, failed: 0 }); // not yet time
    await store.db.updateTable('job').set({ run_at: sql`now()` }).where('id', '=', waiting.id).execute(); // the wait is over
    expect(await worker.runDue()).toEqual({ done: 1, retry: 0, failed: 0 });
    expect(await worker.runDue()).toEqual({ done: 0, retry: 0, failed: 0 });

    const mails = sink.to('sam@samrad.example.se');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Riktlinje för samordnad individuell plan');
    expect(mails[0]!.text).toContain(`https://samverka.example.se/styrdokument/${doc}`);
    expect(sink.messages).toHaveLength(3); // no one else was reminded again
    expect(await findJobByKey(store.db, key)).toMatchObject({ attempts: 2, doneAt: expect.any(Date) });
  });

  it('an address the mail server refuses for good fails at once instead of being retried', async () => {
    await person('Okänd Mottagare', 'nobody@srp.example.se', body.patientsakerhet!, 'sekreterare');
    await createDocument(store.db, SYSTEM, body.patientsakerhet!, { title: 'Rutin för avvikelser', kind: 'rutin', description: '', nextReview: addDays(today, 14) });
    sink.refuse.add('nobody@srp.example.se');
    await enqueue(store.db, planReminders, { day: today });
    expect(await worker.runDue()).toEqual({ done: 1, retry: 0, failed: 1 });
    const job = (await findJobByKey(store.db, reminderDedupeKey('nobody@srp.example.se', today)))!;
    expect(job.failedAt).not.toBeNull();
    expect(job.lastError).toMatch(/^the mail server refused nobody@srp\.example\.se/);
    expect((await listJobs(store.db, { state: 'failed' })).map((j) => j.id)).toEqual([job.id]);
    expect(sink.to('nobody@srp.example.se')).toHaveLength(0);
  });
});

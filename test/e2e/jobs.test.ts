/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_EMAIL, createAdmin, expectAccessible, launchChromium, signInInBrowser, startServer, type RunningServer } from './harness.js';
import { SmtpSink } from '../jobs/smtp-sink.js';
import { todayIso } from '../../src/domain/assignments.js';
import { addDays } from '../../src/domain/reminders.js';

// An administrator finds a reminder that failed for good while the mail server was down, in
// Administration → Jobbkö, and gives it another round once the server is back: the web process
// works the queue (embedded database) and the reminder arrives, once.

const ROOT = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'ett riktigt långt lösenord';
const today = todayIso();
const sink = new SmtpSink();
let server: RunningServer;
let browser: Browser;
let page: Page;

/** Registers a document due for review and puts its reminder e-mail in the queue with a single attempt, as the planner would (before the server holds the database). */
function seedReminder(dataDir: string) {
  const due = addDays(today, 3);
  const script = `
    import { openStore } from './src/store/db.ts';
    import { seedReferenceData } from './src/store/queries/reference-data.ts';
    import { createDocument } from './src/store/queries/governing-documents.ts';
    import { enqueueJob } from './src/store/queries/jobs.ts';
    import { SYSTEM } from './src/domain/access.ts';
    const s = await openStore({ dataDir: process.env.DATA_DIR });
    await seedReferenceData(s.db, 'samples/reference');
    const lsg = await s.db.selectFrom('body').select('id').where('slug', '=', 'lsg').executeTakeFirstOrThrow();
    const id = await createDocument(s.db, SYSTEM, lsg.id, { title: 'Överenskommelse om psykisk funktionsnedsättning', kind: 'överenskommelse', description: '', nextReview: '${due}' });
    const item = { key: 'document-review:' + id + ':${due}:d3', kind: 'document-review', id, due: '${due}', occasion: 'before', title: 'Överenskommelse om psykisk funktionsnedsättning', context: 'Överenskommelse i Länssamverkansgruppen att revidera', path: '/styrdokument/' + id };
    const payload = { to: 'sara@region.example', day: '${today}', items: [item] };
    await enqueueJob(s.db, { kind: 'send-reminder', payload, maxAttempts: 1, dedupeKey: 'reminder:sara@region.example:${today}' });
    await s.close();`;
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } });
}

beforeAll(async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  sink.port = (probe.address() as net.AddressInfo).port; // the mail server is down: nothing listens there yet
  await new Promise((resolve) => probe.close(resolve));
  server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, PUBLIC_URL: 'https://samverka.example.se' }, (dataDir) => {
    createAdmin(dataDir, PASSWORD);
    seedReminder(dataDir);
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sink.stop();
});

describe('the job queue in Administration', () => {
  it('shows a reminder that failed while the mail server was down, and sends it once when given another round', async () => {
    await signInInBrowser(page, server.url, ADMIN_EMAIL, PASSWORD);
    await page.getByRole('link', { name: 'Administration' }).click();

    // the web process works the queue: the reminder fails at its only attempt
    for (let n = 0; n < 120; n++) {
      const queue = await (await page.request.get(`${server.url}/api/admin/jobs`)).json();
      if (queue.failed === 1) break;
      await page.waitForTimeout(250);
    }
    await page.getByRole('tab', { name: 'Jobbkö' }).click();
    const row = page.getByRole('row').filter({ hasText: 'reminder:sara@region.example' });
    await row.getByRole('cell', { name: 'Påminnelse per e-post' }).waitFor();
    await row.getByRole('cell', { name: /ECONNREFUSED/ }).waitFor();
    await row.getByRole('cell', { name: '1 / 1' }).waitFor();
    await expectAccessible(page);

    await sink.start(); // the mail server is back
    await row.getByRole('button', { name: /^Försök igen med jobb \d+$/ }).click();
    await page.getByRole('status').filter({ hasText: /^Jobb \d+ försöks igen\.$/ }).waitFor();
    for (let n = 0; n < 120 && sink.messages.length === 0; n++) await page.waitForTimeout(250);
    expect(sink.to('sara@region.example')).toHaveLength(1);
    expect(sink.messages[0]!.text).toMatch(/https:\/\/samverka\.example\.se\/styrdokument\/\d+/);

    await page.getByRole('tab', { name: 'Granskningslogg' }).click();
    await page.getByRole('cell', { name: 'job.retry' }).waitFor();
    await page.getByRole('tab', { name: 'Jobbkö' }).click();
    await page.getByText('Inga misslyckade jobb.').waitFor();
    await page.waitForTimeout(6000); // a poll of the worker later: still one
    expect(sink.messages).toHaveLength(1);
  });
});

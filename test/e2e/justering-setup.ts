import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createMemberAccount, launchChromium, signInInBrowser, type ApiSession, type RunningServer } from './harness.js';

// What the justering, omedelbar justering and expediering browser tests set up before the browser
// takes over: LSG's secretary, justerare and chair (persons of the sample protocols) with accounts,
// a meeting the secretary prepares through the API, a PostgreSQL database of the test's own (so
// that the command line can read it while the server runs), and a signed-in browser per person.

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

export const PASSWORDS = { admin: 'administratörens lösenord', sara: 'sekreterarens långa lösenord', jens: 'justerarens långa lösenord', carin: 'ordförandens långa lösenord' };

/** LSG's people as the tests sign in: the secretary is Katarina Lindahl in the register. */
const LSG_PEOPLE = {
  sara: { email: 'sara@region.example', name: 'Katarina Lindahl', role: 'sekreterare' },
  jens: { email: 'jens@region.example', name: 'Jens Wennberg', role: 'ledamot' },
  carin: { email: 'carin@kommun.example', name: 'Carin Nilsson', role: 'ordförande' },
} as const;

/** As the administrator: an account and an LSG membership for each one named, in that order; their person ids. */
export async function lsgAccounts<K extends keyof typeof LSG_PEOPLE>(admin: ApiSession, lsg: number, who: K[]): Promise<Record<K, number>> {
  const ids = {} as Record<K, number>;
  for (const k of who) {
    const { email, name, role } = LSG_PEOPLE[k];
    ids[k] = await createMemberAccount(admin, { email, name, password: PASSWORDS[k], person: name, bodyId: lsg, role });
  }
  return ids;
}

/** The attendance the tests write: the chair, the justerare and a member present, the secretary keeping the minutes. */
export const ATTENDING = {
  carin: { list: 'present', name: 'Carin Nilsson', role: 'ordförande', organization: 'Umeå kommun' },
  jens: { list: 'present', name: 'Jens Wennberg', organization: 'Region Västerbotten' },
  moa: { list: 'present', name: 'Moa Brydsten', organization: 'Umeå kommun' },
  katarina: { list: 'official', name: 'Katarina Lindahl', note: 'sekreterare' },
};

type Api = ApiSession['api'];
export type EditorItem = { id: number; version: number; title: string; standard: string | null; kind: string | null; written: boolean; text: string; proposal: string | null; notes: string; referToBodyId: number | null; presenters: unknown[]; decisions: unknown[]; assignments: unknown[] };

/** As the secretary: a meeting of the body with its attendance; its id. */
export async function openMeeting(asSara: Api, bodyId: number, meeting: { date: string; startTime?: string; endTime?: string; place?: string }, participants: object[]): Promise<number> {
  const { meetingId } = await asSara<{ meetingId: number }>('POST', `/api/bodies/${bodyId}/meetings`, meeting);
  await asSara('PUT', `/api/meetings/${meetingId}/attendance`, { participants });
  return meetingId;
}

/** A new decision item on the agenda; its id. */
export async function addItem(asSara: Api, meetingId: number, title: string): Promise<number> {
  return (await asSara<{ id: number }>('POST', `/api/meetings/${meetingId}/items`, { title, kind: 'decision' })).id;
}

/** Writes the item as the minutes editor does: its current version with `change`. */
export async function writeItem(asSara: Api, meetingId: number, itemId: number, change: Partial<EditorItem>): Promise<void> {
  const i = (await asSara<{ items: EditorItem[] }>('GET', `/api/meetings/${meetingId}/editor`)).items.find((x) => x.id === itemId)!;
  await asSara('PUT', `/api/meetings/${meetingId}/items/${itemId}`, {
    version: i.version, title: i.title, kind: i.kind, written: i.written, text: i.text, proposal: i.proposal, notes: i.notes,
    referToBodyId: i.referToBodyId, presenters: i.presenters, decisions: i.decisions, assignments: i.assignments, ...change,
  });
}

/** Writes the decision of the standard item "Val av justerare": `name` justifies the protocol with the chair. */
export async function chooseJusterare(asSara: Api, meetingId: number, name: string): Promise<void> {
  const { items } = await asSara<{ items: EditorItem[] }>('GET', `/api/meetings/${meetingId}/editor`);
  const justerare = items.find((i) => i.standard === 'justerare')!;
  await writeItem(asSara, meetingId, justerare.id, { decisions: [{ text: `Till att jämte ordföranden justera dagens protokoll utsågs ${name}.`, clauses: [] }] });
}

/** A PostgreSQL database of the test file's own on the server at TEST_DATABASE_URL: the server and the command line share it. */
export function ownDatabase(name: string) {
  const dbName = `samverka_e2e_${name}_${process.pid}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const asAdmin = async (query: string) => {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(query);
    } finally {
      await admin.end();
    }
  };
  return {
    url: url.toString(),
    /** Made afresh (one left by an aborted run is dropped first). */
    create: async () => {
      await asAdmin(`drop database if exists ${dbName} with (force)`);
      await asAdmin(`create database ${dbName}`);
    },
    drop: () => asAdmin(`drop database if exists ${dbName} with (force)`),
  };
}

/** Runs the CLI on the server's database while the server runs: its exit status and all it printed. */
export function samverkaOn(server: RunningServer | undefined, databaseUrl: string, args: string[], input?: string): { status: number; out: string } {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: server?.dataDir ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    input,
    encoding: 'utf8',
  });
  return { status: res.status ?? -1, out: `${res.stdout}${res.stderr}` };
}

/** Chromium with a context of its own for each person (their own cookies), all closed together. */
export class Browsing {
  private readonly contexts: BrowserContext[] = [];
  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<Browsing> {
    return new Browsing(await launchChromium());
  }

  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
    this.contexts.push(context);
    return context.newPage();
  }

  /** A page of someone signed in on the login page. */
  async signIn(url: string, email: string, password: string): Promise<Page> {
    const page = await this.newPage();
    await signInInBrowser(page, url, email, password);
    return page;
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => {});
    await this.browser.close();
  }
}

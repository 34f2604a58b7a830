import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  output(): string;
}

/** Starts `samverka serve` as a user would, on a fresh data directory, and waits until it answers. */
export async function startServer(env: Record<string, string> = {}, before?: (dataDir: string) => void): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-e2e-'));
  before?.(dataDir);
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the CLI as an operator would, on the given data directory (before the server holds it). */
export function cli(dataDir: string, args: string[], input?: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    input,
    encoding: 'utf8',
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

export const SCREENSHOT_DIR = path.join(os.tmpdir(), 'samverka-screenshots');

/** No WCAG 2.1 A/AA violations on the page as it stands (axe); a failure names each rule and its elements. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
}

/** Signs in on the login page as a user does, and waits until the page shows the account. */
export async function signInInBrowser(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/logga-in`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('link', { name: 'Mitt konto' }).waitFor();
}

export const ADMIN_EMAIL = 'admin@region.example';

/** Creates the administrator Ada Admin with the CLI, as the README says; returns what the CLI printed. */
export function createAdmin(dataDir: string, password: string): string {
  return cli(dataDir, ['admin', 'create', '--email', ADMIN_EMAIL, '--name', 'Ada Admin', '--password-stdin'], `${password}\n`);
}

export interface ApiSession {
  cookie: string;
  csrfToken: string;
  /** Calls the API as the signed-in account: the parsed answer (undefined when empty); throws on an error status. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Signs in over the API (POST /api/auth/login), for setting up what the browser then does. */
export async function apiSession(url: string, email: string, password: string): Promise<ApiSession> {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`sign-in as ${email}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const api = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { cookie, csrfToken, api };
}

/** The id of a body, by its slug (`lsg`). */
export async function bodyIdOf(url: string, slug: string): Promise<number> {
  const bodies = (await (await fetch(`${url}/api/bodies`)).json()) as { id: number; slug: string }[];
  const body = bodies.find((b) => b.slug === slug);
  if (!body) throw new Error(`no body with the slug ${slug}`);
  return body.id;
}

/** As an administrator: an account for a person in the register (found by full name) and a membership of a body; the person's id. */
export async function createMemberAccount(admin: ApiSession, m: { email: string; name: string; password: string; person: string; bodyId: number; role: string }): Promise<number> {
  const people = await admin.api<{ id: number; name: string }[]>('GET', `/api/admin/people?q=${encodeURIComponent(m.person)}`);
  const personId = people.find((p) => p.name === m.person)?.id;
  if (personId === undefined) throw new Error(`no person named ${m.person}`);
  await admin.api('POST', '/api/admin/accounts', { email: m.email, name: m.name, password: m.password, personId });
  await admin.api('POST', '/api/admin/memberships', { personId, bodyId: m.bodyId, role: m.role });
  return personId;
}

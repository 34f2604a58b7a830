// The search benchmark's load phase runs against the real server: `samverka serve` in a child
// process, started the way `npm start` starts it (Node with tsx), so that throughput and memory are
// those of a process that only serves. The benchmark process itself is no measure of either: it
// generates and loads the corpus, and keeps PGlite's WebAssembly heap, which is never returned to
// the system.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
// PGlite opens a 200,000-item database and checks the migrations before it listens.
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;
// The server's connections carry this name, so that its backends can be told from the benchmark's own.
const APP_NAME = 'samverka-bench-server';

export interface ProcessMemory {
  rssMb: number; // VmRSS now
  peakMb: number; // VmHWM: the most the process has held since it started
}

export interface BackendMemory {
  count: number;
  privateMb: number; // RssAnon summed: shared buffers are the server's, counted once, and left out
}

export interface ServerProcess {
  url: string;
  pid: number;
  memory(): ProcessMemory;
  /** The PostgreSQL backends serving this process; null on PGlite, or when /proc does not show them. */
  backends(): Promise<BackendMemory | null>;
}

const running = new Set<ChildProcess>();
let guarded = false;

// A benchmark that fails or is interrupted must not leave a server behind holding the data directory.
function guardExit(): void {
  if (guarded) return;
  guarded = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
}

/** Starts `samverka serve` with env on top of this process's, runs use, and stops the server whatever happens. */
export async function withServerProcess<T>(env: Record<string, string>, use: (server: ServerProcess) => Promise<T>): Promise<T> {
  guardExit();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMITS: 'off', PGAPPNAME: APP_NAME, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    }),
  );
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  const failed = (why: string) => new Error(`samverka serve ${why}; its last output:\n${output}`);
  try {
    const url = `http://127.0.0.1:${await listeningPort(child, () => output, exited, failed)}`;
    await answering(url, failed);
    const pid = child.pid!;
    return await use({ url, pid, memory: () => processMemory(pid), backends: () => (env.DATABASE_URL ? backendMemory(env.DATABASE_URL) : Promise.resolve(null)) });
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const status = await exited;
      clearTimeout(timer);
      if (status !== 0) process.stderr.write(`[bench] samverka serve did not stop cleanly (${status}):\n${output}\n`);
    }
  }
}

// With PORT=0 the system picks the port; the server names it in its start line.
async function listeningPort(child: ChildProcess, output: () => string, exited: Promise<unknown>, failed: (why: string) => Error): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(failed(`did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const look = () => {
      const port = /Samverka: http:\/\/localhost:(\d+)/.exec(output())?.[1];
      if (!port) return;
      clearTimeout(timer);
      child.stderr!.off('data', look);
      resolve(Number(port));
    };
    child.stderr!.on('data', look);
    void exited.then((status) => {
      clearTimeout(timer);
      reject(failed(`exited (${status}) before it listened`));
    });
  });
}

async function answering(url: string, failed: (why: string) => Error): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await fetch(`${url}/api/bodies`).catch(() => null);
    if (res?.status === 200) {
      await res.arrayBuffer();
      return;
    }
    if (Date.now() > deadline) throw failed(`listens but GET /api/bodies answers ${res?.status ?? 'nothing'}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function procStatus(pid: number): Map<string, number> | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  return new Map([...text.matchAll(/^(\w+):\s+(\d+) kB$/gm)].map((m) => [m[1]!, Number(m[2]) / 1024]));
}

function processMemory(pid: number): ProcessMemory {
  const s = procStatus(pid);
  if (!s) throw new Error(`cannot read /proc/${pid}/status of the server process`);
  return { rssMb: s.get('VmRSS') ?? NaN, peakMb: s.get('VmHWM') ?? NaN };
}

async function backendMemory(databaseUrl: string): Promise<BackendMemory | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [APP_NAME]);
    let privateMb = 0;
    for (const { pid } of rows) {
      const s = procStatus(pid);
      if (!s) return null; // the server runs elsewhere (or as a user whose /proc we cannot read)
      privateMb += s.get('RssAnon') ?? NaN;
    }
    return { count: rows.length, privateMb };
  } finally {
    await client.end();
  }
}

// A bounded load run on loopback: 50 concurrent clients for 30 s against the public read API of a
// server started here on a fresh embedded database with the sample protocols. It must finish with
// no 5xx; it prints throughput and latency and records them in bench/RESULTS.md.
//
//   npm run bench:load            (DURATION=30 CONNECTIONS=50 by default)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { recordSection } from './results.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.DURATION ?? 30);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const PORT = 4000 + Math.floor(Math.random() * 1000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-load-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}`;

async function waitForServer() {
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

try {
  await waitForServer();
  const meetings = (await (await fetch(`${base}/api/meetings`)).json()) as { id: number }[];
  const paths = ['/api/bodies', '/api/meetings', ...meetings.map((m) => `/api/meetings/${m.id}`), '/api/bodies/lsg', '/api/huvudman'];
  process.stderr.write(`load: ${CONNECTIONS} connections for ${DURATION} s over ${paths.length} read routes …\n`);
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests: paths.map((p) => ({ method: 'GET', path: p })) });
  const fivexx = result['5xx'];
  const rows = [
    ['requests', String(result.requests.total)],
    ['throughput, req/s (mean)', result.requests.average.toFixed(0)],
    ['latency p50 / p97.5 / p99, ms', `${result.latency.p50} / ${result.latency.p97_5} / ${result.latency.p99}`],
    ['non-2xx responses', String(result.non2xx)],
    ['5xx responses', String(fivexx)],
    ['errors / timeouts', `${result.errors} / ${result.timeouts}`],
  ];
  const table = ['| measure | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
  process.stdout.write(`${table}\n`);
  recordSection(
    'load',
    `## Load run (accounts issue): ${CONNECTIONS} clients, ${DURATION} s, public read API, embedded PGlite\n\n` +
      `Routes: ${paths.join(', ')} (round-robin). Rate limits on (they apply to sign-in, search, import and PDF, not to these).\n\n${table}\n\n` +
      `Result: ${fivexx === 0 && result.errors === 0 ? 'no 5xx, no errors' : 'FAILED: 5xx or errors seen'}.\n`,
  );
  if (fivexx > 0 || result.errors > 0) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

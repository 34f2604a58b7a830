// Bounded HTTP load for the benchmark, run as its own process so that it does not share the
// server's event loop: autocannon with N connections for D seconds over a rotating list of paths.
// Usage: tsx bench/load.ts <base-url> <connections> <seconds> <paths.json>; prints one JSON line.
import fs from 'node:fs';
import autocannon from 'autocannon';

const [base, connections, seconds, pathsFile] = process.argv.slice(2);
const paths = JSON.parse(fs.readFileSync(pathsFile!, 'utf8')) as string[];
let i = 0;
const result = await autocannon({
  url: base!,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }) + '\n',
);

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// bench/RESULTS.md is shared by several benchmarks; each owns one section between markers and
// rewrites only that, so running one benchmark keeps the others' figures.

const FILE = path.join(import.meta.dirname, 'RESULTS.md');

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function recordSection(name: string, body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const stamped = `${start}\n${body}\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}.\n${end}`;
  let text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmark results\n\nEach section is written by its benchmark (see bench/). Medians and ratios; the machines are noisy.\n';
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = pattern.test(text) ? text.replace(pattern, stamped) : `${text.trimEnd()}\n\n${stamped}\n`;
  fs.writeFileSync(FILE, text);
}

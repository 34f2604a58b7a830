import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  // Logs go to stderr so that CLI commands can print JSON on stdout.
  return pino({ level, base: undefined }, pino.destination(2));
}

import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { openStore, StartupError, type Store } from '../store/db.js';

/** A command's failure that is the user's to fix: printed without a stack, exit code 1. */
export class CommandError extends Error {}

export interface CommandContext {
  config: Config;
  log: Logger;
}

export function commandContext(): CommandContext {
  const config = loadConfig();
  return { config, log: createLogger(process.env.LOG_LEVEL ?? (process.argv.includes('serve') ? config.logLevel : 'warn')) };
}

export async function withStore<T>(ctx: CommandContext, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: ctx.config.dataDir, databaseUrl: ctx.config.databaseUrl });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Runs a command; known failures print one clear line and set a non-zero exit code. */
export function run<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      if (e instanceof StartupError || e instanceof ConfigError || e instanceof CommandError) {
        process.stderr.write(`samverka: ${e.message}\n`);
      } else {
        process.stderr.write(`samverka: unexpected error: ${(e as Error).stack ?? e}\n`);
      }
      process.exitCode = 1;
    }
  };
}

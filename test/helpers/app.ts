import { createApp } from '../../src/api/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { Store } from '../../src/store/db.js';
import type { Oidc } from '../../src/auth/oidc.js';
import type { Mailer } from '../../src/mail/mailer.js';

/** The app in-process, as the server runs it. Rate limits are off unless a test turns them on. */
export function testApp(store: Store, opts: { config?: Partial<Config>; oidc?: Oidc | null; mailer?: Mailer | null } = {}) {
  const config = { ...loadConfig({}), rateLimits: false, ...opts.config };
  return createApp({ store, log: createLogger('silent'), config, oidc: opts.oidc ?? null, mailer: opts.mailer ?? null });
}

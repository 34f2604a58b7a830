import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { rateLimiter } from 'hono-rate-limiter';
import { errorBody } from '../errors.js';
import type { AppEnv } from '../route.js';

// Limits per client address on the endpoints that cost the most or invite guessing. Counters live
// in this process: behind several processes, put the limit in the proxy as well.

export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local'; // requests made in-process (tests) have no socket
  }
}

export function limit(name: string, perMinute: number): MiddlewareHandler<AppEnv> {
  const limiter = rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => `${name}:${clientAddress(c)}`,
    handler: (c) => c.json(errorBody('rate_limited', 'För många försök. Vänta en stund och försök igen.'), 429),
  });
  return async (c, next) => {
    if (!c.var.deps.config.rateLimits) return next();
    return limiter(c, next);
  };
}

import path from 'node:path';
import { z } from 'zod';
import type { OidcSettings } from './auth/oidc.js';

// Everything the process reads from its environment, validated once at start.
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SAMPLES_DIR: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_NAME: z.string().default('organisationens inloggning'),
  OIDC_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional().or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().optional(),
  PUBLIC_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  SIGNING_P12: z.string().optional().or(z.literal('').transform(() => undefined)),
  SIGNING_P12_PASSWORD: z.string().optional(),
  REMINDER_DAYS: z.string().regex(/^\d{1,3}(,\d{1,3})*$/, 'must be a comma-separated list of days, such as 14,3').default('14,3'),
  JOBS: z.enum(['in-process', 'off']).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  samplesDir: string;
  session: { idleMinutes: number; maxHours: number };
  trustProxy: boolean; // X-Forwarded-Proto decides whether the request came over TLS
  oidc: OidcSettings | null;
  rateLimits: boolean; // off only for load benchmarks on loopback
  smtpUrl: string | undefined; // unset: mail goes to the development outbox in DATA_DIR/outbox
  mailFrom: string | undefined;
  /** The address the public reaches this site at (links in feeds, e-mail and the seal); unset: taken from the request or http://localhost:PORT. */
  publicUrl: string | undefined;
  /** The organisation's PKCS#12 seal certificate; unset: a self-signed development certificate in DATA_DIR. */
  signing: { p12Path: string | undefined; password: string | undefined };
  /** Days before a due date on which reminders are e-mailed. */
  reminderDays: number[];
  /** Whether the web process also works the job queue: by default yes on the embedded database (one process owns it), no on a server (run `samverka worker`). */
  jobsInProcess: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    samplesDir: path.resolve(e.SAMPLES_DIR ?? path.join(import.meta.dirname, '..', 'samples')),
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    trustProxy: e.TRUST_PROXY === 'true',
    oidc: oidcSettings(e),
    rateLimits: e.RATE_LIMITS === 'on',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    signing: { p12Path: e.SIGNING_P12 ? path.resolve(e.SIGNING_P12) : undefined, password: e.SIGNING_P12_PASSWORD },
    reminderDays: [...new Set(e.REMINDER_DAYS.split(',').map(Number))].sort((a, b) => b - a),
    jobsInProcess: e.JOBS ? e.JOBS === 'in-process' : !e.DATABASE_URL,
  };
}

function oidcSettings(e: z.infer<typeof Env>): OidcSettings | null {
  const given = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET, e.OIDC_REDIRECT_URI];
  if (given.every((v) => !v)) return null;
  if (given.some((v) => !v)) throw new ConfigError('OIDC needs all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI');
  return {
    issuer: e.OIDC_ISSUER!,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    redirectUri: e.OIDC_REDIRECT_URI!,
    name: e.OIDC_NAME,
    allowInsecure: e.OIDC_ALLOW_HTTP === 'true',
  };
}

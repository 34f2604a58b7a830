import type { Context } from 'hono';
import { canEditBody, canReadBody, SYSTEM } from '../../domain/access.js';
import type { MeetingSummary } from '../../domain/model.js';
import { getMeetingSummary } from '../../store/queries/meetings.js';
import { isSignatoryOf, signingCredentials } from '../../store/queries/justering.js';
import { FRESH_SIGN_IN_MINUTES } from '../../domain/justering.js';
import { JusteringRefused, MissingAccountsError, UnknownPersonError } from '../../store/queries/justering-write.js';
import { ApiError, notFound } from '../errors.js';
import { requestOrigin } from '../auth/session.js';
import type { AppEnv } from '../route.js';
import type { Db } from '../../store/db.js';

// Who may see a meeting's justering: the members of its bodies (as for its draft), administrators,
// and the signatories themselves, who need not be members. To anyone else the meeting does not
// exist, exactly as its draft does not.

export interface JusteringAccess {
  meeting: MeetingSummary;
  canManage: boolean; // a secretary of one of the meeting's bodies, or an administrator
}

/**
 * Who may see a meeting's justering (or its items' omedelbar justering, with that round's signatory
 * test): its bodies' members and secretaries, administrators, and the signatories.
 */
export async function justeringAccess(
  c: Context<AppEnv>,
  meetingId: number,
  isSignatory: (db: Db, meetingId: number, personId: number) => Promise<boolean> = isSignatoryOf,
): Promise<JusteringAccess> {
  const { viewer } = c.var;
  const db = c.var.deps.store.db;
  const meeting = await getMeetingSummary(db, SYSTEM, meetingId);
  if (!meeting) throw notFound('Mötet');
  const canManage = meeting.bodies.some((b) => canEditBody(viewer, b.id));
  const member = meeting.bodies.some((b) => canReadBody(viewer, b.id));
  const signatory = viewer.kind === 'account' && viewer.personId !== null && (await isSignatory(db, meetingId, viewer.personId));
  if (!canManage && !member && !signatory) throw notFound('Mötet');
  return { meeting, canManage };
}

/** The store's refusals as the API's answers. */
export function translateJustering(e: unknown): never {
  if (e instanceof JusteringRefused) throw new ApiError(e.refusal.status, e.refusal.code, e.refusal.message);
  if (e instanceof MissingAccountsError) {
    throw new ApiError(422, 'no_account', `${e.names.join(', ')} saknar konto i Samverka och kan därför inte underteckna. Be en administratör skapa ett konto kopplat till personen, eller välj någon annan.`);
  }
  if (e instanceof UnknownPersonError) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för signatories.personId: personen finns inte');
  throw e;
}

/** The link to the justering page, for e-mails: the configured public address, else the request's. */
export function justeringUrl(c: Context<AppEnv>, meetingId: number): string {
  return `${c.var.deps.config.publicUrl ?? requestOrigin(c)}/moten/${meetingId}/justering`;
}

/** How the viewer would authenticate again to sign or approve, and until when a recent OIDC sign-in counts. */
export interface FreshAuthentication {
  signWith: 'password' | 'oidc' | null;
  freshSignInUntil: string | null;
  oidcName: string | null;
}

/** `applies`: whether the viewer has anything to sign here; if not, signWith is null. */
export async function freshAuthentication(c: Context<AppEnv>, applies: boolean): Promise<FreshAuthentication> {
  const { viewer, session, deps } = c.var;
  const credentials = applies && viewer.kind === 'account' ? await signingCredentials(deps.store.db, viewer.accountId) : null;
  const signWith = credentials ? (credentials.passwordHash !== null ? 'password' : 'oidc') : null;
  return {
    signWith,
    freshSignInUntil: signWith === 'oidc' && session ? new Date(session.authenticatedAt.getTime() + FRESH_SIGN_IN_MINUTES * 60_000).toISOString() : null,
    oidcName: deps.config.oidc?.name ?? null,
  };
}

import { sql } from 'kysely';
import type { BodyRole, Viewer } from '../../domain/access.js';
import { bodyRoleOf, strongest } from '../../domain/access.js';
import type { MembershipRole } from '../../domain/model.js';
import type { Db } from '../db.js';
import { appendAudit } from './audit.js';

export interface Account {
  id: number;
  email: string;
  name: string;
  personId: number | null;
  admin: boolean;
  disabled: boolean;
  hasPassword: boolean;
  identities: { issuer: string; email: string | null }[];
}

const columns = ['id', 'email', 'name', 'person_id', 'admin', 'disabled', 'password_hash'] as const;

function toAccount(r: { id: number; email: string; name: string; person_id: number | null; admin: boolean; disabled: boolean; password_hash: string | null }, identities: { account_id: number; issuer: string; email: string | null }[] = []): Account {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    personId: r.person_id,
    admin: r.admin,
    disabled: r.disabled,
    hasPassword: r.password_hash !== null,
    identities: identities.filter((i) => i.account_id === r.id).map((i) => ({ issuer: i.issuer, email: i.email })),
  };
}

export class DuplicateEmailError extends Error {
  readonly code = 'duplicate_email';
}

export async function createAccount(
  db: Db,
  actor: Viewer,
  input: { email: string; name: string; passwordHash: string | null; admin: boolean; personId: number | null },
): Promise<Account> {
  const email = input.email.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('account').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw new DuplicateEmailError(`an account with e-mail ${email} already exists`);
    const row = await trx
      .insertInto('account')
      .values({ email, name: input.name.trim(), password_hash: input.passwordHash, admin: input.admin, person_id: input.personId })
      .returning(columns)
      .executeTakeFirstOrThrow();
    const account = toAccount(row);
    await appendAudit(trx, actor, { action: 'account.create', entity: 'account', entityId: row.id, after: account });
    return account;
  });
}

export async function updateAccount(
  db: Db,
  actor: Viewer,
  id: number,
  change: { name?: string | undefined; admin?: boolean | undefined; disabled?: boolean | undefined; personId?: number | null | undefined; passwordHash?: string | undefined },
): Promise<Account | null> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('account').select(columns).where('id', '=', id).executeTakeFirst();
    if (!before) return null;
    const row = await trx
      .updateTable('account')
      .set({
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.admin !== undefined ? { admin: change.admin } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
        ...(change.personId !== undefined ? { person_id: change.personId } : {}),
        ...(change.passwordHash !== undefined ? { password_hash: change.passwordHash } : {}),
      })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
    // A disabled account, or a new password, ends every session at once.
    if (change.disabled || change.passwordHash !== undefined) await trx.deleteFrom('session').where('account_id', '=', id).execute();
    const after = toAccount(row);
    await appendAudit(trx, actor, {
      action: change.passwordHash !== undefined ? 'account.password' : 'account.update',
      entity: 'account',
      entityId: id,
      before: toAccount(before),
      after,
    });
    return after;
  });
}

export async function listAccounts(db: Db): Promise<Account[]> {
  const rows = await db.selectFrom('account').select(columns).orderBy('email').execute();
  const identities = await db.selectFrom('account_identity').select(['account_id', 'issuer', 'email']).execute();
  return rows.map((r) => toAccount(r, identities));
}

export async function getAccount(db: Db, id: number): Promise<Account | null> {
  const row = await db.selectFrom('account').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const identities = await db.selectFrom('account_identity').select(['account_id', 'issuer', 'email']).where('account_id', '=', id).execute();
  return toAccount(row, identities);
}

/** The password hash of an active account, for signing in. */
export async function findCredentials(db: Db, email: string): Promise<{ id: number; passwordHash: string | null } | null> {
  const row = await db
    .selectFrom('account')
    .select(['id', 'password_hash'])
    .where('email', '=', email.trim().toLowerCase())
    .where('disabled', '=', false)
    .executeTakeFirst();
  return row ? { id: row.id, passwordHash: row.password_hash } : null;
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db.selectFrom('account').select(sql<number>`count(*)::int`.as('n')).where('admin', '=', true).where('disabled', '=', false).executeTakeFirstOrThrow();
  return row.n;
}

export async function findAccountByIdentity(db: Db, issuer: string, subject: string): Promise<number | null> {
  const row = await db
    .selectFrom('account_identity as i')
    .innerJoin('account as a', 'a.id', 'i.account_id')
    .select('a.id')
    .where('i.issuer', '=', issuer)
    .where('i.subject', '=', subject)
    .where('a.disabled', '=', false)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function linkIdentity(db: Db, actor: Viewer, accountId: number, identity: { issuer: string; subject: string; email: string | null }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('account_identity')
      .values({ account_id: accountId, issuer: identity.issuer, subject: identity.subject, email: identity.email })
      .onConflict((oc) => oc.columns(['issuer', 'subject']).doUpdateSet({ account_id: accountId, email: identity.email }))
      .execute();
    await appendAudit(trx, actor, { action: 'account.link-identity', entity: 'account', entityId: accountId, after: { issuer: identity.issuer, email: identity.email } });
  });
}

/** The viewer an account signs in as: its roles per body come from its person's current memberships. */
export async function viewerForAccount(db: Db, accountId: number): Promise<Viewer | null> {
  const account = await db.selectFrom('account').select(['id', 'name', 'admin', 'person_id', 'disabled']).where('id', '=', accountId).executeTakeFirst();
  if (!account || account.disabled) return null;
  const bodies: Record<number, BodyRole> = {};
  if (account.person_id !== null) {
    const memberships = await db
      .selectFrom('membership')
      .select(['body_id', 'role'])
      .where('person_id', '=', account.person_id)
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', sql<string>`current_date`)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', sql<string>`current_date`)]))
      .execute();
    for (const m of memberships) bodies[m.body_id] = strongest(bodies[m.body_id], bodyRoleOf(m.role as MembershipRole));
  }
  return { kind: 'account', accountId: account.id, personId: account.person_id, name: account.name, admin: account.admin, bodies };
}

import type { MembershipRole } from './model.js';

// Who may read and change what. Published protocols are public records; drafts, notes and
// internal documents are for the members of the body that owns them. This module is the one place
// that says so: the store turns it into SQL, the API into 401/403.

/** What a person may do in one body, derived from their memberships. */
export type BodyRole = 'secretary' | 'member'; // sekreterare/koordinator edits; ledamot/ersättare reads

export type Viewer =
  | { kind: 'anonymous' }
  /** The operator at the command line, who has the database anyway. */
  | { kind: 'system' }
  | {
      kind: 'account';
      accountId: number;
      personId: number | null;
      name: string;
      admin: boolean;
      bodies: Record<number, BodyRole>;
    };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };
export const SYSTEM: Viewer = { kind: 'system' };

const SECRETARY_ROLES: readonly MembershipRole[] = ['sekreterare', 'koordinator'];

export function bodyRoleOf(role: MembershipRole): BodyRole {
  return SECRETARY_ROLES.includes(role) ? 'secretary' : 'member';
}

/** Several memberships in one body give the strongest of their roles. */
export function strongest(a: BodyRole | undefined, b: BodyRole): BodyRole {
  return a === 'secretary' || b === 'secretary' ? 'secretary' : 'member';
}

/**
 * Which unpublished meetings the viewer may read: all, or those of some bodies. Published meetings
 * are readable by everyone.
 */
export function draftAccess(viewer: Viewer): { all: true } | { bodyIds: number[] } {
  if (viewer.kind === 'system' || (viewer.kind === 'account' && viewer.admin)) return { all: true };
  if (viewer.kind === 'account') return { bodyIds: Object.keys(viewer.bodies).map(Number) };
  return { bodyIds: [] };
}

export function canReadBody(viewer: Viewer, bodyId: number): boolean {
  const access = draftAccess(viewer);
  return 'all' in access || access.bodyIds.includes(bodyId);
}

/**
 * Whether the viewer reads what a meeting holds beyond its line in the year plan. A cancelled
 * meeting is listed for everyone, as a date struck from the plan; whatever it held before it was
 * cancelled (the attendance or diary number of a draft without items) stays with its bodies' members.
 */
export function readsMeetingContent(viewer: Viewer, meeting: { status: string; bodies: readonly { id: number }[] }): boolean {
  return meeting.status !== 'cancelled' || meeting.bodies.some((b) => canReadBody(viewer, b.id));
}

export function canEditBody(viewer: Viewer, bodyId: number): boolean {
  if (viewer.kind === 'system') return true;
  if (viewer.kind !== 'account') return false;
  return viewer.admin || viewer.bodies[bodyId] === 'secretary';
}

export function isAdmin(viewer: Viewer): boolean {
  return viewer.kind === 'system' || (viewer.kind === 'account' && viewer.admin);
}

/**
 * The statuses every meeting readable by this viewer may have regardless of body: everything for
 * the operator and administrators, published only for the rest. A lower bound: members also read
 * their bodies' drafts, which the store's visibleMeeting() adds.
 */
export function readableStatuses(viewer: Viewer): string[] {
  return 'all' in draftAccess(viewer) ? ['planned', 'draft', 'justering', 'signed', 'published', 'cancelled'] : ['published'];
}

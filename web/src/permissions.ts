import type { Me } from './auth';

/** The UI mirrors the server's rule (src/domain/access.ts); the server decides. */
export function canEditBody(me: Me | null, bodyId: number): boolean {
  return !!me?.account && (me.account.admin || me.account.bodies[String(bodyId)] === 'secretary');
}

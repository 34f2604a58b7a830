import type { BodySummary } from '../../../../src/domain/model';
import type { Me } from '../../auth';
import { canEditBody } from '../../permissions';

/** The years a follow-up list can be filtered by: next year back to 2015. */
export function YearOptions() {
  const now = new Date().getFullYear();
  return <>{Array.from({ length: now + 2 - 2015 }, (_, i) => now + 1 - i).map((y) => <option key={y} value={y}>{y}</option>)}</>;
}

/** The bodies the signed-in person may register follow-up records for. */
export function editableBodies(me: Me | null, bodies: BodySummary[]): BodySummary[] {
  return bodies.filter((b) => canEditBody(me, b.id));
}

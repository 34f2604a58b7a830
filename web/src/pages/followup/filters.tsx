import { Link } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import type { Loadable } from '../../api';
import type { Me } from '../../auth';
import { svAdoption } from '../../i18n/sv';
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

/** Says that a list is narrowed to one body (a link from the dashboard), with the way back to all. */
export function BodyFilterNote({ bodyId, bodies, allHref }: { bodyId: string; bodies: Loadable<BodySummary[]>; allHref: string }) {
  if (!bodyId) return null;
  const name = bodies.state === 'ready' ? bodies.data.find((b) => String(b.id) === bodyId)?.name : undefined;
  return <p className="hint">{svAdoption.onlyBody(name ?? bodyId)} <Link to={allHref}>{svAdoption.showAll}</Link></p>;
}

import { Link } from 'react-router';
import { useAuth } from '../../auth';
import { svWritten as t } from '../../i18n/sv';

/** " · Beslut per capsulam" on a body's page, for its members, secretaries and administrators. */
export function WrittenLink({ body }: { body: { id: number; slug: string } }) {
  const { me } = useAuth();
  if (!me?.account || !(me.account.admin || me.account.bodies[String(body.id)])) return null;
  return <>{' · '}<Link to={`/organ/${body.slug}/per-capsulam`}>{t.link}</Link></>;
}

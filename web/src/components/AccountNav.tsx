import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { signInLink } from '../pages/LoginPage';
import { send } from '../api';
import { canImport, useAuth } from '../auth';
import { svAuth, svImport } from '../i18n/sv';

export function AccountNav() {
  const { me, refresh } = useAuth();
  const navigate = useNavigate();
  const here = useLocation();
  if (!me) return null;
  if (!me.account) {
    return <Link to={here.pathname === '/logga-in' ? '/logga-in' : signInLink(here.pathname + here.search)} className="account-nav__link">{svAuth.signIn}</Link>;
  }
  const signOut = async () => {
    await send('POST', '/api/auth/logout').catch(() => undefined);
    await refresh();
    navigate('/');
  };
  return (
    <ul className="nav-list account-nav" aria-label={svAuth.accountMenu}>
      {canImport(me) && <li><NavLink to="/importera">{svImport.nav}</NavLink></li>}
      {me.account.admin && <li><NavLink to="/admin">{svAuth.admin}</NavLink></li>}
      <li><NavLink to="/konto" title={svAuth.signedInAs(me.account.name)}>{svAuth.account}</NavLink></li>
      <li><button type="button" className="link-button" onClick={signOut}>{svAuth.signOut}</button></li>
    </ul>
  );
}

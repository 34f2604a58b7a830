import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { sv, svAdoption, svDashboard, svFollowUp, svPlanning, svVerify } from '../i18n/sv';
import { AccountNav } from './AccountNav';
import { SearchBox } from './SearchBox';

export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After navigation within the app, keyboard and screen-reader users start at the new page's
  // content; on the first load the browser's own order (skip link first) applies.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#innehall">{sv.skipToContent}</a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{sv.appName}</span>
            <span className="brand__tagline">{sv.tagline}</span>
          </Link>
          <nav aria-label={sv.nav.main}>
            <ul className="nav-list">
              <li><NavLink to="/" end>{sv.nav.bodies}</NavLink></li>
              <li><NavLink to="/uppdrag">{svFollowUp.nav}</NavLink></li>
              <li><NavLink to="/rekommendationer">{svAdoption.nav}</NavLink></li>
              <li><NavLink to="/uppfoljning">{svDashboard.nav}</NavLink></li>
              <li><NavLink to="/arshjul">{svPlanning.nav}</NavLink></li>
            </ul>
          </nav>
          <SearchBox />
          <AccountNav />
        </div>
      </header>
      <main id="innehall" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{sv.footer}</p>
        <p><Link to="/verifiera">{svVerify.nav}</Link> · <a href="/feeds/protocols.atom" type="application/atom+xml">{svVerify.allFeed}</a></p>
      </footer>
    </>
  );
}

import { useState, type KeyboardEvent } from 'react';
import { Navigate } from 'react-router';
import { useAuth } from '../../auth';
import { usePageTitle } from '../../components/States';
import { svAuth, svExpedition } from '../../i18n/sv';
import { AccountsTab } from './AccountsTab';
import { MembershipsTab } from './MembershipsTab';
import { AuditTab } from './AuditTab';
import { PeopleTab } from './PeopleTab';
import { DuplicatesTab } from './DuplicatesTab';
import { JobsTab } from './JobsTab';
import { RegistryTab } from '../expedition/RegistryTab';

const TABS = ['accounts', 'memberships', 'duplicates', 'audit', 'people', 'jobs', 'registry'] as const;
type Tab = (typeof TABS)[number];

export function AdminPage() {
  usePageTitle(svAuth.adminPage.title);
  const { me } = useAuth();
  const [tab, setTab] = useState<Tab>('accounts');
  if (me && !me.account?.admin) return <Navigate to={me.account ? '/' : '/logga-in'} replace />;
  if (!me) return null;

  // Arrow keys move between tabs, as in the WAI-ARIA tabs pattern.
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
    if (next) {
      setTab(next);
      document.getElementById(`flik-${next}`)?.focus();
    }
  };

  return (
    <>
      <h1>{svAuth.adminPage.title}</h1>
      <div role="tablist" aria-label={svAuth.adminPage.title} className="tabs">
        {TABS.map((t) => (
          <button
            key={t}
            id={`flik-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            onKeyDown={onKey}
            className="tab"
          >
            {t === 'registry' ? svExpedition.registry.tab : svAuth.adminPage.tabs[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`flik-${tab}`} className="tab-panel">
        {tab === 'accounts' && <AccountsTab />}
        {tab === 'memberships' && <MembershipsTab />}
        {tab === 'duplicates' && <DuplicatesTab />}
        {tab === 'audit' && <AuditTab />}
        {tab === 'people' && <PeopleTab />}
        {tab === 'jobs' && <JobsTab />}
        {tab === 'registry' && <RegistryTab />}
      </div>
    </>
  );
}

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { getJson } from './api';
import { setCsrfToken } from './csrf';

export interface Me {
  account: { id: number; name: string; email: string; admin: boolean; bodies: Record<string, 'secretary' | 'member'> } | null;
  csrfToken: string | null;
  setupNeeded: boolean;
  oidc: { name: string } | null;
}

const AuthContext = createContext<{ me: Me | null; refresh: () => Promise<void> }>({ me: null, refresh: async () => {} });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const refresh = useCallback(async () => {
    const next = await getJson<Me>('/api/auth/me').catch(() => null);
    setCsrfToken(next?.csrfToken ?? null);
    setMe(next);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <AuthContext.Provider value={{ me, refresh }}>{children}</AuthContext.Provider>;
}

export function useAuth() {
  return useContext(AuthContext);
}

/** Administrators and secretaries import protocols (the server checks which bodies). */
export function canImport(me: Me): boolean {
  return !!me.account && (me.account.admin || Object.values(me.account.bodies).includes('secretary'));
}

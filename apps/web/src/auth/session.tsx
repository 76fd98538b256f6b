/**
 * Who is signed in, for the whole app. Loaded once at start (is setup still needed? who am I?);
 * setup, login and logout update it. Pages that need a user sit inside `<RequireUser>`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { currentUser, logOut, setupNeeded, type SelfUser } from '../api/session';
import { PageSpinner } from '../layout/page-spinner';

interface SessionState {
  /** undefined while loading. */
  user: SelfUser | null | undefined;
  needsSetup: boolean | undefined;
  signedIn(user: SelfUser): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SelfUser | null | undefined>(undefined);
  const [needsSetup, setNeedsSetup] = useState<boolean | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    void (async () => {
      const needed = await setupNeeded();
      const me = needed ? null : await currentUser();
      if (!alive) return;
      setNeedsSetup(needed);
      setUser(me);
    })();
    return () => {
      alive = false;
    };
  }, []);

  const signedIn = useCallback((next: SelfUser) => {
    setNeedsSetup(false);
    setUser(next);
  }, []);

  const signOut = useCallback(async () => {
    await logOut();
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, needsSetup, signedIn, signOut }), [user, needsSetup, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The signed-in user; only for components inside `<RequireUser>`. */
export function useUser(): SelfUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser outside <RequireUser>');
  return user;
}

/** Renders its children for a signed-in user; sends others to setup or sign-in. */
export function RequireUser({ children }: { children: ReactNode }) {
  const { user, needsSetup } = useSession();
  const location = useLocation();
  if (user === undefined || needsSetup === undefined) return <PageSpinner />;
  if (needsSetup) return <Navigate to="/setup" replace />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

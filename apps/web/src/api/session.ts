/** Accounts: first-run setup, sign-in, sign-out and "who am I". */
import { api, ApiError, setCsrfToken } from './client';

export interface SelfUser {
  id: string;
  email: string;
  name: string;
  isInstanceOwner: boolean;
}

interface SignedIn {
  user: SelfUser;
  csrfToken: string;
}

export async function setupNeeded(): Promise<boolean> {
  return (await api.get<{ needed: boolean }>('/setup')).needed;
}

export async function setUpOwner(input: { email: string; name: string; password: string }): Promise<SelfUser> {
  const signedIn = await api.post<SignedIn>('/setup', input);
  setCsrfToken(signedIn.csrfToken);
  return signedIn.user;
}

export async function logIn(input: { email: string; password: string }): Promise<SelfUser> {
  const signedIn = await api.post<SignedIn>('/auth/login', input);
  setCsrfToken(signedIn.csrfToken);
  return signedIn.user;
}

export async function logOut(): Promise<void> {
  await api.post<void>('/auth/logout');
  setCsrfToken(null);
}

/** The signed-in user, or null when this browser has no session. */
export async function currentUser(): Promise<SelfUser | null> {
  try {
    const me = await api.get<{ user: SelfUser; csrfToken: string | null }>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

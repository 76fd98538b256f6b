/**
 * A fresh instance, set up the way a hospital's admin would through the API: first-run setup
 * of the owner (a browser session), the doctors' accounts, the base, and a read-write API token
 * for the base — the bearer every later request of the suite carries.
 */
import { HttpClient } from './http/client';
import { doctorCount } from './data/vocabulary';

export interface Instance {
  baseId: string;
  /** The base's time zone. */
  timeZone: string;
  ownerId: string;
  doctorIds: string[];
  /** Client authenticated with the API token. */
  api: HttpClient;
  token: string;
}

/** Every account of the bench instance has this password (loopback only, a throwaway database). */
export const benchPassword = 'bench correct horse battery';
export const ownerEmail = 'owner@hospital.test';
export const doctorEmail = (doctor: number) => `doctor${doctor + 1}@hospital.test`;

function sessionCookie(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const session = cookies.map((cookie) => cookie.split(';')[0]!).find((pair) => /session/i.test(pair.split('=')[0]!));
  if (!session) throw new Error(`Sign-in answered without a session cookie (${cookies.join(' | ')})`);
  return session;
}

/** A client on `origin` carrying the session cookie and CSRF token of a reply that signed someone in. */
function sessionClient(origin: string, reply: { text: string; headers: Record<string, string | string[] | undefined> }): { session: HttpClient; userId: string } {
  const { user, csrfToken } = JSON.parse(reply.text) as { user: { id: string }; csrfToken: string };
  const session = new HttpClient(origin, 4);
  session.setHeaders({ cookie: sessionCookie(reply.headers['set-cookie']), 'x-csrf-token': csrfToken });
  return { session, userId: user.id };
}

/** Signs `email` in as a browser would (session-only routes: members, personal tokens). */
export async function signIn(origin: string, email: string): Promise<{ session: HttpClient; userId: string }> {
  const anonymous = new HttpClient(origin, 1);
  try {
    const reply = await anonymous.send('POST', '/api/v1/auth/login', { email, password: benchPassword });
    if (reply.status !== 200) throw new Error(`Signing in ${email} answered ${reply.status}: ${reply.text}`);
    return sessionClient(origin, reply);
  } finally {
    await anonymous.close();
  }
}

const hospitalTimeZone = 'Asia/Shanghai';

export async function setUpInstance(origin: string): Promise<Instance> {
  const anonymous = new HttpClient(origin, 1);
  const setup = await anonymous.send('POST', '/api/v1/setup', { email: ownerEmail, name: 'Bench Owner', password: benchPassword });
  await anonymous.close();
  if (setup.status !== 201) throw new Error(`First-run setup answered ${setup.status}: ${setup.text}`);
  const { session, userId: ownerId } = sessionClient(origin, setup);

  const doctorIds: string[] = [];
  for (let i = 0; i < doctorCount; i++) {
    const doctor = await session.json<{ id: string }>('POST', '/api/v1/users', {
      email: doctorEmail(i),
      name: `Dr. ${['Chen', 'Li', 'Wang', 'Zhang', 'Liu', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun'][i] ?? i + 1}`,
      password: benchPassword,
    });
    doctorIds.push(doctor.id);
  }
  const base = await session.json<{ id: string }>('POST', '/api/v1/bases', { name: 'Hospital', timeZone: hospitalTimeZone });
  const token = await session.json<{ secret: string }>('POST', '/api/v1/tokens', { name: 'bench', access: 'readWrite', baseIds: [base.id] });
  await session.close();

  const api = new HttpClient(origin);
  api.setHeaders({ authorization: `Bearer ${token.secret}` });
  return { baseId: base.id, timeZone: hospitalTimeZone, ownerId, doctorIds, api, token: token.secret };
}

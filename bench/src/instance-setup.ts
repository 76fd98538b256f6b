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

function sessionCookie(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const session = cookies.map((cookie) => cookie.split(';')[0]!).find((pair) => /session/i.test(pair.split('=')[0]!));
  if (!session) throw new Error(`Setup answered without a session cookie (${cookies.join(' | ')})`);
  return session;
}

const hospitalTimeZone = 'Asia/Shanghai';

export async function setUpInstance(origin: string): Promise<Instance> {
  const session = new HttpClient(origin, 4);
  const password = 'bench correct horse battery';
  const setup = await session.send('POST', '/api/v1/setup', { email: 'owner@hospital.test', name: 'Bench Owner', password });
  if (setup.status !== 201) throw new Error(`First-run setup answered ${setup.status}: ${setup.text}`);
  const { user, csrfToken } = JSON.parse(setup.text) as { user: { id: string }; csrfToken: string };
  session.setHeaders({ cookie: sessionCookie(setup.headers['set-cookie']), 'x-csrf-token': csrfToken });

  const doctorIds: string[] = [];
  for (let i = 1; i <= doctorCount; i++) {
    const doctor = await session.json<{ id: string }>('POST', '/api/v1/users', {
      email: `doctor${i}@hospital.test`,
      name: `Dr. ${['Chen', 'Li', 'Wang', 'Zhang', 'Liu', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun'][i - 1] ?? i}`,
      password,
    });
    doctorIds.push(doctor.id);
  }
  const base = await session.json<{ id: string }>('POST', '/api/v1/bases', { name: 'Hospital', timeZone: hospitalTimeZone });
  const token = await session.json<{ secret: string }>('POST', '/api/v1/tokens', { name: 'bench', access: 'readWrite', baseIds: [base.id] });
  await session.close();

  const api = new HttpClient(origin);
  api.setHeaders({ authorization: `Bearer ${token.secret}` });
  return { baseId: base.id, timeZone: hospitalTimeZone, ownerId: user.id, doctorIds, api, token: token.secret };
}

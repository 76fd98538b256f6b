/**
 * A Multitable server for API tests, on one dialect, with an isolated store and a controllable
 * clock. Requests go through `app.inject()` — nothing listens on a port.
 *
 * ```ts
 * import { startTestApp, type TestApp } from './app';
 *
 * describeEachDialect('records API', (dialect) => {
 *   let t: TestApp;
 *   beforeAll(async () => { t = await startTestApp(dialect); });
 *   afterAll(async () => { await t.cleanup(); });
 *
 *   it('lets an editor create a record', async () => {
 *     const owner = await t.signUpOwner();                 // first-run setup, signed in
 *     const base = await t.createBase(owner, 'Clinic');    // owner of a new base
 *     const editor = await t.signUpUser(owner);            // new account, signed in
 *     await t.addMember(owner, base.id, editor.user.id, 'editor');
 *     const res = await editor.request('POST', `/api/v1/bases/${base.id}/…`, { … });
 *     expect(res.statusCode).toBe(201);
 *     const secret = await t.createToken(owner, { access: 'read', baseIds: [base.id] });
 *     const viaToken = await t.app.inject({ method: 'GET', url: '…', headers: bearer(secret) });
 *   });
 * });
 * ```
 *
 * - `signUpOwner()` runs setup on its first call; later calls sign the same owner in again (a new session).
 * - `SignedIn.request(method, url, payload?, headers?)` sends the session cookie and, for
 *   state-changing methods, the `x-csrf-token` header — like the web app does.
 * - `t.clock.advance(ms)` moves the server's time (session expiry, throttling windows).
 * - Passwords are hashed with real argon2id parameters (~50 ms per user).
 */
import type { DialectName, Database } from '@multitable/storage';
import { openDatabase } from '@multitable/storage';
import {
  buildApp,
  defaultConfig,
  sessionCookieName,
  type FastifyInstance,
  type InjectOptions,
  type LightMyRequestResponse,
  type ServerConfig,
} from '@multitable/server';
import { makeTestStore } from './databases';

export type TestServer = FastifyInstance;
export type InjectResponse = LightMyRequestResponse;
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** A clock the test moves by hand; starts at 2030-01-01T00:00:00Z. */
export class TestClock {
  private current = Date.parse('2030-01-01T00:00:00.000Z');
  readonly now = (): number => this.current;
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface Credentials {
  email: string;
  name: string;
  password: string;
}

export interface SignedIn {
  user: { id: string; email: string; name: string; isInstanceOwner: boolean };
  password: string;
  /** Value for a `Cookie` header: `mt_session=…`. */
  cookie: string;
  csrfToken: string;
  /** `{ cookie, 'x-csrf-token' }`, to spread into `app.inject({ headers })`. */
  headers: Record<string, string>;
  /** Sends a request as this user (cookie + CSRF header). */
  request(method: HttpMethod, url: string, payload?: unknown, headers?: Record<string, string>): Promise<InjectResponse>;
}

export interface TestApp {
  app: TestServer;
  database: Database;
  dialect: DialectName;
  config: ServerConfig;
  clock: TestClock;
  /** Runs first-run setup and returns the signed-in instance owner; later calls sign that owner in anew. */
  signUpOwner(input?: Partial<Credentials>): Promise<SignedIn>;
  /** Signs in; throws with the response body when sign-in fails. */
  login(email: string, password: string): Promise<SignedIn>;
  /** The instance owner creates an account (not signed in). */
  createUser(owner: SignedIn, input?: Partial<Credentials>): Promise<Credentials & { id: string }>;
  /** `createUser` then `login`. */
  signUpUser(owner: SignedIn, input?: Partial<Credentials>): Promise<SignedIn>;
  createBase(as: SignedIn, name?: string, timeZone?: string): Promise<{ id: string; name: string; timeZone: string; role: string }>;
  addMember(as: SignedIn, baseId: string, userId: string, role: 'owner' | 'admin' | 'editor' | 'viewer'): Promise<void>;
  /** Creates a personal API token and returns its secret (`mt_…`). */
  createToken(as: SignedIn, input: { access: 'read' | 'readWrite'; baseIds: string[]; name?: string }): Promise<string>;
  cleanup(): Promise<void>;
}

/** `{ authorization: 'Bearer mt_…' }` */
export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

let userCounter = 0;

function freshCredentials(input: Partial<Credentials> = {}): Credentials {
  userCounter += 1;
  return {
    email: input.email ?? `user${userCounter}-${Date.now().toString(36)}@example.test`,
    name: input.name ?? `User ${userCounter}`,
    password: input.password ?? `correct horse ${userCounter}`,
  };
}

function expectStatus(response: InjectResponse, status: number, what: string): void {
  if (response.statusCode !== status) {
    throw new Error(`${what} answered ${response.statusCode}, expected ${status}: ${response.body}`);
  }
}

export async function startTestApp(
  dialect: DialectName,
  options: { config?: Partial<ServerConfig>; onSql?: (sql: string) => void } = {},
): Promise<TestApp> {
  const store = makeTestStore(dialect);
  const database = await openDatabase({ ...store.config, ...(options.onSql ? { onSql: options.onSql } : {}) });
  const config = defaultConfig({ dataDir: store.config.dataDir, logLevel: 'silent', ...options.config });
  const clock = new TestClock();
  const app = await buildApp({ database, config, clock: clock.now });
  const cookieName = sessionCookieName(config);

  const signedIn = (response: InjectResponse, password: string): SignedIn => {
    const body = response.json() as { user: SignedIn['user']; csrfToken: string };
    const sessionCookie = response.cookies.find((c) => c.name === cookieName);
    if (!sessionCookie) throw new Error(`No ${cookieName} cookie in ${response.headers['set-cookie']}`);
    const cookie = `${cookieName}=${sessionCookie.value}`;
    const headers = { cookie, 'x-csrf-token': body.csrfToken };
    return {
      user: body.user,
      password,
      cookie,
      csrfToken: body.csrfToken,
      headers,
      request: (method, url, payload, extra = {}) =>
        app.inject({
          method,
          url,
          headers: { ...headers, ...extra },
          ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
        }),
    };
  };

  let ownerCredentials: Credentials | undefined;

  const login = async (email: string, password: string): Promise<SignedIn> => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    expectStatus(response, 200, `Sign-in of ${email}`);
    return signedIn(response, password);
  };

  const createUser = async (as: SignedIn, input?: Partial<Credentials>) => {
    const credentials = freshCredentials(input);
    const response = await as.request('POST', '/api/v1/users', credentials);
    expectStatus(response, 201, 'Creating a user');
    return { ...credentials, id: (response.json() as { id: string }).id };
  };

  return {
    app,
    database,
    dialect,
    config,
    clock,
    async signUpOwner(input) {
      if (ownerCredentials) return login(ownerCredentials.email, ownerCredentials.password);
      const credentials = freshCredentials(input);
      const response = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: credentials });
      expectStatus(response, 201, 'First-run setup');
      ownerCredentials = credentials;
      return signedIn(response, credentials.password);
    },
    login,
    createUser,
    async signUpUser(as, input) {
      const user = await createUser(as, input);
      return login(user.email, user.password);
    },
    async createBase(as, name = 'Test base', timeZone) {
      const response = await as.request('POST', '/api/v1/bases', { name, ...(timeZone ? { timeZone } : {}) });
      expectStatus(response, 201, 'Creating a base');
      return response.json();
    },
    async addMember(as, baseId, userId, role) {
      const response = await as.request('POST', `/api/v1/bases/${baseId}/members`, { userId, role });
      expectStatus(response, 201, `Adding ${userId} as ${role}`);
    },
    async createToken(as, input) {
      const response = await as.request('POST', '/api/v1/tokens', { name: input.name ?? 'test token', ...input });
      expectStatus(response, 201, 'Creating an API token');
      return (response.json() as { secret: string }).secret;
    },
    async cleanup() {
      await app.close();
      await database.close();
      await store.cleanup();
    },
  };
}

/**
 * The realtime socket under permissions (RELIABILITY A1.4 realtime events, A1.8, A1.9): refused
 * before the upgrade without credentials or from another origin; each subscriber receives only
 * what they may read; presence; a revoked member's socket closes and a changed role is announced,
 * both without the client asking.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';
import { fieldNamed } from '../api/data-helpers';
import { buildClinic, canariesIn, doctorRules, type Clinic } from './clinic-fixture';

interface Socket {
  ws: WebSocket;
  /** The next message (skipping presence unless asked), or a rejection after `waitMs`. */
  next(options?: { presence?: boolean }): Promise<Record<string, unknown>>;
  closed: Promise<number>;
}

const waitMs = 5000;

describeEachDialect('permissions: realtime', (dialect) => {
  let t: TestApp;
  let c: Clinic;
  let origin: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    c = await buildClinic(t);
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => t?.cleanup());

  const socketUrl = () => `${origin.replace('http', 'ws')}/api/v1/bases/${c.baseId}/realtime`;

  function open(user: SignedIn, headers: Record<string, string> = {}): Promise<Socket> {
    const ws = new WebSocket(socketUrl(), { headers: { cookie: user.cookie, origin, ...headers } });
    const inbox: Array<Record<string, unknown>> = [];
    const waiting: Array<() => void> = [];
    ws.on('message', (data) => {
      inbox.push(JSON.parse(String(data)) as Record<string, unknown>);
      waiting.splice(0).forEach((wake) => wake());
    });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    const next = async (options: { presence?: boolean } = {}) => {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const index = inbox.findIndex((message) => options.presence || message.type !== 'presence');
        if (index >= 0) return inbox.splice(0, index + 1).at(-1)!;
        if (Date.now() > deadline) throw new Error(`No message within ${waitMs} ms`);
        await new Promise<void>((wake) => {
          waiting.push(wake);
          setTimeout(wake, 100);
        });
      }
    };
    return new Promise((resolve, reject) => {
      ws.on('open', () => resolve({ ws, next, closed }));
      ws.on('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
      ws.on('error', reject);
    });
  }

  const subscribe = async (socket: Socket, tableId: string) => {
    socket.ws.send(JSON.stringify({ type: 'subscribe', tableId }));
    expect(await socket.next()).toEqual({ type: 'subscribed', tableId });
  };

  it('refuses the upgrade without credentials, and a cookie sent from another origin', async () => {
    await expect(open({ cookie: '' } as SignedIn)).rejects.toThrow('HTTP 401');
    await expect(open(c.doctor, { origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    const stranger = await t.signUpUser(c.owner);
    await expect(open(stranger)).rejects.toThrow('HTTP 404');
  });

  it('tells each subscriber only what they may read, in commit order', async () => {
    const doctor = await open(c.doctor);
    const owner = await open(c.owner);
    await subscribe(doctor, c.patients.id);
    await subscribe(owner, c.patients.id);
    doctor.ws.send(JSON.stringify({ type: 'subscribe', tableId: c.notes.id }));
    expect(await doctor.next()).toEqual({ type: 'error', message: `Table "${c.notes.id}" not found` });

    const [ada, , cy] = c.patientRecords;
    expect((await c.owner.request('PATCH', c.url(c.patients, `/records/${cy!.id}`), { fields: { Diagnosis: 'CANARY-realtime' } })).statusCode).toBe(200);
    expect((await c.owner.request('PATCH', c.url(c.patients, `/records/${ada!.id}`), { fields: { Diagnosis: 'fine', SecretNote: 'CANARY-realtime-secret' } })).statusCode).toBe(200);

    const first = await doctor.next();
    expect(first).toEqual({ type: 'records.changed', tableId: c.patients.id });
    const second = await doctor.next();
    expect(second).toEqual({ type: 'records.updated', tableId: c.patients.id, changes: [{ recordId: ada!.id, fieldIds: [fieldNamed(c.patients, 'Diagnosis').id] }] });
    expect(canariesIn(JSON.stringify([first, second]))).toEqual([]);

    expect(await owner.next()).toEqual({ type: 'records.updated', tableId: c.patients.id, changes: [{ recordId: cy!.id, fieldIds: [fieldNamed(c.patients, 'Diagnosis').id] }] });
    const ownerSecond = (await owner.next()) as { changes: Array<{ fieldIds: string[] }> };
    expect(ownerSecond.changes[0]!.fieldIds.sort()).toEqual([fieldNamed(c.patients, 'Diagnosis').id, fieldNamed(c.patients, 'SecretNote').id].sort());

    // Comments reach those who can read their record, and no one else.
    expect((await c.owner.request('POST', c.url(c.patients, `/records/${cy!.id}/comments`), { text: 'on Cy' })).statusCode).toBe(201);
    const onAda = await c.owner.request('POST', c.url(c.patients, `/records/${ada!.id}/comments`), { text: 'on Ada' });
    expect(await doctor.next()).toEqual({ type: 'comment.created', tableId: c.patients.id, recordId: ada!.id, commentId: onAda.json().id });
    doctor.ws.close();
    owner.ws.close();
  });

  it("tells only its owner of a personal view's changes", async () => {
    const doctor = await open(c.doctor);
    const owner = await open(c.owner);
    await subscribe(doctor, c.patients.id);
    await subscribe(owner, c.patients.id);
    const mine = await c.doctor.request('POST', c.url(c.patients, '/views'), { name: 'My rounds', personal: true });
    expect(mine.statusCode).toBe(201);
    expect(await doctor.next()).toEqual({ type: 'schema.changed', tableId: c.patients.id });
    // The owner hears of the next change, a record's, and of nothing before it.
    const [ada] = c.patientRecords;
    expect((await c.owner.request('PATCH', c.url(c.patients, `/records/${ada!.id}`), { fields: { Diagnosis: 'seen' } })).statusCode).toBe(200);
    expect(await owner.next()).toMatchObject({ type: 'records.updated', tableId: c.patients.id });
    expect((await c.doctor.request('DELETE', c.url(c.patients, `/views/${mine.json().id}`))).statusCode).toBe(200);
    doctor.ws.close();
    owner.ws.close();
  });

  it("shows who else views a table", async () => {
    const doctor = await open(c.doctor);
    await subscribe(doctor, c.visits.id);
    const owner = await open(c.owner);
    await subscribe(owner, c.visits.id);
    for (;;) {
      const message = (await doctor.next({ presence: true })) as { type: string; viewers?: Array<{ id: string }> };
      if (message.type === 'presence' && message.viewers!.length === 2) {
        expect(message.viewers!.map((viewer) => viewer.id).sort()).toEqual([c.doctor.user.id, c.owner.user.id].sort());
        break;
      }
    }
    owner.ws.close();
    for (;;) {
      const message = (await doctor.next({ presence: true })) as { type: string; viewers?: Array<{ id: string }> };
      if (message.type === 'presence' && message.viewers!.length === 1) break;
    }
    doctor.ws.close();
  });

  it('announces a changed role and closes the socket of a removed member without being asked', async () => {
    const doctor = await open(c.doctor);
    await subscribe(doctor, c.patients.id);
    const narrowed = doctorRules(c, { patients: { readScope: { type: 'createdByMe' } } });
    expect((await c.owner.request('PATCH', `/api/v1/bases/${c.baseId}/roles/${c.doctorRoleId}`, { rules: narrowed })).statusCode).toBe(200);
    expect(await doctor.next()).toEqual({ type: 'access.changed' });

    expect((await c.owner.request('DELETE', `/api/v1/bases/${c.baseId}/members/${c.doctor.user.id}`)).statusCode).toBe(204);
    expect(await Promise.race([doctor.closed, new Promise((resolve) => setTimeout(() => resolve('still open'), waitMs))])).toBe(4403);
    // Put the clinic back as it was for the other suites' expectations.
    expect((await c.owner.request('POST', `/api/v1/bases/${c.baseId}/members`, { userId: c.doctor.user.id, role: c.doctorRoleId })).statusCode).toBe(201);
    expect((await c.owner.request('PATCH', `/api/v1/bases/${c.baseId}/roles/${c.doctorRoleId}`, { rules: doctorRules(c) })).statusCode).toBe(200);
  });

  it('closes the socket when the session ends', async () => {
    const session = await t.login(c.otherDoctor.user.email, c.otherDoctor.password);
    const socket = await open(session);
    expect((await session.request('POST', '/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    expect(await Promise.race([socket.closed, new Promise((resolve) => setTimeout(() => resolve('still open'), waitMs))])).toBe(4401);
  });
});

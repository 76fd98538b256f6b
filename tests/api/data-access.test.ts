/**
 * Who may do what on the data routes (RELIABILITY A1.2, A1.3, A1.10): the role matrix — viewer
 * reads, editor writes records, admin designs, a non-member sees nothing (404) — API tokens
 * narrowed to read or to some bases, and ids from another base or table swapped into a URL or
 * body. Every refusal leaves the data exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { bearer, startTestApp, type HttpMethod, type InjectResponse, type SignedIn, type TestApp } from '../support/app';
import {
  boundary,
  createRecords,
  createTable,
  expectOk,
  fieldNamed,
  historyOf,
  multipartFile,
  pngBytes,
  recordSnapshot,
  tableUrl,
  upload,
  type ApiTable,
} from './data-helpers';

type Caller = (method: HttpMethod, url: string, payload?: unknown, headers?: Record<string, string>) => Promise<InjectResponse>;
type Kind = 'read' | 'write' | 'design';

interface Probe {
  name: string;
  kind: Kind;
  /** Builds the request; may create a fresh target (as the owner) first. */
  build(): Promise<{ method: HttpMethod; url: string; payload?: unknown; headers?: Record<string, string> }>;
}

describeEachDialect('data access', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;
  let otherBaseId: string;
  let patients: ApiTable;
  let notes: ApiTable;
  let otherTable: ApiTable;
  let recordId: string;
  let noteId: string;
  let otherRecordId: string;
  let attachmentId: string;
  let secondViewId: string;
  let serial = 0;
  const unique = (prefix: string) => `${prefix} ${++serial}`;
  const p = (path: string) => tableUrl(baseId, patients.id, path);
  const callerOf = (user: SignedIn): Caller => (method, url, payload, headers) => user.request(method, url, payload, headers);
  const tokenCaller = (secret: string): Caller => (method, url, payload, headers) =>
    t.app.inject({ method, url, headers: { ...bearer(secret), ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });

  /** Everything a refused request could have touched, as the owner sees it. */
  async function snapshot(): Promise<string> {
    const tables = (await owner.request('GET', `/api/v1/bases/${baseId}/tables`)).body;
    const others = (await owner.request('GET', `/api/v1/bases/${otherBaseId}/tables`)).body;
    const records = (await owner.request('GET', p('/records?pageSize=1000'))).body;
    const noteRecords = (await owner.request('GET', tableUrl(baseId, notes.id, '/records?pageSize=1000'))).body;
    const otherRecords = (await owner.request('GET', tableUrl(otherBaseId, otherTable.id, '/records?pageSize=1000'))).body;
    const history = JSON.stringify(await historyOf(owner, baseId, patients.id, recordId));
    const attachments = (await t.database.db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    return JSON.stringify({ tables, others, records, noteRecords, otherRecords, history, attachments: Number(attachments) });
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner, 'Clinic')).id;
    otherBaseId = (await t.createBase(owner, 'Other clinic')).id;
    patients = await createTable(owner, baseId, 'Patients', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Phone', type: 'phone' },
      { name: 'Allergies', type: 'longText' },
    ]);
    notes = await createTable(owner, baseId, 'Notes', [{ name: 'Summary', type: 'singleLineText' }]);
    otherTable = await createTable(owner, otherBaseId, 'Elsewhere', [{ name: 'Title', type: 'singleLineText' }]);
    recordId = (await createRecords(owner, baseId, patients.id, [{ Name: 'Ada', Phone: '+86 138 0000 0001', Allergies: 'none' }]))[0]!.id;
    noteId = (await createRecords(owner, baseId, notes.id, [{ Summary: 'note' }]))[0]!.id;
    otherRecordId = (await createRecords(owner, otherBaseId, otherTable.id, [{ Title: 'foreign' }]))[0]!.id;
    attachmentId = (await upload(t, owner, baseId, multipartFile({ filename: 'a.png', contentType: 'image/png', bytes: pngBytes }))).json().id;
    const view = await owner.request('POST', p('/views'), { name: 'Second' });
    expectOk(view, 201, 'Creating a view');
    secondViewId = view.json().id;
  });
  afterAll(async () => t.cleanup());

  const freshRecord = async () => (await createRecords(owner, baseId, patients.id, [{ Name: unique('Fresh') }]))[0]!.id;
  const freshField = async () => {
    const res = await owner.request('POST', p('/fields'), { name: unique('Extra'), type: 'number' });
    expectOk(res, 201, 'Creating a field');
    return res.json().id as string;
  };
  const freshView = async () => {
    const res = await owner.request('POST', p('/views'), { name: unique('View') });
    expectOk(res, 201, 'Creating a view');
    return res.json().id as string;
  };
  const freshTable = async () => (await createTable(owner, baseId, unique('Scratch'), [{ name: 'Name', type: 'singleLineText' }])).id;

  const probes: Probe[] = [
    { name: 'list tables', kind: 'read', build: async () => ({ method: 'GET', url: `/api/v1/bases/${baseId}/tables` }) },
    { name: 'get table', kind: 'read', build: async () => ({ method: 'GET', url: p('') }) },
    { name: 'list fields', kind: 'read', build: async () => ({ method: 'GET', url: p('/fields') }) },
    { name: 'list views', kind: 'read', build: async () => ({ method: 'GET', url: p('/views') }) },
    { name: 'get view', kind: 'read', build: async () => ({ method: 'GET', url: p(`/views/${secondViewId}`) }) },
    { name: 'list records', kind: 'read', build: async () => ({ method: 'GET', url: p('/records') }) },
    { name: 'query records', kind: 'read', build: async () => ({ method: 'POST', url: p('/records/query'), payload: { sort: [{ field: 'Name', direction: 'asc' }] } }) },
    { name: 'get record', kind: 'read', build: async () => ({ method: 'GET', url: p(`/records/${recordId}`) }) },
    { name: 'record history', kind: 'read', build: async () => ({ method: 'GET', url: p(`/records/${recordId}/history`) }) },
    { name: 'download attachment', kind: 'read', build: async () => ({ method: 'GET', url: `/api/v1/bases/${baseId}/attachments/${attachmentId}` }) },

    { name: 'create record', kind: 'write', build: async () => ({ method: 'POST', url: p('/records'), payload: { fields: { Name: unique('New') } } }) },
    { name: 'update records', kind: 'write', build: async () => ({ method: 'PATCH', url: p('/records'), payload: { records: [{ id: recordId, fields: { Phone: `+86 ${++serial}` } }] } }) },
    { name: 'update record', kind: 'write', build: async () => ({ method: 'PATCH', url: p(`/records/${recordId}`), payload: { fields: { Allergies: unique('penicillin') } } }) },
    { name: 'delete records', kind: 'write', build: async () => ({ method: 'DELETE', url: p(`/records?records=${await freshRecord()}`) }) },
    { name: 'delete record', kind: 'write', build: async () => ({ method: 'DELETE', url: p(`/records/${await freshRecord()}`) }) },
    {
      name: 'upload attachment',
      kind: 'write',
      build: async () => ({
        method: 'POST',
        url: `/api/v1/bases/${baseId}/attachments`,
        payload: multipartFile({ filename: 'u.png', contentType: 'image/png', bytes: pngBytes }),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      }),
    },

    { name: 'create table', kind: 'design', build: async () => ({ method: 'POST', url: `/api/v1/bases/${baseId}/tables`, payload: { name: unique('Made') } }) },
    { name: 'rename table', kind: 'design', build: async () => ({ method: 'PATCH', url: tableUrl(baseId, await freshTable()), payload: { name: unique('Renamed') } }) },
    { name: 'describe table', kind: 'design', build: async () => ({ method: 'PATCH', url: p(''), payload: { description: unique('about') } }) },
    { name: 'delete table', kind: 'design', build: async () => ({ method: 'DELETE', url: tableUrl(baseId, await freshTable()) }) },
    { name: 'add field', kind: 'design', build: async () => ({ method: 'POST', url: p('/fields'), payload: { name: unique('Added'), type: 'singleLineText' } }) },
    { name: 'rename field', kind: 'design', build: async () => ({ method: 'PATCH', url: p(`/fields/${await freshField()}`), payload: { name: unique('Renamed field') } }) },
    { name: 'delete field', kind: 'design', build: async () => ({ method: 'DELETE', url: p(`/fields/${await freshField()}`) }) },
    { name: 'create view', kind: 'design', build: async () => ({ method: 'POST', url: p('/views'), payload: { name: unique('Made view') } }) },
    { name: 'update view', kind: 'design', build: async () => ({ method: 'PATCH', url: p(`/views/${await freshView()}`), payload: { config: { rowHeight: 'tall' } } }) },
    { name: 'delete view', kind: 'design', build: async () => ({ method: 'DELETE', url: p(`/views/${await freshView()}`) }) },
  ];

  /** Runs a probe expecting a refusal with `status`: nothing may change. */
  async function expectRefused(call: Caller, probe: Probe, status: number): Promise<InjectResponse> {
    const request = await probe.build();
    const recordBefore = await recordSnapshot(owner, baseId, patients.id, recordId);
    const before = await snapshot();
    const res = await call(request.method, request.url, request.payload, request.headers);
    expect(res.statusCode, `${probe.name}: ${res.body}`).toBe(status);
    expect(res.json().error.code).toBe(status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
    expect(await recordSnapshot(owner, baseId, patients.id, recordId), probe.name).toBe(recordBefore);
    expect(await snapshot(), probe.name).toBe(before);
    return res;
  }

  async function expectAllowed(call: Caller, probe: Probe): Promise<InjectResponse> {
    const request = await probe.build();
    const res = await call(request.method, request.url, request.payload, request.headers);
    expect([200, 201], `${probe.name}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
    return res;
  }

  const allowed: Record<'viewer' | 'editor' | 'admin' | 'owner', readonly Kind[]> = {
    viewer: ['read'],
    editor: ['read', 'write'],
    admin: ['read', 'write', 'design'],
    owner: ['read', 'write', 'design'],
  };

  describe('role matrix', () => {
    for (const role of ['viewer', 'editor', 'admin', 'owner'] as const) {
      it(`lets a ${role} do exactly ${allowed[role].join(', ')} — the rest is 403 with nothing changed`, async () => {
        let member = owner;
        if (role !== 'owner') {
          member = await t.signUpUser(owner);
          await t.addMember(owner, baseId, member.user.id, role);
        }
        const call = callerOf(member);
        for (const probe of probes) {
          if (allowed[role].includes(probe.kind)) await expectAllowed(call, probe);
          else await expectRefused(call, probe, 403);
        }
      });
    }

    it('answers a non-member 404 on every data route, as if the base did not exist, with nothing changed', async () => {
      const stranger = await t.signUpUser(owner);
      const call = callerOf(stranger);
      for (const probe of probes) {
        const res = await expectRefused(call, probe, 404);
        expect(res.body, probe.name).not.toContain('Patients');
        expect(res.body, probe.name).not.toContain('Ada');
      }
    });

    it("keeps a viewer's refused record edit from changing the row (PATCH by session)", async () => {
      const viewer = await t.signUpUser(owner);
      await t.addMember(owner, baseId, viewer.user.id, 'viewer');
      const before = await recordSnapshot(owner, baseId, patients.id, recordId);
      const res = await viewer.request('PATCH', p(`/records/${recordId}`), { fields: { Phone: '+1 555 0100' } });
      expect(res.statusCode).toBe(403);
      expect(await recordSnapshot(owner, baseId, patients.id, recordId)).toBe(before);
    });
  });

  describe('API tokens', () => {
    it('lets a read-only token read its base and refuses every write with 403, nothing changed', async () => {
      const secret = await t.createToken(owner, { access: 'read', baseIds: [baseId] });
      const call = tokenCaller(secret);
      for (const probe of probes) {
        if (probe.kind === 'read') await expectAllowed(call, probe);
        else await expectRefused(call, probe, 403);
      }
    });

    it('refuses a token on a base it does not list (403), for reads and writes', async () => {
      for (const access of ['read', 'readWrite'] as const) {
        const secret = await t.createToken(owner, { access, baseIds: [otherBaseId] });
        const call = tokenCaller(secret);
        for (const probe of probes) await expectRefused(call, probe, 403);
      }
    });

    it('refuses a read-only token on user and member management', async () => {
      const secret = await t.createToken(owner, { access: 'read', baseIds: [baseId] });
      const call = tokenCaller(secret);
      expect((await call('POST', '/api/v1/users', { email: 'x@example.test', name: 'X', password: 'long enough password' })).statusCode).toBe(403);
      expect((await call('POST', `/api/v1/bases/${baseId}/members`, { userId: owner.user.id, role: 'viewer' })).statusCode).toBe(403);
      expect((await call('POST', '/api/v1/bases', { name: 'By token' })).statusCode).toBe(403);
    });

    it('lets a read-write token write records, recorded with source "api"', async () => {
      const secret = await t.createToken(owner, { access: 'readWrite', baseIds: [baseId] });
      const call = tokenCaller(secret);
      const created = await call('POST', p('/records'), { fields: { Name: 'By token', Phone: '+86 1' } });
      expect(created.statusCode).toBe(200);
      const id = created.json().id;
      const updated = await call('PATCH', p(`/records/${id}`), { fields: { Phone: '+86 2' } });
      expect(updated.statusCode).toBe(200);
      const history = await historyOf(owner, baseId, patients.id, id);
      expect(history.length).toBeGreaterThanOrEqual(2);
      for (const entry of history) expect(entry).toMatchObject({ source: 'api', actor: { id: owner.user.id } });
      expect(history.find((h) => h.action === 'update')).toMatchObject({ field: { name: 'Phone' }, oldValue: '+86 1', newValue: '+86 2' });
    });
  });

  describe('ids from elsewhere (A1.3)', () => {
    it("answers 404 to base A's URL with base B's table id, and changes nothing", async () => {
      const foreign = otherTable.id;
      const requests: Array<[HttpMethod, string, unknown?]> = [
        ['GET', tableUrl(baseId, foreign)],
        ['GET', tableUrl(baseId, foreign, '/fields')],
        ['GET', tableUrl(baseId, foreign, '/views')],
        ['GET', tableUrl(baseId, foreign, '/records')],
        ['POST', tableUrl(baseId, foreign, '/records/query'), {}],
        ['GET', tableUrl(baseId, foreign, `/records/${otherRecordId}`)],
        ['GET', tableUrl(baseId, foreign, `/records/${otherRecordId}/history`)],
        ['POST', tableUrl(baseId, foreign, '/records'), { fields: { Title: 'injected' } }],
        ['PATCH', tableUrl(baseId, foreign, `/records/${otherRecordId}`), { fields: { Title: 'hijacked' } }],
        ['PATCH', tableUrl(baseId, foreign, '/records'), { records: [{ id: otherRecordId, fields: { Title: 'hijacked' } }] }],
        ['DELETE', tableUrl(baseId, foreign, `/records/${otherRecordId}`)],
        ['DELETE', tableUrl(baseId, foreign, `/records?records=${otherRecordId}`)],
        ['PATCH', tableUrl(baseId, foreign), { name: 'Hijacked' }],
        ['DELETE', tableUrl(baseId, foreign)],
        ['POST', tableUrl(baseId, foreign, '/fields'), { name: 'Injected', type: 'singleLineText' }],
        ['PATCH', tableUrl(baseId, foreign, `/fields/${otherTable.primaryFieldId}`), { name: 'Hijacked' }],
        ['DELETE', tableUrl(baseId, foreign, `/fields/${otherTable.primaryFieldId}`)],
        ['POST', tableUrl(baseId, foreign, '/views'), { name: 'Injected' }],
        ['PATCH', tableUrl(baseId, foreign, `/views/${otherTable.views[0]!.id}`), { name: 'Hijacked' }],
        ['DELETE', tableUrl(baseId, foreign, `/views/${otherTable.views[0]!.id}`)],
        // By name too: another base's table name is not found either.
        ['GET', tableUrl(baseId, encodeURIComponent('Elsewhere'), '/records')],
      ];
      for (const [method, url, payload] of requests) {
        const before = await snapshot();
        const res = await owner.request(method, url, payload);
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
        expect(res.body).not.toContain('foreign');
        expect(await snapshot(), `${method} ${url}`).toBe(before);
      }
    });

    it('answers 404 to a record id of another table, and changes nothing', async () => {
      for (const foreignRecord of [noteId, otherRecordId]) {
        const requests: Array<[HttpMethod, string, unknown?]> = [
          ['GET', p(`/records/${foreignRecord}`)],
          ['GET', p(`/records/${foreignRecord}/history`)],
          ['PATCH', p(`/records/${foreignRecord}`), { fields: { Name: 'hijacked' } }],
          ['PATCH', p('/records'), { records: [{ id: recordId, fields: { Name: 'partly' } }, { id: foreignRecord, fields: { Name: 'hijacked' } }] }],
          ['DELETE', p(`/records/${foreignRecord}`)],
          ['DELETE', p(`/records?records=${recordId}&records=${foreignRecord}`)],
        ];
        for (const [method, url, payload] of requests) {
          const before = await snapshot();
          const res = await owner.request(method, url, payload);
          expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
          expect(res.json().error.code).toBe('NOT_FOUND');
          expect(res.body).not.toMatch(/note|foreign/);
          expect(await snapshot(), `${method} ${url}`).toBe(before);
        }
      }
    });

    it("refuses creating a record with another table's record id as its client id without touching that record", async () => {
      const before = await snapshot();
      const res = await owner.request('POST', p('/records'), { records: [{ id: noteId, fields: { Name: 'collide' } }] });
      const after = await snapshot();
      // Either refused, or created as a new record of Patients — never the Notes record returned or changed.
      if (res.statusCode === 200) {
        expect(res.json().records[0].fields).toMatchObject({ Name: 'collide' });
        expect(after).not.toBe(before);
      } else {
        expect([400, 404, 409]).toContain(res.statusCode);
        expect(after).toBe(before);
      }
      expect(res.body).not.toContain('"Summary"');
      const note = (await owner.request('GET', tableUrl(baseId, notes.id, `/records/${noteId}`))).json();
      expect(note.fields).toEqual({ Summary: 'note' });
    });

    it('answers 404 to a view id of another table, and changes nothing', async () => {
      const foreignViews = [notes.views[0]!.id, otherTable.views[0]!.id];
      for (const foreignView of foreignViews) {
        const requests: Array<[HttpMethod, string, unknown?]> = [
          ['GET', p(`/views/${foreignView}`)],
          ['PATCH', p(`/views/${foreignView}`), { name: 'Hijacked' }],
          ['DELETE', p(`/views/${foreignView}`)],
          ['GET', p(`/records?view=${foreignView}`)],
          ['POST', p('/records/query'), { view: foreignView }],
          ['PATCH', p(`/views/${secondViewId}`), { move: { before: foreignView } }],
        ];
        for (const [method, url, payload] of requests) {
          const before = await snapshot();
          const res = await owner.request(method, url, payload);
          expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
          expect(await snapshot(), `${method} ${url}`).toBe(before);
        }
      }
    });

    it('refuses a field id of another table (400 or 404), in the URL, the body and queries, and changes nothing', async () => {
      const foreignFields = [fieldNamed(notes, 'Summary').id, fieldNamed(otherTable, 'Title').id];
      for (const foreignField of foreignFields) {
        const filter = encodeURIComponent(JSON.stringify({ conjunction: 'and', conditions: [{ field: foreignField, operator: 'isNotEmpty' }] }));
        const sort = encodeURIComponent(JSON.stringify([{ field: foreignField, direction: 'asc' }]));
        const requests: Array<[HttpMethod, string, unknown?]> = [
          ['PATCH', p(`/fields/${foreignField}`), { name: 'Hijacked' }],
          ['DELETE', p(`/fields/${foreignField}`)],
          ['PATCH', p(`/fields/${fieldNamed(patients, 'Phone').id}`), { move: { before: foreignField } }],
          ['POST', p('/records'), { fields: { Name: 'x', [foreignField]: 'injected' } }],
          ['PATCH', p(`/records/${recordId}`), { fields: { [foreignField]: 'injected' } }],
          ['GET', p(`/records?filter=${filter}`)],
          ['GET', p(`/records?sort=${sort}`)],
          ['GET', p(`/records?fields=${foreignField}`)],
          ['POST', p('/views'), { name: 'Injected', config: { hiddenFieldIds: [foreignField] } }],
          ['PATCH', p(`/views/${secondViewId}`), { config: { sorts: [{ field: foreignField, direction: 'asc' }] } }],
        ];
        for (const [method, url, payload] of requests) {
          const before = await snapshot();
          const res = await owner.request(method, url, payload);
          expect([400, 404], `${method} ${url}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
          expect(['UNKNOWN_FIELD', 'NOT_FOUND']).toContain(res.json().error.code);
          expect(await snapshot(), `${method} ${url}`).toBe(before);
        }
      }
    });

    it('refuses moving a table before a table of another base (404) and keeps the order', async () => {
      const before = await snapshot();
      const res = await owner.request('PATCH', p(''), { move: { before: otherTable.id } });
      expect(res.statusCode).toBe(404);
      expect(await snapshot()).toBe(before);
    });
  });
});

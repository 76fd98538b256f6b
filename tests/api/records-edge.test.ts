/**
 * The records API at its edges: exact field keys (A3.3), concurrent edits of one record (A9.1),
 * idempotent creates with client ids (A9.3), typecast and its strict twin, batch, body, depth
 * and page limits (A12.2, A12.3), no stored values in error bodies (A7.6), paging, key modes
 * and the single-record shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type HttpMethod, type InjectResponse, type SignedIn, type TestApp } from '../support/app';
import { createRecords, createTable, fieldNamed, historyOf, listAll, recordSnapshot, tableUrl, type ApiRecord, type ApiTable } from './data-helpers';

const canary = 'CANARY-7731';

/** `depth` nested arrays around a value, as JSON text. */
function nestedJson(depth: number, inner = '1'): string {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

describeEachDialect('records API edges', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;
  let table: ApiTable;
  const url = (path: string) => tableUrl(baseId, table.id, path);
  const rowCount = async () => (await listAll(owner, baseId, table.id)).length;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner({ name: 'Dr Owner', email: `owner-${dialect}@clinic.test` });
    baseId = (await t.createBase(owner, 'Clinic', 'Asia/Shanghai')).id;
    table = await createTable(owner, baseId, 'Patients', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Phone', type: 'phone' },
      { name: 'Allergies', type: 'longText' },
      { name: 'Fee', type: 'number', options: { precision: 2 } },
      { name: 'Visit', type: 'date' },
      { name: 'Channel', type: 'singleSelect', options: { choices: [{ name: 'Phone' }, { name: 'Walk-in' }] } },
      { name: 'Doctor', type: 'person', options: { multiple: false } },
      { name: 'Stars', type: 'rating', options: { max: 5 } },
      { name: 'Café', type: 'singleLineText' },
      { name: 'No.', type: 'autoNumber' },
    ]);
  });
  afterAll(async () => t.cleanup());

  // ── A3.3: identifiers match exactly ───────────────────────────────────────────────────────

  describe('exact field keys (A3.3)', () => {
    let recordId: string;
    let variants: string[];
    const nonexistent = 'Nonexistent';

    beforeAll(async () => {
      [{ id: recordId }] = (await createRecords(owner, baseId, table.id, [{ Name: 'Keys', Phone: '+86 100', Café: 'latte' }])) as [ApiRecord];
      const phoneId = fieldNamed(table, 'Phone').id;
      variants = [
        'Phone ',
        ' Phone',
        'Phone\n',
        'Phone\t',
        'phone',
        'PHONE',
        '\u0420hone', // Cyrillic capital Er
        '\uff30hone', // full-width P
        'Phone\u200b', // zero-width space
        '"Phone"',
        "'Phone'",
        '`Phone`',
        'Cafe\u0301', // "Café" decomposed (NFD)
        `${phoneId} `,
        `${phoneId}\n`,
        phoneId.toUpperCase(),
      ];
    });

    /** The error body with the key replaced by a placeholder, wherever it appears. */
    function shapeOf(res: InjectResponse, key: string): unknown {
      const escaped = JSON.stringify(key).slice(1, -1);
      return JSON.parse(res.body.split(escaped).join('<KEY>'));
    }

    const places: Array<{ name: string; request: (key: string, recordId: string) => [HttpMethod, string, unknown?] }> = [
      { name: 'create', request: (key) => ['POST', url('/records'), { records: [{ fields: { Name: 'n', [key]: '+86 200' } }] }] },
      { name: 'single create', request: (key) => ['POST', url('/records'), { fields: { [key]: '+86 200' } }] },
      { name: 'update', request: (key, id) => ['PATCH', url('/records'), { records: [{ id, fields: { [key]: '+86 300' } }] }] },
      { name: 'single update', request: (key, id) => ['PATCH', url(`/records/${id}`), { fields: { [key]: '+86 300' } }] },
      { name: 'fields=', request: (key) => ['GET', url(`/records?fields=${encodeURIComponent(key)}`)] },
      { name: 'fields in a query body', request: (key) => ['POST', url('/records/query'), { fields: ['Name', key] }] },
      {
        name: 'filter',
        request: (key) => ['GET', url(`/records?filter=${encodeURIComponent(JSON.stringify({ conjunction: 'and', conditions: [{ field: key, operator: 'isNotEmpty' }] }))}`)],
      },
      { name: 'sort', request: (key) => ['GET', url(`/records?sort=${encodeURIComponent(JSON.stringify([{ field: key, direction: 'asc' }]))}`)] },
      { name: 'sort in a query body', request: (key) => ['POST', url('/records/query'), { sort: [{ field: key, direction: 'desc' }] }] },
    ];

    for (const place of places) {
      it(`answers every look-alike key in ${place.name} exactly like a nonexistent field, changing nothing`, async () => {
        const before = await recordSnapshot(owner, baseId, table.id, recordId);
        const count = await rowCount();
        const [method, path, payload] = place.request(nonexistent, recordId);
        const reference = await owner.request(method, path, payload);
        expect(reference.statusCode).toBe(400);
        expect(reference.json().error).toMatchObject({ code: 'UNKNOWN_FIELD', message: `Unknown field "${nonexistent}"`, details: { field: nonexistent } });
        expect(reference.json().error.details.path).toEqual(expect.any(String));
        const expected = shapeOf(reference, nonexistent);
        for (const key of variants) {
          const [m, p, body] = place.request(key, recordId);
          const res = await owner.request(m, p, body);
          expect(res.statusCode, JSON.stringify(key)).toBe(400);
          expect(shapeOf(res, key), JSON.stringify(key)).toEqual(expected);
        }
        expect(await recordSnapshot(owner, baseId, table.id, recordId)).toBe(before);
        expect(await rowCount()).toBe(count);
      });
    }

    it('matches table and view names in the URL exactly too (404 for look-alikes)', async () => {
      const view = table.views[0]!;
      expect((await owner.request('GET', tableUrl(baseId, encodeURIComponent('Patients'), '/records?pageSize=1'))).statusCode).toBe(200);
      expect((await owner.request('GET', url(`/records?pageSize=1&view=${encodeURIComponent(view.name)}`))).statusCode).toBe(200);
      for (const variant of ['Patients ', ' Patients', 'patients', 'Patients\n', '\u0420atients', '"Patients"', `${table.id} `, table.id.toUpperCase()]) {
        const res = await owner.request('GET', tableUrl(baseId, encodeURIComponent(variant), '/records'));
        expect(res.statusCode, JSON.stringify(variant)).toBe(404);
        expect(res.json().error.code).toBe('NOT_FOUND');
      }
      for (const variant of [`${view.name} `, view.name.toLowerCase(), `${view.id}\n`, view.id.toUpperCase()]) {
        const res = await owner.request('GET', url(`/records?view=${encodeURIComponent(variant)}`));
        expect(res.statusCode, JSON.stringify(variant)).toBe(404);
      }
    });

    it('still finds the exact name and the exact id', async () => {
      const phoneId = fieldNamed(table, 'Phone').id;
      const byName = await owner.request('PATCH', url(`/records/${recordId}`), { fields: { Phone: '+86 401' } });
      expect(byName.statusCode).toBe(200);
      const byId = await owner.request('PATCH', url(`/records/${recordId}`), { fields: { [phoneId]: '+86 402' } });
      expect(byId.json().fields.Phone).toBe('+86 402');
      const byNfc = await owner.request('PATCH', url(`/records/${recordId}`), { fields: { 'Café': 'mocha' } });
      expect(byNfc.json().fields['Café']).toBe('mocha');
    });
  });

  // ── A9.1 and A9.3: concurrency ────────────────────────────────────────────────────────────

  describe('concurrent edits and retries', () => {
    it('keeps both edits of 200 concurrent pairs PATCH {Phone} / PATCH {Allergies} on one record, with both in history', async () => {
      const [{ id }] = (await createRecords(owner, baseId, table.id, [{ Name: 'Busy', Phone: '+86 000', Allergies: 'none' }])) as [ApiRecord];
      const pairs = 200;
      const failures: string[] = [];
      for (let i = 0; i < pairs; i++) {
        const phone = `+86 555 ${i}`;
        const allergies = `allergy ${i}`;
        const [a, b] = await Promise.all([
          owner.request('PATCH', url(`/records/${id}`), { fields: { Phone: phone } }),
          owner.request('PATCH', url(`/records/${id}`), { fields: { Allergies: allergies } }),
        ]);
        if (a.statusCode !== 200 || b.statusCode !== 200) failures.push(`${i}: ${a.statusCode} ${b.statusCode} ${a.body} ${b.body}`);
        const now = (await owner.request('GET', url(`/records/${id}`))).json().fields;
        if (now.Phone !== phone || now.Allergies !== allergies) failures.push(`${i}: lost an edit: ${JSON.stringify(now)}`);
      }
      expect(failures).toEqual([]);
      const history = await historyOf(owner, baseId, table.id, id);
      const phoneEdits = history.filter((h) => h.action === 'update' && h.field?.name === 'Phone');
      const allergyEdits = history.filter((h) => h.action === 'update' && h.field?.name === 'Allergies');
      expect(phoneEdits).toHaveLength(pairs);
      expect(allergyEdits).toHaveLength(pairs);
      // Each edit's old value is the previous edit's new value: no write was based on a stale read.
      const chain = (edits: typeof phoneEdits) => [...edits].reverse().every((edit, i, all) => i === 0 || edit.oldValue === all[i - 1]!.newValue);
      expect(chain(phoneEdits)).toBe(true);
      expect(chain(allergyEdits)).toBe(true);
    });

    it('answers reads and writes racing a field deletion, a type change or a table deletion without any 5xx', async () => {
      const statuses = new Map<number, number>();
      const schemaChanges = ['delete field', 'change type', 'delete table'] as const;
      for (let round = 0; round < 9; round++) {
        const change = schemaChanges[round % schemaChanges.length]!;
        const racing = await createTable(owner, baseId, `Racing ${round}`, [
          { name: 'Name', type: 'singleLineText' },
          { name: 'Code', type: 'singleLineText' },
          { name: 'Tag', type: 'singleSelect' },
        ]);
        const at = (path: string) => tableUrl(baseId, racing.id, path);
        const code = fieldNamed(racing, 'Code').id;
        const records = await createRecords(owner, baseId, racing.id, Array.from({ length: 4 }, (_, i) => ({ Name: `n${i}`, Code: `${i}` })));
        const schema =
          change === 'delete field'
            ? () => owner.request('DELETE', at(`/fields/${code}`))
            : change === 'change type'
              ? () => owner.request('PATCH', at(`/fields/${code}`), { type: 'number' })
              : () => owner.request('DELETE', at(''));
        const responses = await Promise.all([
          ...records.map((r, i) => owner.request('PATCH', at(`/records/${r.id}`), { fields: { Code: `${i + 10}` }, typecast: true })),
          ...records.map((_, i) => owner.request('POST', at('/records'), { fields: { Name: 'new', Code: `${i}`, Tag: `t${i}` }, typecast: true })),
          ...records.map(() => owner.request('GET', at('/records'))),
          ...records.map((r) => owner.request('GET', at(`/records/${r.id}/history`))),
          schema(),
          ...records.map((r, i) => owner.request('PATCH', at(`/records/${r.id}`), { fields: { Code: `${i + 20}`, Tag: `u${i}` }, typecast: true })),
          ...records.map((r) => owner.request('DELETE', at(`/records/${r.id}`))),
          ...records.map((r) => owner.request('GET', at(`/records/${r.id}`))),
        ]);
        for (const res of responses) {
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, `${change}: ${res.body}`).toBeLessThan(500);
        }
        // What is left is coherent: a number field holds numbers; a deleted field or table is gone.
        if (change === 'delete table') {
          expect((await owner.request('GET', at('/records'))).statusCode).toBe(404);
        } else {
          const left = await listAll(owner, baseId, racing.id);
          for (const record of left) {
            if (change === 'delete field') expect(record.fields).not.toHaveProperty('Code');
            else if (record.fields.Code !== undefined) expect(typeof record.fields.Code).toBe('number');
          }
        }
      }
      expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    });

    it('creates a record with a client id once: create, update, retried create → one row, the update kept, 200 with the current record', async () => {
      const clientIdValid = 'rec_clientid000000a1';
      const create = { records: [{ id: clientIdValid, fields: { Name: 'Idem', Phone: '+86 1' } }] };
      const count = await rowCount();
      const first = await owner.request('POST', url('/records'), create);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().records[0]).toMatchObject({ id: clientIdValid, fields: { Name: 'Idem', Phone: '+86 1' } });
      const updated = await owner.request('PATCH', url(`/records/${clientIdValid}`), { fields: { Phone: '+86 2' } });
      expect(updated.statusCode).toBe(200);
      const retry = await owner.request('POST', url('/records'), create);
      expect(retry.statusCode).toBe(200);
      expect(retry.json().records).toEqual([updated.json()]);
      expect(await rowCount()).toBe(count + 1);
      const history = await historyOf(owner, baseId, table.id, clientIdValid);
      expect(history.filter((h) => h.action === 'create' && h.field === null)).toHaveLength(1);
    });

    it('creates one row when the same client id is sent by concurrent requests', async () => {
      const clientId = 'rec_concurrent00000b';
      const count = await rowCount();
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => owner.request('POST', url('/records'), { records: [{ id: clientId, fields: { Name: 'Race' } }] })),
      );
      for (const res of responses) expect(res.statusCode, res.body).toBe(200);
      expect(await rowCount()).toBe(count + 1);
      const history = await historyOf(owner, baseId, table.id, clientId);
      expect(history.filter((h) => h.action === 'create' && h.field === null)).toHaveLength(1);
    });

    it('refuses a client id that is not a record id, naming it', async () => {
      const res = await owner.request('POST', url('/records'), { records: [{ id: 'rec_../../x', fields: { Name: 'bad id' } }] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toMatchObject({ record: 'rec_../../x' });
    });
  });

  // ── typecast ──────────────────────────────────────────────────────────────────────────────

  describe('typecast', () => {
    it('reads loose text: "1,234.5" as a number, "2026年3月5日" as a date, an email as a person, and adds a new choice once per batch', async () => {
      const res = await owner.request('POST', url('/records'), {
        typecast: true,
        records: [
          { fields: { Name: 'Loose 1', Fee: '1,234.5', Visit: '2026年3月5日', Channel: 'Referral', Doctor: owner.user.email.toUpperCase() } },
          { fields: { Name: 'Loose 2', Fee: '¥2,000', Visit: '2026/3/6', Channel: 'Referral' } },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      const [one, two] = res.json().records as ApiRecord[];
      expect(one!.fields).toMatchObject({ Fee: 1234.5, Visit: '2026-03-05', Channel: 'Referral', Doctor: [{ id: owner.user.id, name: owner.user.name, email: owner.user.email }] });
      expect(two!.fields).toMatchObject({ Fee: 2000, Visit: '2026-03-06', Channel: 'Referral' });
      const channel = (await owner.request('GET', url(''))).json().fields.find((f: { name: string }) => f.name === 'Channel');
      expect(channel.options.choices.map((c: { name: string }) => c.name)).toEqual(['Phone', 'Walk-in', 'Referral']);
    });

    it('keeps every choice added by concurrent typecast writes to one select field', async () => {
      const writers = 12;
      const responses = await Promise.all(
        Array.from({ length: writers }, (_, i) =>
          owner.request('POST', url('/records'), { typecast: true, records: [{ fields: { Name: `Concurrent ${i}`, Channel: `Source ${i}` } }] }),
        ),
      );
      for (const res of responses) expect(res.statusCode, res.body).toBe(200);
      const channel = (await owner.request('GET', url(''))).json().fields.find((f: { name: string }) => f.name === 'Channel');
      const names: string[] = channel.options.choices.map((c: { name: string }) => c.name);
      for (let i = 0; i < writers; i++) expect(names).toContain(`Source ${i}`);
      expect(new Set(names).size).toBe(names.length);
      expect(new Set(channel.options.choices.map((c: { id: string }) => c.id)).size).toBe(names.length);
    });

    it('refuses the same loose input without typecast, naming record, field and path, and writes nothing', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ Fee: '1,234.5' }, 'Fee'],
        [{ Visit: '2026年3月5日' }, 'Visit'],
        [{ Channel: 'Brand new choice' }, 'Channel'],
        [{ Doctor: owner.user.email }, 'Doctor'],
      ];
      const count = await rowCount();
      const fieldsBefore = (await owner.request('GET', url('/fields'))).body;
      for (const [fields, field] of cases) {
        const res = await owner.request('POST', url('/records'), { records: [{ fields: { Name: 'fine' } }, { fields: { Name: 'strict', ...fields } }] });
        expect(res.statusCode, field).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'INVALID_CELL_VALUE', details: { record: 1, field, path: `records[1].fields.${field}` } });
        expect(res.json().error.message).toContain(`"${field}"`);
        expect(res.json().error.message).toContain('records[1]');
      }
      expect(await rowCount()).toBe(count);
      expect((await owner.request('GET', url('/fields'))).body).toBe(fieldsBefore);
    });

    it('adds no choice when a typecast batch fails on a later record', async () => {
      const fieldsBefore = (await owner.request('GET', url('/fields'))).body;
      const res = await owner.request('POST', url('/records'), {
        typecast: true,
        records: [{ fields: { Channel: 'Never saved' } }, { fields: { Stars: 9 } }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toMatchObject({ record: 1, field: 'Stars' });
      expect((await owner.request('GET', url('/fields'))).body).toBe(fieldsBefore);
    });
  });

  // ── limits ────────────────────────────────────────────────────────────────────────────────

  describe('limits', () => {
    it('refuses a batch of more than 1000 records (create, update, delete) with 400', async () => {
      const count = await rowCount();
      const create = await owner.request('POST', url('/records'), { records: Array.from({ length: 1001 }, (_, i) => ({ fields: { Name: `n${i}` } })) });
      expect(create.statusCode).toBe(400);
      expect(create.json().error.details.path).toBe('body.records');
      const update = await owner.request('PATCH', url('/records'), {
        records: Array.from({ length: 1001 }, (_, i) => ({ id: `rec_${String(i).padStart(16, '0')}`, fields: {} })),
      });
      expect(update.statusCode).toBe(400);
      const ids = Array.from({ length: 1001 }, (_, i) => `records=rec_${String(i).padStart(16, '0')}`).join('&');
      const remove = await owner.request('DELETE', url(`/records?${ids}`));
      expect(remove.statusCode).toBe(400);
      expect(await rowCount()).toBe(count);
    });

    it('refuses a body over 1 MiB with 413 and writes nothing', async () => {
      const count = await rowCount();
      const res = await owner.request('POST', url('/records'), { records: [{ fields: { Name: 'huge', Allergies: 'x'.repeat(1_100_000) } }] });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await rowCount()).toBe(count);
    });

    it('refuses JSON nested deeper than 32 in a body and in the filter parameter with JSON_TOO_DEEP', async () => {
      const count = await rowCount();
      const deepCell = `{"records":[{"fields":{"Name":${nestedJson(40, '"x"')}}}]}`;
      const body = await t.app.inject({ method: 'POST', url: url('/records'), headers: { ...owner.headers, 'content-type': 'application/json' }, payload: deepCell });
      expect(body.statusCode).toBe(400);
      expect(body.json().error).toMatchObject({ code: 'JSON_TOO_DEEP', details: { path: 'body' } });

      const veryDeep = await t.app.inject({
        method: 'POST',
        url: url('/records/query'),
        headers: { ...owner.headers, 'content-type': 'application/json' },
        payload: `{"filter":${nestedJson(100_000)}}`,
      });
      expect(veryDeep.statusCode).toBe(400);
      expect(veryDeep.json().error.code).toBe('JSON_TOO_DEEP');

      let filter = '{"field":"Name","operator":"isNotEmpty"}';
      for (let i = 0; i < 40; i++) filter = `{"conjunction":"and","conditions":[${filter}]}`;
      const query = await owner.request('GET', url(`/records?filter=${encodeURIComponent(filter)}`));
      expect(query.statusCode).toBe(400);
      expect(query.json().error).toMatchObject({ code: 'JSON_TOO_DEEP', details: { path: 'filter' } });

      const sort = await owner.request('GET', url(`/records?sort=${encodeURIComponent(nestedJson(50_000))}`));
      expect(sort.statusCode).toBe(400);
      expect(sort.json().error).toMatchObject({ code: 'JSON_TOO_DEEP', details: { path: 'sort' } });
      expect(await rowCount()).toBe(count);
    });

    it('refuses pageSize above 1000 with 400, in the query string and a query body', async () => {
      const res = await owner.request('GET', url('/records?pageSize=1001'));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.path).toBe('querystring.pageSize');
      const body = await owner.request('POST', url('/records/query'), { pageSize: 5000 });
      expect(body.statusCode).toBe(400);
      expect(body.json().error.details.path).toBe('body.pageSize');
      expect((await owner.request('GET', url('/records?pageSize=0'))).statusCode).toBe(400);
      expect((await owner.request('GET', url('/records?offset=-1'))).statusCode).toBe(400);
    });
  });

  // ── A7.6: no stored values in error bodies ────────────────────────────────────────────────

  it(`never puts a stored cell value (${canary}) into the body of a failing request about its record`, async () => {
    const [{ id }] = (await createRecords(owner, baseId, table.id, [{ Name: `Patient ${canary}`, Allergies: canary, Phone: '+86 7731' }])) as [ApiRecord];
    const allergies = fieldNamed(table, 'Allergies');
    const filter = (condition: unknown) => encodeURIComponent(JSON.stringify({ conjunction: 'and', conditions: [condition] }));
    const failing: Array<[HttpMethod, string, unknown?]> = [
      ['PATCH', url(`/records/${id}`), { fields: { Stars: 9 } }],
      ['PATCH', url(`/records/${id}`), { fields: { Fee: 'abc' } }],
      ['PATCH', url(`/records/${id}`), { fields: { 'No.': 3 } }],
      ['PATCH', url(`/records/${id}`), { fields: { Allergies: { nested: true } } }],
      ['PATCH', url(`/records/${id}`), { fields: { Allergies: 'x', Nope: 1 } }],
      ['PATCH', url(`/records/${id}`), { fields: { Doctor: 'nobody@nowhere.test' }, typecast: true }],
      ['PATCH', url(`/records/${id}`), { fields: { Channel: ['Phone', 'Walk-in'] }, typecast: true }],
      ['PATCH', url('/records'), { records: [{ id, fields: { Phone: '+86 1' } }, { id: 'rec_0000000000000000', fields: { Phone: '+86 2' } }] }],
      ['PATCH', url('/records'), { records: [{ id, fields: { Allergies: 'changed' } }, { id, fields: { Stars: 'many' } }] }],
      ['POST', url('/records'), { records: [{ id, fields: { Stars: 9 } }] }],
      ['POST', url('/records'), { records: [{ id, fields: { Name: 'a' } }, { id, fields: { Name: 'b' } }] }],
      ['DELETE', url(`/records?records=${id}&records=rec_0000000000000000`)],
      ['GET', url(`/records?filter=${filter({ field: 'Allergies', operator: 'isGreater', value: 1 })}`)],
      ['GET', url(`/records?filter=${filter({ field: 'Allergies', operator: 'contains', value: { x: 1 } })}`)],
      ['GET', url(`/records?sort=${encodeURIComponent(JSON.stringify([{ field: 'Allergies', direction: 'sideways' }]))}`)],
      ['GET', url(`/records/${id}/history?pageSize=0`)],
      ['GET', url(`/records/${id}?returnFieldsByFieldId=maybe`)],
      ['PATCH', url(`/fields/${allergies.id}`), { type: 'rating', options: { max: 99 } }],
      ['PATCH', url(`/fields/${allergies.id}`), { type: 'teleport' }],
      ['POST', url('/views'), { name: 'Broken', config: { filter: { conjunction: 'and', conditions: [{ field: 'Allergies', operator: 'isBefore', value: '2020-01-01' }] } } }],
    ];
    const before = await recordSnapshot(owner, baseId, table.id, id);
    for (const [method, path, payload] of failing) {
      const res = await owner.request(method, path, payload);
      expect(res.statusCode, `${method} ${path} ${JSON.stringify(payload)}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.body, `${method} ${path}`).not.toContain(canary);
      expect(res.body, `${method} ${path}`).not.toMatch(/at .+\.(ts|js):\d+|node_modules|SELECT |INSERT |UPDATE "|\/tmp\//);
    }
    expect(await recordSnapshot(owner, baseId, table.id, id)).toBe(before);
  });

  // ── paging, key modes and shapes ──────────────────────────────────────────────────────────

  describe('paging and shapes', () => {
    let paged: ApiTable;
    const pagedUrl = (path: string) => tableUrl(baseId, paged.id, path);

    beforeAll(async () => {
      paged = await createTable(owner, baseId, 'Paged', [
        { name: 'Name', type: 'singleLineText' },
        { name: 'Rank', type: 'number' },
      ]);
      await createRecords(owner, baseId, paged.id, Array.from({ length: 25 }, (_, i) => ({ Name: `r${String(i).padStart(2, '0')}`, Rank: i })));
    });

    it('pages through every record once, and gives an empty last page without offset past the end', async () => {
      const seen: string[] = [];
      let offset: number | undefined = 0;
      let pages = 0;
      while (offset !== undefined) {
        const page: { records: ApiRecord[]; offset?: number } = (await owner.request('GET', pagedUrl(`/records?pageSize=10&offset=${offset}`))).json();
        seen.push(...page.records.map((r) => String(r.fields.Name)));
        offset = page.offset;
        pages += 1;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `r${String(i).padStart(2, '0')}`));
      const exact = (await owner.request('GET', pagedUrl('/records?pageSize=25'))).json();
      expect(exact.records).toHaveLength(25);
      expect(exact).not.toHaveProperty('offset');
      const past = await owner.request('GET', pagedUrl('/records?pageSize=10&offset=500'));
      expect(past.statusCode).toBe(200);
      expect(past.json()).toEqual({ records: [] });
    });

    it('keys fields by id with returnFieldsByFieldId=true, in list, get, query, create and update', async () => {
      const name = fieldNamed(paged, 'Name').id;
      const rank = fieldNamed(paged, 'Rank').id;
      const list = (await owner.request('GET', pagedUrl('/records?pageSize=1&returnFieldsByFieldId=true'))).json();
      expect(list.records[0].fields).toEqual({ [name]: 'r00', [rank]: 0 });
      const id = list.records[0].id;
      expect((await owner.request('GET', pagedUrl(`/records/${id}?returnFieldsByFieldId=true`))).json().fields).toEqual({ [name]: 'r00', [rank]: 0 });
      const query = (await owner.request('POST', pagedUrl('/records/query'), { pageSize: 1, returnFieldsByFieldId: true })).json();
      expect(Object.keys(query.records[0].fields).sort()).toEqual([name, rank].sort());
      const created = (await owner.request('POST', pagedUrl('/records'), { fields: { Name: 'by id', Rank: 99 }, returnFieldsByFieldId: true })).json();
      expect(created.fields).toEqual({ [name]: 'by id', [rank]: 99 });
      const updated = (await owner.request('PATCH', pagedUrl(`/records/${created.id}`), { fields: { [rank]: 100 }, returnFieldsByFieldId: true })).json();
      expect(updated.fields).toEqual({ [name]: 'by id', [rank]: 100 });
      const byName = (await owner.request('GET', pagedUrl(`/records/${created.id}`))).json();
      expect(byName.fields).toEqual({ Name: 'by id', Rank: 100 });
      await owner.request('DELETE', pagedUrl(`/records/${created.id}`));
    });

    it('answers a single-record create { fields } with the record itself, and refuses both or neither shapes', async () => {
      const res = await owner.request('POST', pagedUrl('/records'), { fields: { Name: 'solo', Rank: 7 } });
      expect(res.statusCode).toBe(200);
      const record = res.json();
      expect(Object.keys(record).sort()).toEqual(['createdTime', 'fields', 'id']);
      expect(record).toMatchObject({ id: expect.stringMatching(/^rec_/), fields: { Name: 'solo', Rank: 7 } });
      expect((await owner.request('GET', pagedUrl(`/records/${record.id}`))).json()).toEqual(record);
      const both = await owner.request('POST', pagedUrl('/records'), { fields: { Name: 'a' }, records: [{ fields: { Name: 'b' } }] });
      expect(both.statusCode).toBe(400);
      const neither = await owner.request('POST', pagedUrl('/records'), { typecast: true });
      expect(neither.statusCode).toBe(400);
      await owner.request('DELETE', pagedUrl(`/records/${record.id}`));
    });

    it('deletes a record named twice in one request once, with one delete in its history', async () => {
      const [{ id }] = (await createRecords(owner, baseId, paged.id, [{ Name: 'twice' }])) as [ApiRecord];
      const res = await owner.request('DELETE', pagedUrl(`/records?records=${id}&records=${id}`));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ records: [{ id, deleted: true }] });
      expect((await owner.request('GET', pagedUrl(`/records/${id}`))).statusCode).toBe(404);
      const history = await historyOf(owner, baseId, paged.id, id);
      expect(history.filter((h) => h.action === 'delete' && h.field === null)).toHaveLength(1);
      expect((await owner.request('DELETE', pagedUrl(`/records/${id}`))).statusCode).toBe(404);
    });

    it('refuses a delete naming no record with 400', async () => {
      const res = await owner.request('DELETE', pagedUrl('/records'));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.path).toBe('records');
    });
  });
});

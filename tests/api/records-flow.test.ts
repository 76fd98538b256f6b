/**
 * The foundation's "done when", through the API as a new user would: owner, base, a table with
 * one field of every stored type, 1,000 records in one call, filter and sort, a text → number
 * type change with its report, an edit and its history — on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';

const everyType = [
  { name: 'Name', type: 'singleLineText' },
  { name: 'Notes', type: 'longText' },
  { name: 'Fee', type: 'number', options: { precision: 2, format: 'currency', currencySymbol: '¥' } },
  { name: 'Stars', type: 'rating', options: { max: 5 } },
  { name: 'Paid', type: 'checkbox' },
  { name: 'Channel', type: 'singleSelect', options: { choices: [{ name: 'Phone' }, { name: 'Walk-in' }] } },
  { name: 'Tags', type: 'multipleSelect', options: { choices: [{ name: 'VIP' }, { name: 'Child' }] } },
  { name: 'Visit', type: 'date', options: { includeTime: true, timeZone: 'Asia/Shanghai' } },
  { name: 'Duration', type: 'duration' },
  { name: 'Phone', type: 'phone' },
  { name: 'Email', type: 'email' },
  { name: 'Site', type: 'url' },
  { name: 'Doctor', type: 'person', options: { multiple: false } },
  { name: 'Scan', type: 'attachment' },
  { name: 'No.', type: 'autoNumber' },
  { name: 'Created', type: 'createdTime' },
  { name: 'Modified', type: 'modifiedTime' },
  { name: 'Created by', type: 'createdBy' },
  { name: 'Modified by', type: 'modifiedBy' },
  { name: 'Code', type: 'singleLineText' },
];

describeEachDialect('records API end to end', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;
  let tableId: string;
  let records: Array<{ id: string; fields: Record<string, unknown> }>;
  const url = (path: string) => `/api/v1/bases/${baseId}/tables/${tableId}${path}`;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner, 'Clinic', 'Asia/Shanghai')).id;
  });
  afterAll(async () => t.cleanup());

  it('creates a table with one field of every stored type', async () => {
    const res = await owner.request('POST', `/api/v1/bases/${baseId}/tables`, { name: 'Visits', fields: everyType });
    expect(res.statusCode).toBe(201);
    const table = res.json();
    tableId = table.id;
    expect(table.fields.map((f: { type: string }) => f.type)).toEqual(everyType.map((f) => f.type));
    expect(table.fields[0].isPrimary).toBe(true);
    expect(table.fields[5].options.choices.map((c: { name: string; color: string }) => [c.name, typeof c.color])).toEqual([
      ['Phone', 'string'],
      ['Walk-in', 'string'],
    ]);
    expect(table.views).toHaveLength(1);
  });

  it('creates 1,000 records in one call', async () => {
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bases/${baseId}/attachments`,
      headers: { ...owner.headers, 'content-type': 'multipart/form-data; boundary=X' },
      payload: Buffer.concat([
        Buffer.from('--X\r\nContent-Disposition: form-data; name="file"; filename="scan.png"\r\nContent-Type: text/html\r\n\r\n'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
        Buffer.from('\r\n--X--\r\n'),
      ]),
    });
    expect(upload.statusCode).toBe(201);
    expect(upload.json().mimeType).toBe('image/png');
    const attachmentId = upload.json().id;

    const batch = Array.from({ length: 1000 }, (_, i) => ({
      fields: {
        Name: `Patient ${String(i).padStart(4, '0')}`,
        Notes: i % 7 === 0 ? 'line one\nline two' : null,
        Fee: i * 1.5,
        Stars: (i % 5) + 1,
        Paid: i % 2 === 0,
        Channel: i % 3 === 0 ? 'Phone' : 'Walk-in',
        Tags: i % 10 === 0 ? ['VIP', 'Child'] : ['Child'],
        Visit: `2026-03-${String((i % 28) + 1).padStart(2, '0')}T09:30:00+08:00`,
        Duration: 1800,
        Phone: '+86 138 0000 0000',
        Email: `p${i}@example.com`,
        Site: 'https://example.com',
        Doctor: owner.user.id,
        Scan: i === 0 ? [{ id: attachmentId }] : null,
        Code: i === 1 ? 'abc' : `${i},${String(i).padStart(3, '0')}.5`,
      },
    }));
    const res = await owner.request('POST', url('/records'), { records: batch });
    expect(res.statusCode).toBe(200);
    records = res.json().records;
    expect(records).toHaveLength(1000);
    expect(records[0]!.id).toMatch(/^rec_/);
    expect(records[0]!.fields['Scan']).toEqual([{ id: attachmentId, name: 'scan.png', size: expect.any(Number), mimeType: 'image/png' }]);
    expect(records[0]!.fields['Doctor']).toEqual([{ id: owner.user.id, name: owner.user.name, email: owner.user.email }]);
    expect(records[0]!.fields['Visit']).toBe('2026-03-01T01:30:00.000Z');
    expect(records[999]!.fields['No.']).toBe(1000);
    expect(records[5]!.fields['Paid']).toBe(false);
    expect(records[5]!.fields['Created by']).toEqual({ id: owner.user.id, name: owner.user.name, email: owner.user.email });
  });

  it('refuses a batch with one bad record and writes none of it', async () => {
    const before = await owner.request('GET', url('/records?pageSize=1&offset=999'));
    const res = await owner.request('POST', url('/records'), {
      records: [{ fields: { Name: 'ok' } }, { fields: { Name: 'bad', Stars: 9 } }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_CELL_VALUE', details: { record: 1, field: 'Stars', path: 'records[1].fields.Stars' } });
    const after = await owner.request('GET', url('/records?pageSize=1&offset=1000'));
    expect(after.json().records).toEqual([]);
    expect(before.json().records).toHaveLength(1);
  });

  it('filters and sorts through the API, with paging', async () => {
    const filter = JSON.stringify({
      conjunction: 'and',
      conditions: [
        { field: 'Channel', operator: 'is', value: 'Phone' },
        { field: 'Tags', operator: 'hasAnyOf', value: ['VIP'] },
      ],
    });
    const sort = JSON.stringify([{ field: 'Fee', direction: 'desc' }]);
    const res = await owner.request('GET', url(`/records?filter=${encodeURIComponent(filter)}&sort=${encodeURIComponent(sort)}&pageSize=10`));
    expect(res.statusCode).toBe(200);
    const page = res.json();
    // i % 3 === 0 and i % 10 === 0 → multiples of 30 below 1000: 34 records.
    expect(page.records).toHaveLength(10);
    expect(page.offset).toBe(10);
    expect(page.records.map((r: { fields: { Fee: number } }) => r.fields.Fee)).toEqual([990, 960, 930, 900, 870, 840, 810, 780, 750, 720].map((i) => i * 1.5));
    const last = await owner.request('GET', url(`/records?filter=${encodeURIComponent(filter)}&pageSize=100&offset=30`));
    expect(last.json().records).toHaveLength(4);
    expect(last.json().offset).toBeUndefined();
  });

  it('answers a filter on an unknown field with 400 naming it', async () => {
    const filter = JSON.stringify({ conjunction: 'and', conditions: [{ field: 'name', operator: 'is', value: 'x' }] });
    const res = await owner.request('GET', url(`/records?filter=${encodeURIComponent(filter)}`));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'UNKNOWN_FIELD', message: 'Unknown field "name"', details: { path: 'filter.conditions[0].field' } });
  });

  it('changes a text field to a number and reports what did not convert', async () => {
    const table = (await owner.request('GET', `/api/v1/bases/${baseId}/tables/${tableId}`)).json();
    const code = table.fields.find((f: { name: string }) => f.name === 'Code');
    const res = await owner.request('PATCH', url(`/fields/${code.id}`), { type: 'number', options: { precision: 1 } });
    expect(res.statusCode).toBe(200);
    const { field, conversion } = res.json();
    expect(field.type).toBe('number');
    expect(conversion.converted).toBe(999);
    expect(conversion.failed).toBe(1);
    expect(conversion.failures).toEqual([{ recordId: records[1]!.id, value: 'abc', reason: expect.any(String) }]);
    const rec = await owner.request('GET', url(`/records/${records[2]!.id}`));
    expect(rec.json().fields.Code).toBe(2002.5); // "2,002.5"
    const lost = await owner.request('GET', url(`/records/${records[1]!.id}/history`));
    expect(lost.json().history[0]).toMatchObject({ field: { name: 'Code' }, oldValue: 'abc', newValue: null });
  });

  it('edits a record and reads its history', async () => {
    const id = records[3]!.id;
    const res = await owner.request('PATCH', url(`/records/${id}`), { fields: { Stars: 5, Channel: 'Referral' }, typecast: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().fields).toMatchObject({ Stars: 5, Channel: 'Referral', Name: 'Patient 0003' });
    const table = (await owner.request('GET', `/api/v1/bases/${baseId}/tables/${tableId}`)).json();
    expect(table.fields.find((f: { name: string }) => f.name === 'Channel').options.choices.map((c: { name: string }) => c.name)).toEqual([
      'Phone',
      'Walk-in',
      'Referral',
    ]);
    const history = (await owner.request('GET', url(`/records/${id}/history`))).json().history;
    const edits = history.filter((h: { action: string }) => h.action === 'update');
    expect(edits.map((h: { field: { name: string }; oldValue: unknown; newValue: unknown }) => [h.field.name, h.oldValue, h.newValue]).sort()).toEqual([
      ['Channel', 'Phone', 'Referral'],
      ['Stars', 4, 5],
    ]);
    expect(edits[0]).toMatchObject({ actor: { id: owner.user.id }, source: 'web' });
    expect(history.at(-1)).toMatchObject({ action: 'create', field: null });
  });

  it('lists every value a record was created with in its history, one entry each, page after page', async () => {
    const record = records[10]!;
    const history = (await owner.request('GET', url(`/records/${record.id}/history`))).json().history;
    const created = history.filter((h: { action: string; field: unknown }) => h.action === 'create' && h.field !== null);
    const stored = ['Name', 'Fee', 'Stars', 'Paid', 'Channel', 'Tags', 'Visit', 'Duration', 'Phone', 'Email', 'Site', 'Doctor', 'Code'];
    expect(created.map((h: { field: { name: string } }) => h.field.name).sort()).toEqual([...stored].sort());
    for (const entry of created) expect(entry).toMatchObject({ oldValue: null, actor: { id: owner.user.id }, source: 'web' });
    const valueOf = (name: string) => created.find((h: { field: { name: string } }) => h.field.name === name).newValue;
    // Values as they were stored then (the canonical form: a person is its user id; Code was still text).
    expect([valueOf('Name'), valueOf('Fee'), valueOf('Paid'), valueOf('Tags'), valueOf('Doctor'), valueOf('Code')]).toEqual([
      'Patient 0010',
      15,
      true,
      ['VIP', 'Child'],
      [owner.user.id],
      '10,010.5',
    ]);
    expect(history.at(-1)).toMatchObject({ action: 'create', field: null, oldValue: null, newValue: null });
    const ids = history.map((h: { id: number }) => h.id);
    expect(new Set(ids).size).toBe(ids.length);

    const paged: unknown[] = [];
    let before: number | undefined;
    do {
      const page = (await owner.request('GET', url(`/records/${record.id}/history?pageSize=4${before === undefined ? '' : `&before=${before}`}`))).json();
      expect(page.history.length).toBeLessThanOrEqual(4);
      paged.push(...page.history);
      before = page.before;
    } while (before !== undefined);
    expect(paged).toEqual(history);
  });

  it('refuses writes to computed and system fields', async () => {
    const res = await owner.request('PATCH', url(`/records/${records[0]!.id}`), { fields: { 'No.': 5 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'READ_ONLY_FIELD', details: { field: 'No.', path: 'fields.No.' } });
  });

  it('deletes records atomically', async () => {
    const ids = [records[10]!.id, records[11]!.id];
    const missing = await owner.request('DELETE', url(`/records?records=${ids[0]}&records=rec_0000000000000000`));
    expect(missing.statusCode).toBe(404);
    expect((await owner.request('GET', url(`/records/${ids[0]}`))).statusCode).toBe(200);
    const res = await owner.request('DELETE', url(`/records?records=${ids[0]}&records=${ids[1]}`));
    expect(res.json().records).toEqual(ids.map((id) => ({ id, deleted: true })));
    expect((await owner.request('GET', url(`/records/${ids[0]}`))).statusCode).toBe(404);
  });
});

/**
 * The schema routes through the API: tables (create with fields, rename, describe, move,
 * delete), fields (add, rename, options, move, delete) and views (CRUD, config validation, what
 * a view does to a record listing) — refusals name the JSON path and write nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';
import { createRecords, createTable, fieldNamed, listAll, tableUrl, type ApiField, type ApiTable, type ApiView } from './data-helpers';

describeEachDialect('schema routes', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;
  const tablesUrl = () => `/api/v1/bases/${baseId}/tables`;
  const tableList = async () => (await owner.request('GET', tablesUrl())).body;
  const physicalColumns = (tableId: string) => t.database.dialect.listColumns(t.database.db, `t_${tableId}`);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner, 'Schema')).id;
  });
  afterAll(async () => t.cleanup());

  // ── Tables ────────────────────────────────────────────────────────────────────────────────

  it('creates a table whose first field is primary, with one grid view and a physical table', async () => {
    const table = await createTable(owner, baseId, 'Patients', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Phone', type: 'phone' },
    ]);
    expect(table.fields.map((f) => [f.name, f.type, f.isPrimary])).toEqual([
      ['Name', 'singleLineText', true],
      ['Phone', 'phone', false],
    ]);
    expect(table.primaryFieldId).toBe(table.fields[0]!.id);
    expect(table.views.map((v) => v.type)).toEqual(['grid']);
    const columns = await physicalColumns(table.id);
    for (const field of table.fields) expect(columns).toContain(`f_${field.id}`);
  });

  it('names the first view as the client asks (its user\'s language), "Grid view" otherwise', async () => {
    const named = await owner.request('POST', tablesUrl(), { name: '随访', firstView: { name: '表格视图' } });
    expect(named.statusCode).toBe(201);
    expect(named.json().views.map((v: ApiView) => [v.name, v.type])).toEqual([['表格视图', 'grid']]);
    const unnamed = await owner.request('POST', tablesUrl(), { name: 'Follow-ups' });
    expect(unnamed.json().views.map((v: ApiView) => v.name)).toEqual(['Grid view']);
    const before = await tableList();
    const blank = await owner.request('POST', tablesUrl(), { name: 'Blank view', firstView: { name: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details).toMatchObject({ path: 'firstView.name' });
    expect(await tableList()).toBe(before);
  });

  it('refuses an unknown field type naming fields[1].type and writes nothing', async () => {
    const before = await tableList();
    const res = await owner.request('POST', tablesUrl(), {
      name: 'Broken',
      fields: [
        { name: 'Name', type: 'singleLineText' },
        { name: 'Mood', type: 'emotion' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'fields[1].type' } });
    expect(res.json().error.message).toContain('fields[1].type');
    expect(await tableList()).toBe(before);
  });

  it('refuses bad field options naming fields[0].options.choices[1].name and writes nothing', async () => {
    const before = await tableList();
    const res = await owner.request('POST', tablesUrl(), {
      name: 'Broken',
      fields: [{ name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Open' }, { name: '  ' }] } }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_FIELD_OPTIONS', details: { path: 'fields[0].options.choices[1].name' } });
    expect(res.json().error.message).toContain('fields[0].options.choices[1].name');
    expect(await tableList()).toBe(before);
  });

  it('refuses two fields with the same name with 409 and writes nothing', async () => {
    const before = await tableList();
    const res = await owner.request('POST', tablesUrl(), {
      name: 'Broken',
      fields: [
        { name: 'Name', type: 'singleLineText' },
        { name: 'Notes', type: 'longText' },
        { name: 'Notes', type: 'singleLineText' },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'NAME_TAKEN', details: { path: 'fields[2].name' } });
    expect(res.json().error.message).toContain('Notes');
    expect(await tableList()).toBe(before);
  });

  it('refuses a table name already used in the base with 409', async () => {
    const before = await tableList();
    const res = await owner.request('POST', tablesUrl(), { name: 'Patients', fields: [{ name: 'Name', type: 'singleLineText' }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NAME_TAKEN');
    expect(await tableList()).toBe(before);
  });

  it('renames, describes and moves tables', async () => {
    const a = await createTable(owner, baseId, 'Order A', []);
    const b = await createTable(owner, baseId, 'Order B', []);
    const c = await createTable(owner, baseId, 'Order C', []);
    const renamed = await owner.request('PATCH', `${tablesUrl()}/${c.id}`, { name: 'Order Z', description: 'last made', move: { before: a.id } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: c.id, name: 'Order Z', description: 'last made' });
    const order = (await owner.request('GET', tablesUrl())).json().tables.map((table: ApiTable) => table.id);
    expect(order.filter((id: string) => [a.id, b.id, c.id].includes(id))).toEqual([c.id, a.id, b.id]);

    const after = await owner.request('PATCH', `${tablesUrl()}/${a.id}`, { move: { after: b.id } });
    expect(after.statusCode).toBe(200);
    const order2 = (await owner.request('GET', tablesUrl())).json().tables.map((table: ApiTable) => table.id);
    expect(order2.filter((id: string) => [a.id, b.id, c.id].includes(id))).toEqual([c.id, b.id, a.id]);
  });

  it('refuses renaming a table to a name another table has (409) and keeps its name', async () => {
    const table = (await owner.request('GET', `${tablesUrl()}/Order B`)).json();
    const res = await owner.request('PATCH', `${tablesUrl()}/${table.id}`, { name: 'Order Z' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'NAME_TAKEN' });
    expect((await owner.request('GET', `${tablesUrl()}/${table.id}`)).json().name).toBe('Order B');
  });

  it('refuses moving a table before a table of nothing (404) and keeps the order', async () => {
    const before = await tableList();
    const table = (await owner.request('GET', `${tablesUrl()}/Order B`)).json();
    const res = await owner.request('PATCH', `${tablesUrl()}/${table.id}`, { move: { before: 'tbl_0000000000000000' } });
    expect(res.statusCode).toBe(404);
    expect(await tableList()).toBe(before);
  });

  it('deletes a table with its records and its physical table', async () => {
    const table = await createTable(owner, baseId, 'Doomed', [{ name: 'Name', type: 'singleLineText' }]);
    const [record] = await createRecords(owner, baseId, table.id, [{ Name: 'gone soon' }]);
    expect(await physicalColumns(table.id)).not.toEqual([]);
    const res = await owner.request('DELETE', `${tablesUrl()}/${table.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: table.id, deleted: true });
    expect((await owner.request('GET', `${tablesUrl()}/${table.id}`)).statusCode).toBe(404);
    expect((await owner.request('GET', tableUrl(baseId, table.id, `/records/${record!.id}`))).statusCode).toBe(404);
    expect((await owner.request('GET', tableUrl(baseId, table.id, '/records'))).statusCode).toBe(404);
    expect(await physicalColumns(table.id)).toEqual([]);
    const names = (await owner.request('GET', tablesUrl())).json().tables.map((x: ApiTable) => x.name);
    expect(names).not.toContain('Doomed');
    // The name is free again.
    await createTable(owner, baseId, 'Doomed', []);
  });

  // ── Fields ────────────────────────────────────────────────────────────────────────────────

  it('adds, renames, re-describes, changes options of, moves and deletes fields', async () => {
    const table = await createTable(owner, baseId, 'Fielded', [{ name: 'Name', type: 'singleLineText' }]);
    const fieldsUrl = tableUrl(baseId, table.id, '/fields');
    const added = await owner.request('POST', fieldsUrl, { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Open' }] } });
    expect(added.statusCode).toBe(201);
    const status: ApiField = added.json();
    expect(status).toMatchObject({ name: 'Status', type: 'singleSelect', isPrimary: false });
    expect(await physicalColumns(table.id)).toContain(`f_${status.id}`);
    const fee = (await owner.request('POST', fieldsUrl, { name: 'Fee', type: 'number' })).json() as ApiField;

    const renamed = await owner.request('PATCH', `${fieldsUrl}/${status.id}`, { name: 'State', description: 'where it is' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().field).toMatchObject({ id: status.id, name: 'State', description: 'where it is' });

    const options = await owner.request('PATCH', `${fieldsUrl}/${status.id}`, { options: { choices: [{ name: 'Open' }, { name: 'Closed', color: 'red' }] } });
    expect(options.statusCode).toBe(200);
    expect(options.json().field.options.choices.map((c: { name: string; color: string }) => [c.name, c.color])).toEqual([
      ['Open', expect.any(String)],
      ['Closed', 'red'],
    ]);

    const badOptions = await owner.request('PATCH', `${fieldsUrl}/${status.id}`, { options: { choices: [{ name: 'A' }, { name: 'A' }] } });
    expect(badOptions.statusCode).toBe(400);
    expect(badOptions.json().error).toMatchObject({ code: 'INVALID_FIELD_OPTIONS', details: { path: expect.stringMatching(/^body\.options\.choices\[1\]/) } });

    const moved = await owner.request('PATCH', `${fieldsUrl}/${fee.id}`, { move: { before: status.id } });
    expect(moved.statusCode).toBe(200);
    const listed = (await owner.request('GET', fieldsUrl)).json().fields.map((f: ApiField) => f.name);
    expect(listed).toEqual(['Name', 'Fee', 'State']);

    const taken = await owner.request('PATCH', `${fieldsUrl}/${fee.id}`, { name: 'Name' });
    expect(taken.statusCode).toBe(409);
    const takenOnAdd = await owner.request('POST', fieldsUrl, { name: 'State', type: 'singleLineText' });
    expect(takenOnAdd.statusCode).toBe(409);

    const deleted = await owner.request('DELETE', `${fieldsUrl}/${fee.id}`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ id: fee.id, deleted: true });
    expect((await owner.request('GET', fieldsUrl)).json().fields.map((f: ApiField) => f.name)).toEqual(['Name', 'State']);
    expect(await physicalColumns(table.id)).not.toContain(`f_${fee.id}`);
    expect((await owner.request('DELETE', `${fieldsUrl}/${fee.id}`)).statusCode).toBe(400);
  });

  it('refuses deleting the primary field (409) and keeps it', async () => {
    const table = await createTable(owner, baseId, 'Primary kept', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Other', type: 'singleLineText' },
    ]);
    const res = await owner.request('DELETE', tableUrl(baseId, table.id, `/fields/${table.primaryFieldId}`));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('Name');
    const fields = (await owner.request('GET', tableUrl(baseId, table.id, '/fields'))).json().fields;
    expect(fields.map((f: ApiField) => f.id)).toContain(table.primaryFieldId);
    expect(await physicalColumns(table.id)).toContain(`f_${table.primaryFieldId}`);
  });

  it("removes a deleted field from every view's filter, sorts, hidden list, order and widths", async () => {
    const table = await createTable(owner, baseId, 'View cleanup', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Fee', type: 'number' },
      { name: 'Note', type: 'singleLineText' },
    ]);
    const fee = fieldNamed(table, 'Fee');
    const note = fieldNamed(table, 'Note');
    const view = await owner.request('POST', tableUrl(baseId, table.id, '/views'), {
      name: 'Busy',
      config: {
        filter: {
          conjunction: 'and',
          conditions: [
            { field: 'Fee', operator: 'isGreater', value: 1 },
            { field: 'Note', operator: 'contains', value: 'x' },
            { conjunction: 'or', conditions: [{ field: 'Fee', operator: 'isLess', value: 100 }] },
          ],
        },
        sorts: [
          { field: 'Fee', direction: 'desc' },
          { field: 'Note', direction: 'asc' },
        ],
        hiddenFieldIds: ['Fee'],
        fieldOrder: ['Fee', 'Note', 'Name'],
        columnWidths: { Fee: 120, Note: 200 },
      },
    });
    expect(view.statusCode).toBe(201);
    const viewId = view.json().id;
    expect(view.json().config.hiddenFieldIds).toEqual([fee.id]);

    expect((await owner.request('DELETE', tableUrl(baseId, table.id, `/fields/${fee.id}`))).statusCode).toBe(200);
    const config = (await owner.request('GET', tableUrl(baseId, table.id, `/views/${viewId}`))).json().config as ApiView['config'];
    expect(config.filter).toEqual({ conjunction: 'and', conditions: [{ field: note.id, operator: 'contains', value: 'x' }] });
    expect(config.sorts).toEqual([{ field: note.id, direction: 'asc' }]);
    expect(config.hiddenFieldIds).toEqual([]);
    expect(config.fieldOrder).toEqual([note.id, table.primaryFieldId]);
    expect(config.columnWidths).toEqual({ [note.id]: 200 });
    expect(JSON.stringify(config)).not.toContain(fee.id);
    // And the view still lists records.
    expect((await owner.request('GET', tableUrl(baseId, table.id, `/records?view=${viewId}`))).statusCode).toBe(200);
  });

  it("keeps a view's filter working after the field it filters on is renamed", async () => {
    const table = await createTable(owner, baseId, 'Renames', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Open' }, { name: 'Closed' }] } },
    ]);
    await createRecords(owner, baseId, table.id, [
      { Name: 'a', Status: 'Open' },
      { Name: 'b', Status: 'Closed' },
      { Name: 'c', Status: 'Open' },
    ]);
    const view = (
      await owner.request('POST', tableUrl(baseId, table.id, '/views'), {
        name: 'Open only',
        config: { filter: { conjunction: 'and', conditions: [{ field: 'Status', operator: 'is', value: 'Open' }] } },
      })
    ).json() as ApiView;
    const status = fieldNamed(table, 'Status');
    expect((await owner.request('PATCH', tableUrl(baseId, table.id, `/fields/${status.id}`), { name: 'State' })).statusCode).toBe(200);
    const records = await listAll(owner, baseId, table.id, `&view=${view.id}`);
    expect(records.map((r) => r.fields)).toEqual([
      { Name: 'a', State: 'Open' },
      { Name: 'c', State: 'Open' },
    ]);
    // The old name no longer resolves.
    const stale = JSON.stringify({ conjunction: 'and', conditions: [{ field: 'Status', operator: 'is', value: 'Open' }] });
    const res = await owner.request('GET', tableUrl(baseId, table.id, `/records?filter=${encodeURIComponent(stale)}`));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNKNOWN_FIELD');
  });

  it("drops the view conditions a field's new type cannot evaluate, keeps the rest, and the view keeps listing", async () => {
    const table = await createTable(owner, baseId, 'Type changes', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Open' }, { name: 'Closed' }] } },
      { name: 'Fee', type: 'number' },
    ]);
    await createRecords(owner, baseId, table.id, [
      { Name: 'a', Status: 'Open', Fee: 5 },
      { Name: 'b', Status: 'Closed', Fee: 50 },
      { Name: 'c', Status: 'Open', Fee: 500 },
    ]);
    const status = fieldNamed(table, 'Status');
    const fee = fieldNamed(table, 'Fee');
    const view = (
      await owner.request('POST', tableUrl(baseId, table.id, '/views'), {
        name: 'Open and dear',
        config: {
          filter: {
            conjunction: 'and',
            conditions: [
              { field: 'Status', operator: 'is', value: 'Open' },
              { conjunction: 'or', conditions: [{ field: 'Fee', operator: 'isGreater', value: 10 }] },
              { field: 'Name', operator: 'isNotEmpty' },
            ],
          },
          sorts: [
            { field: 'Fee', direction: 'desc' },
            { field: 'Name', direction: 'asc' },
          ],
        },
      })
    ).json() as ApiView;
    const viewUrl = tableUrl(baseId, table.id, `/views/${view.id}`);
    expect((await listAll(owner, baseId, table.id, `&view=${view.id}`)).map((r) => r.fields.Name)).toEqual(['c']);

    // A select becoming a checkbox: "is Open" means nothing to a checkbox.
    expect((await owner.request('PATCH', tableUrl(baseId, table.id, `/fields/${status.id}`), { type: 'checkbox' })).statusCode).toBe(200);
    let config = (await owner.request('GET', viewUrl)).json().config as ApiView['config'];
    expect(config.filter).toEqual({
      conjunction: 'and',
      conditions: [
        { conjunction: 'or', conditions: [{ field: fee.id, operator: 'isGreater', value: 10 }] },
        { field: table.primaryFieldId, operator: 'isNotEmpty' },
      ],
    });
    expect(config.sorts).toEqual([
      { field: fee.id, direction: 'desc' },
      { field: table.primaryFieldId, direction: 'asc' },
    ]);
    expect((await listAll(owner, baseId, table.id, `&view=${view.id}`)).map((r) => r.fields.Name)).toEqual(['c', 'b']);

    // A number becoming an attachment: "is greater than 10" goes; attachments still sort (by JSON text), so the sort stays.
    expect((await owner.request('PATCH', tableUrl(baseId, table.id, `/fields/${fee.id}`), { type: 'attachment' })).statusCode).toBe(200);
    config = (await owner.request('GET', viewUrl)).json().config as ApiView['config'];
    expect(JSON.stringify(config.filter)).not.toContain(fee.id);
    expect(config.filter).toEqual({ conjunction: 'and', conditions: [{ field: table.primaryFieldId, operator: 'isNotEmpty' }] });
    expect(config.sorts).toEqual([
      { field: fee.id, direction: 'desc' },
      { field: table.primaryFieldId, direction: 'asc' },
    ]);
    const listed = await owner.request('GET', tableUrl(baseId, table.id, `/records?view=${view.id}`));
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().records.map((r: { fields: { Name: string } }) => r.fields.Name)).toEqual(['a', 'b', 'c']);
  });

  it('keeps a view listing after a select loses the choice its filter names', async () => {
    const table = await createTable(owner, baseId, 'Choice removal', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Open' }, { name: 'Closed' }] } },
    ]);
    const status = fieldNamed(table, 'Status');
    const view = (
      await owner.request('POST', tableUrl(baseId, table.id, '/views'), {
        name: 'Closed ones',
        config: { filter: { conjunction: 'and', conditions: [{ field: 'Status', operator: 'is', value: 'Closed' }] }, sorts: [{ field: 'Status', direction: 'asc' }] },
      })
    ).json() as ApiView;
    const choices = (status.options.choices as Array<{ id: string; name: string }>).filter((c) => c.name === 'Open');
    expect((await owner.request('PATCH', tableUrl(baseId, table.id, `/fields/${status.id}`), { options: { choices } })).statusCode).toBe(200);
    const listed = await owner.request('GET', tableUrl(baseId, table.id, `/records?view=${view.id}`));
    expect(listed.statusCode, listed.body).toBe(200);
  });

  // ── Views ─────────────────────────────────────────────────────────────────────────────────

  it('creates, reads, renames, reconfigures, moves and deletes views', async () => {
    const table = await createTable(owner, baseId, 'Viewed', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Fee', type: 'number' },
    ]);
    const viewsUrl = tableUrl(baseId, table.id, '/views');
    const first = table.views[0]!;
    const created = await owner.request('POST', viewsUrl, { name: 'By fee', config: { sorts: [{ field: 'Fee', direction: 'desc' }], rowHeight: 'tall' } });
    expect(created.statusCode).toBe(201);
    const view = created.json() as ApiView;
    expect(view).toMatchObject({ name: 'By fee', type: 'grid' });
    expect(view.config).toMatchObject({ sorts: [{ field: fieldNamed(table, 'Fee').id, direction: 'desc' }], rowHeight: 'tall', filter: null });

    const read = await owner.request('GET', `${viewsUrl}/${view.id}`);
    expect(read.json()).toEqual(view);
    const byName = await owner.request('GET', `${viewsUrl}/By fee`);
    expect(byName.json().id).toBe(view.id);

    const patched = await owner.request('PATCH', `${viewsUrl}/${view.id}`, { name: 'Fee first', config: { frozenColumnCount: 2 } });
    expect(patched.statusCode).toBe(200);
    // A partial config keeps the settings it does not name.
    expect(patched.json()).toMatchObject({ name: 'Fee first', config: { frozenColumnCount: 2, rowHeight: 'tall', sorts: view.config.sorts } });

    const moved = await owner.request('PATCH', `${viewsUrl}/${view.id}`, { move: { before: first.id } });
    expect(moved.statusCode).toBe(200);
    expect((await owner.request('GET', viewsUrl)).json().views.map((v: ApiView) => v.id)).toEqual([view.id, first.id]);

    const taken = await owner.request('PATCH', `${viewsUrl}/${view.id}`, { name: first.name });
    expect(taken.statusCode).toBe(409);
    const takenOnCreate = await owner.request('POST', viewsUrl, { name: first.name });
    expect(takenOnCreate.statusCode).toBe(409);

    const deleted = await owner.request('DELETE', `${viewsUrl}/${view.id}`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ id: view.id, deleted: true });
    expect((await owner.request('GET', `${viewsUrl}/${view.id}`)).statusCode).toBe(404);
  });

  it('refuses view configurations naming the JSON path, and saves nothing', async () => {
    const table = await createTable(owner, baseId, 'Config checks', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Fee', type: 'number' },
    ]);
    const viewsUrl = tableUrl(baseId, table.id, '/views');
    const viewId = table.views[0]!.id;
    const before = (await owner.request('GET', viewsUrl)).body;
    const cases: Array<[unknown, string, string]> = [
      [{ sorts: [{ field: 'Nope', direction: 'asc' }] }, 'UNKNOWN_FIELD', 'body.config.sorts[0].field'],
      [{ sorts: [{ field: 'Fee', direction: 'up' }] }, 'INVALID_FILTER', 'body.config.sorts[0].direction'],
      [{ hiddenFieldIds: ['Name'] }, 'VALIDATION_FAILED', 'body.config.hiddenFieldIds'],
      [{ columnWidths: { Fee: 5 } }, 'VALIDATION_FAILED', 'body.config.columnWidths["Fee"]'],
      [{ rowHeight: 'huge' }, 'VALIDATION_FAILED', 'body.config.rowHeight'],
      [{ colour: 'red' }, 'VALIDATION_FAILED', 'body.config.colour'],
      [
        { filter: { conjunction: 'and', conditions: [{ field: 'Fee', operator: 'contains', value: 'x' }] } },
        'INVALID_FILTER',
        'body.config.filter.conditions[0].operator',
      ],
    ];
    for (const [config, code, path] of cases) {
      const created = await owner.request('POST', viewsUrl, { name: 'Bad', config });
      expect(created.statusCode, JSON.stringify(config)).toBe(400);
      expect(created.json().error, JSON.stringify(config)).toMatchObject({ code, details: { path } });
      const patched = await owner.request('PATCH', `${viewsUrl}/${viewId}`, { name: 'Renamed', config });
      expect(patched.statusCode, JSON.stringify(config)).toBe(400);
      expect(patched.json().error.details.path).toBe(path);
    }
    expect((await owner.request('GET', viewsUrl)).body).toBe(before);
  });

  it("refuses deleting a table's last view (409) and keeps it", async () => {
    const table = await createTable(owner, baseId, 'One view', [{ name: 'Name', type: 'singleLineText' }]);
    const res = await owner.request('DELETE', tableUrl(baseId, table.id, `/views/${table.views[0]!.id}`));
    expect(res.statusCode).toBe(409);
    expect((await owner.request('GET', tableUrl(baseId, table.id, '/views'))).json().views).toHaveLength(1);
  });

  it("applies a view's filter, sorts and hidden fields when listing with view=", async () => {
    const table = await createTable(owner, baseId, 'Listing', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Fee', type: 'number' },
      { name: 'Secret', type: 'singleLineText' },
      { name: 'Ward', type: 'singleLineText' },
    ]);
    await createRecords(owner, baseId, table.id, [
      { Name: 'a', Fee: 10, Secret: 's', Ward: 'East' },
      { Name: 'b', Fee: 30, Secret: 's', Ward: 'West' },
      { Name: 'c', Fee: 20, Secret: 's', Ward: 'East' },
      { Name: 'd', Fee: 5, Secret: 's', Ward: 'East' },
      { Name: 'e', Fee: 20, Secret: 's', Ward: 'East' },
    ]);
    const view = (
      await owner.request('POST', tableUrl(baseId, table.id, '/views'), {
        name: 'Expensive',
        config: {
          filter: { conjunction: 'and', conditions: [{ field: 'Fee', operator: 'isGreaterEqual', value: 10 }] },
          sorts: [{ field: 'Fee', direction: 'desc' }],
          hiddenFieldIds: ['Secret'],
          fieldOrder: ['Fee'],
        },
      })
    ).json() as ApiView;
    const records = await listAll(owner, baseId, table.id, `&view=${view.id}`);
    expect(records.map((r) => r.fields.Name)).toEqual(['b', 'c', 'e', 'a']);
    for (const record of records) expect(Object.keys(record.fields)).toEqual(['Fee', 'Name', 'Ward']);

    // The view by name works too, and a request filter narrows it further.
    const narrowed = encodeURIComponent(JSON.stringify({ conjunction: 'and', conditions: [{ field: 'Ward', operator: 'is', value: 'East' }] }));
    const both = await listAll(owner, baseId, table.id, `&view=Expensive&filter=${narrowed}`);
    expect(both.map((r) => r.fields.Name)).toEqual(['c', 'e', 'a']);

    // Request sorts come before the view's: Name desc first, then the view's Fee desc does not matter.
    const byName = encodeURIComponent(JSON.stringify([{ field: 'Name', direction: 'desc' }]));
    const sorted = await listAll(owner, baseId, table.id, `&view=${view.id}&sort=${byName}`);
    expect(sorted.map((r) => r.fields.Name)).toEqual(['e', 'c', 'b', 'a']);

    // Ward asc first, then the view's Fee desc breaks ties.
    const byWard = encodeURIComponent(JSON.stringify([{ field: 'Ward', direction: 'asc' }]));
    const tieBroken = await listAll(owner, baseId, table.id, `&view=${view.id}&sort=${byWard}`);
    expect(tieBroken.map((r) => r.fields.Name)).toEqual(['c', 'e', 'a', 'b']);

    const unknown = await owner.request('GET', tableUrl(baseId, table.id, '/records?view=viw_0000000000000000'));
    expect(unknown.statusCode).toBe(404);
  });
});

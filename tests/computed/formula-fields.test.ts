/**
 * Formula fields through the API, on SQLite and PostgreSQL: creation fills every record,
 * formulas over every stored type, values following record writes, error values in cells,
 * renaming and deleting referenced fields, cycles refused by name, result-kind changes replacing
 * the column, stored ↔ formula type changes, filters and sorts through SQL, read-only writes, no
 * history but `records.recalculated` events, and large tables filled in batches with progress.
 */
import { describe, expect, it } from 'vitest';
import * as store from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { fieldNamed, historyOf } from '../api/data-helpers';
import { useComputedBase } from './computed-helpers';

const thisYearInShanghai = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

describeEachDialect('formula fields', (dialect) => {
  // Fixed batches (no pacing): the progress test below expects batches of exactly 25.
  const app = useComputedBase(dialect, { config: { computedFillBatchSize: 25, computedFillBatchMs: 0 } });

  async function patients() {
    const table = await app.b.table('Patients', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Fee', type: 'number', options: { precision: 2 } },
      { name: 'Visits', type: 'rating' },
      { name: 'Paid', type: 'checkbox' },
      { name: 'Channel', type: 'singleSelect', options: { choices: [{ name: 'Phone' }, { name: '门诊' }] } },
      { name: 'Tags', type: 'multipleSelect', options: { choices: [{ name: 'VIP' }, { name: 'Child' }] } },
      { name: 'Seen', type: 'date', options: { includeTime: true } },
      { name: 'Born', type: 'date' },
      { name: 'Wait', type: 'duration' },
      { name: 'Phone', type: 'phone' },
      { name: 'Email', type: 'email' },
      { name: 'Site', type: 'url' },
      { name: 'Notes', type: 'longText' },
      { name: 'No.', type: 'autoNumber' },
      { name: 'Created', type: 'createdTime' },
    ]);
    const [ann, bob] = await app.b.create(table.id, [
      {
        Name: 'Ann',
        Fee: 120.5,
        Visits: 3,
        Paid: true,
        Channel: '门诊',
        Tags: ['VIP', 'Child'],
        Seen: '2026-03-05T06:30:00.000Z',
        Born: '1990-06-15',
        Wait: 5400,
        Phone: '+86 138 0013 8000',
        Email: 'ann@example.com',
        Site: 'https://example.com/ann',
        Notes: '第一行\n第二行',
      },
      { Name: 'Bob', Fee: 0 },
    ]);
    return { table, ann: ann!.id, bob: bob!.id };
  }

  it('fills every existing record when created, over every stored type, and shows the formula with names', async () => {
    const { table, ann, bob } = await patients();
    const cases: Array<[string, string, unknown, unknown]> = [
      ['Label', '{Name} & " (" & {Channel} & ")"', 'Ann (门诊)', 'Bob ()'],
      ['Double', '{Fee} * 2', 241, 0],
      ['Stars', 'REPT("★", {Visits})', '★★★', undefined],
      ['Paid?', 'IF({Paid}, "yes", "no")', 'yes', 'no'],
      ['Tag list', 'ARRAYJOIN({Tags}, "/")', 'VIP/Child', undefined],
      ['Seen day', 'DATETIME_FORMAT({Seen}, "YYYY-MM-DD HH:mm")', '2026-03-05 14:30', undefined],
      ['Age', 'DATETIME_DIFF("2026-06-15", {Born}, "years")', 36, undefined],
      ['Minutes', '{Wait} / 60', 90, 0],
      ['Digits', 'LEN(SUBSTITUTE({Phone}, " ", ""))', 14, 0],
      ['Domain', 'MID({Email}, FIND("@", {Email}) + 1, 99)', 'example.com', undefined],
      ['Host', 'REGEX_EXTRACT({Site}, "//([^/]+)")', '//example.com', undefined],
      ['Lines', 'LEN({Notes})', 7, 0],
      ['Number', '{No.} * 10', 10, 20],
      ['Year', 'YEAR({Created})', thisYearInShanghai(), thisYearInShanghai()],
    ];
    for (const [name, formula, annValue, bobValue] of cases) {
      const field = await app.b.field(table.id, { name, type: 'formula', options: { formula } });
      expect(field.options.formulaText, name).toBe(formula.replace(/\{No\.\}/, '{No.}'));
      expect(String(field.options.formula), name).toMatch(/\{fld_[0-9a-z]{16}\}/);
      const values = await app.b.values(table.id, name);
      expect(values[ann], name).toEqual(annValue);
      expect(values[bob], name).toEqual(bobValue ?? null);
    }
  });

  it('follows record creation and updates, in the write response', async () => {
    const { table, ann } = await patients();
    await app.b.field(table.id, { name: 'Total', type: 'formula', options: { formula: '{Fee} * {Visits}', precision: 2 } });
    const [created] = await app.b.create(table.id, [{ Name: 'Cy', Fee: 10, Visits: 2 }]);
    expect(created!.fields.Total).toBe(20);
    const updated = await app.b.update(table.id, ann, { Visits: 5 });
    expect(updated.fields.Total).toBe(602.5);
    expect((await app.b.read(table.id, ann)).fields.Total).toBe(602.5);
  });

  it('keeps error values in cells and never fails the request', async () => {
    const { table, ann, bob } = await patients();
    await app.b.field(table.id, { name: 'Ratio', type: 'formula', options: { formula: '100 / {Fee}' } });
    await app.b.field(table.id, { name: 'Next', type: 'formula', options: { formula: '{Ratio} + 1' } });
    const values = await app.b.values(table.id, 'Ratio');
    expect(values[bob]).toEqual({ error: '#DIV/0', reason: expect.any(String) });
    expect(values[ann]).toBeCloseTo(0.8298755);
    expect((await app.b.values(table.id, 'Next'))[bob]).toMatchObject({ error: '#DIV/0' });
    // An error cell is empty to filters and sorts, as in SQL.
    const empty = await app.b.query(table.id, { filter: { conjunction: 'and', conditions: [{ field: 'Ratio', operator: 'isEmpty' }] } });
    expect(empty.map((r) => r.id)).toEqual([bob]);
    const fixed = await app.b.update(table.id, bob, { Fee: 50 });
    expect(fixed.fields).toMatchObject({ Ratio: 2, Next: 3 });
  });

  it('refuses writing a formula cell with READ_ONLY_FIELD', async () => {
    const { table, ann } = await patients();
    await app.b.field(table.id, { name: 'Double', type: 'formula', options: { formula: '{Fee} * 2' } });
    const response = await app.b.request('PATCH', `/tables/${table.id}/records/${ann}`, { fields: { Double: 1 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('READ_ONLY_FIELD');
  });

  it('refuses syntax and type errors naming the position, and unknown fields', async () => {
    const { table } = await patients();
    const syntax = await app.b.request('POST', `/tables/${table.id}/fields`, { name: 'Bad', type: 'formula', options: { formula: '{Fee} * (2' } });
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().error).toMatchObject({ code: 'INVALID_FORMULA', details: { position: expect.any(Number) } });
    expect(syntax.json().error.message).toMatch(/at character \d+/);
    const typed = await app.b.request('POST', `/tables/${table.id}/fields`, { name: 'Bad', type: 'formula', options: { formula: '{Seen} * 2' } });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.message).toMatch(/date/);
    const unknown = await app.b.request('POST', `/tables/${table.id}/fields`, { name: 'Bad', type: 'formula', options: { formula: '{Nobody} + 1' } });
    expect(unknown.json().error.message).toMatch(/Unknown field \{Nobody\}/);
    expect((await app.b.fields(table.id)).some((field) => field.name === 'Bad')).toBe(false);
  });

  it('refuses a cycle and names it', async () => {
    const { table } = await patients();
    const a = await app.b.field(table.id, { name: 'A', type: 'formula', options: { formula: '{Fee} + 1' } });
    await app.b.field(table.id, { name: 'B', type: 'formula', options: { formula: '{A} * 2' } });
    const cycle = await app.b.request('PATCH', `/tables/${table.id}/fields/${a.id}`, { options: { formula: '{B} + 1' } });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toMatch(/circular reference: (A → B → A|B → A → B)/);
    const self = await app.b.request('POST', `/tables/${table.id}/fields`, { name: 'Self', type: 'formula', options: { formula: '{Self} + 1' } });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.message).toMatch(/circular reference: Self → Self/);
  });

  it('keeps working when a referenced field is renamed, and shows the new name', async () => {
    const { table, ann } = await patients();
    const fee = fieldNamed(await (await app.b.request('GET', `/tables/${table.id}`)).json(), 'Fee');
    await app.b.field(table.id, { name: 'Double', type: 'formula', options: { formula: '{Fee} * 2' } });
    await app.b.patchField(table.id, fee.id, { name: '费用' });
    expect((await app.b.fieldNamed(table.id, 'Double')).options.formulaText).toBe('{费用} * 2');
    expect((await app.b.update(table.id, ann, { 费用: 7 })).fields.Double).toBe(14);
  });

  it('turns cells into error values when a referenced field is deleted, and recovers when the formula is fixed', async () => {
    const { table, ann } = await patients();
    const fee = await app.b.fieldNamed(table.id, 'Fee');
    await app.b.field(table.id, { name: 'Double', type: 'formula', options: { formula: '{Fee} * 2' } });
    await app.b.field(table.id, { name: 'Quad', type: 'formula', options: { formula: '{Double} * 2' } });
    await app.b.deleteField(table.id, fee.id);
    const double = await app.b.fieldNamed(table.id, 'Double');
    expect(double.options.formulaText).toBe(`{${fee.id}} * 2`);
    expect((await app.b.read(table.id, ann)).fields).toMatchObject({
      Double: { error: '#ERROR', reason: expect.stringContaining(fee.id) },
      Quad: { error: '#ERROR' },
    });
    await app.b.patchField(table.id, double.id, { options: { formula: '{Visits} * 2' } });
    expect((await app.b.read(table.id, ann)).fields).toMatchObject({ Double: 6, Quad: 12 });
  });

  it('replaces the column when the result kind changes, and filters by the new kind in SQL', async () => {
    const { table, ann, bob } = await patients();
    const shown = await app.b.field(table.id, { name: 'Shown', type: 'formula', options: { formula: '{Fee} & ""' } });
    expect(shown.options.resultKind).toBe('text');
    const asNumber = await app.b.patchField(table.id, shown.id, { options: { formula: '{Fee} + 1' } });
    expect(asNumber.options.resultKind).toBe('number');
    const over = await app.b.query(table.id, { filter: { conjunction: 'and', conditions: [{ field: 'Shown', operator: 'isGreater', value: 100 }] } });
    expect(over.map((r) => r.id)).toEqual([ann]);
    const sorted = await app.b.query(table.id, { sort: [{ field: 'Shown', direction: 'asc' }] });
    expect(sorted.map((r) => r.id)).toEqual([bob, ann]);
  });

  it('follows a referenced field whose type changes', async () => {
    const { table, ann } = await patients();
    const code = await app.b.field(table.id, { name: 'Code', type: 'singleLineText' });
    await app.b.update(table.id, ann, { Code: '41' });
    const next = await app.b.field(table.id, { name: 'Next', type: 'formula', options: { formula: '{Code}' } });
    expect(next.options.resultKind).toBe('text');
    await app.b.patchField(table.id, code.id, { type: 'number' });
    expect((await app.b.fieldNamed(table.id, 'Next')).options.resultKind).toBe('number');
    expect((await app.b.read(table.id, ann)).fields.Next).toBe(41);
  });

  it('turns a stored field into a formula and back, reporting the replaced values', async () => {
    const { table, ann } = await patients();
    const notes = await app.b.fieldNamed(table.id, 'Notes');
    const toFormula = await app.b.request('PATCH', `/tables/${table.id}/fields/${notes.id}`, { type: 'formula', options: { formula: 'UPPER({Name})' } });
    expect(toFormula.statusCode).toBe(200);
    expect(toFormula.json().conversion).toMatchObject({ failed: 1 });
    expect((await app.b.read(table.id, ann)).fields.Notes).toBe('ANN');
    const history = await historyOf(app.b.owner, app.b.baseId, table.id, ann);
    expect(history.some((entry) => entry.field?.id === notes.id && entry.oldValue === '第一行\n第二行')).toBe(true);
    const back = await app.b.request('PATCH', `/tables/${table.id}/fields/${notes.id}`, { type: 'singleLineText' });
    expect(back.statusCode).toBe(200);
    expect((await app.b.read(table.id, ann)).fields.Notes).toBe('ANN');
    expect((await app.b.update(table.id, ann, { Notes: 'typed' })).fields.Notes).toBe('typed');
  });

  it('filters and sorts on formulas of every result kind through SQL', async () => {
    const { table, ann, bob } = await patients();
    await app.b.field(table.id, { name: 'Big', type: 'formula', options: { formula: '{Fee} > 100' } });
    await app.b.field(table.id, { name: 'Upper', type: 'formula', options: { formula: 'UPPER({Name})' } });
    await app.b.field(table.id, { name: 'Due', type: 'formula', options: { formula: 'DATEADD({Seen}, 7, "days")' } });
    await app.b.field(table.id, { name: 'Both', type: 'formula', options: { formula: 'ARRAYUNIQUE({Tags})' } });
    const ids = async (conditions: unknown[]) => (await app.b.query(table.id, { filter: { conjunction: 'and', conditions } })).map((r) => r.id);
    expect(await ids([{ field: 'Big', operator: 'is', value: true }])).toEqual([ann]);
    expect(await ids([{ field: 'Upper', operator: 'contains', value: 'bo' }])).toEqual([bob]);
    expect(await ids([{ field: 'Due', operator: 'is', value: { mode: 'exactDate', date: '2026-03-12' } }])).toEqual([ann]);
    expect(await ids([{ field: 'Both', operator: 'hasAnyOf', value: ['VIP'] }])).toEqual([ann]);
    expect((await app.b.query(table.id, { sort: [{ field: 'Upper', direction: 'desc' }] })).map((r) => r.id)).toEqual([bob, ann]);
  });

  it('writes no history for recalculated values, and tells the outbox which records were recalculated', async () => {
    const { table, ann } = await patients();
    const double = await app.b.field(table.id, { name: 'Double', type: 'formula', options: { formula: '{Fee} * 2' } });
    await app.b.settle();
    app.b.events.length = 0;
    await app.b.update(table.id, ann, { Fee: 1 });
    await app.b.settle();
    const history = await historyOf(app.b.owner, app.b.baseId, table.id, ann);
    expect(history.some((entry) => entry.field?.id === double.id)).toBe(false);
    expect(app.b.events).toContainEqual(expect.objectContaining({ type: 'records.recalculated', payload: expect.objectContaining({ fieldId: double.id, recordIds: [ann] }) }));
  });

  describe('large tables', () => {
    it('fills in batches of separate transactions with progress, readable until done', async () => {
      const table = await app.b.table('Many', [{ name: 'N', type: 'number' }]);
      await app.b.create(table.id, Array.from({ length: 60 }, (_, i) => ({ N: i })));
      app.b.events.length = 0;
      const created = await app.b.field(table.id, { name: 'Square', type: 'formula', options: { formula: '{N} * {N}' } });
      expect(created.options.filling).toEqual({ done: 0, total: 60 });
      await app.b.settle();
      expect((await app.b.fieldNamed(table.id, 'Square')).options.filling).toBeNull();
      const progress = app.b.events.filter((e) => e.payload.fieldId === created.id && e.type.startsWith('field.fill')).map((e) => [e.type, e.payload.done]);
      expect(progress).toEqual([
        ['field.filling', 0],
        ['field.filling', 25],
        ['field.filling', 50],
        ['field.filled', 60],
      ]);
      const values = Object.values(await app.b.values(table.id, 'Square')).sort((x, y) => Number(x) - Number(y));
      expect(values).toEqual(Array.from({ length: 60 }, (_, i) => i * i));
    });

    it('resumes a fill that a stopped server left unfinished', async () => {
      const table = await app.b.table('Resumed', [{ name: 'N', type: 'number' }]);
      await app.b.create(table.id, Array.from({ length: 30 }, (_, i) => ({ N: i })));
      const created = await app.b.field(table.id, { name: 'Next', type: 'formula', options: { formula: '{N} + 1' } });
      await app.b.settle();
      // As a server stopped mid-fill leaves it: progress recorded, later records not computed yet.
      const { db, dialect } = app.t.database;
      const field = await store.requireField(db, created.id);
      await store.updateField(db, dialect, field.id, { options: { ...field.options, filling: { done: 25, total: 30 } } });
      const ids = (await app.b.query(table.id)).map((record) => record.id);
      await store.writeComputedCells(db, dialect, field, ids.slice(10).map((id) => ({ id, value: null })));
      expect((await app.b.fieldNamed(table.id, 'Next')).options.filling).toEqual({ done: 25, total: 30 });

      await app.t.app.backgroundFills.resume();
      await app.b.settle();
      expect((await app.b.fieldNamed(table.id, 'Next')).options.filling).toBeNull();
      const values = Object.values(await app.b.values(table.id, 'Next')).sort((x, y) => Number(x) - Number(y));
      expect(values).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    });
  });
});

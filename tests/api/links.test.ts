/**
 * Link fields through the API, on SQLite and PostgreSQL: a two-way link Visits → Patients set by
 * ids and by titles, both sides kept in step (titles, inverse order, history), one or many,
 * a self-link, renaming and deleting linked records, deleting the link field and its inverse,
 * refusals naming the record and field, converting text to links and links to text, deleting a
 * linked table, and filtering and sorting by links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';
import { createRecords, createTable, expectOk, fieldNamed, historyOf, listAll, type ApiField, type ApiRecord, type ApiTable } from './data-helpers';

type Linked = Array<{ id: string; title: string }>;

describeEachDialect('link fields', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner, 'Clinic', 'Asia/Shanghai')).id;
  });
  afterAll(async () => t.cleanup());

  const request = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: unknown) => owner.request(method, `/api/v1/bases/${baseId}${path}`, payload);

  async function table(tableId: string): Promise<ApiTable> {
    const response = await request('GET', `/tables/${tableId}`);
    expectOk(response, 200, 'Reading a table');
    return response.json() as ApiTable;
  }

  async function addField(tableId: string, definition: Record<string, unknown>): Promise<ApiField> {
    const response = await request('POST', `/tables/${tableId}/fields`, definition);
    expectOk(response, 201, `Adding field ${String(definition.name)}`);
    return response.json() as ApiField;
  }

  async function read(tableId: string, recordId: string): Promise<ApiRecord> {
    const response = await request('GET', `/tables/${tableId}/records/${recordId}`);
    expectOk(response, 200, `Reading ${recordId}`);
    return response.json() as ApiRecord;
  }

  async function update(tableId: string, recordId: string, fields: Record<string, unknown>, typecast = false): Promise<ApiRecord> {
    const response = await request('PATCH', `/tables/${tableId}/records/${recordId}`, { fields, typecast });
    expectOk(response, 200, `Updating ${recordId}`);
    return response.json() as ApiRecord;
  }

  async function query(tableId: string, body: Record<string, unknown>): Promise<ApiRecord[]> {
    const response = await request('POST', `/tables/${tableId}/records/query`, { pageSize: 1000, ...body });
    expectOk(response, 200, 'Querying records');
    return (response.json() as { records: ApiRecord[] }).records;
  }

  /** Patients (Ann, Bob, Cy) and Visits (v1…v3) with a two-way link Visits.Patient ↔ Patients.Visits. */
  async function clinic() {
    const patients = await createTable(owner, baseId, `Patients ${Math.random().toString(36).slice(2, 7)}`, [{ name: 'Name', type: 'singleLineText' }]);
    const visits = await createTable(owner, baseId, `Visits ${Math.random().toString(36).slice(2, 7)}`, [{ name: 'Label', type: 'singleLineText' }]);
    const link = await addField(visits.id, { name: 'Patient', type: 'link', options: { linkedTableId: patients.id } });
    const [ann, bob, cy] = (await createRecords(owner, baseId, patients.id, [{ Name: 'Ann' }, { Name: 'Bob' }, { Name: 'Cy' }])).map((r) => r.id) as [string, string, string];
    const [v1, v2, v3] = (await createRecords(owner, baseId, visits.id, [{ Label: 'v1' }, { Label: 'v2' }, { Label: 'v3' }])).map((r) => r.id) as [string, string, string];
    const inverse = fieldNamed(await table(patients.id), visits.name);
    return { patients, visits, link, inverse, ann, bob, cy, v1, v2, v3 };
  }

  describe('creating a link', () => {
    it('creates the inverse field in the linked table, named after the source table, each pointing at the other', async () => {
      const { patients, visits, link, inverse } = await clinic();
      expect(link.type).toBe('link');
      expect(link.options).toEqual({ linkedTableId: patients.id, inverseFieldId: inverse.id, multiple: true });
      expect(inverse.options).toEqual({ linkedTableId: visits.id, inverseFieldId: link.id, multiple: true });
    });

    it('makes the inverse name unique and honours inverseName and twoWay: false', async () => {
      const { patients, visits } = await clinic();
      const second = await addField(visits.id, { name: 'Referrer', type: 'link', options: { linkedTableId: patients.id } });
      const names = (await table(patients.id)).fields.map((field) => field.name);
      expect(names).toContain(`${visits.name} 2`);
      expect(second.options.inverseFieldId).toBe(fieldNamed(await table(patients.id), `${visits.name} 2`).id);
      const named = await addField(visits.id, { name: 'Nurse', type: 'link', options: { linkedTableId: patients.id, inverseName: 'Nursed visits' } });
      expect(fieldNamed(await table(patients.id), 'Nursed visits').options.inverseFieldId).toBe(named.id);
      const oneWay = await addField(visits.id, { name: 'Payer', type: 'link', options: { linkedTableId: patients.id, twoWay: false, multiple: false } });
      expect(oneWay.options).toEqual({ linkedTableId: patients.id, inverseFieldId: null, multiple: false });
      expect((await table(patients.id)).fields).toHaveLength(4); // Name, Visits, Visits 2, Nursed visits
    });

    it('refuses a table of another base, naming options.linkedTableId', async () => {
      const other = (await t.createBase(owner, 'Other base')).id;
      const foreign = await createTable(owner, other, 'Foreign', [{ name: 'Name', type: 'singleLineText' }]);
      const visits = await createTable(owner, baseId, 'Visits elsewhere', [{ name: 'Label', type: 'singleLineText' }]);
      const response = await request('POST', `/tables/${visits.id}/fields`, { name: 'Foreign', type: 'link', options: { linkedTableId: foreign.id } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.path).toBe('body.options.linkedTableId');
      expect((await table(visits.id)).fields.map((field) => field.name)).toEqual(['Label']);
    });

    it('creates a table with a link among its first fields, with its inverse', async () => {
      const patients = await createTable(owner, baseId, 'Patients at start', [{ name: 'Name', type: 'singleLineText' }]);
      const visits = await createTable(owner, baseId, 'Visits at start', [
        { name: 'Label', type: 'singleLineText' },
        { name: 'Patient', type: 'link', options: { linkedTableId: patients.id, inverseName: 'Visits' } },
      ]);
      const inverse = fieldNamed(await table(patients.id), 'Visits');
      expect(fieldNamed(visits, 'Patient').options.inverseFieldId).toBe(inverse.id);
      const [ann] = await createRecords(owner, baseId, patients.id, [{ Name: 'Ann' }]);
      const [v1] = await createRecords(owner, baseId, visits.id, [{ Label: 'v1', Patient: [ann!.id] }]);
      expect((await read(patients.id, ann!.id)).fields.Visits).toEqual([{ id: v1!.id, title: 'v1' }]);
    });

    it('refuses a link as the primary field', async () => {
      const response = await request('POST', '/tables', { name: 'Bad', fields: [{ name: 'P', type: 'link', options: { linkedTableId: (await createTable(owner, baseId, 'Any', [])).id } }] });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.path).toBe('fields[0].type');
    });
  });

  describe('writing link cells', () => {
    it('links by ids in the order given and shows titles on both sides', async () => {
      const { patients, visits, link, inverse, ann, bob, v1 } = await clinic();
      const written = await update(visits.id, v1, { Patient: [bob, ann] });
      expect(written.fields.Patient).toEqual([
        { id: bob, title: 'Bob' },
        { id: ann, title: 'Ann' },
      ]);
      expect((await read(patients.id, ann)).fields[inverse.name]).toEqual([{ id: v1, title: 'v1' }]);
      expect((await read(patients.id, bob)).fields[inverse.name]).toEqual([{ id: v1, title: 'v1' }]);
      expect((await read(visits.id, v1)).fields[link.name]).toEqual(written.fields.Patient);
    });

    it('links by titles with typecast, also comma-separated, and creates records linked from the start', async () => {
      const { patients, visits, inverse, ann, bob, v2 } = await clinic();
      expect((await update(visits.id, v2, { Patient: 'Bob, Ann' }, true)).fields.Patient).toEqual([
        { id: bob, title: 'Bob' },
        { id: ann, title: 'Ann' },
      ]);
      const [created] = await (async () => {
        const response = await request('POST', `/tables/${visits.id}/records`, { records: [{ fields: { Label: 'v4', Patient: ['Ann'] } }], typecast: true });
        expectOk(response, 200, 'Creating a linked visit');
        return (response.json() as { records: ApiRecord[] }).records;
      })();
      expect(created!.fields.Patient).toEqual([{ id: ann, title: 'Ann' }]);
      expect((await read(patients.id, ann)).fields[inverse.name]).toEqual([
        { id: v2, title: 'v2' },
        { id: created!.id, title: 'v4' },
      ]);
    });

    it('appends to the inverse cell in the order links were made and keeps it when written from the inverse side', async () => {
      const { patients, visits, inverse, ann, v1, v2, v3 } = await clinic();
      await update(visits.id, v3, { Patient: [ann] });
      await update(visits.id, v1, { Patient: [ann] });
      await update(visits.id, v2, { Patient: [ann] });
      expect(((await read(patients.id, ann)).fields[inverse.name] as Linked).map((r) => r.id)).toEqual([v3, v1, v2]);
      const fromInverse = await update(patients.id, ann, { [inverse.name]: [v2, v3] });
      expect((fromInverse.fields[inverse.name] as Linked).map((r) => r.title)).toEqual(['v2', 'v3']);
      expect((await read(visits.id, v1)).fields.Patient).toBeUndefined();
    });

    it('records the changed link cells as lists of ids, on the written side and on the inverse side', async () => {
      const { patients, visits, link, inverse, ann, bob, v1 } = await clinic();
      await update(visits.id, v1, { Patient: [ann] });
      await update(visits.id, v1, { Patient: [bob] });
      const visitHistory = (await historyOf(owner, baseId, visits.id, v1)).filter((entry) => entry.field?.id === link.id);
      expect(visitHistory.map((entry) => [entry.oldValue, entry.newValue])).toEqual([
        [[ann], [bob]],
        [null, [ann]],
      ]);
      const annHistory = (await historyOf(owner, baseId, patients.id, ann)).filter((entry) => entry.field?.id === inverse.id);
      expect(annHistory.map((entry) => [entry.oldValue, entry.newValue])).toEqual([
        [[v1], null],
        [null, [v1]],
      ]);
    });

    it('stamps the written record as modified, not the linked one', async () => {
      const { patients, visits, ann, v1 } = await clinic();
      const stamps = async (tableId: string) =>
        Object.fromEntries(
          ((await t.database.db.selectFrom(`t_${tableId}` as never).select(['id', 'version', 'modified_time'] as never).execute()) as Array<Record<string, unknown>>).map((row) => [
            row.id,
            [Number(row.version), row.modified_time],
          ]),
        );
      const patientsBefore = await stamps(patients.id);
      const visitBefore = (await stamps(visits.id))[v1];
      await new Promise((resolve) => setTimeout(resolve, 5));
      await update(visits.id, v1, { Patient: [ann] });
      const visitAfter = (await stamps(visits.id))[v1];
      expect(visitAfter[0]).toBe(visitBefore[0] + 1);
      expect(visitAfter[1] > visitBefore[1]).toBe(true);
      expect(await stamps(patients.id)).toEqual(patientsBefore);
    });

    it('refuses an unknown record id, naming the record and field, and writes nothing', async () => {
      const { visits, ann, v1 } = await clinic();
      const ghost = 'rec_ghost00000000000';
      const response = await request('PATCH', `/tables/${visits.id}/records/${v1}`, { fields: { Patient: [ann, ghost] } });
      expect(response.statusCode).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('INVALID_CELL_VALUE');
      expect(error.message).toContain(ghost);
      expect(error.details.field).toBe('Patient');
      expect((await read(visits.id, v1)).fields.Patient).toBeUndefined();
    });

    it('refuses titles without typecast and titles no record has', async () => {
      const { visits, v1 } = await clinic();
      expect((await request('PATCH', `/tables/${visits.id}/records/${v1}`, { fields: { Patient: 'Ann' } })).statusCode).toBe(400);
      const response = await request('PATCH', `/tables/${visits.id}/records/${v1}`, { fields: { Patient: 'Nobody' }, typecast: true });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('"Nobody"');
    });

    it('links one record when the field holds one', async () => {
      const { patients, visits, ann, bob, v1 } = await clinic();
      await addField(visits.id, { name: 'Doctor', type: 'link', options: { linkedTableId: patients.id, multiple: false } });
      expect((await update(visits.id, v1, { Doctor: ann })).fields.Doctor).toEqual([{ id: ann, title: 'Ann' }]);
      const response = await request('PATCH', `/tables/${visits.id}/records/${v1}`, { fields: { Doctor: [ann, bob] } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('links to one record');
    });

    it('links a table to itself, both ways', async () => {
      const people = await createTable(owner, baseId, 'People', [{ name: 'Name', type: 'singleLineText' }]);
      const manager = await addField(people.id, { name: 'Manager', type: 'link', options: { linkedTableId: people.id, multiple: false, inverseName: 'Reports' } });
      const [boss, ann, bob] = (await createRecords(owner, baseId, people.id, [{ Name: 'Boss' }, { Name: 'Ann' }, { Name: 'Bob' }])).map((r) => r.id) as [string, string, string];
      await update(people.id, ann, { Manager: boss });
      await update(people.id, bob, { Manager: [boss] });
      expect((await read(people.id, boss)).fields.Reports).toEqual([
        { id: ann, title: 'Ann' },
        { id: bob, title: 'Bob' },
      ]);
      expect(fieldNamed(await table(people.id), 'Reports').options.inverseFieldId).toBe(manager.id);
      await request('DELETE', `/tables/${people.id}/records/${ann}`);
      expect((await read(people.id, boss)).fields.Reports).toEqual([{ id: bob, title: 'Bob' }]);
    });
  });

  describe('keeping both sides in step', () => {
    it('changes the titles on every linked visit when a patient is renamed', async () => {
      const { patients, visits, ann, bob, v1, v2 } = await clinic();
      await update(visits.id, v1, { Patient: [ann, bob] });
      await update(visits.id, v2, { Patient: [ann] });
      await update(patients.id, ann, { Name: 'Annabel' });
      expect((await read(visits.id, v1)).fields.Patient).toEqual([
        { id: ann, title: 'Annabel' },
        { id: bob, title: 'Bob' },
      ]);
      expect((await read(visits.id, v2)).fields.Patient).toEqual([{ id: ann, title: 'Annabel' }]);
    });

    it('takes a deleted patient out of every visit, and a deleted visit out of every patient', async () => {
      const { patients, visits, inverse, link, ann, bob, v1, v2 } = await clinic();
      await update(visits.id, v1, { Patient: [ann, bob] });
      await update(visits.id, v2, { Patient: [ann] });
      expectOk(await request('DELETE', `/tables/${patients.id}/records/${ann}`), 200, 'Deleting Ann');
      expect((await read(visits.id, v1)).fields.Patient).toEqual([{ id: bob, title: 'Bob' }]);
      expect((await read(visits.id, v2)).fields.Patient).toBeUndefined();
      const v1History = (await historyOf(owner, baseId, visits.id, v1)).filter((entry) => entry.field?.id === link.id);
      expect(v1History[0]).toMatchObject({ oldValue: [ann, bob], newValue: [bob] });

      expectOk(await request('DELETE', `/tables/${visits.id}/records/${v1}`), 200, 'Deleting v1');
      expect((await read(patients.id, bob)).fields[inverse.name]).toBeUndefined();
    });

    it('deletes the inverse with the link field, and the link with its inverse', async () => {
      const { patients, visits, link, inverse, ann, v1 } = await clinic();
      await update(visits.id, v1, { Patient: [ann] });
      expectOk(await request('DELETE', `/tables/${visits.id}/fields/${link.id}`), 200, 'Deleting the link');
      expect((await table(patients.id)).fields.map((field) => field.id)).not.toContain(inverse.id);
      expect((await read(patients.id, ann)).fields).toEqual({ Name: 'Ann' });

      const again = await addField(visits.id, { name: 'Patient', type: 'link', options: { linkedTableId: patients.id } });
      expectOk(await request('DELETE', `/tables/${patients.id}/fields/${again.options.inverseFieldId as string}`), 200, 'Deleting the inverse');
      expect((await table(visits.id)).fields.map((field) => field.name)).toEqual(['Label']);
    });

    it('deletes the links of other tables when their linked table is deleted', async () => {
      const { patients, visits, ann, v1 } = await clinic();
      await update(visits.id, v1, { Patient: [ann] });
      expectOk(await request('DELETE', `/tables/${patients.id}`), 200, 'Deleting Patients');
      expect((await table(visits.id)).fields.map((field) => field.name)).toEqual(['Label']);
      expect((await read(visits.id, v1)).fields).toEqual({ Label: 'v1' });
    });
  });

  describe('changing types', () => {
    it('turns links into their titles as text, dropping the inverse', async () => {
      const { patients, visits, link, inverse, ann, bob, v1 } = await clinic();
      await update(visits.id, v1, { Patient: [ann, bob] });
      const response = await request('PATCH', `/tables/${visits.id}/fields/${link.id}`, { type: 'singleLineText' });
      expectOk(response, 200, 'Link → text');
      expect((await read(visits.id, v1)).fields.Patient).toBe('Ann, Bob');
      expect((await table(patients.id)).fields.map((field) => field.id)).not.toContain(inverse.id);
    });

    it('turns text into links by title, reporting titles that matched no record', async () => {
      const { patients, visits, ann, bob, v1, v2, v3 } = await clinic();
      await addField(visits.id, { name: 'Who', type: 'singleLineText' });
      await update(visits.id, v1, { Who: 'Ann, Bob' });
      await update(visits.id, v2, { Who: 'Nobody' });
      await update(visits.id, v3, { Who: 'Bob' });
      const who = fieldNamed(await table(visits.id), 'Who');
      const response = await request('PATCH', `/tables/${visits.id}/fields/${who.id}`, { type: 'link', options: { linkedTableId: patients.id } });
      expectOk(response, 200, 'Text → link');
      expect(response.json().conversion).toMatchObject({ failed: 1, failures: [{ recordId: v2, value: 'Nobody' }] });
      expect(response.json().conversion.failures[0].reason).toContain('"Nobody"');
      expect((await read(visits.id, v1)).fields.Who).toEqual([
        { id: ann, title: 'Ann' },
        { id: bob, title: 'Bob' },
      ]);
      const inverse = (await table(patients.id)).fields.find((field) => field.options.inverseFieldId === who.id)!;
      expect(inverse.name).toBe(`${visits.name} 2`); // the first link made "<Visits>" already
      expect((await read(patients.id, bob)).fields[inverse.name]).toEqual([
        { id: v1, title: 'v1' },
        { id: v3, title: 'v3' },
      ]);
    });

    it('lets a link switch between one and many but not to another table', async () => {
      const { patients, visits, link } = await clinic();
      const ok = await request('PATCH', `/tables/${visits.id}/fields/${link.id}`, { options: { multiple: false } });
      expectOk(ok, 200, 'Switching to one');
      expect(ok.json().field.options).toEqual({ linkedTableId: patients.id, inverseFieldId: link.options.inverseFieldId, multiple: false });
      const moved = await request('PATCH', `/tables/${visits.id}/fields/${link.id}`, { options: { linkedTableId: visits.id } });
      expect(moved.statusCode).toBe(400);
      expect(moved.json().error.details.path).toBe('body.options.linkedTableId');
    });
  });

  describe('filtering and sorting', () => {
    it('filters visits by linked patient id, by title text and by emptiness, and sorts by titles', async () => {
      const { visits, ann, bob, cy, v1, v2, v3 } = await clinic();
      await update(visits.id, v1, { Patient: [bob] });
      await update(visits.id, v2, { Patient: [ann, cy] });
      const where = (condition: Record<string, unknown>) => ({ filter: { conjunction: 'and', conditions: [{ field: 'Patient', ...condition }] } });
      const ids = (records: ApiRecord[]) => records.map((record) => record.id);
      expect(ids(await query(visits.id, where({ operator: 'hasAnyOf', value: [ann, bob] })))).toEqual([v1, v2]);
      expect(ids(await query(visits.id, where({ operator: 'hasNoneOf', value: [ann] })))).toEqual([v1, v3]);
      expect(ids(await query(visits.id, where({ operator: 'contains', value: 'CY' })))).toEqual([v2]);
      expect(ids(await query(visits.id, where({ operator: 'doesNotContain', value: 'b' })))).toEqual([v2, v3]);
      expect(ids(await query(visits.id, where({ operator: 'isEmpty' })))).toEqual([v3]);
      expect(ids(await query(visits.id, where({ operator: 'isNotEmpty' })))).toEqual([v1, v2]);
      expect(ids(await query(visits.id, { sort: [{ field: 'Patient', direction: 'asc' }] }))).toEqual([v3, v2, v1]);
      expect(ids(await query(visits.id, { sort: [{ field: 'Patient', direction: 'desc' }] }))).toEqual([v1, v2, v3]);
      expect(ids(await listAll(owner, baseId, visits.id, `&filter=${encodeURIComponent(JSON.stringify(where({ operator: 'hasAnyOf', value: cy }).filter))}`))).toEqual([v2]);
    });
  });
});

/**
 * The create and update responses show every record as stored. Records are answered from the
 * rows the write holds in memory, kept current while their computed cells are written (the
 * server's recalculation/record-cache.ts), not read again — so each written record's response
 * must equal a fresh read of it: link titles, a lookup, a rollup, formulas over them and a
 * formula error, a lookup of a value the same write changes on the linked side, and a record a
 * retried create returns while that create changes what it looks up.
 */
import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { expectOk, tableUrl, type ApiRecord } from '../api/data-helpers';
import { useComputedBase } from './computed-helpers';

describeEachDialect('the create response', (dialect) => {
  const app = useComputedBase(dialect);

  async function post(tableId: string, records: Array<{ id?: string; fields: Record<string, unknown> }>): Promise<ApiRecord[]> {
    const response = await app.b.owner.request('POST', tableUrl(app.b.baseId, tableId, '/records'), { records });
    expectOk(response, 200, 'Creating records');
    return (response.json() as { records: ApiRecord[] }).records;
  }

  /** Each record's response text equals its fresh read's (values, their members' order and every system field). */
  async function expectAsStored(tableId: string, records: readonly ApiRecord[]): Promise<void> {
    for (const record of records) expect(JSON.stringify(record)).toBe(JSON.stringify(await app.b.read(tableId, record.id)));
  }

  it('equals a fresh read of each created and updated record, computed cells included', async () => {
    const patients = await app.b.table('Patients', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Balance', type: 'number' },
    ]);
    const visits = await app.b.table('Visits', [
      { name: 'Label', type: 'singleLineText' },
      { name: 'Fee', type: 'number' },
      { name: 'Paid', type: 'number' },
    ]);
    await app.b.field(visits.id, { name: 'Patient', type: 'link', options: { linkedTableId: patients.id } });
    const inverse = (await app.b.fields(patients.id)).find((field) => field.type === 'link')!;
    // Changed on the other side by the same create, and looked up back.
    await app.b.field(patients.id, { name: 'Visit count', type: 'count', options: { linkFieldId: inverse.id } });
    await app.b.field(visits.id, { name: 'Patient visits', type: 'lookup', options: { linkFieldId: 'Patient', targetFieldId: 'Visit count' } });
    await app.b.field(visits.id, { name: 'Patient name', type: 'lookup', options: { linkFieldId: 'Patient', targetFieldId: 'Name' } });
    await app.b.field(visits.id, { name: 'Patient balance', type: 'rollup', options: { linkFieldId: 'Patient', targetFieldId: 'Balance', aggregation: 'sum' } });
    await app.b.field(visits.id, { name: 'Greeting', type: 'formula', options: { formula: 'ARRAYJOIN({Patient name}) & " owes " & {Patient balance}' } });
    await app.b.field(visits.id, { name: 'Share', type: 'formula', options: { formula: '{Paid} / {Fee}' } });
    await app.b.field(visits.id, { name: 'Expensive', type: 'formula', options: { formula: '{Fee} > 40' } });
    // Read back on the other side in the same write: the new records' computed cells must be in the database by then.
    await app.b.field(visits.id, { name: 'Double', type: 'formula', options: { formula: '{Fee} * 2' } });
    await app.b.field(patients.id, { name: 'Doubled fees', type: 'rollup', options: { linkFieldId: inverse.id, targetFieldId: 'Double', aggregation: 'sum' } });
    await app.b.field(patients.id, { name: 'Doubles', type: 'lookup', options: { linkFieldId: inverse.id, targetFieldId: 'Double' } });
    const doubles = async (patient: string) => ((await app.b.read(patients.id, patient)).fields['Doubles'] as number[]).sort((x, y) => x - y);
    const [ann, bob] = (await app.b.create(patients.id, [{ Name: 'Ann', Balance: 10 }, { Name: 'Bob', Balance: 2.5 }])).map((r) => r.id) as [string, string];

    const first = await post(visits.id, [
      { fields: { Label: 'v1', Fee: 100, Paid: 25, Patient: [ann] } },
      { fields: { Label: 'v2', Fee: 0, Paid: 5, Patient: [ann, bob] } },
      { fields: { Label: 'v3', Fee: 30 } },
    ]);
    expect(first[0]!.fields).toMatchObject({ Patient: [{ id: ann, title: 'Ann' }], 'Patient name': ['Ann'], 'Patient balance': 10, 'Patient visits': [2], Greeting: 'Ann owes 10', Share: 0.25, Expensive: true });
    expect(first[1]!.fields).toMatchObject({ 'Patient name': ['Ann', 'Bob'], 'Patient balance': 12.5, 'Patient visits': [2, 1], Share: { error: '#DIV/0' } });
    await expectAsStored(visits.id, first);
    expect((await app.b.read(patients.id, ann)).fields['Doubled fees']).toBe(200);
    expect((await app.b.read(patients.id, bob)).fields['Doubled fees']).toBe(0);
    expect(await doubles(ann)).toEqual([0, 200]);

    // A retried create returns the stored record, beside a new one that changes what it looks up.
    const again = await post(visits.id, [
      { id: first[1]!.id, fields: { Label: 'v2', Fee: 0, Paid: 5, Patient: [ann, bob] } },
      { fields: { Label: 'v4', Fee: 50, Paid: 50, Patient: [bob] } },
    ]);
    expect(again[0]!.id).toBe(first[1]!.id);
    expect(again[0]!.fields['Patient visits']).toEqual([2, 2]);
    expect(again[1]!.fields).toMatchObject({ 'Patient name': ['Bob'], 'Patient visits': [2], Greeting: 'Bob owes 2.5', Share: 1 });
    await expectAsStored(visits.id, again);
    expect((await app.b.read(patients.id, bob)).fields['Doubled fees']).toBe(100);

    // Updates: inputs of formulas, a relink changing what is looked up, and a formula turning into an error.
    const patch = await app.b.owner.request('PATCH', tableUrl(app.b.baseId, visits.id, '/records'), {
      records: [
        { id: first[0]!.id, fields: { Fee: 0, Patient: [bob] } },
        { id: first[2]!.id, fields: { Paid: 3, Patient: [ann] } },
      ],
    });
    expectOk(patch, 200, 'Updating records');
    const updated = (patch.json() as { records: ApiRecord[] }).records;
    expect(updated[0]!.fields).toMatchObject({ 'Patient name': ['Bob'], 'Patient visits': [3], Greeting: 'Bob owes 2.5', Share: { error: '#DIV/0' }, Expensive: false });
    expect(updated[1]!.fields).toMatchObject({ 'Patient name': ['Ann'], 'Patient balance': 10, Share: 0.1 });
    await expectAsStored(visits.id, updated);
    expect((await app.b.read(patients.id, ann)).fields['Doubled fees']).toBe(60);
    expect((await app.b.read(patients.id, bob)).fields['Doubled fees']).toBe(100);
  });
});

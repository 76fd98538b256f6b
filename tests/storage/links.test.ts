/**
 * Link junctions on both dialects: created and dropped with their field pair, memberships
 * replaced in the order given, the inverse order kept for pairs that stay and appended to for
 * new ones, changes reported on both sides, and deleted records taken out of every link.
 */
import { expect, it } from 'vitest';
import { newId, normalizeFieldOptions, type Field } from '@multitable/core';
import {
  addField,
  createJunction,
  dropJunction,
  insertRecords,
  junctionOf,
  linkedRecordIds,
  linkFieldsTouching,
  recordsLinkingTo,
  removeRecordsFromLinks,
  setLinks,
  type Database,
} from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeBase, makeTable, testUser, useDatabase } from './schema-factories';

/** Visits ↔ Patients, two-way, with three patients and three visits. */
async function makeClinic(database: Database) {
  const { dialect } = database;
  const baseId = await makeBase(database);
  const patients = await makeTable(database, { baseId, name: 'Patients' });
  const visits = await makeTable(database, { baseId, name: 'Visits' });
  const visitPatient = newId('field');
  const patientVisits = newId('field');
  const made = await database.transaction(async (trx) => {
    const forward = await addField(trx, dialect, {
      id: visitPatient,
      tableId: visits.table.id,
      name: 'Patient',
      type: 'link',
      options: normalizeFieldOptions('link', { linkedTableId: patients.table.id, inverseFieldId: patientVisits }),
    });
    const inverse = await addField(trx, dialect, {
      id: patientVisits,
      tableId: patients.table.id,
      name: 'Visits',
      type: 'link',
      options: normalizeFieldOptions('link', { linkedTableId: visits.table.id, inverseFieldId: visitPatient }),
    });
    await createJunction(trx, dialect, forward);
    const p = await insertRecords(trx, dialect, patients.table, patients.fields, ['Ann', 'Bob', 'Cy'].map((name) => ({ values: { [patients.primary.id]: name } })), testUser);
    const v = await insertRecords(trx, dialect, visits.table, visits.fields, ['v1', 'v2', 'v3'].map((name) => ({ values: { [visits.primary.id]: name } })), testUser);
    return { forward, inverse, p: p.map((r) => r.id), v: v.map((r) => r.id) };
  });
  return { patients, visits, ...made };
}

async function setAll(database: Database, field: Field, links: Record<string, string[]>) {
  return database.transaction((trx) => setLinks(trx, database.dialect, field, new Map(Object.entries(links))));
}

describeEachDialect('link junctions', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('names one junction for both members of a pair', async () => {
    const { forward, inverse } = await makeClinic(database());
    expect(junctionOf(forward).table).toBe(junctionOf(inverse).table);
    expect(junctionOf(forward).selfColumn).not.toBe(junctionOf(inverse).selfColumn);
  });

  it('keeps the order given and reports old and new ids on both sides', async () => {
    const { forward, inverse, p, v } = await makeClinic(database());
    const [ann, bob, cy] = p as [string, string, string];
    const [v1, v2] = v as [string, string];
    const first = await setAll(database(), forward, { [v1]: [bob, ann] });
    expect(first.changes).toEqual([{ recordId: v1, oldIds: [], newIds: [bob, ann] }]);
    expect(first.otherSide.sort((a, b) => (a.recordId < b.recordId ? -1 : 1))).toEqual(
      [
        { recordId: bob, oldIds: [], newIds: [v1] },
        { recordId: ann, oldIds: [], newIds: [v1] },
      ].sort((a, b) => (a.recordId < b.recordId ? -1 : 1)),
    );
    expect((await linkedRecordIds(database().db, forward, [v1])).get(v1)).toEqual([bob, ann]);

    const second = await setAll(database(), forward, { [v1]: [ann, cy] });
    expect(second.changes).toEqual([{ recordId: v1, oldIds: [bob, ann], newIds: [ann, cy] }]);
    expect(second.otherSide.map((change) => change.recordId).sort()).toEqual([bob, cy].sort());
    expect((await linkedRecordIds(database().db, inverse, [ann, bob, cy])).get(bob)).toBeUndefined();

    const unchanged = await setAll(database(), forward, { [v1]: [ann, cy], [v2]: [] });
    expect(unchanged).toEqual({ changes: [], otherSide: [] });
  });

  it('appends a new link to the end of the inverse cell and keeps the places of links that stay', async () => {
    const { forward, inverse, p, v } = await makeClinic(database());
    const [ann] = p as [string];
    const [v1, v2, v3] = v as [string, string, string];
    await setAll(database(), forward, { [v2]: [ann] });
    await setAll(database(), forward, { [v1]: [ann] });
    await setAll(database(), forward, { [v3]: [ann] });
    expect((await linkedRecordIds(database().db, inverse, [ann])).get(ann)).toEqual([v2, v1, v3]);
    await setAll(database(), forward, { [v1]: [p[1]!, ann] }); // v1 keeps linking Ann: its place in Ann's cell stays
    expect((await linkedRecordIds(database().db, inverse, [ann])).get(ann)).toEqual([v2, v1, v3]);

    // Written from the inverse side: Ann's own order is the order given.
    const fromInverse = await setAll(database(), inverse, { [ann]: [v3, v2] });
    expect(fromInverse.changes).toEqual([{ recordId: ann, oldIds: [v2, v1, v3], newIds: [v3, v2] }]);
    expect(fromInverse.otherSide.find((change) => change.recordId === v1)).toEqual({ recordId: v1, oldIds: [p[1]!, ann], newIds: [p[1]!] });
    expect((await recordsLinkingTo(database().db, forward, [ann])).sort()).toEqual([v2, v3].sort());
  });

  it('reports each inverse cell as it reads after the write, over many rewrites from both sides', async () => {
    const { forward, inverse, p, v } = await makeClinic(database());
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const pick = (ids: readonly string[]) => ids.filter(() => random(2) === 0).sort(() => random(3) - 1);
    for (let round = 0; round < 30; round++) {
      const [field, other, own, targets] = round % 3 === 2 ? [inverse, forward, p, v] : [forward, inverse, v, p];
      const written = Object.fromEntries(own.filter(() => random(2) === 0).map((id) => [id, pick(targets)]));
      const before = await linkedRecordIds(database().db, other, targets);
      const result = await setAll(database(), field, written);
      const after = await linkedRecordIds(database().db, other, targets);
      for (const change of result.otherSide) {
        expect(change.oldIds).toEqual(before.get(change.recordId) ?? []);
        expect(change.newIds).toEqual(after.get(change.recordId) ?? []);
      }
      const reported = new Set(result.otherSide.map((change) => change.recordId));
      for (const id of targets) if (!reported.has(id)) expect(after.get(id) ?? []).toEqual(before.get(id) ?? []);
    }
  });

  it('refuses a target missing from the linked table, naming it, and writes nothing', async () => {
    const { forward, p, v } = await makeClinic(database());
    const ghost = newId('record');
    await expect(setAll(database(), forward, { [v[0]!]: [p[0]!, ghost] })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { record: ghost } });
    expect((await linkedRecordIds(database().db, forward, [v[0]!])).size).toBe(0);
  });

  it('takes deleted records out of every link and names the cells that lost them', async () => {
    const { forward, inverse, patients, visits, p, v } = await makeClinic(database());
    const [ann, bob] = p as [string, string];
    const [v1, v2, v3] = v as [string, string, string];
    await setAll(database(), forward, { [v1]: [ann, bob], [v2]: [bob], [v3]: [ann] });
    const touching = linkFieldsTouching([forward, inverse], patients.table.id);
    expect(touching.map((field) => field.id).sort()).toEqual([forward.id, inverse.id].sort());

    const removed = await database().transaction((trx) => removeRecordsFromLinks(trx, database().dialect, patients.table.id, [ann], touching));
    expect(removed).toEqual([
      {
        fieldId: forward.id,
        changes: [
          { recordId: v1, oldIds: [ann, bob], newIds: [bob] },
          { recordId: v3, oldIds: [ann], newIds: [] },
        ].sort((a, b) => (a.recordId < b.recordId ? -1 : 1)),
      },
    ]);
    expect(Object.fromEntries(await linkedRecordIds(database().db, forward, [v1, v2, v3]))).toEqual({ [v1]: [bob], [v2]: [bob] });

    const fromVisits = await database().transaction((trx) => removeRecordsFromLinks(trx, database().dialect, visits.table.id, [v2], touching));
    expect(fromVisits).toEqual([{ fieldId: inverse.id, changes: [{ recordId: bob, oldIds: [v1, v2], newIds: [v1] }] }]);
  });

  it('links a table to itself', async () => {
    const made = await makeTable(database(), { name: 'People' });
    const { dialect } = database();
    const one = newId('field');
    const two = newId('field');
    const { forward, inverse, ids } = await database().transaction(async (trx) => {
      const forward = await addField(trx, dialect, { id: one, tableId: made.table.id, name: 'Manager', type: 'link', options: normalizeFieldOptions('link', { linkedTableId: made.table.id, inverseFieldId: two }) });
      const inverse = await addField(trx, dialect, { id: two, tableId: made.table.id, name: 'Reports', type: 'link', options: normalizeFieldOptions('link', { linkedTableId: made.table.id, inverseFieldId: one }) });
      await createJunction(trx, dialect, forward);
      const rows = await insertRecords(trx, dialect, made.table, made.fields, [{ values: {} }, { values: {} }, { values: {} }], testUser);
      return { forward, inverse, ids: rows.map((row) => row.id) };
    });
    const [boss, a, b] = ids as [string, string, string];
    await setAll(database(), forward, { [a]: [boss], [b]: [boss] });
    expect((await linkedRecordIds(database().db, inverse, [boss])).get(boss)).toEqual([a, b]);
    const removed = await database().transaction((trx) => removeRecordsFromLinks(trx, dialect, made.table.id, [a], [forward, inverse]));
    expect(removed).toEqual([{ fieldId: inverse.id, changes: [{ recordId: boss, oldIds: [a, b], newIds: [b] }] }]);
  });

  it('drops the junction with its memberships', async () => {
    const { forward, inverse, p, v } = await makeClinic(database());
    await setAll(database(), forward, { [v[0]!]: [p[0]!] });
    await database().transaction((trx) => dropJunction(trx, inverse));
    await expect(linkedRecordIds(database().db, forward, [v[0]!])).rejects.toThrow();
    await database().transaction((trx) => createJunction(trx, database().dialect, forward));
    expect((await linkedRecordIds(database().db, forward, [v[0]!])).size).toBe(0);
  });
});

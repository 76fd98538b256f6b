/**
 * Reads through links for computed values, on both dialects: the (record, linked record) pairs
 * of changed targets, how many records each record links to, and the linked records' cells of
 * a few fields in cell order — from both sides of a two-way link.
 */
import { expect, it } from 'vitest';
import { newId, normalizeFieldOptions } from '@multitable/core';
import { addField, createJunction, insertRecords, linkedCounts, linkedRecordCells, linkedRecordIds, linkPairs, setLinks } from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeBase, makeTable, testUser, useDatabase } from './schema-factories';

describeEachDialect('reads through links', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  async function clinic() {
    const db = database();
    const { dialect } = db;
    const baseId = await makeBase(db);
    const patients = await makeTable(db, { baseId, name: 'Patients' });
    const visits = await makeTable(db, { baseId, name: 'Visits' });
    const [visitPatient, patientVisits] = [newId('field'), newId('field')];
    return db.transaction(async (trx) => {
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
      const p = (await insertRecords(trx, dialect, patients.table, patients.fields, ['Ann', 'Bob', 'Cy'].map((name) => ({ values: { [patients.primary.id]: name } })), testUser)).map((r) => r.id);
      const v = (await insertRecords(trx, dialect, visits.table, visits.fields, ['v1', 'v2', 'v3', 'v4'].map((name) => ({ values: { [visits.primary.id]: name } })), testUser)).map((r) => r.id);
      await setLinks(trx, dialect, forward, new Map([[v[2]!, [p[0]!]], [v[0]!, [p[0]!, p[1]!]], [v[1]!, [p[0]!]]]));
      return { forward, inverse, patients, visits, p, v };
    });
  }

  it('pairs each record with the changed targets it links to', async () => {
    const { forward, inverse, p, v } = await clinic();
    const [ann, bob] = p;
    const [v1, v2, v3] = v;
    const sorted = (pairs: Array<{ recordId: string; linkedId: string }>) => [...pairs].sort((a, b) => (a.recordId + a.linkedId < b.recordId + b.linkedId ? -1 : 1));
    expect(sorted(await linkPairs(database().db, inverse, [v1!, v3!]))).toEqual(sorted([
      { recordId: ann!, linkedId: v1! },
      { recordId: bob!, linkedId: v1! },
      { recordId: ann!, linkedId: v3! },
    ]));
    expect(await linkPairs(database().db, forward, [bob!])).toEqual([{ recordId: v1!, linkedId: bob! }]);
    // An id no record has (changing v2's last letter could leave it unchanged, when that letter is already the one put in).
    expect(await linkPairs(database().db, inverse, ['rec_0000000000000000'])).toEqual([]);
  });

  it('counts what each record links to', async () => {
    const { inverse, p } = await clinic();
    const [ann, bob, cy] = p;
    const counts = await linkedCounts(database().db, inverse, [ann!, bob!, cy!]);
    expect([counts.get(ann!), counts.get(bob!), counts.get(cy!)]).toEqual([3, 1, undefined]);
  });

  it("reads the linked records' cells in cell order, as the link's members are read", async () => {
    const { inverse, forward, visits, patients, p, v } = await clinic();
    const db = database();
    const cells = await linkedRecordCells(db.db, db.dialect, inverse, [p[0]!, p[2]!], [visits.primary]);
    const members = await linkedRecordIds(db.db, inverse, [p[0]!]);
    expect(cells.get(p[0]!)!.map((record) => record.id)).toEqual(members.get(p[0]!));
    expect(cells.get(p[0]!)!.map((record) => record.values[visits.primary.id])).toEqual(['v3', 'v1', 'v2']);
    expect(cells.get(p[0]!)![0]!.createdTime).toMatch(/^\d{4}-/);
    expect(cells.has(p[2]!)).toBe(false);
    const owners = await linkedRecordCells(db.db, db.dialect, forward, [v[0]!], [patients.primary]);
    expect(owners.get(v[0]!)!.map((record) => record.values[patients.primary.id])).toEqual(['Ann', 'Bob']);
  });
});

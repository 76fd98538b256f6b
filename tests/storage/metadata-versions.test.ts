/**
 * The versions the server's metadata cache is keyed by: every change to a base's tables, fields
 * or views moves its schema version, whatever code path makes it; record writes (which advance
 * a table's auto-number sequence) do not; the user directory's token changes with any change to
 * users. Rolled-back changes leave the version as it was.
 */
import { expect, it } from 'vitest';
import { newId, normalizeFieldOptions } from '@multitable/core';
import { addField, createView, deleteField, insertRecords, insertUser, readBaseVersion, readUsersVersion, updateField, updateTable } from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeTable, testUser, useDatabase } from './schema-factories';

describeEachDialect('metadata versions', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('moves a base’s schema version with each change to its tables, fields and views, and only then', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Note', type: 'singleLineText' }, { name: 'No.', type: 'autoNumber' }] });
    const other = await makeTable(database());
    const version = async (baseId = made.baseId) => (await readBaseVersion(db, baseId))!.schemaVersion;
    const seen = [await version()];
    const expectMoved = async (what: string) => {
      const now = await version();
      expect(seen, what).not.toContain(now);
      seen.push(now);
    };

    await database().transaction((trx) => updateTable(trx, dialect, made.table.id, { name: 'Renamed' }));
    await expectMoved('table renamed');
    const added = await database().transaction((trx) =>
      addField(trx, dialect, { tableId: made.table.id, name: 'Extra', type: 'number', options: normalizeFieldOptions('number', {}) }),
    );
    await expectMoved('field added');
    await database().transaction((trx) => updateField(trx, dialect, added.id, { name: 'Extra 2' }));
    await expectMoved('field renamed');
    await database().transaction((trx) => createView(trx, dialect, { tableId: made.table.id, name: 'Grid 2' }));
    await expectMoved('view created');
    await database().transaction((trx) => deleteField(trx, added.id));
    await expectMoved('field deleted');

    const before = await version();
    const otherBefore = await version(other.baseId);
    await database().transaction((trx) => insertRecords(trx, dialect, made.table, made.fields, [{ values: {} }, { values: {} }], testUser));
    expect(await version(), 'records created (auto number advanced)').toBe(before);
    await database().transaction((trx) => updateTable(trx, dialect, made.table.id, { name: 'Again' }));
    expect(await version(other.baseId), 'another base').toBe(otherBefore);

    const committed = await version();
    await expect(
      database().transaction(async (trx) => {
        await updateTable(trx, dialect, made.table.id, { name: 'Rolled back' });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await version()).toBe(committed);
  });

  it('renews the user directory’s token when users change', async () => {
    const { db } = database();
    const before = await readUsersVersion(db);
    const id = newId('user');
    await insertUser(db, { id, email: `${id}@example.com`, name: 'New', passwordHash: 'x', createdAt: new Date().toISOString() });
    const afterInsert = await readUsersVersion(db);
    expect(afterInsert).not.toBe(before);
    await db.updateTable('users').set({ name: 'Renamed' }).where('id', '=', id).execute();
    expect(await readUsersVersion(db)).not.toBe(afterInsert);
  });

  it('reads the user directory’s token with the base’s version, in one statement', async () => {
    const { db } = database();
    const { baseId } = await makeTable(database());
    expect((await readBaseVersion(db, baseId))!.usersVersion).toBe(await readUsersVersion(db));
    const id = newId('user');
    await insertUser(db, { id, email: `${id}@example.com`, name: 'Newer', passwordHash: 'x', createdAt: new Date().toISOString() });
    expect((await readBaseVersion(db, baseId))!.usersVersion).toBe(await readUsersVersion(db));
    expect(await readBaseVersion(db, 'bse_0000000000000000')).toBeUndefined();
  });
});

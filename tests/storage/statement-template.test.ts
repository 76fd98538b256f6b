/**
 * Statements compiled once and run with new values (storage physical/statement-template.ts):
 * each run answers as the query built afresh would, with every occurrence of a slot bound to
 * its value, the query's own constants kept, and inside a transaction as outside it.
 */
import { expect, it } from 'vitest';
import { newId } from '@multitable/core';
import { insertUser, statementTemplate } from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { useDatabase } from './schema-factories';

// `name` is used twice; 'users' and the limit are constants of the query. Shared by both
// dialects' suites, as storage's own templates are: each dialect gets its own compiled text.
const usersNamed = statementTemplate(['name', 'email'], (db, slot) =>
  db
    .selectFrom('users')
    .select(['id', 'name', (eb) => eb.selectFrom('meta_versions').select('token').where('name', '=', 'users').as('directory')])
    .where((eb) => eb.or([eb('name', '=', slot.name), eb('email', '=', slot.email), eb('email', '=', slot.name)]))
    .orderBy('id')
    .limit(10),
);

describeEachDialect('statement templates', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('binds each run’s values to every place their slot appears, keeping the constants', async () => {
    const { db } = database();
    const ids = [newId('user'), newId('user'), newId('user')];
    for (const [i, id] of ids.entries()) {
      await insertUser(db, { id, email: `u${i}@example.test`, name: `Person ${i}`, passwordHash: 'x', createdAt: new Date().toISOString() });
    }
    const token = (await db.selectFrom('meta_versions').select('token').where('name', '=', 'users').executeTakeFirstOrThrow()).token;

    const first = await usersNamed.run(db, { name: 'Person 0', email: 'u2@example.test' });
    expect(first.map((row) => row.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(first.every((row) => row.directory === token)).toBe(true);

    const second = await usersNamed.run(db, { name: 'u1@example.test', email: 'nobody@example.test' });
    expect(second.map((row) => row.name)).toEqual(['Person 1']);

    const inTransaction = await database().transaction((trx) => usersNamed.run(trx, { name: 'Person 2', email: 'u0@example.test' }));
    expect(inTransaction.map((row) => row.id).sort()).toEqual([ids[0], ids[2]].sort());
  });

  it('refuses a slot the built query does not bind', async () => {
    const unused = statementTemplate(['name', 'forgotten'], (db, slot) => db.selectFrom('users').select('id').where('name', '=', slot.name));
    await expect(unused.run(database().db, { name: 'x', forgotten: 'y' })).rejects.toThrow('slot forgotten is not a parameter');
  });
});

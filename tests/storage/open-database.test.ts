import { afterEach, expect, it } from 'vitest';
import { openDatabase, sql, type Database } from '@multitable/storage';
import { describeEachDialect, type TestStore } from '../support/databases';

describeEachDialect('opening the store', (dialect, newStore) => {
  let store: TestStore | undefined;
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    await store?.cleanup();
    database = undefined;
  });

  it('migrates an empty database to the latest meta schema', async () => {
    store = newStore();
    database = await openDatabase(store.config);
    const versions = await database.db.selectFrom('meta_migrations').select('version').execute();
    expect(versions.map((v) => Number(v.version))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await database.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });

  it('opens an already migrated database again without reapplying migrations', async () => {
    store = newStore();
    database = await openDatabase(store.config);
    await database.close();
    database = await openDatabase(store.config);
    const versions = await database.db.selectFrom('meta_migrations').select('version').execute();
    expect(versions).toHaveLength(6);
  });

  it('refuses to start on a schema newer than it knows, writing nothing', async () => {
    store = newStore();
    database = await openDatabase(store.config);
    await database.db.insertInto('meta_migrations').values({ version: 999, name: 'future', applied_at: 'x' }).execute();
    await database.close();
    database = undefined;
    await expect(openDatabase(store.config)).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });
  });

  if (dialect === 'sqlite') {
    it('runs SQLite with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
      store = newStore();
      database = await openDatabase(store.config);
      const pragma = async (name: string) => {
        const { rows } = await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(database!.db);
        return Object.values(rows[0]!)[0];
      };
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2);
      expect(await pragma('foreign_keys')).toBe(1);
      expect(Number(await pragma('busy_timeout'))).toBeGreaterThanOrEqual(5000);
    });
  }
});

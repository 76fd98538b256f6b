/**
 * Small factories for storage tests: an open store per suite, a base row, and a table with the
 * fields a test names (built from the field-type registry's real types).
 */
import { afterAll, beforeAll } from 'vitest';
import { newId, normalizeFieldOptions, type CastContext, type Field, type FieldTypeKey } from '@multitable/core';
import { addField, createTable, listFields, openDatabase, type Database, type StoredRecord, type TableMeta } from '@multitable/storage';
import type { TestStore } from '../support/databases';

/** Opens one isolated store for the suite; the returned getter gives the open database. */
export function useDatabase(newStore: () => TestStore): () => Database {
  let store: TestStore | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    store = newStore();
    database = await openDatabase(store.config);
  });
  afterAll(async () => {
    await database?.close();
    await store?.cleanup();
  });
  return () => {
    if (!database) throw new Error('database not open yet');
    return database;
  };
}

export async function makeBase(database: Database, name = 'Base'): Promise<string> {
  const id = newId('base');
  await database.db
    .insertInto('bases')
    .values({ id, name, time_zone: 'UTC', created_by: testUser.userId, created_at: new Date().toISOString() })
    .execute();
  return id;
}

export interface FieldSpec {
  name: string;
  type: FieldTypeKey;
  options?: Record<string, unknown>;
}

export interface MadeTable {
  baseId: string;
  table: TableMeta;
  primary: Field;
  /** Every field, primary first, then `fields` in the order given. */
  fields: Field[];
  /** Field by name. */
  field(name: string): Field;
}

export async function makeTable(
  database: Database,
  spec: { baseId?: string; name?: string; fields?: readonly FieldSpec[] } = {},
): Promise<MadeTable> {
  const baseId = spec.baseId ?? (await makeBase(database));
  const made = await database.transaction(async (trx) => {
    const created = await createTable(trx, database.dialect, { baseId, name: spec.name ?? `Table ${newId('table')}` });
    for (const field of spec.fields ?? []) {
      await addField(trx, database.dialect, {
        tableId: created.table.id,
        name: field.name,
        type: field.type,
        options: normalizeFieldOptions(field.type, field.options),
      });
    }
    return created;
  });
  const fields = await listFields(database.db, made.table.id);
  return {
    baseId,
    table: made.table,
    primary: made.primaryField,
    fields,
    field: (name) => {
      const found = fields.find((f) => f.name === name);
      if (!found) throw new Error(`no field ${name}`);
      return found;
    },
  };
}

export const testUser = { userId: 'usr_0000000000000001' };
export const otherUser = { userId: 'usr_0000000000000002' };

/** A cast context for conversions in tests: UTC, no users or attachments known. */
export const testCastContext: CastContext = {
  typecast: true,
  timeZone: 'UTC',
  now: new Date('2024-01-01T00:00:00Z'),
  users: { byId: () => undefined, byText: () => undefined },
  attachments: { byId: () => undefined },
};

/** An inserted record as later reads return it (without insert's `created` flag). */
export function withoutCreated(record: StoredRecord & { created?: boolean }): StoredRecord {
  const { created: _created, ...rest } = record;
  return rest;
}

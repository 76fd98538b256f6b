/**
 * Metadata a request needs before it reads any record — a base's tables, a table's fields and
 * views, the user directory — kept between requests and checked against the version counters
 * the database's triggers keep (storage's metadata-versions.ts): one indexed read per request
 * instead of re-reading and re-parsing every field, view and user.
 *
 * Only reads outside a transaction fill the cache: they see committed data, so an entry never
 * holds what a transaction later rolled back. A transaction that changed the schema reads a
 * version no entry has, and reads its own uncommitted metadata afresh. An entry is stored only
 * when the version read after loading equals the one read before, so a change committed in
 * between is never filed under the older version. Entries are frozen: callers share them.
 */
import type { Field, UserDirectory } from '@multitable/core';
import * as store from '@multitable/storage';

type Loaded = store.TableMeta[] | Field[] | store.ViewMeta[] | UserDirectory;

interface VersionedEntries {
  version: string;
  entries: Map<string, Loaded>;
}

/** Per base: the schema version its entries belong to. Keys inside: `tables`, `fields:<table id>`, `views:<table id>`. */
const bases = new Map<string, VersionedEntries>();
const maxBases = 1_000;
let users: { version: string; directory: UserDirectory } | undefined;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function entriesOf(baseId: string, version: string): Map<string, Loaded> {
  let versioned = bases.get(baseId);
  if (!versioned || versioned.version !== version) {
    if (!versioned && bases.size >= maxBases) bases.delete(bases.keys().next().value!);
    versioned = { version, entries: new Map() };
    bases.set(baseId, versioned);
  }
  return versioned.entries;
}

/**
 * `load()`'s result for `key` of the base at `version` (read by the caller in this request),
 * from the cache when it holds that version.
 */
async function readThrough<T extends Loaded>(db: store.Executor, baseId: string, version: string, key: string, load: () => Promise<T>): Promise<T> {
  const cached = bases.get(baseId);
  if (cached?.version === version && cached.entries.has(key)) return cached.entries.get(key) as T;
  const loaded = await load();
  if (db.isTransaction) return loaded;
  const after = await store.readBaseVersion(db, baseId);
  if (after?.schemaVersion === version) entriesOf(baseId, version).set(key, deepFreeze(loaded));
  return loaded;
}

/** The base's schema version and time zone: read once per request, then passed to the readers below. */
export async function baseVersion(db: store.Executor, baseId: string): Promise<store.BaseVersion | undefined> {
  return store.readBaseVersion(db, baseId);
}

export function cachedTables(db: store.Executor, baseId: string, version: string): Promise<readonly store.TableMeta[]> {
  return readThrough(db, baseId, version, 'tables', () => store.listTables(db, baseId));
}

export function cachedFields(db: store.Executor, baseId: string, version: string, tableId: string): Promise<readonly Field[]> {
  return readThrough(db, baseId, version, `fields:${tableId}`, () => store.listFields(db, tableId));
}

export function cachedViews(db: store.Executor, baseId: string, version: string, tableId: string): Promise<readonly store.ViewMeta[]> {
  return readThrough(db, baseId, version, `views:${tableId}`, () => store.listViews(db, tableId));
}

/** The user directory, rebuilt only when the users table changed; `known`: its version, read by the caller with this executor. */
export async function cachedUserDirectory(db: store.Executor, build: () => Promise<UserDirectory>, known?: string): Promise<UserDirectory> {
  const version = known ?? (await store.readUsersVersion(db));
  if (users?.version === version) return users.directory;
  const directory = await build();
  if (!db.isTransaction && (await store.readUsersVersion(db)) === version) users = { version, directory };
  return directory;
}

/**
 * Position maps: a deep page in the default order (`row_order, id`) found by a seek and a short
 * skip instead of OFFSET stepping over every earlier row. A map holds the order key of every
 * K-th row (its anchors) of one table under one filter; offset N then reads the rows after anchor
 * floor(N/K) and skips N mod K of them. Anchors are found lazily, each K index entries past the
 * previous one, so the first deep read costs what OFFSET did and later ones — at any offset up to
 * the deepest seen — cost a seek.
 *
 * A map is only as good as the rows it was walked over: it carries the database's data version,
 * read in the same snapshot as the page, and serves only while that version is unchanged. The
 * versions are database-wide, so ANY write changes them — from this process or another, a record
 * write, a move, a computed refresh, the bulk loader, DDL — and no writer needs to know maps exist:
 * - SQLite: `data_version` (commits by other connections), `total_changes()` (this connection's
 *   row changes, the only connection of the process) and `schema_version`;
 * - PostgreSQL: the snapshot itself (`xmin:xmax:in-progress xids`). Two equal snapshots see the
 *   same committed transactions, hence the same rows.
 * Coarse on purpose: after a write anywhere, the next deep read walks again — which costs what
 * it did before maps. View sorts keep the OFFSET walk: seeking them would need the sort's own
 * comparison (direction, NULL placement, collation) per key.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Executor } from '../database';
import type { DialectName, SqlDialect } from '../dialects/dialect';
import { userDb } from '../physical/executor';
import { recordIdColumn, rowOrderColumn, userTableName } from '../physical/naming';

/** Rows between anchors: ~100 anchors for a million rows, and a skip of at most this many. */
export const defaultAnchorSpacing = 10_000;

/** Maps kept per database, least recently used dropped first. */
const mapsPerDatabase = 64;

/** A row's place in the default order. */
export interface OrderKey {
  rowOrder: unknown;
  id: unknown;
}

/** Where a page starts: after `after` (from the first row when absent), skipping `skip` rows. */
export interface PageStart {
  after?: OrderKey;
  skip: number;
}

interface PositionMap {
  version: string;
  /** anchors[i] is the key of the row at position (i + 1) · spacing − 1. */
  anchors: readonly OrderKey[];
  /** No row lies `spacing` rows past the last anchor: walking on finds nothing. */
  complete: boolean;
}

const dataVersions: Readonly<Record<DialectName, (db: Kysely<any>) => Promise<string>>> = {
  sqlite: async (db) => {
    const { rows } = await sql<{ version: string }>`
      SELECT (SELECT data_version FROM pragma_data_version) || ':' || (SELECT schema_version FROM pragma_schema_version)
        || ':' || total_changes() AS version`.execute(db);
    return String(rows[0]!.version);
  },
  postgres: async (db) => {
    const { rows } = await sql<{ version: string }>`SELECT pg_current_snapshot()::text AS version`.execute(db);
    return String(rows[0]!.version);
  },
};

const snapshotReads: Readonly<Record<DialectName, <T>(db: Executor, work: (snapshot: Executor) => Promise<T>) => Promise<T>>> = {
  // A deferred BEGIN: the first read fixes the WAL snapshot until COMMIT.
  sqlite: (db, work) => db.transaction().execute(work),
  // Every statement sees the first one's snapshot — the one the version names.
  postgres: (db, work) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work),
};

/** Runs `work` on one snapshot of the database, so a map's version and the page agree. */
export function readInSnapshot<T>(db: Executor, dialect: SqlDialect, work: (snapshot: Executor) => Promise<T>): Promise<T> {
  return snapshotReads[dialect.name](db, work);
}

/** Rows after `key` in the default order (a range on the row-order index). */
export function afterOrderKey(key: OrderKey): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(rowOrderColumn)}, ${sql.ref(recordIdColumn)}) > (${key.rowOrder}, ${key.id})`;
}

class RecentMaps {
  private readonly maps = new Map<string, PositionMap>();

  get(key: string): PositionMap | undefined {
    const map = this.maps.get(key);
    if (map) this.put(key, map);
    return map;
  }

  put(key: string, map: PositionMap): void {
    this.maps.delete(key);
    this.maps.set(key, map);
    if (this.maps.size > mapsPerDatabase) this.maps.delete(this.maps.keys().next().value!);
  }
}

// Keyed by the database handle: versions are only comparable on the connection(s) they came from.
const mapsByDatabase = new WeakMap<object, RecentMaps>();

function mapsOf(db: Executor): RecentMaps {
  let maps = mapsByDatabase.get(db);
  if (!maps) mapsByDatabase.set(db, (maps = new RecentMaps()));
  return maps;
}

interface Walk {
  tableId: string;
  where: Expression<SqlBool> | undefined;
  spacing: number;
}

function keyOf(executor: Executor, walk: Walk): string {
  let select = userDb(executor).selectFrom(userTableName(walk.tableId)).select(recordIdColumn);
  if (walk.where) select = select.where(walk.where);
  const compiled = select.compile();
  const parameters = JSON.stringify(compiled.parameters, (_, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
  return `${walk.spacing}\n${compiled.sql}\n${parameters}`;
}

/** Walks on from the map's last anchor until it has `wanted` anchors or the rows run out. */
async function extend(snapshot: Executor, walk: Walk, map: PositionMap, wanted: number): Promise<PositionMap> {
  const anchors = [...map.anchors];
  while (anchors.length < wanted) {
    let select = userDb(snapshot).selectFrom(userTableName(walk.tableId)).select([rowOrderColumn, recordIdColumn]);
    if (walk.where) select = select.where(walk.where);
    const last = anchors[anchors.length - 1];
    if (last) select = select.where(afterOrderKey(last));
    const row = (await select
      .orderBy(rowOrderColumn)
      .orderBy(recordIdColumn)
      .limit(1)
      .offset(walk.spacing - 1)
      .executeTakeFirst()) as Record<string, unknown> | undefined;
    if (!row) return { version: map.version, anchors, complete: true };
    anchors.push({ rowOrder: row[rowOrderColumn], id: row[recordIdColumn] });
  }
  return { version: map.version, anchors, complete: false };
}

/**
 * Where the page at `offset` starts in the default order under `where`, from `db`'s position map
 * (walked further when it falls short). Call inside `readInSnapshot` with the same `db`, and read
 * the page on that snapshot.
 */
export async function locatePage(
  db: Executor,
  snapshot: Executor,
  dialect: SqlDialect,
  walk: Walk,
  offset: number,
): Promise<PageStart> {
  const version = await dataVersions[dialect.name](userDb(snapshot));
  const maps = mapsOf(db);
  const key = keyOf(snapshot, walk);
  let map = maps.get(key);
  if (map?.version !== version) map = { version, anchors: [], complete: false };
  const wanted = Math.floor(offset / walk.spacing);
  if (map.anchors.length < wanted && !map.complete) {
    map = await extend(snapshot, walk, map, wanted);
    const kept = maps.get(key);
    // Concurrent reads of one version may both walk; keep the longer map.
    if (kept?.version !== version || kept.anchors.length < map.anchors.length) maps.put(key, map);
  }
  const reached = Math.min(wanted, map.anchors.length);
  return reached === 0 ? { skip: offset } : { after: map.anchors[reached - 1]!, skip: offset - reached * walk.spacing };
}

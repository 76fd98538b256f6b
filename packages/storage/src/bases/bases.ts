/**
 * Bases: SQL for creating (with the creator as `owner` member, in one transaction), listing a
 * user's bases, updating and deleting. Deleting a base removes its meta rows by cascade; the
 * physical user tables of its tables are the schema layer's to drop first.
 */
import type { Database, Executor } from '../database';
import { isMemberRole, type MemberRole } from './roles';

export interface BaseRecord {
  id: string;
  name: string;
  timeZone: string;
  createdBy: string;
  createdAt: string;
}

/** A base as one member sees it: with their role. */
export interface MemberBase extends BaseRecord {
  role: MemberRole;
}

type BaseRow = { id: string; name: string; time_zone: string; created_by: string; created_at: string };

function toBase(row: BaseRow): BaseRecord {
  return { id: row.id, name: row.name, timeZone: row.time_zone, createdBy: row.created_by, createdAt: row.created_at };
}

function toMemberBase(row: BaseRow & { role: string }): MemberBase | undefined {
  return isMemberRole(row.role) ? { ...toBase(row), role: row.role } : undefined;
}

/** Creates the base and makes its creator the owner, atomically. */
export async function insertBase(database: Database, base: BaseRecord): Promise<void> {
  await database.transaction(async (trx) => {
    await trx
      .insertInto('bases')
      .values({
        id: base.id,
        name: base.name,
        time_zone: base.timeZone,
        created_by: base.createdBy,
        created_at: base.createdAt,
      })
      .execute();
    await trx
      .insertInto('base_members')
      .values({ base_id: base.id, user_id: base.createdBy, role: 'owner', created_at: base.createdAt })
      .execute();
  });
}

const baseColumns = ['bases.id', 'bases.name', 'bases.time_zone', 'bases.created_by', 'bases.created_at'] as const;

/** The bases `userId` is a member of, oldest first, each with the user's role. */
export async function listBasesOfMember(db: Executor, userId: string): Promise<MemberBase[]> {
  const rows = await db
    .selectFrom('bases')
    .innerJoin('base_members', 'base_members.base_id', 'bases.id')
    .select([...baseColumns, 'base_members.role'])
    .where('base_members.user_id', '=', userId)
    .orderBy('bases.created_at')
    .orderBy('bases.id')
    .execute();
  return rows.map(toMemberBase).filter((base): base is MemberBase => base !== undefined);
}

/** The base as `userId` sees it, or undefined when it does not exist or they are no member. */
export async function findBaseOfMember(db: Executor, baseId: string, userId: string): Promise<MemberBase | undefined> {
  const row = await db
    .selectFrom('bases')
    .innerJoin('base_members', 'base_members.base_id', 'bases.id')
    .select([...baseColumns, 'base_members.role'])
    .where('bases.id', '=', baseId)
    .where('base_members.user_id', '=', userId)
    .executeTakeFirst();
  return row ? toMemberBase(row) : undefined;
}

export async function findBase(db: Executor, baseId: string): Promise<BaseRecord | undefined> {
  const row = await db.selectFrom('bases').select(baseColumns).where('id', '=', baseId).executeTakeFirst();
  return row ? toBase(row) : undefined;
}

export async function updateBase(db: Executor, baseId: string, changes: { name?: string; timeZone?: string }): Promise<void> {
  const set: { name?: string; time_zone?: string } = {};
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.timeZone !== undefined) set.time_zone = changes.timeZone;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('bases').set(set).where('id', '=', baseId).execute();
}

/** Deletes the base row; members, tables, fields, views and attachments rows cascade. */
export async function deleteBase(db: Executor, baseId: string): Promise<boolean> {
  const result = await db.deleteFrom('bases').where('id', '=', baseId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Custom roles: SQL only. Rules are stored as JSON text exactly as core normalized them; the
 * server checks them against the base before they get here. A role some member holds cannot be
 * deleted (CONFLICT), checked in the same serializable transaction as the delete.
 */
import { EngineError } from '@multitable/core';
import type { Database, Executor } from '../database';
import { isUniqueViolation, serializable } from '../accounts/serializable';

export interface CustomRoleRecord {
  id: string;
  baseId: string;
  name: string;
  description: string;
  /** Parsed JSON, as saved. */
  rules: unknown;
  /** Moves on every update: permissions computed from the role are kept per version. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

type RoleRow = { id: string; base_id: string; name: string; description: string; rules: string; version: number | string; created_at: string; updated_at: string };

function toRecord(row: RoleRow): CustomRoleRecord {
  return {
    id: row.id,
    baseId: row.base_id,
    name: row.name,
    description: row.description,
    rules: JSON.parse(row.rules) as unknown,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function nameTaken(name: string): EngineError {
  return new EngineError('NAME_TAKEN', `A role named "${name}" already exists in this base`, { path: 'body.name', name });
}

export async function listCustomRoles(db: Executor, baseId: string): Promise<CustomRoleRecord[]> {
  const rows = await db.selectFrom('roles').selectAll().where('base_id', '=', baseId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toRecord);
}

/** The role with `roleId` in `baseId` (a role of another base is not found). */
export async function findCustomRole(db: Executor, baseId: string, roleId: string): Promise<CustomRoleRecord | undefined> {
  const row = await db.selectFrom('roles').selectAll().where('base_id', '=', baseId).where('id', '=', roleId).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Only the role's version: what a request needs while the permissions computed from it are kept. */
export async function findCustomRoleVersion(db: Executor, baseId: string, roleId: string): Promise<number | undefined> {
  const row = await db.selectFrom('roles').select('version').where('base_id', '=', baseId).where('id', '=', roleId).executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

export async function insertCustomRole(db: Executor, role: Omit<CustomRoleRecord, 'version' | 'updatedAt'>): Promise<CustomRoleRecord> {
  const row: RoleRow = {
    id: role.id,
    base_id: role.baseId,
    name: role.name,
    description: role.description,
    rules: JSON.stringify(role.rules),
    version: 1,
    created_at: role.createdAt,
    updated_at: role.createdAt,
  };
  try {
    await db.insertInto('roles').values({ ...row, version: 1 }).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(role.name);
    throw error;
  }
  return toRecord(row);
}

export async function updateCustomRole(
  db: Executor,
  baseId: string,
  roleId: string,
  change: { name?: string; description?: string; rules?: unknown; updatedAt: string },
): Promise<CustomRoleRecord | undefined> {
  try {
    await db
      .updateTable('roles')
      .set((eb) => ({
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.description !== undefined ? { description: change.description } : {}),
        ...(change.rules !== undefined ? { rules: JSON.stringify(change.rules) } : {}),
        version: eb('version', '+', 1),
        updated_at: change.updatedAt,
      }))
      .where('base_id', '=', baseId)
      .where('id', '=', roleId)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error) && change.name !== undefined) throw nameTaken(change.name);
    throw error;
  }
  return findCustomRole(db, baseId, roleId);
}

/** Deletes the role; NOT_FOUND when it is not this base's, CONFLICT while a member holds it. */
export async function deleteCustomRole(database: Database, baseId: string, roleId: string): Promise<void> {
  await serializable(database, async (trx) => {
    if (!(await findCustomRole(trx, baseId, roleId))) throw new EngineError('NOT_FOUND', `Role ${roleId} not found`, { role: roleId });
    const holders = await trx
      .selectFrom('base_members')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('base_id', '=', baseId)
      .where('role', '=', roleId)
      .executeTakeFirst();
    const count = Number(holders?.count ?? 0);
    if (count > 0) throw new EngineError('CONFLICT', `${count} member(s) hold this role; give them another role first`, { role: roleId, members: count });
    await trx.deleteFrom('roles').where('id', '=', roleId).execute();
  });
}

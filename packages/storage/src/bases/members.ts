/**
 * Base members: SQL for listing, adding, changing roles and removing. The rule that a base
 * always keeps at least one owner is enforced here, in a serializable transaction, so two
 * owners demoting each other at the same moment cannot leave the base ownerless.
 */
import { EngineError } from '@multitable/core';
import type { Database, Executor, Trx } from '../database';
import { isUniqueViolation, serializable } from '../accounts/serializable';
import { findCustomRole } from './custom-roles';
import { isBaseRole, isMemberRole, type MemberRole } from './roles';

export interface MemberRecord {
  userId: string;
  email: string;
  name: string;
  role: MemberRole;
  createdAt: string;
}

/** Members of a base with their names, oldest membership first. */
export async function listMembers(db: Executor, baseId: string): Promise<MemberRecord[]> {
  const rows = await db
    .selectFrom('base_members')
    .innerJoin('users', 'users.id', 'base_members.user_id')
    .select(['base_members.user_id', 'users.email', 'users.name', 'base_members.role', 'base_members.created_at'])
    .where('base_members.base_id', '=', baseId)
    .orderBy('base_members.created_at')
    .orderBy('base_members.user_id')
    .execute();
  return rows.flatMap((row) =>
    isMemberRole(row.role)
      ? [{ userId: row.user_id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at }]
      : [],
  );
}

/** The member's role, or undefined when `userId` is not a member of `baseId`. */
export async function findMemberRole(db: Executor, baseId: string, userId: string): Promise<MemberRole | undefined> {
  const row = await db
    .selectFrom('base_members')
    .select('role')
    .where('base_id', '=', baseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && isMemberRole(row.role) ? row.role : undefined;
}

/** Adds a member; CONFLICT when they already are one. */
export async function insertMember(
  db: Executor,
  member: { baseId: string; userId: string; role: MemberRole; createdAt: string },
): Promise<void> {
  await assertRoleOfBase(db, member.baseId, member.role, 'body.role');
  try {
    await db
      .insertInto('base_members')
      .values({ base_id: member.baseId, user_id: member.userId, role: member.role, created_at: member.createdAt })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new EngineError('CONFLICT', `User ${member.userId} is already a member of this base`, {
        path: 'body.userId',
        userId: member.userId,
      });
    }
    throw error;
  }
}

/** A custom role given to a member must be one of this base's (NOT_FOUND naming `path`). */
async function assertRoleOfBase(db: Executor, baseId: string, role: MemberRole, path: string): Promise<void> {
  if (isBaseRole(role)) return;
  if (!(await findCustomRole(db, baseId, role))) throw new EngineError('NOT_FOUND', `Role ${role} not found in this base`, { path, role });
}

async function ownerCount(trx: Trx, baseId: string): Promise<number> {
  const row = await trx
    .selectFrom('base_members')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('base_id', '=', baseId)
    .where('role', '=', 'owner')
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

function lastOwner(userId: string): EngineError {
  return new EngineError('CONFLICT', 'A base must keep at least one owner; make someone else owner first', { userId });
}

function notMember(userId: string): EngineError {
  return new EngineError('NOT_FOUND', `User ${userId} is not a member of this base`, { userId });
}

/**
 * Changes a member's role. `guard` sees the member's current role inside the transaction and
 * may refuse (e.g. an admin touching an owner). Refuses to demote the last owner.
 */
export async function setMemberRole(
  database: Database,
  change: { baseId: string; userId: string; role: MemberRole },
  guard: (currentRole: MemberRole) => void = () => {},
): Promise<void> {
  await serializable(database, async (trx) => {
    const current = await findMemberRole(trx, change.baseId, change.userId);
    if (!current) throw notMember(change.userId);
    guard(current);
    await assertRoleOfBase(trx, change.baseId, change.role, 'body.role');
    if (current === 'owner' && change.role !== 'owner' && (await ownerCount(trx, change.baseId)) <= 1) {
      throw lastOwner(change.userId);
    }
    await trx
      .updateTable('base_members')
      .set({ role: change.role })
      .where('base_id', '=', change.baseId)
      .where('user_id', '=', change.userId)
      .execute();
  });
}

/** Removes a member (see `setMemberRole` for `guard`). Refuses to remove the last owner. */
export async function deleteMember(
  database: Database,
  baseId: string,
  userId: string,
  guard: (currentRole: MemberRole) => void = () => {},
): Promise<void> {
  await serializable(database, async (trx) => {
    const current = await findMemberRole(trx, baseId, userId);
    if (!current) throw notMember(userId);
    guard(current);
    if (current === 'owner' && (await ownerCount(trx, baseId)) <= 1) throw lastOwner(userId);
    await trx.deleteFrom('base_members').where('base_id', '=', baseId).where('user_id', '=', userId).execute();
  });
}

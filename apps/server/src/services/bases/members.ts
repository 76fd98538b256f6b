/**
 * Base membership. Admins and owners manage members (route permission `base:manage`); on top
 * of that, only an owner may grant the owner role or change or remove an owner, and the last
 * owner can be neither demoted nor removed (enforced atomically in storage).
 */
import { EngineError } from '@multitable/core';
import {
  deleteMember,
  findUserById,
  insertMember,
  listMembers as listMemberRows,
  setMemberRole,
  type BaseRole,
  type MemberRole,
  type MemberRecord,
} from '@multitable/storage';
import { nowIso, type Platform } from '../../platform';

export type MemberView = MemberRecord;

export async function listMembers(platform: Platform, baseId: string): Promise<MemberView[]> {
  return listMemberRows(platform.database.db, baseId);
}

function ownerOnly(what: string): EngineError {
  return new EngineError('FORBIDDEN', `Only an owner of this base can ${what}`);
}

export async function addMember(
  platform: Platform,
  baseId: string,
  actorRole: BaseRole,
  input: { userId: string; role: MemberRole },
): Promise<MemberView> {
  if (input.role === 'owner' && actorRole !== 'owner') throw ownerOnly('make someone an owner');
  const user = await findUserById(platform.database.db, input.userId);
  if (!user || user.disabled) {
    throw new EngineError('NOT_FOUND', `User ${input.userId} not found`, { path: 'body.userId' });
  }
  const createdAt = nowIso(platform);
  await insertMember(platform.database.db, { baseId, userId: user.id, role: input.role, createdAt });
  return { userId: user.id, email: user.email, name: user.name, role: input.role, createdAt };
}

export async function changeMemberRole(
  platform: Platform,
  baseId: string,
  actorRole: BaseRole,
  userId: string,
  role: MemberRole,
): Promise<MemberView> {
  if (role === 'owner' && actorRole !== 'owner') throw ownerOnly('make someone an owner');
  await setMemberRole(platform.database, { baseId, userId, role }, (current) => {
    if (current === 'owner' && actorRole !== 'owner') throw ownerOnly("change an owner's role");
  });
  const member = (await listMembers(platform, baseId)).find((m) => m.userId === userId);
  if (!member) throw new EngineError('NOT_FOUND', `User ${userId} is not a member of this base`, { userId });
  return member;
}

export async function removeMember(platform: Platform, baseId: string, actorRole: BaseRole, userId: string): Promise<void> {
  await deleteMember(platform.database, baseId, userId, (current) => {
    if (current === 'owner' && actorRole !== 'owner') throw ownerOnly('remove an owner');
  });
}

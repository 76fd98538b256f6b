/**
 * Who a data request acts for, as the access services need it: the base, the user, and the
 * role they hold there (an API token acts as its owner, already narrowed to its bases and to
 * reading by the route check).
 */
import type { FastifyRequest } from 'fastify';
import type { MemberRole } from '@multitable/storage';
import { requireBaseActor } from '../../auth/actor';
import type { Platform } from '../../platform';

export interface Caller {
  baseId: string;
  userId: string;
  memberRole: MemberRole;
}

/** A caller at one moment: what 'me' and relative dates in their record scopes resolve against. */
export interface ClockedCaller extends Caller {
  now: Date;
}

export function clocked(platform: Platform, caller: Caller): ClockedCaller {
  return { ...caller, now: new Date(platform.clock()) };
}

export function callerOf(request: FastifyRequest): Caller {
  const actor = requireBaseActor(request);
  return { baseId: actor.baseId, userId: actor.userId, memberRole: actor.memberRole };
}

/**
 * Who a data request acts for, as the access services need it: the base, the user, and the
 * role they hold there (an API token acts as its owner, already narrowed to its bases and to
 * reading by the route check).
 */
import type { FastifyRequest } from 'fastify';
import type { BaseVersion, MemberAccess, MemberRole } from '@multitable/storage';
import { requireBaseActor } from '../../auth/actor';
import type { Platform } from '../../platform';

export interface Caller {
  baseId: string;
  userId: string;
  memberRole: MemberRole;
  /**
   * What the access check read of the base with the credentials, outside any transaction, at
   * the start of this request: reads outside a transaction start from its versions instead of
   * reading them again (one round trip each on PostgreSQL); writes read their own in the
   * transaction. Only for the request that read it: never kept on anything that outlives it.
   */
  seen?: MemberAccess;
}

/** A caller at one moment: what 'me' and relative dates in their record scopes resolve against. */
export interface ClockedCaller extends Caller {
  now: Date;
}

export function clocked(platform: Platform, caller: Caller): ClockedCaller {
  return { ...caller, now: new Date(platform.clock()) };
}

/** The caller of this request, with what its access check saw of the base. */
export function callerOf(request: FastifyRequest): Caller {
  const actor = requireBaseActor(request);
  return { ...lastingCallerOf(request), ...(actor.memberAccess ? { seen: actor.memberAccess } : {}) };
}

/** The caller for something that outlives the request (a realtime connection): what it saw goes stale. */
export function lastingCallerOf(request: FastifyRequest): Caller {
  const actor = requireBaseActor(request);
  return { baseId: actor.baseId, userId: actor.userId, memberRole: actor.memberRole };
}

/** The base version a read outside a transaction may start from, if the caller saw one. */
export function seenVersion(db: { isTransaction: boolean }, caller: Caller): BaseVersion | undefined {
  return db.isTransaction ? undefined : caller.seen?.base;
}

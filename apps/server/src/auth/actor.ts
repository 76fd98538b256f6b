/**
 * The authenticated caller of a request: `request.actor`.
 *
 * Set by the access-control hook before validation and the handler run:
 * - `null` on `public` routes (credentials are not examined there);
 * - an `Actor` on every other route — an unauthenticated request never reaches the handler.
 *
 * ```ts
 * interface Actor {
 *   userId: string;                       // usr_…
 *   user: { id, email, name, isInstanceOwner };
 *   via: 'session' | 'token';             // browser session cookie or `Authorization: Bearer mt_…`
 *   token?: { id, access: 'read' | 'readWrite', baseIds };   // only when via === 'token'
 *   baseId?: string; baseRole?: BaseRole; // on base:* routes: the checked base and the caller's place on the role ladder
 *   memberRole?: MemberRole;              // … and the role they hold (a custom role's id, or baseRole)
 *   memberAccess?: MemberAccess;          // what was read of that base with the credentials (versions, role)
 * }
 * ```
 *
 * Handlers call `requireActor(request)` to get a non-null actor with the right type.
 */
import type { FastifyRequest } from 'fastify';
import { EngineError } from '@multitable/core';
import type { BaseRole, MemberAccess, MemberRole, TokenAccess } from '@multitable/storage';

export interface ActorUser {
  id: string;
  email: string;
  name: string;
  isInstanceOwner: boolean;
}

export interface Actor {
  userId: string;
  user: ActorUser;
  via: 'session' | 'token';
  /** Only for session actors: the session's stored id hash and CSRF token. */
  session?: { idHash: string; csrfToken: string };
  /** Only for token actors: how far the token narrows its owner's rights. */
  token?: { id: string; access: TokenAccess; baseIds: readonly string[] };
  /** On base:* routes, the base from `params.baseId`… */
  baseId?: string;
  /** …the caller's place on the route ladder in it (a custom role stands as editor)… */
  baseRole?: BaseRole;
  /** …and the role they hold: what per-table permissions are computed from (services/access). */
  memberRole?: MemberRole;
  /**
   * On base:* routes, read with the credentials outside any transaction: the role, the base's
   * versions and zone. Reads start from these instead of reading them again (services/access/caller.ts).
   */
  memberAccess?: MemberAccess;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The request's actor; throws UNAUTHENTICATED on a route that let an anonymous caller through. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new EngineError('UNAUTHENTICATED', 'Sign in or send an API token to use this route');
  return request.actor;
}

/** The actor of a base:* route, with the base and role the access check established. */
export type BaseActor = Actor & { baseId: string; baseRole: BaseRole; memberRole: MemberRole };

export function requireBaseActor(request: FastifyRequest): BaseActor {
  const actor = requireActor(request);
  if (!actor.baseId || !actor.baseRole || !actor.memberRole) {
    throw new EngineError('INTERNAL', 'requireBaseActor used on a route without a base:* permission');
  }
  return actor as BaseActor;
}

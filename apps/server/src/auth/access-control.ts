/**
 * Enforces route permissions (see permissions.ts) on every request, deny by default, and keeps
 * the inventory of every registered route with the permission it declared (RELIABILITY A1.1).
 *
 * The check runs in `onRequest` — after routing, before the body is parsed or validated — so
 * an unauthenticated or unauthorised caller is refused before any of their input is processed.
 * Order: declared permission → credentials (401) → same-site and CSRF (403 CSRF_FAILED) →
 * session-only / read-token / instance-owner rules (403) → base membership (404 for
 * non-members, 403 for too low a role). The result is `request.actor` (see actor.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { EngineError, isId } from '@multitable/core';
import { ladderRole, roleAtLeast } from '@multitable/storage';
import type { Platform } from '../platform';
import type { Actor } from './actor';
import { authenticate, SessionEndedError } from './authenticate';
import { assertCsrfToken, assertSameSite } from './csrf';
import { isPermission, permissionRules, type Permission, type PermissionRule } from './permissions';
import { sessionCookieName, sessionCookieOptions } from './session-cookie';

export interface InventoriedRoute {
  method: string;
  url: string;
  /** Undefined when the route declared none (it is then closed with 403). */
  permission: Permission | undefined;
}

export interface RouteInventory {
  routes(): InventoriedRoute[];
}

declare module 'fastify' {
  interface FastifyInstance {
    routeInventory: RouteInventory;
  }
}

function forbidden(message: string): EngineError {
  return new EngineError('FORBIDDEN', message);
}

/** The well-formed base id a base:* route names; undefined on other routes and for a malformed one. */
function routeBaseId(request: FastifyRequest, rule: PermissionRule): string | undefined {
  const baseId = (request.params as Record<string, unknown> | undefined)?.baseId;
  return rule.minBaseRole && typeof baseId === 'string' && isId('base', baseId) ? baseId : undefined;
}

/** Membership in the route's base, from what authenticate() read with the credentials. */
function checkBaseAccess(actor: Actor, rule: PermissionRule, baseId: string | undefined): void {
  const minimum = rule.minBaseRole;
  if (!minimum) return;
  if (baseId === undefined) throw new EngineError('NOT_FOUND', 'Base not found', { path: 'params.baseId' });
  if (actor.token && !actor.token.baseIds.includes(baseId)) {
    throw forbidden(`This API token does not grant access to base ${baseId}`);
  }
  if (actor.memberAccess?.baseId !== baseId) throw new EngineError('INTERNAL', 'The base access was not read with the credentials');
  const role = actor.memberAccess.role;
  if (!role) throw new EngineError('NOT_FOUND', `Base ${baseId} not found`, { baseId });
  const ladder = ladderRole(role);
  if (!roleAtLeast(ladder, minimum)) {
    throw forbidden(`This needs the ${minimum} role or higher in base ${baseId}; you are ${role === ladder ? role : 'a custom role'}`);
  }
  actor.baseId = baseId;
  actor.baseRole = ladder;
  actor.memberRole = role;
}

function checkActorRules(actor: Actor, rule: PermissionRule): void {
  if (rule.authentication === 'session' && actor.via !== 'session') {
    throw forbidden('API tokens cannot use this route; sign in to the web app');
  }
  if (actor.token?.access === 'read' && !rule.readTokenAllowed) {
    throw forbidden('This API token is read-only');
  }
  if (rule.instanceOwner && !actor.user.isInstanceOwner) {
    throw forbidden('Only the instance owner can do this');
  }
}

async function enforce(platform: Platform, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.actor = null;
  if (request.is404) return;
  const permission = request.routeOptions.config.permission;
  if (!isPermission(permission)) throw forbidden('This route declares no permission, so it is closed');
  const rule = permissionRules[permission];

  const bearer = request.headers.authorization !== undefined;
  if (!bearer) assertSameSite(platform.config, request);
  if (rule.authentication === 'none') return;

  const baseId = routeBaseId(request, rule);
  let actor: Actor;
  try {
    actor = await authenticate(platform, request, baseId);
  } catch (error) {
    if (error instanceof SessionEndedError) {
      reply.clearCookie(sessionCookieName(platform.config), sessionCookieOptions(platform.config));
    }
    throw error;
  }
  if (actor.session) assertCsrfToken(request, actor.session.csrfToken);
  checkActorRules(actor, rule);
  checkBaseAccess(actor, rule, baseId);
  request.actor = actor;
}

export function installAccessControl(app: FastifyInstance, platform: Platform): void {
  // Kept by reference: plugins serving static files declare `public` in their own onRoute
  // hook, which runs after this one, so permissions are read when the inventory is asked for.
  const registered: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    const declared = route.config?.permission;
    if (declared !== undefined && !isPermission(declared)) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares unknown permission "${String(declared)}"`);
    }
    if (declared && permissionRules[declared].minBaseRole && !route.url.includes(':baseId')) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares ${declared} but has no :baseId parameter`);
    }
    registered.push(route);
  });
  app.decorate('routeInventory', {
    routes: () =>
      registered.flatMap((route) =>
        (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
          method: String(method),
          url: route.url,
          permission: isPermission(route.config?.permission) ? route.config.permission : undefined,
        })),
      ),
  });
  app.decorateRequest('actor', null);
  app.addHook('onRequest', (request, reply) => enforce(platform, request, reply));
}

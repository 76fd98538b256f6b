/**
 * Route permissions — deny by default (DESIGN §7, RELIABILITY A1.1, A1.10).
 *
 * Every route declares exactly one permission in its config:
 *
 *   app.get('/api/v1/bases/:baseId/tables', { config: { permission: 'base:read' }, schema }, handler)
 *
 * A route without one answers 403 and fails the route-inventory test. This file is the whole
 * rule table; access-control.ts applies it. Meanings:
 *
 * | permission        | who passes                                                             |
 * |-------------------|------------------------------------------------------------------------|
 * | `public`          | anyone; credentials are not examined (setup, login, health, docs, web) |
 * | `signedIn`        | any signed-in user, by session or by API token (read tokens included)  |
 * | `account`         | a signed-in user with a browser session; API tokens are refused        |
 * |                   | (logout, user directory, personal tokens, creating bases)              |
 * | `instanceOwner`   | the instance owner with a browser session (creating users)             |
 * | `base:read`       | member of `params.baseId` with role ≥ viewer                           |
 * | `base:contribute` | … role ≥ viewer, but not with a read-only API token: what any member   |
 * |                   | adds of their own (comments, personal views)                           |
 * | `base:write`      | … role ≥ editor (records)                                              |
 * | `base:design`     | … role ≥ admin (tables, fields, shared views)                          |
 * | `base:manage`     | … role ≥ admin, session only (members, base settings)                  |
 * | `base:own`        | … role = owner, session only (deleting the base)                       |
 *
 * For `base:*` the base comes from the `:baseId` path parameter (a route declaring one without
 * that parameter fails at registration). A non-member gets 404 as if the base did not exist; a
 * member with too low a role gets 403. An API token reaches only the bases it lists (403 for
 * others) and a `read` token only `signedIn` and `base:read` routes.
 */
import type { BaseRole } from '@multitable/storage';

export const permissions = [
  'public',
  'signedIn',
  'account',
  'instanceOwner',
  'base:read',
  'base:contribute',
  'base:write',
  'base:design',
  'base:manage',
  'base:own',
] as const;

export type Permission = (typeof permissions)[number];

export interface PermissionRule {
  /** `none`: no credentials looked at; `any`: session or token; `session`: browser session only. */
  authentication: 'none' | 'any' | 'session';
  /** Only the instance owner. */
  instanceOwner?: true;
  /** Lowest base role, for the base in `params.baseId`. */
  minBaseRole?: BaseRole;
  /** A `read` API token may call it. */
  readTokenAllowed?: true;
}

export const permissionRules: Record<Permission, PermissionRule> = {
  public: { authentication: 'none' },
  signedIn: { authentication: 'any', readTokenAllowed: true },
  account: { authentication: 'session' },
  instanceOwner: { authentication: 'session', instanceOwner: true },
  'base:read': { authentication: 'any', minBaseRole: 'viewer', readTokenAllowed: true },
  'base:contribute': { authentication: 'any', minBaseRole: 'viewer' },
  'base:write': { authentication: 'any', minBaseRole: 'editor' },
  'base:design': { authentication: 'any', minBaseRole: 'admin' },
  'base:manage': { authentication: 'session', minBaseRole: 'admin' },
  'base:own': { authentication: 'session', minBaseRole: 'owner' },
};

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (permissions as readonly string[]).includes(value);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; see apps/server/src/auth/permissions.ts. Required on every route. */
    permission?: Permission;
  }
}

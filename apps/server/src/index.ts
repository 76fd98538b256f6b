/** @multitable/server — the fastify app, its configuration, and the access-control contract for routes. */
export { buildApp, jsonBodyLimit, type BuildAppOptions } from './app';
export { defaultConfig, readConfig, servedOverTls, storageConfigOf, type ServerConfig } from './config';
export { nowIso, type Clock, type Platform } from './platform';
export { permissions, permissionRules, isPermission, type Permission, type PermissionRule } from './auth/permissions';
export { requireActor, requireBaseActor, type Actor, type ActorUser } from './auth/actor';
export type { InventoriedRoute, RouteInventory } from './auth/access-control';
export { csrfHeader } from './auth/csrf';
export { sessionCookieName } from './auth/session-cookie';
export { passwordHashParameters } from './auth/passwords';
export { errorStatuses } from './http/error-statuses';
export { sendError, type ErrorBody } from './http/error-handler';
export { canonicalTimeZone } from './time-zones';
export type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

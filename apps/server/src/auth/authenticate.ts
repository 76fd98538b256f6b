/**
 * Who is calling: a bearer API token (`Authorization: Bearer mt_…`) or the session cookie.
 * Fails closed (RELIABILITY A1.8): any Authorization header that is not a live token, and any
 * session cookie that names no live session, is 401 UNAUTHENTICATED — never an anonymous
 * caller. A bearer token wins over a cookie sent alongside it.
 */
import type { FastifyRequest } from 'fastify';
import { EngineError } from '@multitable/core';
import type { Platform } from '../platform';
import { resolveApiToken } from '../services/accounts/api-tokens';
import { resolveSession } from '../services/accounts/sessions';
import { selfView } from '../services/accounts/identity';
import type { Actor } from './actor';
import { sessionCookieName } from './session-cookie';

export class SessionEndedError extends EngineError {
  constructor() {
    super('UNAUTHENTICATED', 'Your session has ended; sign in again');
  }
}

/** `baseId`: the base the route names, when it names one — the caller's access to it is read with their credentials. */
export async function authenticate(platform: Platform, request: FastifyRequest, baseId?: string): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    const resolved = match?.[1] ? await resolveApiToken(platform, match[1], baseId) : undefined;
    if (!resolved) throw new EngineError('UNAUTHENTICATED', 'The API token is malformed, unknown or revoked');
    const { token, user, access } = resolved;
    return {
      userId: user.id,
      user: selfView(user),
      via: 'token',
      token: { id: token.id, access: token.access, baseIds: token.baseIds },
      ...(access ? { memberAccess: access } : {}),
    };
  }

  const cookie = request.cookies[sessionCookieName(platform.config)];
  if (cookie === undefined || cookie === '') {
    throw new EngineError('UNAUTHENTICATED', 'Sign in or send an API token to use this route');
  }
  const session = await resolveSession(platform, cookie, baseId);
  if (!session) throw new SessionEndedError();
  return {
    userId: session.user.id,
    user: selfView(session.user),
    via: 'session',
    session: { idHash: session.idHash, csrfToken: session.csrfToken },
    ...(session.access ? { memberAccess: session.access } : {}),
  };
}

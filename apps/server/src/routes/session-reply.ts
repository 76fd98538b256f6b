/** Sets or clears the session cookie on a reply (used by setup, sign-in and sign-out). */
import type { FastifyReply } from 'fastify';
import type { ServerConfig } from '../config';
import { sessionCookieName, sessionCookieOptions } from '../auth/session-cookie';
import type { StartedSession } from '../services/accounts/sessions';

export function setSessionCookie(reply: FastifyReply, config: ServerConfig, session: StartedSession): void {
  reply.setCookie(sessionCookieName(config), session.token, sessionCookieOptions(config, session.maxAgeSeconds));
}

export function clearSessionCookie(reply: FastifyReply, config: ServerConfig): void {
  reply.clearCookie(sessionCookieName(config), sessionCookieOptions(config));
}

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/; with `Secure` and the `__Host-` prefix
 * when PUBLIC_URL is https (the prefix makes browsers refuse it from plain HTTP or a
 * subdomain). It expires with the session's absolute limit.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';
import { servedOverTls, type ServerConfig } from '../config';

export function sessionCookieName(config: ServerConfig): string {
  return servedOverTls(config) ? '__Host-mt_session' : 'mt_session';
}

export function sessionCookieOptions(config: ServerConfig, maxAgeSeconds?: number): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: servedOverTls(config),
    ...(maxAgeSeconds !== undefined ? { maxAge: Math.max(0, Math.floor(maxAgeSeconds)) } : {}),
  };
}

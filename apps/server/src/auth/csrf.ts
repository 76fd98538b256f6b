/**
 * Cross-site request forgery defence (RELIABILITY A7.5). A state-changing request (anything
 * but GET/HEAD/OPTIONS) that does not authenticate with a bearer token must
 * - come from this site: an `Origin` header, when present, equal to the server's origin
 *   (PUBLIC_URL's, else the request's own scheme and Host); `Sec-Fetch-Site`, when present,
 *   `same-origin` or `none`;
 * - and, when it rides on the session cookie, carry `x-csrf-token` equal to the session's token.
 * Failures are 403 CSRF_FAILED. Bearer requests are exempt: browsers never add them on their own.
 */
import type { FastifyRequest } from 'fastify';
import { EngineError } from '@multitable/core';
import type { ServerConfig } from '../config';
import { secretsEqual } from './secrets';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfHeader = 'x-csrf-token';

export function isStateChanging(method: string): boolean {
  return !safeMethods.has(method.toUpperCase());
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function serverOrigin(config: ServerConfig, request: FastifyRequest): string | undefined {
  if (config.publicUrl) return originOf(config.publicUrl);
  return originOf(`${request.protocol}://${request.host}`);
}

/** Refuses a state-changing request that a browser sent from another site. */
export function assertSameSite(config: ServerConfig, request: FastifyRequest): void {
  if (!isStateChanging(request.method)) return;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new EngineError('CSRF_FAILED', 'Cross-site requests cannot change anything here', {});
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const expected = serverOrigin(config, request);
  if (!expected || originOf(origin) !== expected) {
    throw new EngineError('CSRF_FAILED', 'The request came from another origin', {});
  }
}

/**
 * Refuses a WebSocket handshake a browser sent from another site: the handshake is a GET, so the
 * check above lets it through, yet the socket then streams what the cookie's owner may read.
 */
export function assertSameOriginHandshake(config: ServerConfig, request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const expected = serverOrigin(config, request);
  if (!expected || originOf(origin) !== expected) throw new EngineError('CSRF_FAILED', 'The connection came from another origin', {});
}

/** Refuses a state-changing cookie-authenticated request without the session's CSRF token. */
export function assertCsrfToken(request: FastifyRequest, sessionCsrfToken: string): void {
  if (!isStateChanging(request.method)) return;
  const sent = request.headers[csrfHeader];
  if (typeof sent !== 'string' || !secretsEqual(sent, sessionCsrfToken)) {
    throw new EngineError('CSRF_FAILED', `Missing or wrong ${csrfHeader} header; read it from GET /api/v1/auth/me`, {});
  }
}

/**
 * Security headers on every response (RELIABILITY A4.5): a CSP that allows scripts only from
 * this origin (no inline scripts, no eval), `frame-ancestors 'none'`, COOP same-origin,
 * Referrer-Policy same-origin, nosniff; HSTS only when PUBLIC_URL is https. Inline *styles*
 * stay allowed: Swagger UI and the grid library set style attributes.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { servedOverTls, type ServerConfig } from '../config';

export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function registerSecurityHeaders(app: FastifyInstance, config: ServerConfig): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: servedOverTls(config) ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  });
}

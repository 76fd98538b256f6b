/**
 * Security headers on every response (RELIABILITY A4.5): a CSP that allows scripts only from
 * this origin (no inline scripts, no eval), `frame-ancestors 'none'`, COOP same-origin,
 * Referrer-Policy same-origin, nosniff; HSTS only when PUBLIC_URL is https. Inline *styles*
 * stay allowed: Swagger UI and the grid library set style attributes.
 *
 * helmet decides the headers, once: they are the same on every response, yet @fastify/helmet
 * builds helmet's middleware again for each request (parsing the CSP directives and every
 * option), a few percent of a small request's CPU. So helmet answers one request on a probe
 * instance at start and its headers are set, as helmet sets them, on every response.
 */
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
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

function helmetOptions(config: ServerConfig) {
  return {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    crossOriginOpenerPolicy: { policy: 'same-origin' as const },
    crossOriginResourcePolicy: { policy: 'same-origin' as const },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: servedOverTls(config) ? { maxAge: 15_552_000, includeSubDomains: false } : (false as const),
  };
}

/** Headers every reply has without helmet: not helmet's to set. */
const notHelmets = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The headers helmet sets with these options, read off one reply of a probe instance. */
async function helmetHeaders(config: ServerConfig): Promise<Array<[string, string]>> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(helmet, helmetOptions(config));
    probe.get('/', async () => '');
    const reply = await probe.inject({ method: 'GET', url: '/' });
    return Object.entries(reply.headers)
      .filter(([name]) => !notHelmets.has(name))
      .map(([name, value]) => [name, String(value)]);
  } finally {
    await probe.close();
  }
}

export async function registerSecurityHeaders(app: FastifyInstance, config: ServerConfig): Promise<void> {
  const headers = await helmetHeaders(config);
  if (!headers.some(([name]) => name === 'content-security-policy')) throw new Error('helmet set no Content-Security-Policy on its probe reply');
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

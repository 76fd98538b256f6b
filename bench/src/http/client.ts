/**
 * The HTTP client every figure uses, on loopback: undici's pool with keep-alive, one per origin,
 * so the server and the bare fastify baseline are measured through exactly the same client.
 * `send` times the whole exchange — request out, full body read — in milliseconds.
 */
import { Pool } from 'undici';

export interface Reply {
  status: number;
  text: string;
  ms: number;
  headers: Record<string, string | string[] | undefined>;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** How long the client waits for a reply's headers, and then between chunks of its body: 30 minutes. */
export const requestTimeoutMs = 30 * 60_000;

/** True for undici's error when the server did not answer within requestTimeoutMs. */
export function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

export class HttpClient {
  private readonly pool: Pool;
  private headers: Record<string, string> = {};

  constructor(readonly origin: string, connections = 64) {
    // Idle sockets are closed by the client after 4 s, long before the server would (fastify: 72 s),
    // so a request never goes out on a socket the server is closing (after a long bulk load).
    // A schema change on a million records answers only when done: it may take minutes.
    this.pool = new Pool(origin, {
      connections,
      pipelining: 1,
      keepAliveTimeout: 4_000,
      keepAliveMaxTimeout: 4_000,
      headersTimeout: requestTimeoutMs,
      bodyTimeout: requestTimeoutMs,
    });
  }

  /** Headers sent with every later request (authorization, cookie, CSRF token). */
  setHeaders(headers: Record<string, string>): void {
    this.headers = { ...this.headers, ...headers };
  }

  /** The headers every request carries (to open a second client with the same credentials). */
  get sentHeaders(): Readonly<Record<string, string>> {
    return this.headers;
  }

  async send(method: Method, path: string, body?: unknown): Promise<Reply> {
    try {
      return await this.sendOnce(method, path, body);
    } catch (error) {
      // A GET on a socket the other side closed meanwhile is safe to send once more; any other
      // failure names the request, so a crashed run says where.
      const code = (error as { code?: string }).code;
      if (method === 'GET' && (code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'ECONNRESET')) return this.sendOnce(method, path, body);
      if (error instanceof Error) error.message = `${method} ${path}: ${error.message}`;
      throw error;
    }
  }

  private async sendOnce(method: Method, path: string, body?: unknown): Promise<Reply> {
    const started = performance.now();
    const response = await this.pool.request({
      method,
      path,
      headers: body === undefined ? this.headers : { ...this.headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.body.text();
    return { status: response.statusCode, text, ms: performance.now() - started, headers: response.headers };
  }

  /** Sends and parses JSON; throws with the body when the status is not `expected`. */
  async json<T>(method: Method, path: string, body?: unknown, expected: number | number[] = [200, 201]): Promise<T> {
    const reply = await this.send(method, path, body);
    const ok = Array.isArray(expected) ? expected.includes(reply.status) : reply.status === expected;
    if (!ok) throw new HttpError(method, path, reply);
    return JSON.parse(reply.text) as T;
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

export class HttpError extends Error {
  constructor(readonly method: string, readonly path: string, readonly reply: Reply) {
    super(`${method} ${path} answered ${reply.status}: ${reply.text.slice(0, 500)}`);
  }

  /** The API's error code (`{ error: { code } }`), when the body has one. */
  get code(): string | undefined {
    try {
      return (JSON.parse(this.reply.text) as { error?: { code?: string } }).error?.code;
    } catch {
      return undefined;
    }
  }
}

/** `?a=1&b=…` from defined values; objects become JSON (the API's filter and sort parameters). */
export function queryString(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    search.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

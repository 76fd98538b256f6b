/**
 * The bare-stack HTTP ceiling: a plain fastify app, no plugins, in its own process like the real
 * server, that serves back bytes it was handed. The harness stores the real server's response
 * under a key (`PUT /bytes/:key`), then times `GET /bytes/:key` — the same bytes over the same
 * client — and `POST /bytes/:key`, which also parses a JSON request body (the write figures).
 * Run as a script: prints `bare fastify at http://127.0.0.1:<port>`.
 */
import Fastify from 'fastify';

const stored = new Map<string, Buffer>();
const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

app.put<{ Params: { key: string }; Body: Buffer }>('/bytes/:key', async (request, reply) => {
  stored.set(request.params.key, request.body);
  return reply.status(204).send();
});

const serve = async (request: { params: { key: string } }, reply: import('fastify').FastifyReply) => {
  const bytes = stored.get(request.params.key);
  if (!bytes) return reply.status(404).send({ error: 'no bytes under this key' });
  return reply.type('application/json; charset=utf-8').send(bytes);
};
app.get<{ Params: { key: string } }>('/bytes/:key', serve);
app.post<{ Params: { key: string } }>('/bytes/:key', serve);
app.patch<{ Params: { key: string } }>('/bytes/:key', serve);

const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`bare fastify at ${address}`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));

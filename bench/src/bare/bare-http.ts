/** Starts bytes-server.ts as a child process and stores / fetches bytes through the shared client. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { HttpClient, type Method } from '../http/client';

export interface BareHttp {
  client: HttpClient;
  /** Makes `key` answer with exactly `bytes`. */
  store(key: string, bytes: string): Promise<void>;
  /** Times one request for `key` (with `body` for writes), like the real server's figure. */
  time(method: Method, key: string, body?: unknown): Promise<number>;
  pid: number;
  stop(): Promise<void>;
}

export async function startBareHttp(repoRoot: string): Promise<BareHttp> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bytes-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /bare fastify at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bare fastify exited with ${code}: ${output}`)));
  });
  const client = new HttpClient(origin);
  const uploader = new Pool(origin, { connections: 1 });
  return {
    client,
    pid: child.pid!,
    async store(key, bytes) {
      const response = await uploader.request({ method: 'PUT', path: `/bytes/${encodeURIComponent(key)}`, headers: { 'content-type': 'application/octet-stream' }, body: bytes });
      await response.body.text();
      if (response.statusCode !== 204) throw new Error(`bare fastify refused to store ${key}: ${response.statusCode}`);
    },
    async time(method, key, body) {
      const reply = await client.send(method, `/bytes/${encodeURIComponent(key)}`, body);
      if (reply.status !== 200) throw new Error(`bare fastify answered ${reply.status} for ${key}`);
      return reply.ms;
    },
    async stop() {
      await client.close();
      await uploader.close();
      await stopProcess(child);
    },
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * What `pnpm start` runs: the server bundled by apps/server/scripts/build.ts, under plain node,
 * on a fresh data directory. It must start, say where it is and that setup is still to do, serve
 * the web app and the API from the bundle's location, and stop cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../apps/server/scripts/build';
import { serverNodeFlags } from '../../apps/server/scripts/node-flags';

describe('the bundled server (pnpm start)', () => {
  let dataDir: string;
  let child: ChildProcess;
  let output = '';
  let origin: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-start-'));
    const bundle = await buildServer();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    child = spawn(process.execPath, [...serverNodeFlags, bundle], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    origin = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Multitable is running at (http:\/\/\S+)/.exec(output);
        if (match) setTimeout(() => resolve(match[1]!), 100); // the first-run line follows
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
  }, 60_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is started by pnpm start with the same Node flags', () => {
    const manifest = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
    expect(manifest.scripts.start).toMatch(new RegExp(`&& node ${serverNodeFlags.join(' ')} apps/server/dist/main\\.mjs$`));
  });

  it('starts on a fresh data directory and says setup is still to do', () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain(`First run: open ${origin}`);
    expect(fs.existsSync(path.join(dataDir, 'multitable.sqlite'))).toBe(true);
  });

  it('serves the web app and the API from where the bundle lives', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    // The built app, or the placeholder when apps/web/dist is not built yet: both are found from dist/.
    expect(await page.text()).toContain('<title>Multitable');
    const health = await fetch(`${origin}/api/v1/health`);
    expect(health.status).toBe(200);
    const docs = await fetch(`${origin}/api/docs/json`);
    expect(((await docs.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });

  it('stops on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM received, shutting down');
  });
});

/**
 * The real server, started as its own process exactly as `pnpm start` runs it (the bundle
 * apps/server/scripts/build.ts makes, under plain node), listening on 127.0.0.1 with a port the system picks. A child process keeps
 * its memory and CPU apart from the harness: RSS is read from /proc/<pid>/status, and with
 * `cpuProfileDir` it runs the sources under `node --cpu-prof` and writes its profile when stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildServer } from '../../apps/server/scripts/build';
import { serverNodeFlags } from '../../apps/server/scripts/node-flags';

export interface ServerOptions {
  repoRoot: string;
  dataDir: string;
  databaseUrl?: string;
  cpuProfileDir?: string;
}

export interface RunningServer {
  origin: string;
  pid: number;
  /** Resident set size now, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

export function readRssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // Profiles run the sources under tsx: a bundle's functions would all sit in one file, and the
  // profile summary attributes time by file (storage, services, kysely, …).
  const heapCap = serverNodeFlags.filter((flag) => flag.startsWith('--max-old-space-size'));
  const args = options.cpuProfileDir
    ? [...heapCap, '--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`, path.join(options.repoRoot, 'apps/server/src/main.ts')]
    : [...serverNodeFlags, await buildServer()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: options.dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    // Request logs off: the figures are the server's, not pino's; warnings and errors still print.
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;

  const child = spawn(process.execPath, args, { cwd: options.repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const origin = await waitForUrl(child);
  const pid = child.pid!;
  return {
    origin,
    pid,
    rssMb: () => readRssMb(pid),
    stop: () => stopChild(child),
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let listening = false;
    const timer = setTimeout(() => reject(new Error(`The server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      // After start, pino's warnings and errors (stdout) are shown, not kept.
      if (listening) return void process.stderr.write(`[server] ${chunk.toString()}`);
      output += chunk.toString();
      const match = /Multitable is running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        listening = true;
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    // Keep draining and showing what the server says after start (warnings, errors).
    child.stderr!.on('data', (chunk: Buffer) => {
      if (!listening) output += chunk.toString();
      process.stderr.write(`[server] ${chunk.toString()}`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      // A server that dies mid-run says how, so the failed request after it is explained.
      if (listening) process.stderr.write(`[server] exited with code ${code}, signal ${signal}\n`);
      reject(new Error(`The server exited with code ${code} before listening:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

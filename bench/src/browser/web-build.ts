/**
 * The bench's server serves `apps/web/dist` as it finds it when it starts, so the web app is
 * built first — by the web app's own build script (a no-op when dist matches its sources), in a
 * child process so Vite's memory and CPU stay out of the harness.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** Resolves to undefined when dist is current, else to why the web app could not be built. */
export function buildWebApp(repoRoot: string): Promise<string | undefined> {
  const script = path.join(repoRoot, 'apps/web/scripts/build.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  return new Promise((resolve) => {
    child.once('error', (error) => resolve(`building the web app failed to start: ${error.message}`));
    child.once('exit', (code) => resolve(code === 0 ? undefined : `building the web app (apps/web/scripts/build.ts) exited with ${code}: ${output.trim().split('\n').slice(-5).join(' / ')}`));
  });
}

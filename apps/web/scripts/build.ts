/**
 * Builds the web app into `apps/web/dist` with Vite — only when its inputs changed since the last
 * build. `pnpm start` runs this file before the server; the browser tests call `buildWebApp()`
 * from their global setup. The inputs are hashed (the app's sources and config, the core package
 * it bundles, the lockfile) and the hash is kept in `dist/.build-stamp`, so a fresh clone builds
 * once and later starts skip the build (a few seconds here, more on a slow machine).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(webRoot, '../..');
export const webDist = path.join(webRoot, 'dist');
const stampFile = path.join(webDist, '.build-stamp');

const inputs = [
  path.join(webRoot, 'src'),
  path.join(webRoot, 'public'),
  path.join(webRoot, 'index.html'),
  path.join(webRoot, 'vite.config.ts'),
  path.join(webRoot, 'package.json'),
  path.join(repoRoot, 'packages/core/src'),
  path.join(repoRoot, 'pnpm-lock.yaml'),
];

function filesUnder(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

/** Hash of every input file's path and content. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(filesUnder)) {
    if (file.endsWith('.test.ts')) continue;
    hash.update(path.relative(repoRoot, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds `dist/` unless its stamp matches the sources; returns whether it built. */
export async function buildWebApp(options: { force?: boolean; quiet?: boolean } = {}): Promise<boolean> {
  const hash = sourceHash();
  const built = fs.existsSync(stampFile) && fs.existsSync(path.join(webDist, 'index.html')) ? fs.readFileSync(stampFile, 'utf8') : '';
  if (!options.force && built === hash) return false;
  // Vite takes the mode from NODE_ENV when it is set, and test runners set it to 'test':
  // the served app must be the production build whoever asks for it.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: webRoot,
      configFile: path.join(webRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: options.quiet ? 'warn' : 'info',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  fs.writeFileSync(stampFile, hash);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildWebApp({ force: process.argv.includes('--force') })
    .then((didBuild) => {
      if (!didBuild) console.log('Web app is up to date (apps/web/dist)');
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

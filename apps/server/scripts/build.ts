/**
 * Bundles the server into `apps/server/dist/main.mjs` with esbuild, for `pnpm start` and the
 * benchmark suite. Running the TypeScript sources under tsx costs a loader, a transform cache and
 * a second process: about 70–100 MB of RSS before the first request (measured at start: 194 MB
 * under tsx, 126 MB bundled). Tests still import the sources directly.
 *
 * What is bundled: the server, the workspace packages (core, storage) and their pure-JS
 * dependencies. What stays a plain import from node_modules: every package the server depends on
 * itself — native drivers (better-sqlite3, argon2) and plugins that read files beside their own
 * code (swagger-ui's assets) cannot move into a bundle, and the rest load as Node loads them.
 * It takes about a second, so it runs on every start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = path.join(serverRoot, 'dist', 'main.mjs');

function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Bare imports of the server's own dependencies stay imports; the workspace packages are bundled. */
function serverDependenciesExternal(): Plugin {
  const manifest = JSON.parse(fs.readFileSync(path.join(serverRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const external = new Set(Object.keys(manifest.dependencies).filter((name) => !manifest.dependencies[name]!.startsWith('workspace:')));
  // pg asks for its optional native binding only when told to; it is not installed.
  external.add('pg-native');
  return {
    name: 'server-dependencies-external',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, (args) => (external.has(packageNameOf(args.path)) ? { path: args.path, external: true } : undefined));
    },
  };
}

export async function buildServer(): Promise<string> {
  await build({
    entryPoints: [path.join(serverRoot, 'src', 'main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [serverDependenciesExternal()],
    // Bundled CommonJS dependencies (pg) call `require` for Node's own modules.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  });
  return serverBundle;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildServer().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

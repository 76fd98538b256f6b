// Type-checks every workspace project with its own tsconfig, so each keeps its own
// `types` and `lib` (core sees neither Node nor the DOM, which keeps it pure; the web app sees
// the DOM but not Node, its build script Node; browser tests see both).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
const projects = ['packages/core', 'packages/core/tsconfig.test.json', 'packages/storage', 'apps/server', 'apps/web', 'apps/web/tsconfig.node.json', 'tests', 'tests/e2e', 'bench'];
for (const project of projects) {
  try {
    execFileSync(tsc, ['-p', project], { stdio: 'inherit', cwd: root });
  } catch {
    console.error(`typecheck failed in ${project}`);
    process.exit(1);
  }
}
console.log(`typecheck passed: ${projects.join(', ')}`);

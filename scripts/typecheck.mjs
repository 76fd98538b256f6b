// Type-checks every workspace project with its own tsconfig, so each keeps its own
// `types` and `lib` (core sees neither Node nor the DOM, which keeps it pure).
import { execFileSync } from 'node:child_process';

const projects = ['packages/core', 'packages/storage', 'apps/server', 'tests'];
for (const project of projects) {
  try {
    execFileSync('tsc', ['-p', project], { stdio: 'inherit' });
  } catch {
    console.error(`typecheck failed in ${project}`);
    process.exit(1);
  }
}
console.log(`typecheck passed: ${projects.join(', ')}`);

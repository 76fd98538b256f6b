/**
 * `pnpm bench` (full: 1,000,000 visits) and `pnpm bench --quick` (100,000). SQLite by default;
 * with DATABASE_URL, PostgreSQL. Writes bench/results.json (every run, keyed by scale and
 * dialect) and, after a full run, its section of BENCHMARKS.md. Missed figures are re-run under
 * --cpu-prof after a full run (`--no-profile` skips that) and after a quick one with `--profile`.
 * `pnpm bench --mixed-load` runs only the mixed load, printed (./mixed-load-alone.ts); with
 * `--profile` its server runs under --cpu-prof.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchmarksMd } from './report/markdown';
import { runKey, type ResultsFile, type RunResult } from './report/results';
import { fullScale, quickScale } from './scale';
import { runSuite } from './suite';
import { runMixedLoadAlone } from './mixed-load-alone';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(benchDir, '..');

function readResults(file: string): ResultsFile {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsFile;
  } catch {
    return { runs: {} };
  }
}

function printSummary(run: RunResult): void {
  console.log(`\n${run.scale} / ${run.dialect} — ${Math.round(run.durationSeconds)} s`);
  for (const figure of run.figures) {
    console.log(`  ${figure.status.padEnd(13)} ${figure.title}: ${figure.headline} (target ${figure.target})${figure.ratio ? ` — ${figure.ratio.value}× ${figure.ratio.against}` : ''}`);
  }
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2).filter((arg) => arg !== '--'));
  const known = new Set(['--quick', '--profile', '--no-profile', '--mixed-load']);
  for (const arg of args) if (!known.has(arg)) throw new Error(`Unknown option ${arg} (known: ${[...known].join(', ')})`);
  if (args.has('--mixed-load')) return runMixedLoadAlone(repoRoot, process.env.DATABASE_URL, { profile: args.has('--profile') });
  const scale = args.has('--quick') ? quickScale : fullScale;
  const run = await runSuite({
    repoRoot,
    scale,
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    // Profiling the misses takes a minute or two: on by default for the full run, asked for with --quick.
    profileMisses: args.has('--profile') || (scale.name === 'full' && !args.has('--no-profile')),
  });

  const resultsFile = path.join(benchDir, 'results.json');
  const results = readResults(resultsFile);
  results.runs[runKey(run)] = run;
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  if (run.scale === 'full') writeBenchmarksMd(path.join(repoRoot, 'BENCHMARKS.md'), run);
  printSummary(run);
  console.log(`\nWrote ${path.relative(repoRoot, resultsFile)}${run.scale === 'full' ? ' and BENCHMARKS.md' : ''}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

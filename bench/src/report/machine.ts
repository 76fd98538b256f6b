/** The machine, the database and the commit a run was measured on. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { BareSql } from '../bare/bare-sql';
import type { MachineInfo } from './results';

export async function describeMachine(bare: BareSql): Promise<MachineInfo> {
  const versionSql = bare.dialect === 'sqlite' ? 'SELECT sqlite_version() AS v' : 'SHOW server_version';
  const row = ((await bare.all(versionSql)) as Array<Record<string, unknown>>)[0] ?? {};
  const version = String(Object.values(row)[0] ?? '?');
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    database: bare.dialect === 'sqlite' ? `SQLite ${version} (better-sqlite3, WAL, synchronous=FULL)` : `PostgreSQL ${version} ${await postgresConnection(bare)}`,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** How the run reached PostgreSQL (the server does so the same way), so that runs are compared like with like. */
async function postgresConnection(bare: BareSql): Promise<string> {
  const row = ((await bare.all('SELECT host(inet_server_addr()) AS host, inet_server_port() AS port')) as Array<{ host: string | null; port: number | null }>)[0];
  return row?.host ? `over TCP (${row.host}:${row.port})` : 'through its Unix socket';
}

/** The checked-out commit, marked when the tree differs from it (read-only git), or "unknown". */
export function currentCommit(repoRoot: string): string {
  const options = { cwd: repoRoot, encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], options).trim();
  } catch {
    return 'unknown';
  }
  try {
    // BENCHMARKS.md is the suite's own output: a run right after the other dialect's finds it changed.
    execFileSync('git', ['diff', '--quiet', 'HEAD', '--', '.', ':(exclude)BENCHMARKS.md'], options);
    return commit;
  } catch {
    return `${commit} + uncommitted changes`;
  }
}

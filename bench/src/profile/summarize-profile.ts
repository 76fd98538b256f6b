/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) and says where the time went: self
 * time per function and per area (the package or part of the server it lives in), as shares of
 * the busy (non-idle) time. This is the "what bounds it" of a missed figure.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  busyMs: number;
  idleMs: number;
  areas: Array<{ area: string; percent: number }>;
  functions: Array<{ name: string; where: string; percent: number }>;
}

/** Which part of the stack a script URL belongs to. */
export function areaOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'garbage collection';
  // better-sqlite3 runs statements on this thread; the sampler charges them to the JS caller.
  if (functionName === 'executeQuery' && url.includes('sqlite-driver')) return 'SQLite executing statements (in-process)';
  if (functionName === 'prepare' && url.includes('better-sqlite3')) return 'SQLite preparing statements (no statement cache)';
  if (functionName === '(program)') return 'V8 / native (unattributed)';
  if (!url) return 'native (better-sqlite3, pg, JSON, …)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const workspace = /\/(apps\/[^/]+|packages\/[^/]+|bench)\/src\/([^/]+)/.exec(url);
  if (workspace) return `${workspace[1]} (${workspace[2]!.replace(/\.ts$/, '')})`;
  if (url.startsWith('node:')) return 'node core';
  return url.split('/').slice(-2).join('/');
}

function shortPlace(url: string, line: number): string {
  if (!url) return 'native';
  const tail = url.replace(/^file:\/\//, '').split('/node_modules/').pop()!;
  const parts = tail.split('/');
  return `${parts.slice(-2).join('/')}:${line + 1}`;
}

export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));

  let idleMs = 0;
  let busyMs = 0;
  const areas = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    busyMs += ms;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const where = shortPlace(url, lineNumber);
    const key = `${functionName}@${where}`;
    const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  const percent = (ms: number) => Math.round((ms / Math.max(busyMs, 1e-9)) * 1000) / 10;
  return {
    file,
    busyMs: Math.round(busyMs),
    idleMs: Math.round(idleMs),
    areas: [...areas].sort((a, b) => b[1] - a[1]).slice(0, top).map(([area, ms]) => ({ area, percent: percent(ms) })),
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, top).map((f) => ({ name: f.name, where: f.where, percent: percent(f.ms) })),
  };
}

/**
 * The newest main-thread `.cpuprofile` in `dir`. Node writes one per thread
 * (`CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`); thread 0 is the main one — the others
 * are tsx's module-loader worker, which only compiles modules at start.
 */
export function newestProfile(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs.readdirSync(dir).filter((name) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(name));
  const withTimes = files.map((name) => ({ name, at: fs.statSync(`${dir}/${name}`).mtimeMs }));
  withTimes.sort((a, b) => b.at - a.at);
  return withTimes[0] ? `${dir}/${withTimes[0].name}` : undefined;
}

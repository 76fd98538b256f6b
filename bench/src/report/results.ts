/**
 * The shape of bench/results.json: one run per (scale, dialect), each with its figures. A figure
 * is met, missed, not available (what it needs is not in the server yet) or informational, and
 * carries its measurements, the bare-stack ceiling of the same run and their ratio.
 */
import type { LatencySummary } from '../stats';
import type { MemoryReport } from '../memory-monitor';
import type { ProfileSummary } from '../profile/summarize-profile';

export type FigureStatus = 'met' | 'missed' | 'not available' | 'info';

export interface Measurement {
  label: string;
  /** Latency summary (ms), or a single value with its unit. */
  latency?: LatencySummary;
  value?: number;
  unit?: string;
}

export interface FigureResult {
  id: string;
  title: string;
  target: string;
  status: FigureStatus;
  /** The headline, e.g. "4.1 ms p50". */
  headline: string;
  measurements: Measurement[];
  /** Server ÷ bare-stack ceiling, and what the ceiling is. */
  ratio?: { value: number; against: string };
  notes: string[];
  profile?: ProfileSummary;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  database: string;
  loadAverage: number[];
}

export interface RunResult {
  scale: 'full' | 'quick';
  dialect: 'sqlite' | 'postgres';
  date: string;
  commit: string;
  machine: MachineInfo;
  durationSeconds: number;
  data: {
    visits: number;
    patients: number;
    apiCreated: number;
    bulkLoaded: number;
    bulkLoadPerSecond: number;
    linkFill?: string;
    computed: Record<string, string>;
  };
  figures: FigureResult[];
  memory: MemoryReport;
}

export interface ResultsFile {
  /** Keyed `full/sqlite`, `full/postgres`, `quick/sqlite`, `quick/postgres`. */
  runs: Record<string, RunResult>;
}

export function runKey(run: Pick<RunResult, 'scale' | 'dialect'>): string {
  return `${run.scale}/${run.dialect}`;
}

/** `met` when `value` is within `limit` (≤), else `missed`. */
export function within(value: number, limit: number): FigureStatus {
  return Number.isFinite(value) && value <= limit ? 'met' : 'missed';
}

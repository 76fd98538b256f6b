/**
 * Samples the server's resident memory every 250 ms for the whole run, and notes the phase
 * (figure) running at each peak, so "server memory through the whole run" says where it peaked.
 */
import { readRssMb } from './server-process';

export interface MemoryReport {
  peakMb: number;
  peakPhase: string;
  idleMb: number;
  /** Peak per phase, in run order. */
  phases: Array<{ phase: string; peakMb: number }>;
}

export class MemoryMonitor {
  private timer: NodeJS.Timeout | undefined;
  private pid = 0;
  private phase = 'start';
  private readonly peaks = new Map<string, number>();
  private idle = Number.NaN;

  watch(pid: number): void {
    this.pid = pid;
    if (Number.isNaN(this.idle)) this.idle = readRssMb(pid);
    this.timer ??= setInterval(() => this.sample(), 250);
    this.timer.unref();
  }

  enter(phase: string): void {
    this.sample();
    this.phase = phase;
    this.sample();
  }

  sample(): void {
    if (!this.pid) return;
    const rss = readRssMb(this.pid);
    if (!Number.isFinite(rss)) return;
    this.peaks.set(this.phase, Math.max(this.peaks.get(this.phase) ?? 0, rss));
  }

  stop(): void {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  report(): MemoryReport {
    const phases = [...this.peaks].map(([phase, peakMb]) => ({ phase, peakMb: Math.round(peakMb) }));
    const top = phases.reduce((best, entry) => (entry.peakMb > best.peakMb ? entry : best), { phase: 'none', peakMb: 0 });
    return { peakMb: top.peakMb, peakPhase: top.phase, idleMb: Math.round(this.idle), phases };
  }
}

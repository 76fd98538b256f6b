/**
 * Runs a figure's variants — the server, and its bare-stack ceilings — interleaved: every round
 * runs each variant once, in rotating order, after a few untimed warm-up rounds. Noise from the
 * shared machine then falls on all variants alike, and each figure is a median of its runs.
 */
import { median, round, summarize, type LatencySummary } from './stats';

export type Variant = () => Promise<number>;

export type Interleaved<K extends string> = Record<K, LatencySummary & { samples: number[] }>;

export async function interleaved<K extends string>(
  variants: Record<K, Variant>,
  rounds: { runs: number; warmups: number },
): Promise<Interleaved<K>> {
  const keys = Object.keys(variants) as K[];
  const samples = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds.warmups + rounds.runs; r++) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(r + i) % keys.length]!;
      const ms = await variants[key]();
      if (r >= rounds.warmups) samples[key].push(ms);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, { ...summarize(samples[key]), samples: samples[key].map(round) }])) as Interleaved<K>;
}

/**
 * Rounds for a figure that is a ratio of two medians of a few milliseconds each (a computed field
 * against its stored twin, a restricted member against the owner): ten times the usual, so one
 * busy moment of the shared machine does not decide it — a few seconds in all. At three times
 * (45 runs), full runs half an hour apart with the same read path gave 1.13× and 1.21× for the
 * lookup filter, 1.42× and 1.53× for the restricted member: either side of their targets.
 */
export function ratioRounds(rounds: { runs: number; warmups: number }): { runs: number; warmups: number } {
  return { runs: rounds.runs * 10, warmups: rounds.warmups };
}

export { median, round };

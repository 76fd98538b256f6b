/**
 * How big a run is. The full suite is the issue's: 1,000,000 visits over 10,000 patients, a
 * 60-second mixed load on 100,000 records. `--quick` keeps every figure but shrinks the data to
 * 100,000 visits — the visits table then carries the mixed load itself — and the load to 15
 * seconds, to check a change in about two minutes.
 */
export interface Scale {
  name: 'full' | 'quick';
  seed: number;
  visits: number;
  patients: number;
  /** Visits of the walk-in patient: the parent of the rollup over 10,000 children. */
  walkInVisits: number;
  /** Visits created through the API in batches of 1000 (the "create records" figure). */
  apiCreatedVisits: number;
  /** Records of the table the mixed load runs on. */
  loadTableRecords: number;
  loadSeconds: number;
  loadReaders: number;
  loadWriters: number;
  /** Timed runs per latency figure (after warm-up). */
  runs: number;
  warmups: number;
}

export const fullScale: Scale = {
  name: 'full',
  seed: 20240601,
  visits: 1_000_000,
  patients: 10_000,
  walkInVisits: 10_000,
  apiCreatedVisits: 20_000,
  loadTableRecords: 100_000,
  loadSeconds: 60,
  loadReaders: 30,
  loadWriters: 20,
  runs: 15,
  warmups: 3,
};

export const quickScale: Scale = {
  ...fullScale,
  name: 'quick',
  visits: 100_000,
  apiCreatedVisits: 20_000,
  /** The visits table itself carries the load at this size. */
  loadTableRecords: 100_000,
  loadSeconds: 15,
  runs: 9,
  warmups: 2,
};

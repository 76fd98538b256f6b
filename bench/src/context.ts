/**
 * What every figure gets: the scale, the API client (bearer token), the tables as the API
 * describes them, the computed-field outcomes, the bare-stack handles (SQL and HTTP), and the
 * physical names of the visits table's columns — from @multitable/storage's naming, so the bare
 * SQL reads exactly the columns the server does.
 */
import { fieldColumnName, userTableName } from '@multitable/storage';
import type { Field } from '@multitable/core';
import type { BareHttp } from './bare/bare-http';
import type { BareSql } from './bare/bare-sql';
import { fieldNamed, type ApiTable, type ComputedSetup, type HospitalTables } from './data/hospital-tables';
import { HttpError, queryString, type HttpClient } from './http/client';
import type { MemoryMonitor } from './memory-monitor';
import type { Scale } from './scale';
import type { LoadTable } from './figures/mixed-load';

export interface BenchContext {
  scale: Scale;
  dialect: 'sqlite' | 'postgres';
  api: HttpClient;
  baseId: string;
  /** The base's time zone. */
  timeZone: string;
  ownerId: string;
  doctorIds: string[];
  tables: HospitalTables;
  computed: ComputedSetup;
  /** Patient record ids by patient index (0 = the walk-in patient). */
  patientIds: string[];
  bare: BareSql;
  bareHttp: BareHttp;
  memory: MemoryMonitor;
  /**
   * How to repeat a figure's server-side work (on a restarted server, under `--cpu-prof`, when
   * the figure missed): registered by the figures, keyed by figure id.
   */
  replays: Map<string, (context: BenchContext) => Promise<void>>;
  /** The mixed load's 100,000-record table, once made (profiling re-runs schema changes on it). */
  loadTable?: LoadTable;
  log(message: string): void;
}

/** Runs `work` at least `minRuns` times and for at least `ms` milliseconds (a profile's workload). */
export async function repeatFor(ms: number, work: () => Promise<unknown>, minRuns = 10): Promise<void> {
  const until = performance.now() + ms;
  for (let run = 0; run < minRuns || performance.now() < until; run++) await work();
}

export function recordsPath(context: Pick<BenchContext, 'baseId'>, tableId: string, params: Record<string, unknown> = {}): string {
  return `/api/v1/bases/${context.baseId}/tables/${tableId}/records${queryString(params)}`;
}

/** Times one GET; anything but 200 is an error (a figure must never time an error page). */
export async function timeGet(api: HttpClient, path: string): Promise<number> {
  const reply = await api.send('GET', path);
  if (reply.status !== 200) throw new HttpError('GET', path, reply);
  return reply.ms;
}

/** The response bytes of one GET, to hand to the bare fastify route. */
export async function bytesOf(api: HttpClient, path: string): Promise<string> {
  const reply = await api.send('GET', path);
  if (reply.status !== 200) throw new HttpError('GET', path, reply);
  return reply.text;
}

export function tableSql(table: ApiTable): string {
  return userTableName(table.id);
}

export function columnSql(table: ApiTable, fieldName: string): string {
  return fieldColumnName(fieldNamed(table, fieldName) as unknown as Field);
}

/** An ORDER BY key with the server's semantics: text by code point, empty cells first ascending. */
export function sortKeySql(dialect: BenchContext['dialect'], column: string, text: boolean, direction: 'asc' | 'desc'): string {
  const key = text && dialect === 'postgres' ? `${column} COLLATE "C"` : column;
  if (dialect === 'sqlite') return `${key} ${direction.toUpperCase()}`; // SQLite: NULLs sort lowest already
  return `${key} ${direction === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST'}`;
}

/** The default record order, as the server writes it: row_order then id. */
export function defaultOrderSql(dialect: BenchContext['dialect']): string {
  return dialect === 'postgres' ? 'row_order COLLATE "C", id COLLATE "C"' : 'row_order, id';
}

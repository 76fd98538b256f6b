/**
 * Server configuration from the environment (DESIGN §11). `readConfig` validates every
 * variable and throws naming the one that is wrong; `defaultConfig` gives the same defaults
 * for tests and embedding. Times are kept in minutes/hours as the operator writes them.
 */
import path from 'node:path';
import type { StorageConfig } from '@multitable/storage';
import { canonicalTimeZone } from './time-zones';

export interface ServerConfig {
  /** SQLite file, attachments and logs live here (default `./data`). */
  dataDir: string;
  /** `postgres://…` switches the store to PostgreSQL. */
  databaseUrl?: string;
  host: string;
  port: number;
  /** Public origin (and optional path) users reach the server at; https turns on `Secure` cookies. */
  publicUrl?: string;
  /** A session unused this long ends (default 30). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in however active it is (default 12). */
  sessionAbsoluteHours: number;
  /** IANA zone a new base gets when the request names none (default `UTC`). */
  defaultTimeZone: string;
  /** Failed sign-ins allowed per account and per IP within the window before 429 (default 5 in 15 min). */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** Trust `X-Forwarded-For` (behind a reverse proxy) for client IPs. */
  trustProxy: boolean;
  /** pino level, or `silent`. */
  logLevel: string;
  /** Largest attachment accepted, in MiB (default 20). */
  attachmentMaxMiB: number;
  /**
   * Records per batch when a computed field is filled (default 5,000). A table with more records
   * than this is filled in batches of separate transactions after the field is saved; the first
   * batch has this many records, the next ones are sized to take about `computedFillBatchMs`.
   */
  computedFillBatchSize: number;
  /**
   * How long one background fill batch (one transaction) should take, in milliseconds (default
   * 75): batches grow while they are quicker and shrink while they are slower, so requests
   * waiting for the database get in between. 0 keeps every batch at `computedFillBatchSize`.
   */
  computedFillBatchMs: number;
}

export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    dataDir: path.resolve('data'),
    host: '127.0.0.1',
    port: 3000,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    defaultTimeZone: 'UTC',
    loginMaxFailures: 5,
    loginWindowMinutes: 15,
    trustProxy: false,
    logLevel: 'info',
    attachmentMaxMiB: 20,
    computedFillBatchSize: 5_000,
    computedFillBatchMs: 75,
    ...overrides,
  };
}

type Env = Record<string, string | undefined>;

function positiveNumber(env: Env, name: string, fallback: number, integer = false): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${integer ? 'integer' : 'number'}, got "${raw}"`);
  }
  return value;
}

function nonNegativeNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got "${raw}"`);
  return value;
}

function publicUrlFrom(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PUBLIC_URL must start with http:// or https://, got "${raw}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Reads DATA_DIR, DATABASE_URL, HOST, PORT, PUBLIC_URL, SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS,
 * DEFAULT_TIME_ZONE, LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES, TRUST_PROXY, LOG_LEVEL, ATTACHMENT_MAX_MIB,
 * COMPUTED_FILL_BATCH_SIZE, COMPUTED_FILL_BATCH_MS. */
export function readConfig(env: Env = process.env): ServerConfig {
  const defaults = defaultConfig();
  const port = env.PORT === undefined || env.PORT === '' ? defaults.port : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got "${env.PORT}"`);
  const zone = env.DEFAULT_TIME_ZONE || defaults.defaultTimeZone;
  const defaultTimeZone = canonicalTimeZone(zone);
  if (!defaultTimeZone) throw new Error(`DEFAULT_TIME_ZONE must be an IANA time zone such as Asia/Shanghai, got "${zone}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const publicUrl = publicUrlFrom(env.PUBLIC_URL);
  return {
    dataDir: path.resolve(env.DATA_DIR || defaults.dataDir),
    ...(databaseUrl ? { databaseUrl } : {}),
    host: env.HOST || defaults.host,
    port,
    ...(publicUrl ? { publicUrl } : {}),
    sessionIdleMinutes: positiveNumber(env, 'SESSION_IDLE_MINUTES', defaults.sessionIdleMinutes),
    sessionAbsoluteHours: positiveNumber(env, 'SESSION_ABSOLUTE_HOURS', defaults.sessionAbsoluteHours),
    defaultTimeZone,
    loginMaxFailures: positiveNumber(env, 'LOGIN_MAX_FAILURES', defaults.loginMaxFailures, true),
    loginWindowMinutes: positiveNumber(env, 'LOGIN_WINDOW_MINUTES', defaults.loginWindowMinutes),
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL || defaults.logLevel,
    attachmentMaxMiB: positiveNumber(env, 'ATTACHMENT_MAX_MIB', defaults.attachmentMaxMiB),
    computedFillBatchSize: positiveNumber(env, 'COMPUTED_FILL_BATCH_SIZE', defaults.computedFillBatchSize, true),
    computedFillBatchMs: nonNegativeNumber(env, 'COMPUTED_FILL_BATCH_MS', defaults.computedFillBatchMs),
  };
}

/** The storage part of the configuration. */
export function storageConfigOf(config: ServerConfig): StorageConfig {
  return { dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) };
}

/** True when the server is reached over TLS, so cookies get `Secure` and the `__Host-` prefix. */
export function servedOverTls(config: ServerConfig): boolean {
  return config.publicUrl?.startsWith('https://') ?? false;
}

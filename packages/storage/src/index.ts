/** @multitable/storage — the only package that knows SQL. */
export * from './database';
export type { SqlDialect, DialectName } from './dialects/dialect';

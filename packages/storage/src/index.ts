/** @multitable/storage — the only package that knows SQL. */
export * from './database';
export type { SqlDialect, DialectName } from './dialects/dialect';
export * from './attachments/attachments';
export * from './accounts/index';
export * from './bases/index';
export * from './physical/index';
export * from './schema/index';
export * from './records/index';
export * from './changes/index';
export * from './query/index';
export * from './links/index';
export * from './comments/comments';

/** Records of user tables: insert, update, delete, read, move. Values arrive canonical. */
export type { StoredRecord, Actor } from './stored-record';
export * from './insert-records';
export * from './update-records';
export * from './delete-records';
export * from './read-records';
export * from './move-record';
export * from './computed-cells';
export * from './computed-fill';
export * from './table-walk';
export * from './touch-records';
export * from './record-ids';
export * from './group-counts';

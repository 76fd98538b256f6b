/** Grouping records by up to three fields: resolution and the in-memory reference grouper. */
export * from './resolve-group-by';
export * from './group-records';

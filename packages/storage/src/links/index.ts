/** Link fields' junction tables: naming, DDL, membership reads and writes. */
export * from './junction';
export * from './junction-ddl';
export * from './link-reads';
export * from './set-links';
export * from './remove-records';

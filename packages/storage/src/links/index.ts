/** Link fields' junction tables: naming, DDL, membership reads (and reads through them) and writes. */
export * from './junction';
export * from './junction-ddl';
export * from './link-reads';
export * from './linked-cells';
export * from './set-links';
export * from './remove-records';

/** Link fields' junction tables. */
export * from './junction';
export * from './link-reads';

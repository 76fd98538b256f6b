/** @multitable/core — the pure engine: field types, filters, schemas. No I/O, runs anywhere. */
export * from './errors';
export * from './ids';
export * from './json-limits';
export * from './fields/field';
export * from './fields/field-type';
export * from './fields/registry';
export * from './filters/operator-keys';

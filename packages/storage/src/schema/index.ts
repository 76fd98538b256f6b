/** Tables, fields and views metadata, with the DDL each change needs. */
export * from './positions';
export * from './tables';
export * from './create-table';
export { getField, requireField, listFields, listFieldsOfTypes } from './field-meta';
export * from './fields';
export * from './field-type-change';
export * from './views';
